// Record reach: which contacts and accounts a reader may see. Staff who hold `records.all` (admins,
// campaign managers, quality analysts) see every record and get no condition at all, so their
// queries are the same SQL as before. An agent without it reads only the contacts queued in the
// dialer of a call campaign they are assigned to (any item status), the contacts of their own
// callbacks and of the calls they handled, and the accounts of those contacts and of their own
// tasks. Every read path of accounts and contacts filters through `contactVisibleTo` /
// `accountVisibleTo`, or checks one id with `assertVisible`; a record out of reach answers the
// same 404 as a missing one, since a 403 would confirm that the id exists (docs/decisions/0009).
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import { can } from '@shared/access';
import type { Role } from '@shared/roles';
import { notFound } from '../core/app-error';
import type { Database } from '../db/connection';
import { queryOne } from '../db/rows';
import { accounts, callCampaigns, calls, campaignAgents, contacts, dialerQueueItems, tasks } from '../db/schema';
import type { Entity } from './fields';

/** The part of the acting principal that decides its reach. */
export interface RecordReader {
  userId: string;
  roles: readonly Role[];
}

/** The agent whose reach is limited, or null when the reader sees every record. */
export function scopedAgentId(reader: RecordReader): string | null {
  // Only a pure agent is limited: any role that reads every record lifts the limit, and a reader
  // who is no agent at all (a content creator reading consent) keeps what their capability gives.
  return reader.roles.includes('agent') && !can(reader.roles, 'records.all') ? reader.userId : null;
}

/** A table under its own name in the reach's subqueries, so they never capture a column of the query they are put into. */
function aliased<T extends PgTable>(table: T, name: string) {
  return { col: alias(table, name), from: sql`${table} ${sql.identifier(name)}` };
}

const queued = aliased(dialerQueueItems, 'reach_queue_item');
const assigned = aliased(campaignAgents, 'reach_campaign_agent');
const campaign = aliased(callCampaigns, 'reach_campaign');
const task = aliased(tasks, 'reach_task');
const call = aliased(calls, 'reach_call');
const contact = aliased(contacts, 'reach_contact');

/**
 * The ids of the contacts an agent reaches, as one column. Each branch can start from an index on
 * the agent's id (campaign_agents_user_idx, then the queue's primary key by campaign;
 * tasks_assignee_due_idx; calls_agent_idx), or, for one contact id, probe its contact index
 * (dialer_queue_items_contact_idx, tasks_contact_idx, calls_contact_idx).
 */
function reachableContactIds(agentId: string): SQL {
  const [q, ca, cc, t, c] = [queued.col, assigned.col, campaign.col, task.col, call.col];
  return sql`select ${q.contactId} from ${assigned.from}
      join ${campaign.from} on ${cc.id} = ${ca.campaignId} and ${cc.deletedAt} is null
      join ${queued.from} on ${q.campaignId} = ${ca.campaignId}
      where ${ca.userId} = ${agentId}::uuid
    union all
    select ${t.contactId} from ${task.from}
      where ${t.assigneeId} = ${agentId}::uuid and ${t.type} = 'call_back' and ${t.deletedAt} is null and ${t.contactId} is not null
    union all
    select ${c.contactId} from ${call.from} where ${c.agentId} = ${agentId}::uuid and ${c.contactId} is not null`;
}

/** The ids of the accounts an agent reaches: the accounts of their contacts and of their own tasks. */
function reachableAccountIds(agentId: string): SQL {
  const [rc, t] = [contact.col, task.col];
  return sql`select ${rc.accountId} from ${contact.from}
      where ${rc.id} in (${reachableContactIds(agentId)}) and ${rc.accountId} is not null
    union all
    select ${t.accountId} from ${task.from} where ${t.assigneeId} = ${agentId}::uuid and ${t.deletedAt} is null and ${t.accountId} is not null`;
}

/**
 * The condition that keeps a query to the contacts the reader reaches, for `and(..., visible)`:
 * undefined (no SQL at all) for a reader who sees every record. At the top level of a list's WHERE
 * Postgres plans it as a semi-join; under an OR (one task, a timeline source's rows) it is a
 * hashed subplan, computed once per statement.
 */
export function contactVisibleTo(reader: RecordReader, contactId: SQLWrapper = contacts.id): SQL | undefined {
  const agentId = scopedAgentId(reader);
  return agentId === null ? undefined : sql`${contactId} in (${reachableContactIds(agentId)})`;
}

/** The same for accounts. */
export function accountVisibleTo(reader: RecordReader, accountId: SQLWrapper = accounts.id): SQL | undefined {
  const agentId = scopedAgentId(reader);
  return agentId === null ? undefined : sql`${accountId} in (${reachableAccountIds(agentId)})`;
}

/** The condition for either entity. */
export function recordVisibleTo(reader: RecordReader, entity: Entity, id?: SQLWrapper): SQL | undefined {
  return entity === 'contact' ? contactVisibleTo(reader, id) : accountVisibleTo(reader, id);
}

/**
 * For a path that names one record: a record out of the reader's reach is not found, exactly like
 * a missing one. Whether the record itself exists is the caller's own check; for a reader who sees
 * every record this runs no query.
 */
export async function assertVisible(db: Database, reader: RecordReader, entity: Entity, id: string): Promise<void> {
  if (!(await isVisible(db, reader, entity, id))) throw notFound(entity);
}

/** Whether one record is within the reader's reach (no query for a reader who sees every record). */
export async function isVisible(db: Database, reader: RecordReader, entity: Entity, id: string): Promise<boolean> {
  const visible = recordVisibleTo(reader, entity, sql`${id}::uuid`);
  if (!visible) return true;
  const row = await queryOne<{ ok: boolean }>(db, sql`select ${visible} as ok`);
  return row?.ok === true;
}
