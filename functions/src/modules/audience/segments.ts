// Dynamic segments: a saved filter over contact and account fields and the audience criteria,
// evaluated whenever it is used. A preview counts the matches and shows the first page; a segment
// becomes a static list by a snapshot (one INSERT … SELECT of its current members).
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { FilterGroup } from '@shared/contracts/filters';
import type { Segment, SegmentPreview, SegmentReachability, SegmentToListResult, segmentCreateSchema, segmentToListRequestSchema, segmentUpdateSchema } from '@shared/contracts/audience';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { queryOne } from '../../db/rows';
import { contacts, segments } from '../../db/schema';
import { AppError, notFound } from '../../core/app-error';
import { contactViews } from '../accounts';
import { countMatches } from '../../records/list-records';
import { isUniqueViolation } from '../../db/pg-errors';
import { selectionCondition } from '../../records/selection';
import type { ContactRow } from '../../records/views';
import { countExclusions } from '../compliance';
import { listSnapshotSql } from './list-snapshot';
import { getList } from './lists';
import { SEGMENT_RESOURCE } from '../../records/segment-fields';
import { withoutJit } from '../../db/planner-settings';
import { softDeleteNamed } from './soft-delete';

type Ctx = Pick<Deps, 'db' | 'now' | 'hooks'>;
type SegmentRow = typeof segments.$inferSelect;

/**
 * The SQL condition selecting a segment's live contacts (`contacts` in scope). Refuses unknown
 * fields, wrong operators and bad values with a 400 naming the condition under `path`.
 */
export function compileSegment(filter: FilterGroup, path = 'body.filter'): SQL {
  return selectionCondition(SEGMENT_RESOURCE, { filter }, path);
}

/** One column of contact ids: the audience a campaign hands to the compliance guard. */
export function segmentAudienceSql(filter: FilterGroup): SQL {
  return sql`select ${contacts.id} from ${contacts} where ${compileSegment(filter, 'filter')}`;
}

