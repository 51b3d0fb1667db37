// Today's cap of a warm-up plan: day 1 is the start date (UTC), the first day's cap applies before
// the plan has started, and after its last day nothing is capped.
import { describe, expect, it } from 'vitest';
import { dailyCapOn, daysSince } from './warmup-plans';

const caps = [50, 100, 200];
const at = (iso: string) => new Date(iso);

describe('a warm-up plan’s cap for today', () => {
  it('is caps[days since the start], counted in UTC days', () => {
    expect(dailyCapOn(caps, '2026-03-01', at('2026-03-01T00:00:00Z'))).toBe(50);
    expect(dailyCapOn(caps, '2026-03-01', at('2026-03-01T23:59:59Z'))).toBe(50);
    expect(dailyCapOn(caps, '2026-03-01', at('2026-03-02T00:00:00Z'))).toBe(100);
    expect(dailyCapOn(caps, '2026-03-01', at('2026-03-03T12:00:00Z'))).toBe(200);
  });

  it('is none after the last day', () => {
    expect(dailyCapOn(caps, '2026-03-01', at('2026-03-04T00:00:00Z'))).toBeNull();
    expect(dailyCapOn(caps, '2025-01-01', at('2026-03-04T00:00:00Z'))).toBeNull();
  });

  it('is the first day’s before the plan starts, so an unwarmed identity is never uncapped', () => {
    expect(dailyCapOn(caps, '2026-03-10', at('2026-03-01T08:00:00Z'))).toBe(50);
  });

  it('counts days across a month and a leap day', () => {
    expect(daysSince('2028-02-28', at('2028-03-01T05:00:00Z'))).toBe(2);
  });
});
