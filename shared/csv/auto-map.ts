// Suggests a target for each CSV header: exact template headers with full confidence, known
// synonyms next, then fuzzy matches (edit distance) with a confidence the user reviews. Each
// template field is given to at most one column: the most confident one.
import { AMBIGUOUS_SYNONYMS, HEADER_SYNONYMS } from './header-synonyms';
import { TEMPLATE_TARGETS, customFieldName, headerOfTarget, type ColumnTarget, type TemplateTarget } from './mapping-target';

export type MatchMethod = 'exact' | 'synonym' | 'fuzzy' | 'profile' | 'custom' | 'ignored';

export interface ColumnSuggestion {
  /** 0-based column index in the file. */
  column: number;
  header: string;
  target: ColumnTarget;
  /** 0..1: 1 for an exact template header. */
  confidence: number;
  method: MatchMethod;
}

/** Case, spacing and punctuation insensitive form of a header: "E-mail  Address" → "emailaddress". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, 'number')
    .replace(/[^a-z0-9]+/g, '');
}

const EXACT = new Map<string, TemplateTarget>(TEMPLATE_TARGETS.map((t) => [normalizeHeader(headerOfTarget(t)), t]));

const SYNONYMS = new Map<string, TemplateTarget>();
for (const [target, names] of Object.entries(HEADER_SYNONYMS) as [TemplateTarget, readonly string[]][]) {
  for (const name of names) {
    const key = normalizeHeader(name);
    if (!EXACT.has(key) && !SYNONYMS.has(key)) SYNONYMS.set(key, target);
  }
}

const FUZZY_CANDIDATES: [string, TemplateTarget][] = [...EXACT.entries(), ...SYNONYMS.entries()];
const FUZZY_THRESHOLD = 0.8;

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - levenshtein(a, b) / longest;
}

/** The best single suggestion for one header, before columns compete for fields. */
export function suggestTarget(header: string): { target: TemplateTarget; confidence: number; method: MatchMethod } | null {
  const key = normalizeHeader(header);
  if (!key) return null;
  const exact = EXACT.get(key);
  if (exact) return { target: exact, confidence: 1, method: 'exact' };
  const synonym = SYNONYMS.get(key);
  if (synonym) return { target: synonym, confidence: AMBIGUOUS_SYNONYMS.has(key) ? 0.7 : 0.9, method: 'synonym' };
  if (key.length < 4) return null;
  let best: { target: TemplateTarget; score: number } | null = null;
  for (const [candidate, target] of FUZZY_CANDIDATES) {
    if (Math.abs(candidate.length - key.length) > Math.ceil(key.length * (1 - FUZZY_THRESHOLD)) + 1) continue;
    const score = similarity(key, candidate);
    if (score >= FUZZY_THRESHOLD && (!best || score > best.score)) best = { target, score };
  }
  return best ? { target: best.target, confidence: Math.round(best.score * 0.85 * 100) / 100, method: 'fuzzy' } : null;
}

/** Unmatched columns are kept as custom contact fields named by their header (blank headers are ignored). */
function customTargetOf(header: string): ColumnTarget {
  const name = customFieldName(header);
  return name ? `contact.custom.${name}` : null;
}

export function autoMap(headers: readonly string[]): ColumnSuggestion[] {
  const suggestions = headers.map((header, column) => ({ column, header, suggestion: suggestTarget(header) }));
  // Most confident first, ties to the leftmost column, so "Email" beats "Work Email" for contact.email.
  const order = [...suggestions]
    .filter((s) => s.suggestion)
    .sort((a, b) => b.suggestion!.confidence - a.suggestion!.confidence || a.column - b.column);
  const taken = new Set<TemplateTarget>();
  const winners = new Set<number>();
  for (const s of order) {
    if (taken.has(s.suggestion!.target)) continue;
    taken.add(s.suggestion!.target);
    winners.add(s.column);
  }
  const customNames = new Set<string>();
  return suggestions.map(({ column, header, suggestion }): ColumnSuggestion => {
    if (suggestion && winners.has(column)) return { column, header, ...suggestion };
    let target = customTargetOf(header);
    // Two headers that reduce to the same name ("Score", "score ") get distinct fields.
    for (let n = 2; target && customNames.has(target); n++) target = `${customTargetOf(header)}_${n}` as ColumnTarget;
    if (target) customNames.add(target);
    return { column, header, target, confidence: 0, method: target ? 'custom' : 'ignored' };
  });
}
