import { describe, expect, it } from 'vitest';
import { warmupPlanInputSchema } from '@shared/contracts/email';
import { warmupPlanFormSchema } from './warmup-plan-form';

const issues = (value: unknown) =>
  warmupPlanFormSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('the warm-up plan form', () => {
  it('accepts what the API accepts', () => {
    const plan = { name: 'Three weeks', dailyCaps: [50, 100, 200] };
    expect(warmupPlanFormSchema.parse(plan)).toEqual(warmupPlanInputSchema.parse(plan));
  });

  it('names each day whose cap is empty, fractional, zero or too large', () => {
    expect(issues({ name: 'Bad', dailyCaps: [50, Number.NaN, 2.5, 0, 10_000_001] })).toEqual([
      'dailyCaps.1: enter a number',
      'dailyCaps.2: must be a whole number',
      'dailyCaps.3: must be at least 1',
      'dailyCaps.4: must be at most 10,000,000',
    ]);
  });

  it('wants a name and at least one day, and at most ninety', () => {
    expect(issues({ name: ' ', dailyCaps: [] })).toEqual(['name: must not be empty', 'dailyCaps: add at least one day']);
    expect(issues({ name: 'Long', dailyCaps: Array(91).fill(10) })).toEqual(['dailyCaps: at most 90 days']);
  });
});
