// The Resources Centre's log: one row per outbound attempt (push, pull page) and per inbound
// request, with its outcome; read newest first.
import { desc, eq, sql } from 'drizzle-orm';
import type { LogDirection, LogOutcome, ResourcesCentreLogEntry } from '@shared/contracts/content-resources';
import type { Database } from '../../../db/connection';
import { resourcesCentreLog, users } from '../../../db/schema';

export interface LogInput {
  direction: LogDirection;
  outcome: LogOutcome;
  pushId?: string | null;
  httpStatus?: number | null;
  detail?: string | null;
  durationMs?: number | null;
  at: Date;
}

export async function writeLog(db: Database, entry: LogInput): Promise<void> {
  await db.insert(resourcesCentreLog).values({ ...entry, detail: entry.detail?.slice(0, 1000) ?? null });
}

export async function listLog(db: Database, query: { direction?: LogDirection | undefined; limit: number }): Promise<ResourcesCentreLogEntry[]> {
  const rows = await db
    .select()
    .from(resourcesCentreLog)
    .where(query.direction ? eq(resourcesCentreLog.direction, query.direction) : undefined)
    .orderBy(desc(resourcesCentreLog.at), desc(resourcesCentreLog.id))
    .limit(query.limit);
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction as LogDirection,
    outcome: r.outcome as LogOutcome,
    pushId: r.pushId,
    httpStatus: r.httpStatus,
    detail: r.detail,
    durationMs: r.durationMs,
    at: r.at.toISOString(),
  }));
}

/** A user's name as lists show it. */
export const userNameSql = sql<string>`trim(${users.firstName} || ' ' || ${users.lastName})`;
