// The QA queue: leads filtered by state, pipeline status, campaign, client, agent, suggestion, SLA
// and a search of their details; sorted by queueing time, score or creation; a cursor page at a time.
import { sql, type SQL } from 'drizzle-orm';
import { QA_SLA_SECONDS, type LeadListPage, type LeadListQuery } from '@shared/contracts/leads';
import type { Deps } from '../../../core/deps';
import { invalid } from '../../../core/app-error';
import { decodeCursor, encodeCursor } from '../../../records/cursor';
import { summariesWhere, toSummary } from './views';

type SortName = 'queued_at' | 'score' | 'created_at';

/** Each sort's expression (never null, so the keyset comparison holds) and its Postgres type. */
const SORTS: Record<SortName, { expr: SQL; cast: 'timestamptz' | 'int4'; valid: (v: string) => boolean }> = {
  queued_at: { expr: sql`coalesce(l.queued_at, l.created_at)`, cast: 'timestamptz', valid: isTimestamp },
  created_at: { expr: sql`l.created_at`, cast: 'timestamptz', valid: isTimestamp },
  score: { expr: sql`coalesce(l.score, -1)`, cast: 'int4', valid: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2_147_483_647 },
};

function isTimestamp(value: string): boolean {
  // As Postgres prints timestamptz: '2026-06-15 15:00:00.123456+00' (the offset's minutes only when not whole hours).
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?([+-]\d{2})(:\d{2})?$/.exec(value);
  return match !== null && !Number.isNaN(Date.parse(`${match[1]}T${match[2]}${(match[3] ?? '').slice(0, 4)}${match[4]}${match[5] ?? ':00'}`));
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listLeads(deps: Pick<Deps, 'db' | 'now'>, query: LeadListQuery): Promise<LeadListPage> {
  const now = deps.now();
  const name = query.sort.replace(/^-/, '') as SortName;
  const order: 'asc' | 'desc' = query.sort.startsWith('-') ? 'desc' : 'asc';
  const sort = SORTS[name];
  const conditions: SQL[] = [sql`l.deleted_at is null`];
  if (query.state) conditions.push(sql`l.state = ${query.state}`);
  if (query.pipelineStatus) conditions.push(sql`l.pipeline_status = ${query.pipelineStatus}`);
  if (query.campaignId) conditions.push(sql`l.campaign_id = ${query.campaignId}::uuid`);
  if (query.clientOrgId) conditions.push(sql`l.client_org_id = ${query.clientOrgId}::uuid`);
  if (query.agentId) conditions.push(sql`l.agent_id = ${query.agentId}::uuid`);
  if (query.suggestedVerdict) conditions.push(sql`l.suggested_verdict = ${query.suggestedVerdict}`);
  if (query.overdue) {
    const late = sql`(l.state in ('new', 'under_review') and coalesce(l.queued_at, l.created_at) < ${new Date(now.getTime() - QA_SLA_SECONDS * 1000).toISOString()}::timestamptz)`;
    conditions.push(query.overdue === 'true' ? late : sql`not ${late}`);
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(sql`concat_ws(' ', l.fields->>'firstName', l.fields->>'lastName', l.fields->>'email', l.fields->>'company', l.fields->>'domain', l.fields->>'phone') ilike ${pattern}`);
  }
  if (query.cursor) {
    const position = decodeCursor(query.cursor, { sort: name, order });
    if (!sort.valid(position.value)) throw invalid('query.cursor', 'is not a cursor this API gave out');
    conditions.push(sql`(${sort.expr}, l.id) ${order === 'asc' ? sql`>` : sql`<`} (${position.value}::${sql.raw(sort.cast)}, ${position.id}::uuid)`);
  }
  const direction = sql.raw(order);
  const rows = await summariesWhere(deps.db, sql.join(conditions, sql` and `), sql`${sort.expr} ${direction}, l.id ${direction}`, query.limit + 1, sort.expr);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => toSummary(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ sort: name, order, value: last.sort_key, id: last.id }) : null,
  };
}
