// The global suppression list: add one entry, list and search, remove (audited), and the two
// internal entry points other modules call when a person opts out (one-click unsubscribe, SES
// bounces and complaints, a do-not-call request taken on a call).
import type {
  AddSuppressionRequest,
  AddSuppressionResponse,
  Suppression,
  SuppressionListQuery,
  SuppressionListResponse,
  SuppressionReason,
} from '@shared/contracts/compliance';
import { phoneDigits } from '@shared/normalize';
import type { Deps } from '../../core/deps';
import { AppError, invalid, notFound } from '../../core/app-error';
import { writeAudit } from '../identity';
import type { Actor } from '../../core/actor';
import { normalizeSuppressionValue, typesOfList } from './suppression-values';
import {
  deleteSuppression,
  findSuppression,
  findSuppressionById,
  insertSuppressions,
  listSuppressions,
  type Db,
  type SuppressionRow,
} from './suppressions-repo';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export function toSuppression(row: SuppressionRow): Suppression {
  return {
    id: row.id,
    type: row.type,
    value: row.value,
    reason: row.reason,
    source: row.source,
    note: row.note,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
  };
}

export async function addSuppression(
  deps: Pick<Deps, 'db' | 'now'>,
  input: { request: AddSuppressionRequest; context: Actor },
): Promise<AddSuppressionResponse> {
  const { request, context } = input;
  const normalized = normalizeSuppressionValue(request.type, request.value, request.defaultCountry);
  if (!normalized.ok) throw invalid('body.value', normalized.reason);
  const inserted = await insertSuppressions(
    deps.db,
    [{ type: normalized.type, value: normalized.value, reason: request.reason, source: request.source ?? 'manual', note: request.note ?? null }],
    { createdBy: context.userId, at: deps.now() },
  );
  const row = await findSuppression(deps.db, normalized.type, normalized.value);
  // Removed by someone else between the two statements: rare, and worth a retry, not a 500.
  if (!row) throw new AppError('conflict', { detail: 'The entry changed while it was being added; try again.' });
  return { added: inserted.length > 0, suppression: toSuppression(row) };
}

export async function searchSuppressions(deps: Pick<Deps, 'db'>, query: SuppressionListQuery): Promise<SuppressionListResponse> {
  if (query.cursor !== undefined && !UUID.test(query.cursor)) throw invalid('query.cursor', 'is not a cursor this API gave out');
  const types = query.type ? [query.type] : typesOfList(query.list);
  if (query.type && !typesOfList(query.list).includes(query.type)) throw invalid('query.type', `is not on the ${query.list} list`);
  // Stored values are lower-case addresses and E.164 numbers: search them in that form.
  let q = query.q?.toLowerCase() || undefined;
  if (q && query.list === 'phone') {
    q = phoneDigits(q);
    // Words never match a number.
    if (!q) return { items: [], nextCursor: null };
  }
  const rows = await listSuppressions(deps.db, {
    types,
    ...(query.reason ? { reason: query.reason } : {}),
    ...(q ? { q } : {}),
    ...(query.cursor ? { beforeId: query.cursor } : {}),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toSuppression), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null };
}

/** Admin only (the route says so): deletes the entry and audits what it was, in one transaction. */
export async function removeSuppression(deps: Pick<Deps, 'db' | 'now'>, input: { id: string; context: Actor }): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const before = await findSuppressionById(tx, input.id);
    if (!before || !(await deleteSuppression(tx, input.id))) throw notFound('suppression');
    await writeAudit(tx, input.context, {
      action: 'suppression.removed',
      entityType: 'suppression',
      entityId: input.id,
      before: toSuppression(before),
      after: null,
      at: deps.now(),
    });
  });
}

async function suppressOne(
  db: Db,
  type: 'email' | 'phone',
  input: string,
  reason: SuppressionReason,
  source: string,
  at: Date,
  note: string | null = null,
): Promise<{ added: boolean; value: string }> {
  const normalized = normalizeSuppressionValue(type, input);
  if (!normalized.ok) throw invalid(type, normalized.reason);
  const inserted = await insertSuppressions(db, [{ type, value: normalized.value, reason, source, note }], { createdBy: null, at });
  return { added: inserted.length > 0, value: normalized.value };
}

/**
 * Puts an address on the suppression list (one-click unsubscribe, a hard bounce, a complaint).
 * Repeatable: an address already there stays as it is and `added` is false.
 */
export function suppressEmail(
  db: Db,
  email: string,
  reason: SuppressionReason,
  source: string,
  at: Date = new Date(),
  note: string | null = null,
): Promise<{ added: boolean; value: string }> {
  return suppressOne(db, 'email', email, reason, source, at, note);
}

/** Puts a number on the do-not-call list (a DNC request taken on a call); repeatable. */
export function suppressPhone(
  db: Db,
  phone: string,
  reason: SuppressionReason,
  source: string,
  at: Date = new Date(),
): Promise<{ added: boolean; value: string }> {
  return suppressOne(db, 'phone', phone, reason, source, at);
}
