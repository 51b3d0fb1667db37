// The client organisation's own suppression list: emails (lower-case), company domains
// (registrable) and phones (E.164) it never wants delivered. Every read and write is scoped to the
// caller's organisation; another organisation's entries are never listed, matched or deleted.
import { and, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { ClientSuppression, ClientSuppressionAdd, ClientSuppressionAddResult, ClientSuppressionListQuery, ClientSuppressionPage } from '@shared/contracts/portal';
import type { Database } from '../../../db/connection';
import { isoOrNull } from '../../../db/rows';
import { clientSuppressions } from '../../../db/schema';
import { invalid } from '../../../core/app-error';
import { decodeCursor, encodeCursor } from '../../../records/cursor';
import { orderInScope, scoped, type TenantScope } from '../tenant';
import { parseSuppressions } from './parse-lists';

const CURSOR = { sort: 'created_at', order: 'desc' } as const;
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const INSERT_CHUNK = 5000;
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

const toSuppression = (row: typeof clientSuppressions.$inferSelect): ClientSuppression => ({
  id: row.id,
  kind: row.kind as ClientSuppression['kind'],
  value: row.value,
  orderId: row.orderId,
  createdAt: isoOrNull(row.createdAt)!,
});

export async function listClientSuppressions(db: Database, scope: TenantScope & { kind: 'client' }, query: ClientSuppressionListQuery): Promise<ClientSuppressionPage> {
  const filters: (SQL | undefined)[] = [];
  if (query.kind) filters.push(eq(clientSuppressions.kind, query.kind));
  if (query.q) filters.push(ilike(clientSuppressions.value, `%${escapeLike(query.q.toLowerCase())}%`));
  const conditions = [...filters];
  if (query.cursor) {
    const position = decodeCursor(query.cursor, CURSOR);
    if (!TIMESTAMP_TEXT.test(position.value)) throw invalid('query.cursor', 'is not a cursor this API gave out');
    conditions.push(sql`(${clientSuppressions.createdAt}, ${clientSuppressions.id}) < (${position.value}::timestamptz, ${position.id}::uuid)`);
  }
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: clientSuppressions, sortKey: sql<string>`${clientSuppressions.createdAt}::text` })
      .from(clientSuppressions)
      .where(scoped(scope, clientSuppressions.orgId, ...conditions))
      .orderBy(desc(clientSuppressions.createdAt), desc(clientSuppressions.id))
      .limit(query.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(clientSuppressions).where(scoped(scope, clientSuppressions.orgId, ...filters)),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSuppression(r.row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ ...CURSOR, value: last.sortKey, id: last.row.id }) : null,
    total: Number(total?.n ?? 0),
  };
}

/** Adds entries to the caller's organisation's list in one transaction; ones already on it count as duplicates. */
export async function addClientSuppressions(
  db: Database,
  scope: TenantScope & { kind: 'client' },
  input: ClientSuppressionAdd,
): Promise<ClientSuppressionAddResult> {
  const parsed = parseSuppressions({ csv: input.csv, entries: input.entries });
  // An order named must be one of the caller's (another organisation's answers 404, like any missing id).
  if (input.orderId) await orderInScope(db, scope, input.orderId);
  let added = 0;
  await db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    for (let i = 0; i < parsed.entries.length; i += INSERT_CHUNK) {
      const inserted = await tx
        .insert(clientSuppressions)
        .values(parsed.entries.slice(i, i + INSERT_CHUNK).map((e) => ({ orgId: scope.orgId, kind: e.kind, value: e.value, orderId: input.orderId ?? null, createdBy: scope.userId })))
        .onConflictDoNothing()
        .returning({ id: clientSuppressions.id });
      added += inserted.length;
    }
  });
  return { added, duplicates: parsed.duplicates + (parsed.entries.length - added), invalid: parsed.invalid };
}

/** Deletes entries of the caller's organisation; ids of another's (or none) are left alone and not counted. */
export async function deleteClientSuppressions(db: Database, scope: TenantScope & { kind: 'client' }, ids: readonly string[]): Promise<{ deleted: number }> {
  const deleted = await db
    .delete(clientSuppressions)
    .where(and(scoped(scope, clientSuppressions.orgId, inArray(clientSuppressions.id, [...ids]))))
    .returning({ id: clientSuppressions.id });
  return { deleted: deleted.length };
}
