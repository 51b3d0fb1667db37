// The reach predicate against a model, over random assignments: campaigns (deleted or not) with
// random agents and queued contacts in any item status, tasks of every type (deleted or not, on a
// contact, an account or both) and calls. For every agent, the contacts and accounts the SQL lets
// through are exactly the model's, one id at a time as well as in bulk; readers who hold any role
// that reads every record get no condition at all.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/roles';
import { queryRows } from '../db/rows';
import { createTestDeps } from '../../test/support/test-deps';
import { fileContext } from '../../test/support/file-context';
import { accountVisibleTo, contactVisibleTo, isVisible, type RecordReader } from './record-scope';

const AGENTS = 3;
const ACCOUNTS = 3;
const CONTACTS = 8;
/** Each contact's account (index into the accounts), or null: fixed for the whole run. */
const ACCOUNT_OF: ReadonlyArray<number | null> = [0, 0, 1, 1, 2, null, 2, null];

const t = fileContext(() => createTestDeps());

interface World {
  agentIds: string[];
  accountIds: string[];
  contactIds: string[];
}

let world: World | undefined;
async function theWorld(): Promise<World> {
  if (world) return world;
  const db = t.deps.db;
  const agentIds = Array.from({ length: AGENTS }, () => randomUUID());
  const accountIds = Array.from({ length: ACCOUNTS }, () => randomUUID());
  const contactIds = Array.from({ length: CONTACTS }, () => randomUUID());
  for (const [i, id] of agentIds.entries()) {
    await db.execute(
      sql`insert into users (id, username, email, first_name, last_name) values (${id}::uuid, ${`reach.agent${i}`}, ${`reach.agent${i}@example.com`}, 'Agent', ${String(i)})`,
    );
  }
  for (const [i, id] of accountIds.entries()) await db.execute(sql`insert into accounts (id, name, source) values (${id}::uuid, ${`Account ${i}`}, 'test')`);
  for (const [i, id] of contactIds.entries()) {
    const account = ACCOUNT_OF[i];
    await db.execute(sql`insert into contacts (id, full_name, account_id, source) values (${id}::uuid, ${`Person ${i}`}, ${account == null ? null : accountIds[account]}::uuid, 'test')`);
  }
  world = { agentIds, accountIds, contactIds };
  return world;
}

