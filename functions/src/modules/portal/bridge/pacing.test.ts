// The pacing math: plans (even, front-loaded, weekly cap), status with its tolerance band, the
// forecast at the current rate, the daily series and the throttle, at the window's edges too.
import { describe, expect, it } from 'vitest';
import { computePacing, plannedBy, windowDays, type PacingOrder } from './pacing';

// A 30-day window in April 2026: day 1 is 04-01, day 30 is 04-30.
const order = (extra: Partial<PacingOrder> = {}): PacingOrder => ({ volume: 300, startsOn: '2026-04-01', endsOn: '2026-04-30', pace: { kind: 'even' }, ...extra });
const at = (iso: string) => new Date(iso);
/** `count` a day on each of the first `days` days of the window. */
const daily = (days: number, count: number, from = 1) =>
  Array.from({ length: days }, (_, i) => ({ day: `2026-04-${String(from + i).padStart(2, '0')}`, count }));

describe('the pace plan', () => {
  it('counts both ends of the window', () => {
    expect(windowDays(order())).toBe(30);
    expect(windowDays(order({ startsOn: '2026-04-01', endsOn: '2026-04-01' }))).toBe(1);
  });

  it('even: the same share every day', () => {
    expect(plannedBy(order(), 0)).toBe(0);
    expect(plannedBy(order(), 10)).toBe(100);
    expect(plannedBy(order(), 15)).toBe(150);
    expect(plannedBy(order(), 30)).toBe(300);
    expect(plannedBy(order(), 45)).toBe(300);
  });

  it('front-loaded: more early on, the whole volume by the end', () => {
    const front = order({ pace: { kind: 'front_loaded' } });
    expect(plannedBy(front, 15)).toBeCloseTo(187.5, 5);
    expect(plannedBy(front, 15)).toBeGreaterThan(plannedBy(order(), 15));
    expect(plannedBy(front, 1)).toBeGreaterThan(plannedBy(order(), 1));
    expect(plannedBy(front, 30)).toBeCloseTo(300, 5);
    // Never ahead of the volume, always rising.
    for (let t = 1; t <= 30; t++) expect(plannedBy(front, t)).toBeGreaterThan(plannedBy(front, t - 1));
  });

  it('weekly cap: even while the cap allows it, the cap a week when it does not', () => {
    expect(plannedBy(order({ pace: { kind: 'weekly_cap', weeklyCap: 1000 } }), 15)).toBe(150);
    const capped = order({ pace: { kind: 'weekly_cap', weeklyCap: 35 } });
    expect(plannedBy(capped, 7)).toBe(35);
    expect(plannedBy(capped, 14)).toBe(70);
    expect(plannedBy(capped, 30)).toBeCloseTo(150, 5);
  });
});

