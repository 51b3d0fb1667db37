// Person and company names: whitespace tidied (trimmed, runs collapsed, invisible characters
// removed), case kept as written. Full names split into first and last when those are missing.

// Control characters (C0, DEL) and zero-width marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'rev']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba', 'esq', 'cpa']);
/** Lower-case particles that belong to the last name ("Ludwig van Beethoven"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'st', 'bin', 'al', 'ter', 'ten']);

/** Tidied text, or null when nothing is left. Idempotent. */
export function normalizeName(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const value = String(input).replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return value || null;
}

const bare = (word: string) => word.toLowerCase().replace(/[.,]/g, '');

/**
 * First and last name from a full name: "Dr. Jane van der Berg, PhD" → Jane / van der Berg;
 * "Berg, Jane" → Jane / Berg; a single word is a first name.
 */
export function splitFullName(input: string | null | undefined): { firstName: string | null; lastName: string | null } {
  const full = normalizeName(input);
  if (!full) return { firstName: null, lastName: null };
  const comma = full.split(',').map((p) => p.trim()).filter(Boolean);
  // "Last, First" (but not "First Last, PhD").
  if (comma.length === 2 && !SUFFIXES.has(bare(comma[1]!)) && !comma[1]!.includes(' ')) {
    return { firstName: normalizeName(comma[1]), lastName: normalizeName(comma[0]) };
  }
  let words = full.replace(/,/g, ' ').split(' ').filter(Boolean);
  while (words.length > 1 && HONORIFICS.has(bare(words[0]!))) words = words.slice(1);
  while (words.length > 1 && SUFFIXES.has(bare(words[words.length - 1]!))) words = words.slice(0, -1);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0]!, lastName: null };
  let lastStart = words.length - 1;
  while (lastStart > 1 && PARTICLES.has(words[lastStart - 1]!.toLowerCase())) lastStart -= 1;
  return { firstName: words.slice(0, lastStart).join(' '), lastName: words.slice(lastStart).join(' ') };
}

/** "Jane" + "van der Berg" → "Jane van der Berg"; null when both are empty. */
export function joinFullName(firstName: string | null | undefined, lastName: string | null | undefined): string | null {
  return normalizeName([firstName ?? '', lastName ?? ''].join(' '));
}
