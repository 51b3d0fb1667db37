// Per-user rate limits on the expensive or data-revealing routes (search, exports, imports): a
// fixed one-minute window per user and class, counted in Postgres (the sign-in throttle's table,
// so housekeeping purges it too) so the limit holds across Lambda containers as well as locally.
// Past the limit: 429 with Retry-After, and a security event. Reads are limited by the records they
// reveal too: each list or search page counts its rows against a per-user budget a minute.
import { sql } from 'drizzle-orm';
import type { Deps } from '../core/deps';
import { authThrottle } from '../db/schema';
import { logSecurityEvent } from '../core/security-log';
import { AppError } from '../core/app-error';

export const RATE_LIMIT_CLASSES = ['search', 'export', 'import'] as const;
export type RateLimitClass = (typeof RATE_LIMIT_CLASSES)[number];

const WINDOW_MS = 60 * 1000;

const WHAT: Record<RateLimitClass, string> = {
  search: 'searches',
  export: 'exports',
  import: 'imports',
};

export function rateLimitOf(config: Deps['config'], kind: RateLimitClass): number {
  if (kind === 'search') return config.RATE_LIMIT_SEARCH_PER_MINUTE;
  if (kind === 'export') return config.RATE_LIMIT_EXPORT_PER_MINUTE;
  return config.RATE_LIMIT_IMPORT_PER_MINUTE;
}

/**
 * Counts the records a read revealed against the user's budget for this minute. The page that
 * reaches the budget is still served (its rows are already read); the next page is refused, so a
 * bulk read through list pages stops at the budget plus one page.
 */
export async function takeRowBudget(deps: Pick<Deps, 'db' | 'config' | 'now' | 'logger'>, userId: string, rows: number): Promise<void> {
  if (rows <= 0) return;
  const now = deps.now();
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await deps.db
    .insert(authThrottle)
    .values({ key: `rate:rows:${userId}`, windowStart, count: rows, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [authThrottle.key, authThrottle.windowStart], set: { count: sql`${authThrottle.count} + ${rows}`, updatedAt: now } })
    .returning({ count: authThrottle.count });
  const limit = deps.config.RATE_LIMIT_ROWS_PER_MINUTE;
  const before = row!.count - rows;
  // Logged once, by the page that reached the budget.
  if (before < limit && row!.count >= limit) logSecurityEvent(deps.logger, 'rate.limited', { actorId: userId, reason: 'rows', limit });
  if (before < limit) return;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  throw new AppError('rate_limited', {
    detail: `Too many records read: at most ${limit} records a minute. Try again in ${retryAfter} s.`,
    headers: { 'retry-after': String(retryAfter) },
  });
}

/** Counts one request of this class for the user; 429 with Retry-After past the per-minute limit. */
export async function takeRateSlot(deps: Pick<Deps, 'db' | 'config' | 'now' | 'logger'>, kind: RateLimitClass, userId: string): Promise<void> {
  const now = deps.now();
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await deps.db
    .insert(authThrottle)
    .values({ key: `rate:${kind}:${userId}`, windowStart, count: 1, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [authThrottle.key, authThrottle.windowStart], set: { count: sql`${authThrottle.count} + 1`, updatedAt: now } })
    .returning({ count: authThrottle.count });
  const limit = rateLimitOf(deps.config, kind);
  if (row!.count <= limit) return;
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  // Once per window is enough to see who hit the limit.
  if (row!.count === limit + 1) logSecurityEvent(deps.logger, 'rate.limited', { actorId: userId, reason: kind, limit });
  throw new AppError('rate_limited', {
    detail: `Too many ${WHAT[kind]}: at most ${limit} a minute. Try again in ${retryAfter} s.`,
    headers: { 'retry-after': String(retryAfter) },
  });
}
