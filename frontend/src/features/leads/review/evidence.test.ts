import { describe, expect, it } from 'vitest';
import type { FactorScore, Utterance } from '@shared/contracts/leads';
import { numberQuotes, quoteRange, utteranceAt } from './evidence';

const utterances: Utterance[] = [
  { speaker: 'agent', startMs: 0, endMs: 4_000, text: 'Hi Hana, this is Dora from Northwind.' },
  { speaker: 'prospect', startMs: 4_500, endMs: 9_000, text: "Yes, I'd like the whitepaper — send it to my work email." },
  { speaker: 'agent', startMs: 9_000, endMs: 12_000, text: 'Great, may we call you about it?' },
];

const quote = (text: string, startMs: number | null, endMs: number | null) => ({ kind: 'quote' as const, text, speaker: 'prospect' as const, startMs, endMs, field: null });
const field = (name: string) => ({ kind: 'field' as const, text: 'valid', speaker: null, startMs: null, endMs: null, field: name });

describe('the utterance being spoken', () => {
  it('is the one whose span holds the position', () => {
    expect(utteranceAt(utterances, 0)).toBe(0);
    expect(utteranceAt(utterances, 5_000)).toBe(1);
    expect(utteranceAt(utterances, 9_000)).toBe(2);
  });
  it('is none in a pause between utterances or after the last', () => {
    expect(utteranceAt(utterances, 4_200)).toBe(-1);
    expect(utteranceAt(utterances, 20_000)).toBe(-1);
  });
});

describe('numbering the quote chips', () => {
  it('numbers only the quotes with times, in the order of the factors', () => {
    const factors: FactorScore[] = [
      { factor: 'content_interest', score: 90, verdict: 'pass', reason: 'asked for it', evidence: [quote('I would like the whitepaper', 4_500, 6_000), field('answers.budget')] },
      { factor: 'email_deliverability', score: 100, verdict: 'pass', reason: 'valid', evidence: [field('email')] },
      { factor: 'permission_to_contact', score: 80, verdict: 'pass', reason: 'agreed', evidence: [quote('no times', null, null), quote('may we call you', 9_000, 12_000)] },
    ];
    expect(numberQuotes(factors).map((q) => [q.n, q.factor, q.evidence.startMs])).toEqual([
      [1, 'content_interest', 4_500],
      [2, 'permission_to_contact', 9_000],
    ]);
  });
});

describe("finding a quote's words in an utterance", () => {
  it('finds them whatever the case and punctuation', () => {
    const text = utterances[1]!.text;
    const range = quoteRange(text, "I'd like the WHITEPAPER");
    expect(range).not.toBeNull();
    expect(text.slice(...range!)).toBe("I'd like the whitepaper");
  });
  it('finds the part of a quote that runs on into the next utterance', () => {
    const text = utterances[2]!.text;
    const range = quoteRange(text, 'may we call you about it? Sure, any time');
    expect(text.slice(...range!)).toBe('may we call you about it');
  });
  it('answers null when the words are not there', () => {
    expect(quoteRange(utterances[0]!.text, 'send me the pricing sheet')).toBeNull();
    expect(quoteRange(utterances[0]!.text, '')).toBeNull();
  });
});
