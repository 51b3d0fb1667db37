// The ids the builders derive from what an author types: a question's answer id and a
// disposition's code, both lower-case letters, digits and _ (starting with a letter, at most 40),
// as the contract wants them.
const MAX = 40;

/** "Budget this year?" → "budget_this_year"; nothing usable → "question". */
export function answerId(label: string): string {
  const slug = label
    .normalize('NFKD')
    // Accents come apart from their letters under NFKD: drop them, keep the letters.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[0-9_]+/, '')
    .slice(0, MAX)
    .replace(/_+$/, '');
  return slug || 'question';
}

/** `base`, or `base_2`, `base_3`, … whichever is not taken yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  const stem = base.slice(0, MAX - 4);
  for (let i = 2; ; i++) if (!taken.has(`${stem}_${i}`)) return `${stem}_${i}`;
}
