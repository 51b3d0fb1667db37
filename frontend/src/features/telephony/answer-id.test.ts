import { describe, expect, it } from 'vitest';
import { formFieldSchema } from '@shared/contracts/telephony';
import { answerId, uniqueId } from './answer-id';

describe('answer ids from labels', () => {
  it('turns a question into an id the contract accepts', () => {
    for (const [label, id] of [
      ['Budget this year?', 'budget_this_year'],
      ['  Décision-maker — yes/no ', 'decision_maker_yes_no'],
      ['2026 plans', 'plans'],
      ['???', 'question'],
      ['A very long question about the buying committee and its members', 'a_very_long_question_about_the_buying_co'],
    ] as const) {
      expect(answerId(label)).toBe(id);
      expect(formFieldSchema.safeParse({ id: answerId(label), label: 'x', type: 'text' }).success, label).toBe(true);
    }
  });

  it('numbers a taken id', () => {
    expect(uniqueId('budget', new Set())).toBe('budget');
    expect(uniqueId('budget', new Set(['budget', 'budget_2']))).toBe('budget_3');
  });
});
