import { describe, expect, it } from 'vitest';
import { WARMUP_MAX_DAYS, warmupPlanInputSchema } from '@shared/contracts/email';
import { WARMUP_MAX_CAP, describeWarmupPlan, generateWarmupCaps, warmupCurveIssues } from './warmup-curve';

describe('generating a warm-up curve', () => {
  it('starts at N and grows by the percentage each day, rounded', () => {
    expect(generateWarmupCaps({ start: 50, growthPercent: 50, days: 6 })).toEqual([50, 75, 113, 169, 253, 380]);
  });

  it('stays flat with no growth and gives one day for one day', () => {
    expect(generateWarmupCaps({ start: 200, growthPercent: 0, days: 3 })).toEqual([200, 200, 200]);
    expect(generateWarmupCaps({ start: 7, growthPercent: 30, days: 1 })).toEqual([7]);
  });

  it('never goes down, even when rounding small numbers would', () => {
    const caps = generateWarmupCaps({ start: 1, growthPercent: 10, days: 10 });
    expect(caps[0]).toBe(1);
    caps.slice(1).forEach((cap, i) => expect(cap).toBeGreaterThanOrEqual(caps[i]!));
  });

  it('stops at the largest cap the API takes, over the longest plan the API takes', () => {
    const caps = generateWarmupCaps({ start: 1_000_000, growthPercent: 100, days: WARMUP_MAX_DAYS });
    expect(caps).toHaveLength(WARMUP_MAX_DAYS);
    expect(caps.at(-1)).toBe(WARMUP_MAX_CAP);
    expect(warmupPlanInputSchema.safeParse({ name: 'Fast', dailyCaps: caps }).success).toBe(true);
  });

  it('names each input it cannot use, and refuses to generate from them', () => {
    expect(warmupCurveIssues({ start: 50, growthPercent: 30, days: 21 })).toEqual({});
    expect(warmupCurveIssues({ start: 0, growthPercent: 150, days: 91 })).toEqual({
      start: 'must be a whole number from 1 to 10,000,000',
      growthPercent: 'must be from 0 to 100 %',
      days: 'must be a whole number from 1 to 90',
    });
    expect(warmupCurveIssues({ start: 2.5, growthPercent: Number.NaN, days: 0 })).toMatchObject({ start: expect.any(String), growthPercent: expect.any(String), days: expect.any(String) });
    expect(() => generateWarmupCaps({ start: 0, growthPercent: 10, days: 5 })).toThrow(/start must be a whole number/);
  });
});

describe('the warm-up plan in words', () => {
  it('says how long, from what to what, and when the cap ends', () => {
    expect(describeWarmupPlan([50, 100, 1200])).toBe('3 days, from 50 to 1,200 messages a day; no cap from day 4.');
    expect(describeWarmupPlan([500])).toBe('1 day, 500 messages a day; no cap from day 2.');
    expect(describeWarmupPlan([])).toBe('No days yet.');
  });
});

describe('the largest cap', () => {
  it('is the contract’s', () => {
    expect(warmupPlanInputSchema.safeParse({ name: 'Max', dailyCaps: [WARMUP_MAX_CAP] }).success).toBe(true);
    expect(warmupPlanInputSchema.safeParse({ name: 'Max', dailyCaps: [WARMUP_MAX_CAP + 1] }).success).toBe(false);
  });
});
