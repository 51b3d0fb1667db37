import { describe, expect, it } from 'vitest';
import { abandonTone, formatPercent, formatRate, formatSpan } from './abandonment';

describe('abandonment on the control centre', () => {
  it('is fine below 2 %, a warning from 2 % and red from 2.8 %', () => {
    expect([0, 0.0199, 0.02, 0.0279, 0.028, 0.031].map(abandonTone)).toEqual(['ok', 'ok', 'warning', 'warning', 'danger', 'danger']);
  });

  it('reads as a percentage with two decimals', () => {
    expect(formatRate(0.0213)).toBe('2.13 %');
    expect(formatRate(0)).toBe('0.00 %');
  });

  it('formats conversion and time spans', () => {
    expect(formatPercent(0.4)).toBe('40 %');
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatSpan(125)).toBe('2 m 05 s');
    expect(formatSpan(3725)).toBe('1 h 02 m');
  });
});
