// A warm-up plan's daily caps: generated as a growth curve (start at N a day, grow by a
// percentage each day for so many days), checked before saving, and said in words for the text
// equivalent of its chart.
import { WARMUP_MAX_DAYS } from '@shared/contracts/email';

/** The contract's largest daily cap (warmupPlanInputSchema); a test keeps the two equal. */
export const WARMUP_MAX_CAP = 10_000_000;
/** More than doubling every day is not a warm-up. */
export const WARMUP_MAX_GROWTH_PERCENT = 100;

export interface WarmupCurve {
  /** Day 1's cap. */
  start: number;
  /** How much each day's cap grows over the day before, in percent. */
  growthPercent: number;
  days: number;
}

export const DEFAULT_WARMUP_CURVE: WarmupCurve = { start: 50, growthPercent: 30, days: 21 };

const wholeIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
const nf = (n: number) => n.toLocaleString('en-US');

/** What is wrong with each input of the generator, in words; empty when it can generate. */
export function warmupCurveIssues(curve: WarmupCurve): Partial<Record<keyof WarmupCurve, string>> {
  const issues: Partial<Record<keyof WarmupCurve, string>> = {};
  if (!wholeIn(curve.start, 1, WARMUP_MAX_CAP)) issues.start = `must be a whole number from 1 to ${nf(WARMUP_MAX_CAP)}`;
  if (!Number.isFinite(curve.growthPercent) || curve.growthPercent < 0 || curve.growthPercent > WARMUP_MAX_GROWTH_PERCENT) {
    issues.growthPercent = `must be from 0 to ${WARMUP_MAX_GROWTH_PERCENT} %`;
  }
  if (!wholeIn(curve.days, 1, WARMUP_MAX_DAYS)) issues.days = `must be a whole number from 1 to ${WARMUP_MAX_DAYS}`;
  return issues;
}

/**
 * Day d's cap is start × (1 + growth)^(d−1), rounded, never below the day before and never above
 * the contract's largest cap. Throws on inputs `warmupCurveIssues` refuses.
 */
export function generateWarmupCaps(curve: WarmupCurve): number[] {
  const issues = Object.entries(warmupCurveIssues(curve));
  if (issues.length) throw new RangeError(issues.map(([field, message]) => `${field} ${message}`).join('; '));
  const factor = 1 + curve.growthPercent / 100;
  const caps: number[] = [];
  for (let day = 0; day < curve.days; day++) {
    const raw = Math.round(curve.start * factor ** day);
    caps.push(Math.min(WARMUP_MAX_CAP, Math.max(raw, caps[day - 1] ?? 1)));
  }
  return caps;
}

/** The plan in one sentence: how long, from what to what, and what happens after. */
export function describeWarmupPlan(caps: readonly number[]): string {
  if (caps.length === 0) return 'No days yet.';
  const first = caps[0]!;
  const last = caps.at(-1)!;
  const days = caps.length === 1 ? '1 day' : `${caps.length} days`;
  const range = first === last ? `${nf(first)} messages a day` : `from ${nf(first)} to ${nf(last)} messages a day`;
  return `${days}, ${range}; no cap from day ${caps.length + 1}.`;
}
