// Company names as a matching key: accents, punctuation, "the" and legal-form suffixes (Inc, LLC,
// GmbH, Ltd, S.A., AG, …) dropped, lower-case, single spaces — "ACME, Inc." and "Acme" meet.
// Similarity between keys is the trigram similarity of pg_trgm, computed here the same way for
// databases without the extension and for ranking candidates.

/** Legal forms, as word sequences after punctuation is removed ("S.A." → "s a", "GmbH & Co. KG" → "gmbh and co kg"). */
const LEGAL_FORMS = [
  'gmbh and co kg', 'gmbh co kg', 'co kg', 'incorporated', 'inc', 'llc', 'l l c', 'ltd', 'limited', 'plc', 'llp', 'lp', 'corp', 'corporation',
  'co', 'company', 'gmbh', 'mbh', 'ag', 'kg', 'se', 'sa', 's a', 'sas', 's a s', 'sarl', 's a r l', 'sl', 's l', 'srl', 's r l', 'spa', 's p a',
  'bv', 'b v', 'nv', 'n v', 'oy', 'oyj', 'ab', 'as', 'a s', 'asa', 'aps', 'kk', 'pty', 'pty ltd', 'pte', 'pte ltd', 'pvt', 'pvt ltd',
  'private limited', 'sp z o o', 'sro', 's r o', 'de cv', 'sa de cv', 's a de c v', 'ltda', 'group', 'holdings', 'holding',
].map((form) => form.split(' '));
LEGAL_FORMS.sort((a, b) => b.length - a.length);

/** The matching key of a company name, or null when nothing but a legal form (or nothing) is left. */
export function companyNameKey(input: string | null | undefined): string | null {
  if (!input) return null;
  const words = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words.shift();
  // Legal forms come last, sometimes two of them ("Acme Holdings Ltd"); keep at least one word.
  for (let stripped = true; stripped && words.length > 1; ) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (form.length < words.length && form.every((w, i) => words[words.length - form.length + i] === w)) {
        words.splice(words.length - form.length);
        stripped = true;
        break;
      }
    }
  }
  const key = words.join(' ');
  return key || null;
}

/** pg_trgm's trigrams of a text: each word padded with two spaces in front and one behind. */
function trigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  }
  return set;
}

/** pg_trgm `similarity()`: shared trigrams over all distinct trigrams of both texts (0–1). */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}
