// Warm-up plans: a new sending identity's daily caps by day (day 1 is the plan's start date),
// enforced by the rate gate through the sender profiles that use the plan. After the last day
// the plan no longer caps anything.
import { eq } from 'drizzle-orm';
import type { WarmupPlan, WarmupPlanInput } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { notFound } from '../../../core/app-error';
import { warmupPlans } from '../../../db/schema';
import { refuseWhileUsed } from './profile-references';

type Ctx = Pick<Deps, 'db' | 'now'>;
type PlanRow = typeof warmupPlans.$inferSelect;

const DAY_MS = 86_400_000;

/** Whole UTC days from `startedOn` (YYYY-MM-DD) to the UTC day of `now`. */
export function daysSince(startedOn: string, now: Date): number {
  const start = Date.parse(`${startedOn}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.floor((today - start) / DAY_MS);
}

/** The UTC date of an instant, YYYY-MM-DD. */
export const utcDate = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * Today's cap: caps[days since the start], the first day's before the plan has started (a plan
 * dated ahead must not let an unwarmed identity send without a cap), none after its last day.
 */
export function dailyCapOn(dailyCaps: readonly number[], startedOn: string, now: Date): number | null {
  const day = Math.max(0, daysSince(startedOn, now));
  return dailyCaps[day] ?? null;
}

function planView(row: PlanRow): WarmupPlan {
  return {
    id: row.id,
    name: row.name,
    dailyCaps: row.dailyCaps,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listWarmupPlans(deps: Ctx): Promise<WarmupPlan[]> {
  const rows = await deps.db.select().from(warmupPlans).orderBy(warmupPlans.name, warmupPlans.id);
  return rows.map(planView);
}

export async function getWarmupPlan(deps: Ctx, id: string): Promise<WarmupPlan> {
  const [row] = await deps.db.select().from(warmupPlans).where(eq(warmupPlans.id, id));
  if (!row) throw notFound('warm-up plan');
  return planView(row);
}

export async function createWarmupPlan(deps: Ctx, input: WarmupPlanInput): Promise<WarmupPlan> {
  const now = deps.now();
  const [row] = await deps.db.insert(warmupPlans).values({ name: input.name, dailyCaps: input.dailyCaps, createdAt: now, updatedAt: now }).returning();
  return planView(row!);
}

export async function updateWarmupPlan(deps: Ctx, id: string, input: WarmupPlanInput): Promise<WarmupPlan> {
  const [row] = await deps.db
    .update(warmupPlans)
    .set({ name: input.name, dailyCaps: input.dailyCaps, updatedAt: deps.now() })
    .where(eq(warmupPlans.id, id))
    .returning();
  if (!row) throw notFound('warm-up plan');
  return planView(row);
}

/** Refused (409) while a sender profile follows the plan: its identity would lose its caps mid-warm-up. */
export async function deleteWarmupPlan(deps: Ctx, id: string): Promise<void> {
  await refuseWhileUsed(deps.db, 'warmupPlanId', id, (profile) => `The sender profile “${profile}” follows this warm-up plan: give it another plan first.`);
  const deleted = await deps.db.delete(warmupPlans).where(eq(warmupPlans.id, id)).returning({ id: warmupPlans.id });
  if (!deleted.length) throw notFound('warm-up plan');
}
