// The record timeline: touches, notes, tasks and what other modules contribute (field changes,
// consent, imports, list membership) in one newest-first feed, filterable by kind and channel,
// cursor-paginated. An account's feed rolls up its contacts. Each source returns its own newest
// page (an index-ordered top-n); the union is sorted once and cut to the page.
import { sql, type SQL } from 'drizzle-orm';
import { TIMELINE_KINDS, type TimelineItem, type TimelineQuery, type TimelineResponse } from '@shared/contracts/activity';
import { withinReach, type TimelinePage, type TimelineSource, type TimelineSubject } from '../../core/timeline-source';
import { contactVisibleTo, recordVisibleTo, scopedAgentId, type RecordReader } from '../../records/record-scope';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { invalid, notFound } from '../../core/app-error';

const before = (page: TimelinePage, at: SQL, id: SQL) => (page.before ? sql`and (${at}, ${id}) < (${page.before.at}::timestamptz, ${page.before.id})` : sql``);

/** Touches of the contact, or of every contact of the account. */
export const touchSource: TimelineSource = {
  kind: 'touch',
  query: (page) => sql`select 'touch:' || t.id as id, t.occurred_at as at, t.channel,
      t.kind as title,
      jsonb_strip_nulls(jsonb_build_object('kind', t.kind, 'outcome', t.outcome, 'disposition', t.disposition, 'summary', t.summary, 'campaignId', t.campaign_id)) as detail,
      t.actor_id, t.contact_id
    from touches t
    where ${page.subject.kind === 'contact' ? sql`t.contact_id = ${page.subject.id}::uuid` : sql`t.account_id = ${page.subject.id}::uuid`}
      ${page.channels ? sql`and t.channel = any(${sql.param(page.channels)}::text[])` : sql``}
      ${page.foldedTouches.length ? sql`and not (t.source_event_id like any(${sql.param(page.foldedTouches.map((p) => `${p}%`))}::text[]) and t.kind not in ('unsubscribed', 'complained'))` : sql``}
      ${withinReach(page, sql`t.contact_id`)}
      ${before(page, sql`t.occurred_at`, sql`'touch:' || t.id`)}
    order by t.occurred_at desc, 'touch:' || t.id desc limit ${page.limit}`,
};

const onSubject = (page: TimelinePage, alias: string) => {
  const a = sql.raw(alias);
  return page.subject.kind === 'contact'
    ? sql`${a}.contact_id = ${page.subject.id}::uuid`
    : sql`(${a}.account_id = ${page.subject.id}::uuid or ${a}.contact_id in (select id from contacts where account_id = ${page.subject.id}::uuid))`;
};

export const noteSource: TimelineSource = {
  kind: 'note',
  query: (page) => sql`select 'note:' || n.id as id, n.created_at as at, null::text as channel, 'Note' as title,
      jsonb_build_object('noteId', n.id, 'body', n.body, 'editedAt', case when n.updated_at > n.created_at then n.updated_at end) as detail,
      n.author_id as actor_id, n.contact_id
    from notes n
    where n.deleted_at is null and ${onSubject(page, 'n')} ${withinReach(page, sql`n.contact_id`)} ${before(page, sql`n.created_at`, sql`'note:' || n.id`)}
    order by n.created_at desc, 'note:' || n.id desc limit ${page.limit}`,
};

export const taskSource: TimelineSource = {
  kind: 'task',
  query: (page) => sql`select 'task:' || t.id as id, t.created_at as at, null::text as channel, t.title,
      jsonb_build_object('taskId', t.id, 'type', t.type, 'status', t.status, 'dueAt', t.due_at, 'dueTimeZone', t.due_time_zone,
        'assigneeId', t.assignee_id, 'completedAt', t.completed_at) as detail,
      t.created_by as actor_id, t.contact_id
    from tasks t
    where t.deleted_at is null and ${onSubject(page, 't')} ${withinReach(page, sql`t.contact_id`)} ${before(page, sql`t.created_at`, sql`'task:' || t.id`)}
    order by t.created_at desc, 'task:' || t.id desc limit ${page.limit}`,
};

export const ACTIVITY_SOURCES: TimelineSource[] = [touchSource, noteSource, taskSource];

function decodeCursor(cursor: string | undefined): TimelinePage['before'] {
  if (cursor === undefined) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at)) || id.length > 100) throw new Error('shape');
    return { at, id };
  } catch {
    throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
}

const encodeCursor = (item: { at: string; id: string }) => Buffer.from(JSON.stringify([item.at, item.id]), 'utf8').toString('base64url');

interface FeedRow extends Record<string, unknown> {
  id: string;
  kind: TimelineItem['kind'];
  at: Date | string;
  /** The instant at full precision (microseconds), for the cursor. */
  at_key: string;
  channel: TimelineItem['channel'];
  title: string;
  detail: unknown;
  actor_id: string | null;
  actor_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
}

/**
 * One page of a contact's or an account's feed (404 when the record does not exist or is out of the
 * reader's reach); an agent's account feed rolls up only the contacts within their reach.
 */
export async function readTimeline(
  db: Database,
  sources: readonly TimelineSource[],
  subject: TimelineSubject,
  query: TimelineQuery,
  reader: RecordReader,
): Promise<TimelineResponse> {
  const table = subject.kind === 'contact' ? sql`contacts` : sql`accounts`;
  const visible = recordVisibleTo(reader, subject.kind, sql`${table}.id`);
  const exists = await queryOne<{ ok: boolean }>(db, sql`select true as ok from ${table} where id = ${subject.id}::uuid ${visible ? sql`and ${visible}` : sql``}`);
  if (!exists) throw notFound(subject.kind);

  const kinds = new Set(query.kinds?.length ? query.kinds : TIMELINE_KINDS);
  // A channel filter keeps only what happened on a channel: touches.
  if (query.channels?.length) for (const k of [...kinds]) if (k !== 'touch') kinds.delete(k);
  const page: TimelinePage = {
    subject,
    before: decodeCursor(query.cursor),
    limit: query.limit + 1,
    channels: query.channels?.length ? query.channels : null,
    contactReach: scopedAgentId(reader) === null ? null : (contactId) => contactVisibleTo(reader, contactId)!,
    foldedTouches: [],
  };
  const chosen = sources.filter((s) => kinds.has(s.kind));
  // Touches an item of the page already shows are not listed again beside it.
  page.foldedTouches = chosen.flatMap((s) => (s.foldsTouches ? [s.foldsTouches] : []));
  if (!chosen.length) return { items: [], nextCursor: null };
  const parts = chosen.map((s) => sql`select ${s.kind}::text as kind, q.* from (${s.query(page)}) q`);
  const rows = await queryRows<FeedRow>(
    db,
    sql`select f.id, f.kind, f.at, f.at::text as at_key, f.channel, f.title, f.detail, f.actor_id, f.contact_id,
        nullif(btrim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')), '') as actor_name,
        coalesce(c.full_name, c.email) as contact_name
      from (${sql.join(parts, sql` union all `)}) f
      left join users u on u.id = f.actor_id
      left join contacts c on c.id = f.contact_id
      order by f.at desc, f.id desc
      limit ${page.limit}`,
  );
  const items: TimelineItem[] = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    at: new Date(r.at).toISOString(),
    channel: r.channel,
    title: r.title,
    detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown> | null,
    actorId: r.actor_id,
    actorName: r.actor_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
  }));
  const last = rows[query.limit - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at_key, id: last.id }) : null };
}