describe('the pace of an order', () => {
  it('before the start: nothing expected, no status, stopped', () => {
    const p = computePacing(order(), [], at('2026-03-20T12:00:00Z'));
    expect(p).toMatchObject({ ordered: 300, delivered: 0, expectedToDate: 0, elapsed: 0, status: null, forecastTotal: 0, forecastDoneOn: null, throttle: 0 });
    expect(p.series).toHaveLength(30);
    expect(p.series.every((s) => s.delivered === null)).toBe(true);
  });

  it('on pace mid-window: expected, delivered, a forecast that reaches the volume, full speed', () => {
    // Noon of day 11: 10.5 days elapsed → 105 expected; ten a day for ten days and 5 today.
    const p = computePacing(order(), [...daily(10, 10), { day: '2026-04-11', count: 5 }], at('2026-04-11T12:00:00Z'));
    expect(p).toMatchObject({ delivered: 105, expectedToDate: 105, status: 'on_pace', throttle: 1, forecastTotal: 300 });
    expect(p.elapsed).toBeCloseTo(10.5 / 30, 6);
    expect(p.forecastDoneOn).toBe('2026-05-01');
    expect(p.series[9]).toEqual({ day: '2026-04-10', expected: 100, delivered: 100, forecast: null });
    expect(p.series[10]).toEqual({ day: '2026-04-11', expected: 110, delivered: 105, forecast: null });
    expect(p.series[11]).toEqual({ day: '2026-04-12', expected: 120, delivered: null, forecast: 120 });
    expect(p.series[29]).toMatchObject({ day: '2026-04-30', expected: 300, forecast: 300 });
  });

  it('within the tolerance band is on pace; beyond it under or over', () => {
    const noon10 = at('2026-04-10T12:00:00Z'); // 95 expected, band 9.5
    expect(computePacing(order(), [{ day: '2026-04-05', count: 86 }], noon10).status).toBe('on_pace');
    expect(computePacing(order(), [{ day: '2026-04-05', count: 85 }], noon10).status).toBe('under');
    expect(computePacing(order(), [{ day: '2026-04-05', count: 104 }], noon10).status).toBe('on_pace');
    expect(computePacing(order(), [{ day: '2026-04-05', count: 105 }], noon10).status).toBe('over');
  });

  it('zero delivered: under pace, no forecast date, forecast total zero, full speed', () => {
    const p = computePacing(order(), [], at('2026-04-11T00:00:00Z'));
    expect(p).toMatchObject({ delivered: 0, expectedToDate: 100, status: 'under', forecastTotal: 0, forecastDoneOn: null, throttle: 1 });
  });

  it('under pace: the forecast falls short and says when the volume would be reached', () => {
    // Five a day for 10 days: 50 of 100 expected; at 5 a day, 250 more take 50 days.
    const p = computePacing(order(), daily(10, 5), at('2026-04-11T00:00:00Z'));
    expect(p).toMatchObject({ delivered: 50, expectedToDate: 100, status: 'under', forecastTotal: 150, forecastDoneOn: '2026-05-31', throttle: 1 });
  });

  it('over pace: the throttle slows it in proportion (expected ÷ delivered)', () => {
    const p = computePacing(order(), daily(10, 20), at('2026-04-11T00:00:00Z'));
    expect(p).toMatchObject({ delivered: 200, expectedToDate: 100, status: 'over', throttle: 0.5, forecastTotal: 300 });
  });

  it('over-delivered: stopped, done on the day the volume was reached', () => {
    const p = computePacing(order({ volume: 100 }), [...daily(5, 30)], at('2026-04-06T00:00:00Z'));
    expect(p).toMatchObject({ delivered: 150, status: 'over', throttle: 0, forecastTotal: 150, forecastDoneOn: '2026-04-04' });
  });

  it('after the end: everything expected, stopped, the series complete', () => {
    const p = computePacing(order(), daily(30, 8), at('2026-05-10T00:00:00Z'));
    expect(p).toMatchObject({ delivered: 240, expectedToDate: 300, elapsed: 1, status: 'under', throttle: 0, forecastTotal: 240 });
    expect(p.series.every((s) => s.delivered !== null && s.forecast === null)).toBe(true);
    expect(p.series[29]!.delivered).toBe(240);
  });

  it('front-loaded: the same deliveries are under pace that would be on pace evenly', () => {
    const deliveries = daily(15, 10);
    const now = at('2026-04-16T00:00:00Z');
    expect(computePacing(order(), deliveries, now)).toMatchObject({ expectedToDate: 150, status: 'on_pace' });
    expect(computePacing(order({ pace: { kind: 'front_loaded' } }), deliveries, now)).toMatchObject({ expectedToDate: 188, status: 'under', throttle: 1 });
  });

  it("weekly cap: stopped for the rest of the week once this week's cap is delivered, free again the next week", () => {
    const capped = order({ pace: { kind: 'weekly_cap', weeklyCap: 70 } });
    // Week 2 (04-08 … 04-14): 70 delivered by 04-10.
    const deliveries = [...daily(7, 10), { day: '2026-04-08', count: 40 }, { day: '2026-04-10', count: 30 }];
    expect(computePacing(capped, deliveries, at('2026-04-11T00:00:00Z')).throttle).toBe(0);
    expect(computePacing(capped, deliveries, at('2026-04-15T06:00:00Z')).throttle).toBe(1);
  });

  it('counts deliveries before the start on the first day', () => {
    const p = computePacing(order(), [{ day: '2026-03-30', count: 4 }, { day: '2026-04-01', count: 6 }], at('2026-04-02T00:00:00Z'));
    expect(p.delivered).toBe(10);
    expect(p.series[0]!.delivered).toBe(10);
  });

  it('a one-day window', () => {
    const one = order({ volume: 10, startsOn: '2026-04-01', endsOn: '2026-04-01', pace: { kind: 'front_loaded' } });
    const p = computePacing(one, [{ day: '2026-04-01', count: 5 }], at('2026-04-01T12:00:00Z'));
    expect(p).toMatchObject({ expectedToDate: 5, status: 'on_pace', throttle: 1 });
    expect(p.series).toEqual([{ day: '2026-04-01', expected: 10, delivered: 5, forecast: null }]);
  });
});
