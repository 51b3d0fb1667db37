// Field history: what each write changed, as {field: {from, to}} in API keys, written in the same
// transaction as the change. Bulk actions write theirs set-based in their own statements (bulk.ts).
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { HistoryEntry, HistoryResponse } from '@shared/contracts/accounts';
import type { Database } from '../db/connection';
import { accounts, contacts, recordChanges, users } from '../db/schema';
import { invalid, notFound } from '../core/app-error';
import type { Entity } from './fields';
import type { Actor } from '../core/actor';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Queryable = Database | Tx;

export type Changes = Record<string, { from: unknown; to: unknown }>;


/** Fields never shown as changes: bookkeeping every write touches. */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'deletedByBulk']);

const comparable = (value: unknown): string => JSON.stringify(value instanceof Date ? value.toISOString() : value ?? null);
const plain = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value ?? null);

/** The fields whose values differ between two versions of a row (both in API keys). */
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    if (BOOKKEEPING.has(key)) continue;
    const from = before ? before[key] : null;
    if (comparable(from) !== comparable(value)) changes[key] = { from: plain(from), to: plain(value) };
  }
  return changes;
}

export async function writeChange(
  db: Queryable,
  entry: { entity: Entity; entityId: string; action: HistoryEntry['action']; changes: Changes; actor: Actor; at: Date },
): Promise<void> {
  await db.insert(recordChanges).values({
    entityType: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    changes: entry.changes,
    actorId: entry.actor.userId,
    requestId: entry.actor.requestId,
    at: entry.at,
  });
}

/** A record's history, newest first, keyset-paginated on the change id. */
export async function listHistory(
  db: Database,
  input: { entity: Entity; entityId: string; cursor?: string | undefined; limit: number },
): Promise<HistoryResponse> {
  let beforeId: number | undefined;
  if (input.cursor !== undefined) {
    beforeId = Number(input.cursor);
    if (!Number.isSafeInteger(beforeId) || beforeId < 1) throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
  const rows = await db
    .select({
      id: recordChanges.id,
      action: recordChanges.action,
      changes: recordChanges.changes,
      actorId: recordChanges.actorId,
      actorName: sql<string | null>`case when ${users.id} is null then null else ${users.firstName} || ' ' || ${users.lastName} end`,
      bulkId: recordChanges.bulkId,
      at: recordChanges.at,
    })
    .from(recordChanges)
    .leftJoin(users, eq(users.id, recordChanges.actorId))
    .where(
      and(
        eq(recordChanges.entityType, input.entity),
        eq(recordChanges.entityId, input.entityId),
        beforeId !== undefined ? lt(recordChanges.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(recordChanges.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  // No entries may mean no such record: that is a 404, like reading it. Deleted records keep theirs.
  if (page.length === 0) {
    const table = input.entity === 'account' ? accounts : contacts;
    const [exists] = await db.select({ id: table.id }).from(table).where(eq(table.id, input.entityId)).limit(1);
    if (!exists) throw notFound(input.entity);
  }
  const items: HistoryEntry[] = page.map((row) => ({
    id: String(row.id),
    action: row.action as HistoryEntry['action'],
    changes: (row.changes ?? {}) as HistoryEntry['changes'],
    actorId: row.actorId,
    actorName: row.actorName,
    bulkId: row.bulkId,
    at: new Date(row.at).toISOString(),
  }));
  return { items, nextCursor: rows.length > input.limit ? String(page[page.length - 1]!.id) : null };
}
