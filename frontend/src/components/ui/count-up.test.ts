import { describe, expect, it } from 'vitest';
import { countUpValue, easeOutCubic } from './count-up';

describe('count-up easing', () => {
  it('starts at 0, ends at 1 and clamps outside', () => {
    expect(easeOutCubic(0)).toBe(0);
    expect(easeOutCubic(1)).toBe(1);
    expect(easeOutCubic(-0.5)).toBe(0);
    expect(easeOutCubic(2)).toBe(1);
  });

  it('rises quickly and then slows (ease-out)', () => {
    expect(easeOutCubic(0.5)).toBeCloseTo(0.875);
    const steps = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map(easeOutCubic);
    for (let i = 1; i < steps.length; i += 1) expect(steps[i]!).toBeGreaterThan(steps[i - 1]!);
    expect(steps[1]! - steps[0]!).toBeGreaterThan(steps[9]! - steps[8]!);
  });

  it('lands exactly on the target at and after the duration', () => {
    expect(countUpValue(0, 1284, 900, 900)).toBe(1284);
    expect(countUpValue(0, 1284, 5000, 900)).toBe(1284);
    expect(countUpValue(100, 40, 0, 900)).toBe(100);
    expect(countUpValue(0, 10, 450, 900)).toBeCloseTo(8.75);
  });

  it('shows the target at once when there is no duration', () => {
    expect(countUpValue(0, 42, 0, 0)).toBe(42);
  });
});
