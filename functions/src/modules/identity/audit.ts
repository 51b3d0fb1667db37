// The audit trail: every change to users, roles and organisations is written in the same
// transaction as the change (who, what, before, after, when); admins read it per user.
import type { AuditEntry, AuditListQuery, AuditListResponse } from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { invalid, notFound } from '../../core/app-error';
import type { Actor } from '../../core/actor';
import { findUserById, insertAudit, listAudit, type Db } from './repo';
import { iso } from './views';


export async function writeAudit(
  db: Db,
  context: Actor,
  entry: { action: string; entityType: string; entityId: string; before: unknown; after: unknown; at: Date },
): Promise<void> {
  await insertAudit(db, { ...entry, actorId: context.userId, requestId: context.requestId });
}

export async function listUserAudit(deps: Pick<Deps, 'db'>, input: { userId: string; query: AuditListQuery }): Promise<AuditListResponse> {
  const user = await findUserById(deps.db, input.userId);
  if (!user) throw notFound('user');
  let beforeId: number | undefined;
  if (input.query.cursor !== undefined) {
    beforeId = Number(input.query.cursor);
    if (!Number.isSafeInteger(beforeId) || beforeId < 1) throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
  const rows = await listAudit(deps.db, { entityType: 'user', entityId: input.userId, beforeId, limit: input.query.limit + 1 });
  const page = rows.slice(0, input.query.limit);
  const items: AuditEntry[] = page.map((row) => ({
    id: String(row.id),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    at: iso(row.at),
  }));
  return { items, nextCursor: rows.length > input.query.limit ? String(page[page.length - 1]!.id) : null };
}
