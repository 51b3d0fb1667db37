// Suppression SQL. Every write is set-based (one statement per batch, arrays bound as single
// parameters and unnested) and every match is equality on the (type, value) unique index.
// Times come from the caller's clock.
import { sql, type SQL } from 'drizzle-orm';
import type { SuppressionReason, SuppressionType } from '@shared/contracts/compliance';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';

export type Db = Database;

export interface SuppressionRow extends Record<string, unknown> {
  id: string;
  type: SuppressionType;
  value: string;
  reason: SuppressionReason;
  source: string;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date | string;
}

export interface NewSuppression {
  type: SuppressionType;
  value: string;
  reason: SuppressionReason;
  source: string;
  note: string | null;
}

/** A bound text[] parameter (drizzle would otherwise spread the array into one parameter each). */
export const textArray = (values: readonly (string | null)[]): SQL => sql`${sql.param(values)}::text[]`;

const SELECT_ROW = sql`s.id, s.type, s.value, s.reason, s.source, s.note, s.created_by, s.created_at,
  nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as created_by_name`;

/**
 * Inserts a batch of entries (up to a few thousand) in one statement; entries already on the
 * list are left as they are. Returns the (type, value) pairs that were new.
 */
export async function insertSuppressions(
  db: Db,
  rows: readonly NewSuppression[],
  context: { createdBy: string | null; at: Date },
): Promise<Array<{ type: SuppressionType; value: string }>> {
  if (!rows.length) return [];
  const at = context.at.toISOString();
  return queryRows(
    db,
    sql`insert into suppressions (type, value, reason, source, note, created_by, created_at, updated_at)
      select t.type, t.value, t.reason, t.source, t.note, ${context.createdBy}::uuid, ${at}::timestamptz, ${at}::timestamptz
      from unnest(${textArray(rows.map((r) => r.type))}, ${textArray(rows.map((r) => r.value))}, ${textArray(rows.map((r) => r.reason))},
                  ${textArray(rows.map((r) => r.source))}, ${textArray(rows.map((r) => r.note))}) as t(type, value, reason, source, note)
      on conflict (type, value) do nothing
      returning type, value`,
  );
}

export async function findSuppression(db: Db, type: SuppressionType, value: string): Promise<SuppressionRow | undefined> {
  return queryOne<SuppressionRow>(
    db,
    sql`select ${SELECT_ROW} from suppressions s left join users u on u.id = s.created_by where s.type = ${type} and s.value = ${value}`,
  );
}

export async function findSuppressionById(db: Db, id: string): Promise<SuppressionRow | undefined> {
  return queryOne<SuppressionRow>(db, sql`select ${SELECT_ROW} from suppressions s left join users u on u.id = s.created_by where s.id = ${id}`);
}

export async function deleteSuppression(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows(db, sql`delete from suppressions where id = ${id} returning id`);
  return rows.length > 0;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest first; ids are time-ordered (uuid v7), so the cursor is the last id seen. */
export async function listSuppressions(
  db: Db,
  filter: { types: SuppressionType[]; reason?: SuppressionReason; q?: string; beforeId?: string; limit: number },
): Promise<SuppressionRow[]> {
  const conditions: SQL[] = [sql`s.type = any(${textArray(filter.types)})`];
  if (filter.reason) conditions.push(sql`s.reason = ${filter.reason}`);
  if (filter.q) conditions.push(sql`s.value like ${likePattern(filter.q)}`);
  if (filter.beforeId) conditions.push(sql`s.id < ${filter.beforeId}::uuid`);
  return queryRows<SuppressionRow>(
    db,
    sql`select ${SELECT_ROW} from suppressions s left join users u on u.id = s.created_by
      where ${sql.join(conditions, sql` and `)}
      order by s.id desc
      limit ${filter.limit}`,
  );
}

export interface MatchRow extends Record<string, unknown> {
  type: SuppressionType;
  value: string;
  /** Email entries: the address without its plus tag. */
  email_base: string | null;
  reason: SuppressionReason;
  source: string;
  created_at: Date | string;
}

/**
 * The one statement that finds the entries among these addresses, registrable domains and E.164
 * numbers (equality on the (type, value) unique index; addresses on the email_base index, so an
 * entry for jane@x.com is found for jane+news@x.com); null when there is nothing to look up.
 * `emails` are bases (emailBase).
 */
export function matchStatement(values: { emails: readonly string[]; domains: readonly string[]; phones: readonly string[] }): SQL | null {
  const wanted: SQL[] = [];
  if (values.domains.length) wanted.push(sql`select 'domain' as type, unnest(${textArray(values.domains)}) as value`);
  if (values.phones.length) wanted.push(sql`select 'phone' as type, unnest(${textArray(values.phones)}) as value`);
  if (!wanted.length && !values.emails.length) return null;
  // A join on the wanted (type, value) pairs rather than `value = any(…)`: the planner then costs
  // one index probe instead of estimating every array element against each index (the trigram
  // index included), which took longer than the lookup itself.
  const parts: SQL[] = [];
  if (values.emails.length) {
    parts.push(sql`select s.type, s.value, s.email_base, s.reason, s.source, s.created_at
      from unnest(${textArray(values.emails)}) w(base) join suppressions s on s.email_base = w.base`);
  }
  if (wanted.length) {
    parts.push(sql`select s.type, s.value, s.email_base, s.reason, s.source, s.created_at
      from (${sql.join(wanted, sql` union all `)}) w join suppressions s on s.type = w.type and s.value = w.value`);
  }
  return sql.join(parts, sql` union all `);
}
