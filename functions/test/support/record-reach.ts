// Fixtures that give an agent reach over records the way the product does: a call campaign whose
// dialer queue holds the contacts, with the agent assigned to it; a callback booked for the agent;
// a call the agent handled. Rows go in with plain SQL so the records' tests need no telephony code.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connection';

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** A call campaign with the agents assigned and the contacts queued in its dialer (any item status); answers its id. */
export async function campaignWith(
  db: Database,
  input: { agentIds: readonly string[]; contactIds: readonly string[]; status?: 'queued' | 'done' | 'exhausted' | 'removed'; deleted?: boolean },
): Promise<string> {
  const id = randomUUID();
  await db.execute(
    sql`insert into call_campaigns (id, name, status, seller_name, seller_phone, deleted_at)
      values (${id}::uuid, ${`Campaign ${id.slice(0, 8)}`}, 'active', 'Pivotal', '+12125550199', ${input.deleted ? sql`now()` : sql`null`})`,
  );
  await db.execute(sql`insert into dialer_queues (campaign_id, settings) values (${id}::uuid, '{}'::jsonb)`);
  if (input.agentIds.length) {
    await db.execute(sql`insert into campaign_agents (campaign_id, user_id) select ${id}::uuid, u from unnest(${uuidArray(input.agentIds)}) u`);
  }
  if (input.contactIds.length) {
    await db.execute(
      sql`insert into dialer_queue_items (campaign_id, contact_id, account_id, phone, status)
        select ${id}::uuid, c.id, c.account_id, '+12125550100', ${input.status ?? 'queued'} from contacts c where c.id = any(${uuidArray(input.contactIds)})`,
    );
  }
  return id;
}

/** A callback (a call_back task) on each contact, assigned to the agent. */
export async function callbacksFor(db: Database, agentId: string, contactIds: readonly string[], type: 'call_back' | 'email' | 'other' = 'call_back'): Promise<void> {
  await db.execute(
    sql`insert into tasks (title, type, due_at, due_time_zone, assignee_id, contact_id)
      select 'Call back', ${type}, now() + interval '1 day', 'UTC', ${agentId}::uuid, c from unnest(${uuidArray(contactIds)}) c`,
  );
}

/** A task on an account (no contact), assigned to the agent. */
export async function accountTaskFor(db: Database, agentId: string, accountId: string): Promise<void> {
  await db.execute(
    sql`insert into tasks (title, type, due_at, due_time_zone, assignee_id, account_id)
      values ('Research', 'other', now() + interval '1 day', 'UTC', ${agentId}::uuid, ${accountId}::uuid)`,
  );
}

/** A call the agent handled with the contact. */
export async function callHandledBy(db: Database, agentId: string, contactId: string): Promise<void> {
  await db.execute(
    sql`insert into calls (contact_id, agent_id, origin, to_number, from_number, started_at)
      values (${contactId}::uuid, ${agentId}::uuid, 'manual', '+12125550100', '+12125550199', now())`,
  );
}
