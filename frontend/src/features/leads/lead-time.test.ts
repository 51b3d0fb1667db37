import { describe, expect, it } from 'vitest';
import { QA_SLA_SECONDS } from '@shared/contracts/leads';
import { formatAge, formatMicros, formatPosition, slaLabel } from './lead-time';

describe('how the lead screens write times', () => {
  it('writes a recording position as m:ss, and h:mm:ss past an hour', () => {
    expect(formatPosition(0)).toBe('0:00');
    expect(formatPosition(65_400)).toBe('1:05');
    expect(formatPosition(3_727_000)).toBe('1:02:07');
    expect(formatPosition(-5)).toBe('0:00');
  });

  it('writes a time in QA at the grain that matters', () => {
    expect(formatAge(45)).toBe('45 s');
    expect(formatAge(12 * 60 + 30)).toBe('12 min');
    expect(formatAge(3 * 3600)).toBe('3 h');
    expect(formatAge(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatAge(2 * 86400 + 4 * 3600 + 59)).toBe('2 d 4 h');
  });

  it('says what is left of the SLA, or how far past it the lead is', () => {
    expect(slaLabel(QA_SLA_SECONDS - 9 * 3600, false)).toBe('9 h left');
    expect(slaLabel(QA_SLA_SECONDS + 3 * 3600, true)).toBe('3 h over');
    // The API's flag wins at the boundary: overdue is never "left".
    expect(slaLabel(QA_SLA_SECONDS, true)).toBe('0 s over');
  });

  it('writes AI costs in dollars with the precision small sums need', () => {
    expect(formatMicros(5_261)).toBe('$0.0053');
    expect(formatMicros(2_500_000)).toBe('$2.50');
    expect(formatMicros(null)).toBeNull();
  });
});