function segmentView(row: SegmentRow): Segment {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    filter: row.filter,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const nameTaken =
  (what: 'segment' | 'list') =>
  (error: unknown): never => {
    if (isUniqueViolation(error)) throw new AppError('conflict', { detail: `Another ${what} has this name.` });
    throw error;
  };

async function findLiveSegment(db: Database, id: string): Promise<SegmentRow> {
  const [row] = await db.select().from(segments).where(and(eq(segments.id, id), isNull(segments.deletedAt)));
  if (!row) throw notFound('segment');
  return row;
}

export async function createSegment(deps: Ctx, input: { request: z.output<typeof segmentCreateSchema>; userId: string | null }): Promise<Segment> {
  compileSegment(input.request.filter);
  const now = deps.now();
  const rows = await deps.db
    .insert(segments)
    .values({ name: input.request.name, description: input.request.description ?? null, filter: input.request.filter, createdBy: input.userId, createdAt: now, updatedAt: now })
    .returning()
    .catch(nameTaken('segment'));
  return segmentView(rows[0]!);
}

export async function getSegment(deps: Pick<Deps, 'db'>, id: string): Promise<Segment> {
  return segmentView(await findLiveSegment(deps.db, id));
}

export async function listSegments(deps: Ctx): Promise<{ items: Segment[] }> {
  const rows = await deps.db.select().from(segments).where(isNull(segments.deletedAt)).orderBy(sql`${segments.createdAt} desc, ${segments.id} desc`).limit(500);
  return { items: rows.map(segmentView) };
}

export async function updateSegment(deps: Ctx, input: { id: string; request: z.output<typeof segmentUpdateSchema> }): Promise<Segment> {
  if (input.request.filter) compileSegment(input.request.filter);
  await findLiveSegment(deps.db, input.id);
  const set: Partial<typeof segments.$inferInsert> = { updatedAt: deps.now() };
  if (input.request.name !== undefined) set.name = input.request.name;
  if (input.request.description !== undefined) set.description = input.request.description;
  if (input.request.filter !== undefined) set.filter = input.request.filter;
  const rows = await deps.db.update(segments).set(set).where(eq(segments.id, input.id)).returning().catch(nameTaken('segment'));
  return segmentView(rows[0]!);
}

export async function deleteSegment(deps: Ctx, id: string): Promise<void> {
  await softDeleteNamed(deps, segments, id, 'segment');
}

/** How many contacts match (exact up to the list cap, estimated above) and the newest `limit` of them. */
export async function previewSegment(deps: Ctx, input: { filter: FilterGroup; limit: number }): Promise<SegmentPreview> {
  const where = compileSegment(input.filter);
  // The page and the count run side by side (on a server pool they overlap).
  const [rows, total] = await Promise.all([
    withoutJit(deps.db, (tx) => tx.select().from(contacts).where(where).orderBy(sql`${contacts.createdAt} desc`, sql`${contacts.id} desc`).limit(input.limit) as Promise<ContactRow[]>),
    withoutJit(deps.db, (tx) => countMatches(tx, contacts, where)),
  ]);
  return { count: total.count, exact: total.exact, rows: await contactViews(deps, rows) };
}

/**
 * Unreachable: opted out of either channel, or suppressed by address, domain or phone. The same
 * audience criteria the builder offers, so a person can see these contacts as a segment too.
 */
const UNREACHABLE: FilterGroup = {
  type: 'or',
  conditions: [
    { field: 'emailSuppressed', op: 'eq', value: true },
    { field: 'phoneSuppressed', op: 'eq', value: true },
    { field: 'emailConsent', op: 'eq', value: 'opted_out' },
    { field: 'phoneConsent', op: 'eq', value: 'opted_out' },
  ],
};

/** Before a segment becomes a list: how many of its members are unreachable, and why (the guard's counts). */
export async function segmentReachability(deps: Ctx, segmentId: string): Promise<SegmentReachability> {
  const segment = await findLiveSegment(deps.db, segmentId);
  const where = compileSegment(segment.filter, 'filter');
  const [exclusions, unreachable] = await Promise.all([
    withoutJit(deps.db, (tx) => countExclusions(tx, segmentAudienceSql(segment.filter))),
    withoutJit(deps.db, (tx) => queryOne<{ n: number }>(tx, sql`select count(*)::int as n from ${contacts} where ${where} and ${compileSegment(UNREACHABLE, 'filter')}`)),
  ]);
  return {
    members: exclusions.audience,
    unreachable: Number(unreachable?.n ?? 0),
    suppressedEmail: exclusions.email.suppressed_email,
    suppressedDomain: exclusions.email.suppressed_domain,
    suppressedPhone: exclusions.phone.suppressed_phone,
    optedOutEmail: exclusions.email.opted_out,
    optedOutPhone: exclusions.phone.opted_out,
  };
}

/**
 * A static list holding the segment's members now: the list and its members are written by one
 * statement (an INSERT … SELECT over the compiled segment), so the snapshot is all or nothing.
 * With `excludeUnreachable` the opted-out and suppressed members stay out, and are counted.
 */
export async function segmentToList(
  deps: Ctx,
  input: { segmentId: string; request: z.output<typeof segmentToListRequestSchema>; userId: string | null },
): Promise<SegmentToListResult> {
  const segment = await findLiveSegment(deps.db, input.segmentId);
  const where = compileSegment(segment.filter, 'filter');
  const unreachable = compileSegment(UNREACHABLE, 'filter');
  const exclude = input.request.excludeUnreachable === true;
  const snapshot = { name: input.request.name, description: input.request.description, origin: 'segment', originId: segment.id, userId: input.userId, now: deps.now().toISOString() } as const;
  const row = await withoutJit(deps.db, (tx) =>
    queryOne<{ id: string; left_out: number }>(
      tx,
      listSnapshotSql(
        snapshot,
        sql`select ${contacts.id} from ${contacts} where ${where} ${exclude ? sql`and not (${unreachable})` : sql``}`,
        sql`, ${exclude ? sql`(select count(*)::int from ${contacts} where ${where} and ${unreachable})` : sql`0`} as left_out`,
      ),
    ),
  ).catch(nameTaken('list'));
  return { ...(await getList(deps, row!.id)), leftOut: Number(row!.left_out) };
}