const agent = fc.integer({ min: 0, max: AGENTS - 1 });
const contact = fc.integer({ min: 0, max: CONTACTS - 1 });
const account = fc.integer({ min: 0, max: ACCOUNTS - 1 });
const assignments = fc.record({
  campaigns: fc.array(
    fc.record({
      agents: fc.uniqueArray(agent, { maxLength: AGENTS }),
      queued: fc.uniqueArray(contact, { maxLength: 4 }),
      status: fc.constantFrom('queued', 'dialing', 'done', 'exhausted', 'removed'),
      deleted: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  tasks: fc.array(
    fc.record({
      agent,
      contact: fc.option(contact),
      account: fc.option(account),
      type: fc.constantFrom('call_back', 'email', 'other'),
      deleted: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  calls: fc.array(fc.record({ agent, contact }), { maxLength: 3 }),
});
type Assignments = typeof assignments extends fc.Arbitrary<infer A> ? A : never;

async function plant(w: World, a: Assignments): Promise<void> {
  const db = t.deps.db;
  await db.execute(sql`delete from call_campaigns`);
  await db.execute(sql`delete from tasks`);
  await db.execute(sql`delete from calls`);
  for (const c of a.campaigns) {
    const id = randomUUID();
    await db.execute(
      sql`insert into call_campaigns (id, name, seller_name, seller_phone, deleted_at) values (${id}::uuid, 'C', 'S', '+12125550199', ${c.deleted ? sql`now()` : sql`null`})`,
    );
    await db.execute(sql`insert into dialer_queues (campaign_id, settings) values (${id}::uuid, '{}'::jsonb)`);
    for (const i of c.agents) await db.execute(sql`insert into campaign_agents (campaign_id, user_id) values (${id}::uuid, ${w.agentIds[i]!}::uuid)`);
    for (const i of c.queued) {
      await db.execute(sql`insert into dialer_queue_items (campaign_id, contact_id, phone, status) values (${id}::uuid, ${w.contactIds[i]!}::uuid, '+12125550100', ${c.status})`);
    }
  }
  for (const task of a.tasks) {
    await db.execute(
      sql`insert into tasks (title, type, due_at, due_time_zone, assignee_id, contact_id, account_id, deleted_at)
        values ('T', ${task.type}, now(), 'UTC', ${w.agentIds[task.agent]!}::uuid, ${task.contact === null ? null : w.contactIds[task.contact]!}::uuid,
                ${task.account === null ? null : w.accountIds[task.account]!}::uuid, ${task.deleted ? sql`now()` : sql`null`})`,
    );
  }
  for (const c of a.calls) {
    await db.execute(
      sql`insert into calls (contact_id, agent_id, origin, to_number, from_number, started_at) values (${w.contactIds[c.contact]!}::uuid, ${w.agentIds[c.agent]!}::uuid, 'dialer', '+1', '+1', now())`,
    );
  }
}

/** The model: what issue 16 says an agent reads. */
function expected(a: Assignments, agentIndex: number): { contacts: Set<number>; accounts: Set<number> } {
  const contacts = new Set<number>();
  for (const c of a.campaigns) if (!c.deleted && c.agents.includes(agentIndex)) c.queued.forEach((i) => contacts.add(i));
  for (const task of a.tasks) if (task.agent === agentIndex && !task.deleted && task.type === 'call_back' && task.contact !== null) contacts.add(task.contact);
  for (const c of a.calls) if (c.agent === agentIndex) contacts.add(c.contact);
  const accounts = new Set<number>();
  for (const i of contacts) if (ACCOUNT_OF[i] != null) accounts.add(ACCOUNT_OF[i]!);
  for (const task of a.tasks) if (task.agent === agentIndex && !task.deleted && task.account !== null) accounts.add(task.account);
  return { contacts, accounts };
}

async function visibleIndexes(w: World, reader: RecordReader): Promise<{ contacts: Set<number>; accounts: Set<number> }> {
  const contacts = await queryRows<{ id: string }>(t.deps.db, sql`select id from contacts where ${contactVisibleTo(reader)!}`);
  const accounts = await queryRows<{ id: string }>(t.deps.db, sql`select id from accounts where ${accountVisibleTo(reader)!}`);
  return {
    contacts: new Set(contacts.map((r) => w.contactIds.indexOf(r.id))),
    accounts: new Set(accounts.map((r) => w.accountIds.indexOf(r.id))),
  };
}

const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);

describe('the reach of an agent', () => {
  it('is exactly their campaigns’ queued contacts, their callbacks’ and calls’ contacts, and those contacts’ and their tasks’ accounts', async () => {
    const w = await theWorld();
    await fc.assert(
      fc.asyncProperty(assignments, contact, account, async (a, oneContact, oneAccount) => {
        await plant(w, a);
        for (let i = 0; i < AGENTS; i++) {
          const reader: RecordReader = { userId: w.agentIds[i]!, roles: ['agent'] };
          const want = expected(a, i);
          const got = await visibleIndexes(w, reader);
          expect(sorted(got.contacts)).toEqual(sorted(want.contacts));
          expect(sorted(got.accounts)).toEqual(sorted(want.accounts));
          // One id at a time (a read by id, a write) agrees with the bulk condition.
          expect(await isVisible(t.deps.db, reader, 'contact', w.contactIds[oneContact]!)).toBe(want.contacts.has(oneContact));
          expect(await isVisible(t.deps.db, reader, 'account', w.accountIds[oneAccount]!)).toBe(want.accounts.has(oneAccount));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('adds no condition for a reader holding any role that reads every record, or none that is scoped', () => {
    const userId = randomUUID();
    const fullReach: Role[][] = [['admin'], ['campaign_manager'], ['quality_analyst'], ['agent', 'admin'], ['agent', 'campaign_manager'], ['agent', 'quality_analyst'], ['content_creator']];
    for (const roles of fullReach) {
      expect(contactVisibleTo({ userId, roles }), roles.join('+')).toBeUndefined();
      expect(accountVisibleTo({ userId, roles }), roles.join('+')).toBeUndefined();
    }
    expect(contactVisibleTo({ userId, roles: ['agent'] })).toBeDefined();
    expect(contactVisibleTo({ userId, roles: ['agent', 'content_creator'] })).toBeDefined();
  });
});
