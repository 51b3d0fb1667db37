// Bulk actions on accounts or contacts. A selection is explicit ids or "every record matching this
// filter (and search) except these", across all pages. The work is set-based: one statement per
// batch of BULK_BATCH_SIZE rows (keyset on id) updates the rows and writes their history rows.
// Each run is recorded in bulk_operations; a bulk delete marks its rows with the operation id so
// undo restores exactly them. Add to list goes to the audience module's set-based insert; export
// to the export pipeline.
import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { BulkResult, BulkSelection } from '@shared/contracts/accounts';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { queryOne } from '../../db/rows';
import { accounts, bulkOperations, contacts } from '../../db/schema';
import { contactPersonKey } from '../../db/schema/contact-key';
import { AppError, notFound } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import { takeRateSlot } from '../../http/rate-limit';
import { reply, type Reply } from '../../http/route';
import { accountValues } from './account-values';
import { contactValues } from './contact-values';
import { ACCOUNT_RESOURCE, CONTACT_RESOURCE, type Entity, type ResourceFields } from '../../records/fields';
import type { Actor } from '../../core/actor';
import { translateWriteError, type RecordTable } from './record-store';
import { selectionCondition } from '../../records/selection';

export const BULK_BATCH_SIZE = 5000;

type Ctx = Pick<Deps, 'db' | 'now' | 'hooks'>;

export type BulkRequest =
  | { action: 'update'; selection: BulkSelection; set: Record<string, unknown> }
  | { action: 'delete' | 'restore'; selection: BulkSelection }
  | { action: 'addToList'; selection: BulkSelection; listId: string }
  | { action: 'export'; selection: BulkSelection; format?: string };

interface EntitySpec {
  entity: Entity;
  table: RecordTable;
  fields: ResourceFields;
  values(set: Record<string, unknown>): Record<string, unknown>;
  /** A row `b` of the batch collides with a live row on the natural key (restore skips it). */
  liveCollision: SQL;
  /** The natural key of `b`, to restore only one of several deleted duplicates. */
  naturalKey: SQL;
}

const SPECS: Record<Entity, EntitySpec> = {
  account: {
    entity: 'account',
    table: accounts,
    fields: ACCOUNT_RESOURCE,
    values: (set) => accountValues(set, { creating: false }),
    liveCollision: sql.raw(
      `exists (select 1 from accounts l where l.deleted_at is null and ((b.domain is not null and l.domain = b.domain) or (b.domain is null and l.domain is null and lower(l.name) = lower(b.name))))`,
    ),
    naturalKey: sql.raw(`coalesce(b.domain, 'n|' || lower(b.name))`),
  },
  contact: {
    entity: 'contact',
    table: contacts,
    fields: CONTACT_RESOURCE,
    values: (set) => contactValues(set),
    liveCollision: sql.raw(
      `exists (select 1 from contacts l where l.deleted_at is null and ((b.email is not null and l.email = b.email) or (b.email is null and l.email is null and ${contactPersonKey('l')} = ${contactPersonKey('b')})))`,
    ),
    naturalKey: sql.raw(
      `coalesce(b.email, 'p|' || coalesce(b.account_id::text, '') || '|' || lower(b.full_name) || '|' || coalesce(b.direct_phone, b.mobile_phone, ''))`,
    ),
  },
};

function selectionOf(spec: EntitySpec, selection: BulkSelection, deleted: boolean): SQL {
  if ('ids' in selection) return selectionCondition(spec.fields, { ids: selection.ids, deleted });
  return selectionCondition(spec.fields, { filter: selection.filter, q: selection.q, except: selection.except, deleted }, 'body.selection.filter');
}

interface BatchOutcome {
  matched: number;
  affected: number;
  last: string | null;
}

async function runBatch(db: Database, statement: SQL): Promise<BatchOutcome> {
  const row = await queryOne<{ matched: number; affected: number; last: string | null }>(db, statement);
  return { matched: Number(row?.matched ?? 0), affected: Number(row?.affected ?? 0), last: row?.last ?? null };
}

/** Runs batches until one comes back short; each batch is one statement (atomic on its own). */
async function inBatches(db: Database, batch: (after: string | null) => SQL): Promise<{ matched: number; affected: number }> {
  let after: string | null = null;
  let matched = 0;
  let affected = 0;
  for (;;) {
    const outcome = await runBatch(db, batch(after));
    matched += outcome.matched;
    affected += outcome.affected;
    if (outcome.matched < BULK_BATCH_SIZE || !outcome.last) return { matched, affected };
    after = outcome.last;
  }
}

const afterId = (after: string | null): SQL => (after ? sql` and id > ${after}::uuid` : sql``);

function historyInsert(spec: EntitySpec, action: string, changes: SQL, context: { bulkId: string; actor: Actor; now: string }): SQL {
  return sql`insert into record_changes (entity_type, entity_id, action, changes, actor_id, bulk_id, request_id, at)
    select ${spec.entity}::text, u.id, ${action}::text, ${changes}, ${context.actor.userId}::uuid, ${context.bulkId}::uuid, ${context.actor.requestId}::text, ${context.now}::timestamptz
    from upd u`;
}

