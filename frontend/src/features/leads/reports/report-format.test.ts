// The lead reports' formats and the date range the page sends.
import { describe, expect, it } from 'vitest';
import { dateInputValue, formatAudioMinutes, formatDuration, formatMicros, formatRate, rangeOfDays } from './report-format';

describe('the lead reports’ formats', () => {
  it('shows rates as percentages and a dash when there is nothing to divide', () => {
    expect(formatRate(0.5)).toBe('50 %');
    expect(formatRate(2 / 3)).toBe('66.7 %');
    expect(formatRate(0)).toBe('0 %');
    expect(formatRate(null)).toBe('—');
  });

  it('shows times in QA in the unit that reads best', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(2_700)).toBe('45 min');
    expect(formatDuration(6_660)).toBe('1 h 51 min');
    expect(formatDuration(7_200)).toBe('2 h');
    expect(formatDuration(180_000)).toBe('2 d 2 h');
    expect(formatDuration(null)).toBe('—');
  });

  it('shows AI cost in dollars, small sums with four decimals, and audio in minutes', () => {
    expect(formatMicros(9_420)).toBe('$0.0094');
    expect(formatMicros(12_345_678)).toBe('$12.35');
    expect(formatMicros(0)).toBe('$0.00');
    expect(formatAudioMinutes(3_725)).toBe('62.1 min');
  });
});

describe('the date range', () => {
  it('runs from the first day’s midnight to the end of the last day', () => {
    const range = rangeOfDays('2026-06-01', '2026-06-15')!;
    expect(new Date(range.from).getTime()).toBe(new Date(2026, 5, 1).getTime());
    expect(new Date(range.to).getTime()).toBe(new Date(2026, 5, 16).getTime());
    expect(rangeOfDays('2026-06-15', '2026-06-15')).not.toBeNull();
    expect(dateInputValue(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('is null for a missing or backwards range', () => {
    expect(rangeOfDays('', '2026-06-15')).toBeNull();
    expect(rangeOfDays('2026-06-16', '2026-06-15')).toBeNull();
    expect(rangeOfDays('16/06/2026', '2026-06-15')).toBeNull();
  });
});
