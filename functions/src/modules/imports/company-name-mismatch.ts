// Whether a file's company name and the name of the account its domain resolves to name different
// companies. The domain decides the account either way; a strong difference ("Globex" on acme.com)
// is a merge the file may not have intended, so the row is kept and a person is told.
import { COMPANY_NAME_WARNING } from '@shared/contracts/imports';
import { companyNameKey, trigramSimilarity } from '../audience';

/** Below both, the names share too little to be one company written two ways. */
const MIN_SHARED_WORDS = 0.5;
const MIN_TRIGRAM_SIMILARITY = 0.4;

/**
 * True when the names differ strongly once case, punctuation, "the" and legal forms are gone:
 * fewer than half the words of the shorter name in the longer one (a token-set match, so "Acme"
 * and "Acme Software" agree) and little spelling in common ("Acme Labs" and "Acme Lab" agree).
 */
export function companyNamesDiffer(fileName: string, accountName: string): boolean {
  const a = companyNameKey(fileName);
  const b = companyNameKey(accountName);
  if (!a || !b || a === b) return false;
  const wordsA = new Set(a.split(' '));
  const wordsB = new Set(b.split(' '));
  let shared = 0;
  for (const w of wordsA) if (wordsB.has(w)) shared++;
  const tokenSet = shared / Math.min(wordsA.size, wordsB.size);
  return tokenSet < MIN_SHARED_WORDS && trigramSimilarity(a, b) < MIN_TRIGRAM_SIMILARITY;
}

export function companyNameWarning(fileName: string, accountName: string, domain: string): string {
  return `${COMPANY_NAME_WARNING}: "${fileName}" in the file, "${accountName}" on the account of ${domain} (the row was filed under it)`;
}