/** Update: sets the same values on every selected live row; history keeps each row's old values. */
function updateBatch(spec: EntitySpec, where: SQL, values: Record<string, unknown>, context: { bulkId: string; actor: Actor; now: string }) {
  const columns = getTableColumns(spec.table) as unknown as Record<string, PgColumn>;
  const keys = Object.keys(values).filter((k) => values[k] !== undefined && columns[k]);
  const names = keys.map((k) => columns[k]!.name);
  const sets = keys.map((k) => sql`${sql.identifier(columns[k]!.name)} = ${sql.param(values[k], columns[k]!)}`);
  const oldCols = names.map((n) => sql`${sql.identifier(n)} as ${sql.identifier(`old_${n}`)}`);
  const changes = sql.join(
    keys.map(
      (k, i) =>
        sql`jsonb_build_object(${k}::text, jsonb_build_object('from', to_jsonb(u.${sql.identifier(`old_${names[i]!}`)}), 'to', to_jsonb(u.${sql.identifier(names[i]!)})))`,
    ),
    sql` || `,
  );
  return (after: string | null) => sql`
    with batch as (
      select id, ${sql.join(oldCols, sql`, `)} from ${spec.table}
      where ${where}${afterId(after)} order by id limit ${BULK_BATCH_SIZE} for update
    ),
    upd as (
      update ${spec.table} t set ${sql.join(sets, sql`, `)}, version = t.version + 1, updated_at = ${context.now}::timestamptz
      from batch where t.id = batch.id
      returning t.id, ${sql.join(names.map((n) => sql`t.${sql.identifier(n)}`), sql`, `)}, ${sql.join(names.map((n) => sql`batch.${sql.identifier(`old_${n}`)}`), sql`, `)}
    ),
    hist as (${historyInsert(spec, 'update', changes, context)})
    select (select count(*) from batch)::int as matched, (select count(*) from upd)::int as affected,
           (select id::text from batch order by id desc limit 1) as last`;
}

/** Delete: soft-deletes the selected live rows and marks them with the bulk id (for undo). */
function deleteBatch(spec: EntitySpec, where: SQL, context: { bulkId: string; actor: Actor; now: string }) {
  return (after: string | null) => sql`
    with batch as (
      select id from ${spec.table} where ${where}${afterId(after)} order by id limit ${BULK_BATCH_SIZE} for update
    ),
    upd as (
      update ${spec.table} t set deleted_at = ${context.now}::timestamptz, deleted_by_bulk = ${context.bulkId}::uuid,
        version = t.version + 1, updated_at = ${context.now}::timestamptz
      from batch where t.id = batch.id returning t.id
    ),
    hist as (${historyInsert(spec, 'delete', sql`jsonb_build_object('deletedAt', jsonb_build_object('from', null, 'to', ${context.now}::text))`, context)})
    select (select count(*) from batch)::int as matched, (select count(*) from upd)::int as affected,
           (select id::text from batch order by id desc limit 1) as last`;
}

/**
 * Restore: brings the selected deleted rows back, skipping any whose natural key a live row holds
 * now (and all but one of several deleted duplicates).
 */
function restoreBatch(spec: EntitySpec, where: SQL, context: { bulkId: string; actor: Actor; now: string }) {
  return (after: string | null) => sql`
    with batch as (
      select * from ${spec.table} where ${where}${afterId(after)} order by id limit ${BULK_BATCH_SIZE} for update
    ),
    pick as (
      select distinct on (${spec.naturalKey}) b.id from batch b where not ${spec.liveCollision} order by ${spec.naturalKey}, b.id
    ),
    upd as (
      update ${spec.table} t set deleted_at = null, deleted_by_bulk = null, version = t.version + 1, updated_at = ${context.now}::timestamptz
      from pick where t.id = pick.id returning t.id
    ),
    hist as (${historyInsert(spec, 'restore', sql`jsonb_build_object('deletedAt', jsonb_build_object('from', 'deleted', 'to', null))`, context)})
    select (select count(*) from batch)::int as matched, (select count(*) from upd)::int as affected,
           (select id::text from batch order by id desc limit 1) as last`;
}

/**
 * The export action: the selection goes to the export pipeline (a CSV streamed to S3, formula
 * cells neutralized) as POST /api/exports would send it, after the caller's export rate limit;
 * answers the export job (201), whose download link appears once it is done.
 */
export async function bulkExport(
  deps: Parameters<Deps['hooks']['createExport']>[0] & Pick<Deps, 'hooks'>,
  principal: Principal,
  resource: 'accounts' | 'contacts',
  request: { selection: BulkSelection; columns?: string[] | undefined; bom: boolean },
): Promise<Reply> {
  await takeRateSlot(deps, 'export', principal.userId);
  return reply(201, await deps.hooks.createExport(deps, principal, { resource, selection: request.selection, columns: request.columns, bom: request.bom }));
}

