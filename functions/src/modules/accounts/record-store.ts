// The writes accounts and contacts share: upsert on the natural key (INSERT … ON CONFLICT, never a
// read-then-insert), versioned update, soft delete and restore — each in one transaction with its
// history row. The caller supplies the normalized values and the conflict target of its table.
import { and, eq, getTableColumns, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/connection';
import { queryOne } from '../../db/rows';
import type { accounts, contacts } from '../../db/schema';
import { AppError, notFound } from '../../core/app-error';
import type { Entity } from '../../records/fields';
import { diffRows, writeChange, type Queryable } from '../../records/record-changes';
import type { Actor } from '../../core/actor';
import { PG_CHECK_VIOLATION, PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '../../db/pg-errors';

export type RecordTable = typeof accounts | typeof contacts;
type Row = Record<string, unknown> & { id: string; version: number };

/** Drizzle's query builder typed for the columns both tables share. */
const asAccounts = (table: RecordTable) => table as typeof accounts;

export interface UpsertSpec {
  entity: Entity;
  table: RecordTable;
  /** `(domain) where deleted_at is null and domain is not null`: the unique index to merge on. */
  conflict: SQL;
  /** The same key as a WHERE on live rows, to read the row a merge will change (for history). */
  naturalKey: SQL;
  /** Column values computed in SQL at insert time only (e.g. account_id from the email domain). */
  insertOnly?: Record<string, SQL>;
}

/** Unique violations answer 409 with a sentence; foreign keys 400 on the field. */
export function translateWriteError(error: unknown, entity: Entity): never {
  const code = pgErrorCode(error);
  if (code === PG_UNIQUE_VIOLATION) {
    const constraint = pgConstraint(error) ?? '';
    const what = constraint.includes('email')
      ? 'email'
      : constraint.includes('domain')
        ? 'domain'
        : constraint.includes('name')
          ? 'name (and no domain)'
          : 'name, account and phone';
    throw new AppError('conflict', { detail: `Another live ${entity} has the same ${what}.` });
  }
  if (code === PG_CHECK_VIOLATION && (pgConstraint(error) ?? '').includes('identity')) {
    throw new AppError('invalid', { errors: [{ field: 'body.email', message: 'a contact needs an email or a name' }], detail: 'body.email: a contact needs an email or a name' });
  }
  if (code === PG_FOREIGN_KEY_VIOLATION) throw new AppError('invalid', { errors: [{ field: 'body.accountId', message: 'no such account' }], detail: 'body.accountId: no such account' });
  throw error;
}

function columnsOf(table: RecordTable): Record<string, PgColumn> {
  return getTableColumns(table) as unknown as Record<string, PgColumn>;
}

/** Creates the record, or merges the given fields into the live record with the same natural key. */
export async function upsertRecord(
  db: Database,
  spec: UpsertSpec,
  values: Record<string, unknown>,
  context: { actor: Actor; now: Date },
): Promise<{ row: Row; created: boolean }> {
  const columns = columnsOf(spec.table);
  const keys = Object.keys(values).filter((k) => values[k] !== undefined && columns[k]);
  const insertCols = [...keys.map((k) => columns[k]!.name), ...Object.keys(spec.insertOnly ?? {}), 'created_by', 'created_at', 'updated_at'];
  const insertVals = [
    ...keys.map((k) => sql`${sql.param(values[k], columns[k]!)}`),
    ...Object.values(spec.insertOnly ?? {}),
    sql`${context.actor.userId}::uuid`,
    sql`${context.now.toISOString()}::timestamptz`,
    sql`${context.now.toISOString()}::timestamptz`,
  ];
  const updates = keys
    .filter((k) => k !== 'customFields')
    .map((k) => sql`${sql.identifier(columns[k]!.name)} = excluded.${sql.identifier(columns[k]!.name)}`);
  if (keys.includes('customFields')) updates.push(sql`custom_fields = ${spec.table}.custom_fields || excluded.custom_fields`);
  updates.push(sql`version = ${spec.table}.version + 1`, sql`updated_at = excluded.updated_at`);

  try {
    return await db.transaction(async (tx) => {
      const [before] = (await tx
        .select()
        .from(asAccounts(spec.table))
        .where(and(isNull(asAccounts(spec.table).deletedAt), spec.naturalKey))
        .limit(1)
        .for('update')) as unknown as Row[];
      // One statement: insert, or merge into the live row holding the natural key.
      const result = await queryOne<{ id: string; inserted: boolean }>(
        tx as unknown as Database,
        sql`insert into ${spec.table} (${sql.join(insertCols.map((c) => sql.identifier(c)), sql`, `)})
            values (${sql.join(insertVals, sql`, `)})
            on conflict ${spec.conflict} do update set ${sql.join(updates, sql`, `)}
            returning id, (xmax = 0) as inserted`,
      );
      const row = (await findById(tx, spec.table, result!.id))!;
      const created = result!.inserted === true || String(result!.inserted) === 'true';
      await writeChange(tx, {
        entity: spec.entity,
        entityId: row.id,
        action: created ? 'create' : 'merge',
        changes: diffRows(created ? null : (before ?? null), created ? row : pick(row, keys)),
        actor: context.actor,
        at: context.now,
      });
      return { row, created };
    });
  } catch (error) {
    translateWriteError(error, spec.entity);
  }
}

const pick = (row: Row, keys: string[]): Record<string, unknown> => Object.fromEntries(keys.map((k) => [k, row[k]]));

export async function findById(
  db: Queryable,
  table: RecordTable,
  id: string,
  options: { includeDeleted?: boolean; visible?: SQL | undefined } = {},
): Promise<Row | undefined> {
  const t = asAccounts(table);
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), options.includeDeleted ? undefined : isNull(t.deletedAt), options.visible))
    .limit(1);
  return row as unknown as Row | undefined;
}

