// The review's arithmetic over the transcript and the evidence: which utterance is playing, the
// numbered quote chips (keys 1–9 play them), and where a quote's words sit inside an utterance.
import type { Evidence, FactorScore, Utterance } from '@shared/contracts/leads';

/** A quote the audio can play: evidence with both times. */
export interface PlayableQuote {
  /** 1-based, in the order the factors list them (the digit key that plays it, up to 9). */
  n: number;
  factor: FactorScore['factor'];
  evidence: Evidence & { startMs: number; endMs: number };
}

export function isPlayable(evidence: Evidence): evidence is Evidence & { startMs: number; endMs: number } {
  return evidence.kind === 'quote' && evidence.startMs !== null && evidence.endMs !== null;
}

/** Every playable quote of the factors, numbered in reading order. */
export function numberQuotes(factors: readonly FactorScore[]): PlayableQuote[] {
  const quotes: PlayableQuote[] = [];
  for (const factor of factors) {
    for (const evidence of factor.evidence) {
      if (isPlayable(evidence)) quotes.push({ n: quotes.length + 1, factor: factor.factor, evidence });
    }
  }
  return quotes;
}

/** The utterance being spoken at `ms`: the last one started by then, while it lasts (else -1). */
export function utteranceAt(utterances: readonly Utterance[], ms: number): number {
  let found = -1;
  for (let i = 0; i < utterances.length; i += 1) {
    const u = utterances[i]!;
    if (u.startMs <= ms && ms < u.endMs) found = i;
    if (u.startMs > ms) break;
  }
  return found;
}

/** Whether the utterance overlaps the span [startMs, endMs). */
export function overlaps(u: Utterance, span: { startMs: number; endMs: number }): boolean {
  return u.startMs < span.endMs && span.startMs < u.endMs;
}

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ');

/**
 * Where the quote's words are in the utterance's text, as [start, end) character offsets, or
 * null when the words are not there verbatim (punctuation and case aside). A quote that spans
 * several utterances is found by its part in this one: the longest run of its words present.
 */
export function quoteRange(text: string, quote: string): [number, number] | null {
  const words = normalise(quote).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const haystack = normalise(text);
  for (let len = words.length; len >= Math.min(2, words.length); len -= 1) {
    for (let from = 0; from + len <= words.length; from += 1) {
      const needle = words.slice(from, from + len).join(' ');
      const at = haystack.replace(/\s+/g, ' ').indexOf(needle);
      if (at >= 0) return mapCollapsed(haystack, at, needle.length);
    }
  }
  return null;
}

/** Maps offsets in the whitespace-collapsed text back to the original (normalising keeps lengths; collapsing does not). */
function mapCollapsed(original: string, at: number, length: number): [number, number] {
  let collapsedIndex = 0;
  let start = -1;
  for (let i = 0; i < original.length; i += 1) {
    const isSpace = /\s/.test(original[i]!);
    if (isSpace && i > 0 && /\s/.test(original[i - 1]!)) continue;
    if (collapsedIndex === at && start < 0) start = i;
    collapsedIndex += 1;
    if (start >= 0 && collapsedIndex === at + length) return [start, i + 1];
  }
  return [Math.max(start, 0), original.length];
}