export async function runBulk(deps: Ctx, input: { entity: Entity; request: BulkRequest; actor: Actor }): Promise<BulkResult> {
  const { request } = input;
  if (request.action === 'addToList') return addSelectionToList(deps, { ...input, request });
  if (request.action === 'export') throw new Error('A bulk export runs through bulkExport, not runBulk.');
  const spec = SPECS[input.entity];
  const values = request.action === 'update' ? spec.values(request.set) : {};
  // Compile before recording the operation, so a bad filter leaves no trace.
  const where = selectionOf(spec, request.selection, request.action === 'restore');
  const now = deps.now();
  const [op] = await deps.db
    .insert(bulkOperations)
    .values({ entityType: input.entity, action: request.action, request, createdBy: input.actor.userId, createdAt: now, updatedAt: now })
    .returning({ id: bulkOperations.id });
  const context = { bulkId: op!.id, actor: input.actor, now: now.toISOString() };
  const batch =
    request.action === 'update'
      ? updateBatch(spec, where, values, context)
      : request.action === 'delete'
        ? deleteBatch(spec, where, context)
        : restoreBatch(spec, where, context);
  let counts: { matched: number; affected: number };
  try {
    counts = await inBatches(deps.db, batch);
  } catch (error) {
    await deps.db.update(bulkOperations).set({ status: 'failed', finishedAt: deps.now(), updatedAt: deps.now() }).where(eq(bulkOperations.id, op!.id));
    translateWriteError(error, input.entity);
  }
  const skipped = counts.matched - counts.affected;
  await deps.db
    .update(bulkOperations)
    .set({ status: 'done', matched: counts.matched, affected: counts.affected, skipped, finishedAt: deps.now(), updatedAt: deps.now() })
    .where(eq(bulkOperations.id, op!.id));
  return { bulkId: op!.id, action: request.action, ...counts, skipped, undoable: request.action === 'delete' && counts.affected > 0 };
}

/**
 * Adds the selected contacts (or every live contact of the selected accounts) to a static list:
 * one set-based statement in the audience module, recorded as a bulk operation like the others.
 */
async function addSelectionToList(
  deps: Ctx,
  input: { entity: Entity; request: Extract<BulkRequest, { action: 'addToList' }>; actor: Actor },
): Promise<BulkResult> {
  const { request } = input;
  // Adding first: an unknown list or a bad filter leaves no bulk record behind.
  const { added } = await deps.hooks.addSelectionToList(deps.db, { entity: input.entity, listId: request.listId, selection: request.selection });
  const now = deps.now();
  const [op] = await deps.db
    .insert(bulkOperations)
    .values({
      entityType: input.entity,
      action: request.action,
      request,
      createdBy: input.actor.userId,
      status: 'done',
      matched: added,
      affected: added,
      skipped: 0,
      finishedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: bulkOperations.id });
  return { bulkId: op!.id, action: request.action, matched: added, affected: added, skipped: 0, undoable: false };
}

/** Undoes a bulk delete: restores the rows it deleted that are still deleted (once). */
export async function undoBulk(deps: Ctx, input: { entity: Entity; bulkId: string; actor: Actor }): Promise<BulkResult> {
  const spec = SPECS[input.entity];
  const [op] = await deps.db
    .select()
    .from(bulkOperations)
    .where(and(eq(bulkOperations.id, input.bulkId), eq(bulkOperations.entityType, input.entity)));
  if (!op) throw notFound('bulk operation');
  if (op.action !== 'delete') throw new AppError('unprocessable', { detail: `Only a bulk delete can be undone (this was "${op.action}").` });
  const now = deps.now();
  // Claim the undo first: a second undo (or a concurrent one) finds it taken.
  const [claimed] = await deps.db
    .update(bulkOperations)
    .set({ undoneAt: now, undoneBy: input.actor.userId, updatedAt: now })
    .where(and(eq(bulkOperations.id, input.bulkId), isNull(bulkOperations.undoneAt)))
    .returning({ id: bulkOperations.id });
  if (!claimed) throw new AppError('conflict', { detail: 'This bulk delete has already been undone.' });
  const where = sql`${spec.fields.deletedAt} is not null and deleted_by_bulk = ${input.bulkId}::uuid`;
  let counts: { matched: number; affected: number };
  try {
    counts = await inBatches(deps.db, restoreBatch(spec, where, { bulkId: input.bulkId, actor: input.actor, now: now.toISOString() }));
  } catch (error) {
    // Batches that ran stay restored (they no longer carry the bulk id); release the claim so the
    // undo can be run again for the rows still deleted. Only our own claim: matched by its time.
    await deps.db
      .update(bulkOperations)
      .set({ undoneAt: null, undoneBy: null, updatedAt: deps.now() })
      .where(and(eq(bulkOperations.id, input.bulkId), eq(bulkOperations.undoneAt, now)));
    translateWriteError(error, input.entity);
  }
  return { bulkId: input.bulkId, action: 'undo', ...counts, skipped: counts.matched - counts.affected, undoable: false };
}
