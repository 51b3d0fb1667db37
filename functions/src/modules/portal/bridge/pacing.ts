// The pace of an order, as a pure function of the order and its deliveries: what the pace plan
// expected by now, what was delivered, whether that is on pace (within a tolerance band), a
// forecast at the current rate, a daily series for the chart, and the throttle its campaigns run
// at. Days are calendar days in UTC (an order's window is a pair of dates); the window runs from
// the start of startsOn to the end of endsOn.
import { DateTime } from 'luxon';
import type { Pace } from '@shared/contracts/portal';
import type { OrderPacing, PacePoint, PaceStatus } from '@shared/contracts/portal-pacing';

/** How far from the plan still counts as on pace: this share of what was expected, and never less than one lead. */
export const PACE_TOLERANCE = 0.1;
/** A forecast further away than this is no forecast. */
const FORECAST_HORIZON_DAYS = 366;
/** The chart shows at most this many days of a long window. */
const SERIES_MAX_DAYS = 400;
/** Front-loaded plans weigh the first day this much, falling evenly to 2 − this on the last. */
const FRONT_WEIGHT = 1.5;

export interface PacingOrder {
  volume: number;
  startsOn: string;
  endsOn: string;
  pace: Pace;
}

/** Leads delivered to the order (published and kept), counted by UTC day. */
export interface DeliveryDay {
  day: string;
  count: number;
}

export type PacingFigures = Omit<OrderPacing, 'orderId'>;

const utcDay = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).startOf('day');

/** Days in the window, both ends included. */
export function windowDays(order: Pick<PacingOrder, 'startsOn' | 'endsOn'>): number {
  return Math.max(1, Math.round(utcDay(order.endsOn).diff(utcDay(order.startsOn), 'days').days) + 1);
}

/**
 * The plan: how many leads the pace expects by `t` days into the window (t may be fractional; 0
 * at the start, the window's length at its end).
 *  - even: the same every day;
 *  - front_loaded: daily weights falling evenly from 1.5 to 0.5, so the first half carries more;
 *  - weekly_cap: even, but never faster than the cap a week (the plan then ends short when the cap
 *    cannot reach the volume in the window).
 */
export function plannedBy(order: PacingOrder, t: number): number {
  const n = windowDays(order);
  const x = Math.min(Math.max(t, 0), n);
  switch (order.pace.kind) {
    case 'even':
      return (order.volume * x) / n;
    case 'front_loaded': {
      if (n === 1) return order.volume * x;
      // Weight w(s) = a − b·s over [0, n], whose integral over the window is n.
      const a = FRONT_WEIGHT;
      const b = (2 * (FRONT_WEIGHT - 1)) / n;
      return (order.volume * (a * x - (b * x * x) / 2)) / n;
    }
    case 'weekly_cap':
      return Math.min((order.volume * x) / n, (order.pace.weeklyCap * x) / 7);
  }
}

function statusOf(delivered: number, expected: number): PaceStatus {
  const band = Math.max(1, expected * PACE_TOLERANCE);
  if (delivered > expected + band) return 'over';
  if (delivered < expected - band) return 'under';
  return 'on_pace';
}

/**
 * The order's pace at `now`. Deliveries before the start count from day one. The throttle (1 =
 * full speed, 0 = stopped): 0 before the window opens, after it closes and once the volume is
 * delivered (or, under a weekly cap, this week's cap); over pace it is expected ÷ delivered, so
 * the further ahead, the slower; otherwise 1.
 */
export function computePacing(order: PacingOrder, deliveries: readonly DeliveryDay[], now: Date): PacingFigures {
  const start = utcDay(order.startsOn);
  const n = windowDays(order);
  const at = DateTime.fromJSDate(now, { zone: 'utc' });
  const elapsedDays = Math.min(Math.max(at.diff(start, 'days').days, 0), n);
  const started = at >= start;
  const ended = elapsedDays >= n;

  const dayIndex = (day: string) => Math.floor(utcDay(day).diff(start, 'days').days);
  const delivered = deliveries.reduce((sum, d) => sum + d.count, 0);
  const expectedToDate = Math.round(plannedBy(order, elapsedDays));
  const status: PaceStatus | null = started ? statusOf(delivered, expectedToDate) : null;

  // The current rate: leads a day since the window opened (at least one day, so the first hours do not extrapolate wildly).
  const rate = started ? delivered / Math.max(elapsedDays, 1) : 0;
  const remainingDays = n - elapsedDays;
  const forecastTotal = Math.max(delivered, Math.min(order.volume, Math.round(delivered + rate * remainingDays)));
  const forecastDoneOn = doneOn(order, deliveries, delivered, rate, at);

  const todayIndex = Math.floor(at.diff(start, 'days').days);
  const series: PacePoint[] = [];
  let cumulative = deliveries.filter((d) => dayIndex(d.day) < 0).reduce((sum, d) => sum + d.count, 0);
  const byIndex = new Map<number, number>();
  for (const d of deliveries) {
    const i = dayIndex(d.day);
    if (i >= 0) byIndex.set(i, (byIndex.get(i) ?? 0) + d.count);
  }
  for (let i = 0; i < Math.min(n, SERIES_MAX_DAYS); i++) {
    cumulative += byIndex.get(i) ?? 0;
    const past = i <= todayIndex;
    series.push({
      day: start.plus({ days: i }).toISODate()!,
      expected: Math.round(plannedBy(order, i + 1)),
      delivered: past ? cumulative : null,
      forecast: past ? null : Math.min(order.volume, Math.round(delivered + rate * (i + 1 - elapsedDays))),
    });
  }

  return {
    ordered: order.volume,
    delivered,
    expectedToDate,
    elapsed: elapsedDays / n,
    status,
    forecastTotal,
    forecastDoneOn,
    throttle: throttleOf(order, deliveries, { delivered, expectedToDate, status, started, ended, at }),
    series,
  };
}

function doneOn(order: PacingOrder, deliveries: readonly DeliveryDay[], delivered: number, rate: number, at: DateTime): string | null {
  if (delivered >= order.volume) {
    // The day the last unit of the volume came in.
    let sum = 0;
    for (const d of [...deliveries].sort((a, b) => a.day.localeCompare(b.day))) {
      sum += d.count;
      if (sum >= order.volume) return d.day;
    }
  }
  if (rate <= 0) return null;
  const days = (order.volume - delivered) / rate;
  return days > FORECAST_HORIZON_DAYS ? null : at.plus({ days }).toISODate();
}

function throttleOf(
  order: PacingOrder,
  deliveries: readonly DeliveryDay[],
  p: { delivered: number; expectedToDate: number; status: PaceStatus | null; started: boolean; ended: boolean; at: DateTime },
): number {
  if (!p.started || p.ended || p.delivered >= order.volume) return 0;
  if (order.pace.kind === 'weekly_cap') {
    // Weeks run from the start date: this week's deliveries against its cap.
    const start = utcDay(order.startsOn);
    const weekStart = start.plus({ weeks: Math.floor(p.at.diff(start, 'weeks').weeks) });
    const thisWeek = deliveries.filter((d) => utcDay(d.day) >= weekStart).reduce((sum, d) => sum + d.count, 0);
    if (thisWeek >= order.pace.weeklyCap) return 0;
  }
  if (p.status === 'over') return Math.min(1, Math.max(0, p.expectedToDate / p.delivered));
  return 1;
}