/** PATCH: applies the values when `version` is still the stored one; else 409 stale_write. */
export async function updateRecord(
  db: Database,
  input: { entity: Entity; table: RecordTable; id: string; values: Record<string, unknown>; version: number },
  context: { actor: Actor; now: Date },
): Promise<Row> {
  const t = asAccounts(input.table);
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.values)) {
    if (value === undefined) continue;
    set[key] = key === 'customFields' ? sql`${t.customFields} || ${JSON.stringify(value)}::jsonb` : value;
  }
  try {
    return await db.transaction(async (tx) => {
      // The row lock makes the version check and the write one step for concurrent writers.
      const [before] = (await tx.select().from(t).where(and(eq(t.id, input.id), isNull(t.deletedAt))).for('update')) as unknown as Row[];
      if (!before) throw notFound(input.entity);
      if (before.version !== input.version) {
        throw new AppError('stale_write', {
          detail: `This ${input.entity} was changed since you read it (version ${input.version}, now ${before.version}): reload and apply your change again.`,
          extra: { currentVersion: before.version },
        });
      }
      const [after] = (await tx
        .update(t)
        .set({ ...set, version: sql`${t.version} + 1`, updatedAt: context.now })
        .where(eq(t.id, input.id))
        .returning()) as unknown as Row[];
      const changes = diffRows(before, after!);
      if (Object.keys(changes).length > 0) {
        await writeChange(tx, { entity: input.entity, entityId: input.id, action: 'update', changes, actor: context.actor, at: context.now });
      }
      return after!;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    translateWriteError(error, input.entity);
  }
}

/** Soft delete; deleting a deleted record again is a no-op. */
export async function softDeleteRecord(
  db: Database,
  input: { entity: Entity; table: RecordTable; id: string },
  context: { actor: Actor; now: Date },
): Promise<void> {
  const t = asAccounts(input.table);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(t)
      .set({ deletedAt: context.now, deletedByBulk: null, version: sql`${t.version} + 1`, updatedAt: context.now })
      .where(and(eq(t.id, input.id), isNull(t.deletedAt)))
      .returning({ id: t.id });
    if (!row) {
      if (!(await findById(tx, input.table, input.id, { includeDeleted: true }))) throw notFound(input.entity);
      return;
    }
    await writeChange(tx, {
      entity: input.entity,
      entityId: input.id,
      action: 'delete',
      changes: { deletedAt: { from: null, to: context.now.toISOString() } },
      actor: context.actor,
      at: context.now,
    });
  });
}

/** Restores a deleted record (409 when a live record has taken its natural key meanwhile). */
export async function restoreRecord(
  db: Database,
  input: { entity: Entity; table: RecordTable; id: string },
  context: { actor: Actor; now: Date },
): Promise<Row> {
  const t = asAccounts(input.table);
  try {
    return await db.transaction(async (tx) => {
      const [row] = (await tx
        .update(t)
        .set({ deletedAt: null, deletedByBulk: null, version: sql`${t.version} + 1`, updatedAt: context.now })
        .where(and(eq(t.id, input.id), isNotNull(t.deletedAt)))
        .returning()) as unknown as Row[];
      if (!row) {
        const live = await findById(tx, input.table, input.id);
        if (!live) throw notFound(input.entity);
        return live;
      }
      await writeChange(tx, {
        entity: input.entity,
        entityId: input.id,
        action: 'restore',
        changes: { deletedAt: { from: 'deleted', to: null } },
        actor: context.actor,
        at: context.now,
      });
      return row;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    translateWriteError(error, input.entity);
  }
}
