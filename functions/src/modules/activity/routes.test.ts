// The activity API through its real Lambda handler: timelines of contacts and accounts, notes
// (sanitized, mentions), tasks and "My tasks", touches logged twice stored once, the contact
// policy's versions, and the preview of who is reachable now.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyTasksResponse, Note, PolicyPreviewResponse, PolicyVersion, Task, TimelineResponse } from '@shared/contracts/activity';
import { createHttpHandler } from '../../http/create-http-handler';
import { queryOne } from '../../db/rows';
import { createAccountsTestContext, type AccountsTestContext } from '../accounts/testing';
import { activityHooks } from '../../composition';
import { invoke } from '../../../test/support/invoke';
import { createActivityModule } from './routes';
import { recordTouches } from './touches';
import { campaignWith } from '../../../test/support/record-reach';

let ctx: AccountsTestContext;
let activity: ReturnType<typeof createHttpHandler>;
let accountId: string;
let contactId: string;
let otherContactId: string;

const call = <T = unknown>(method: string, path: string, options: { as?: keyof AccountsTestContext['tokens']; body?: unknown; query?: Record<string, string> } = {}) =>
  invoke<T>(activity, { method, path, token: ctx.tokens[options.as ?? 'campaign_manager'], ...(options.body !== undefined ? { body: options.body } : {}), ...(options.query ? { query: options.query } : {}) });

beforeAll(async () => {
  ctx = await createAccountsTestContext();
  activity = createHttpHandler(createActivityModule(activityHooks), { deps: async () => ctx.deps });
  const account = await ctx.call<{ id: string }>('POST', '/api/accounts', { body: { name: 'Globex', domain: 'globex.com' } });
  accountId = account.json.id;
  const contact = await ctx.call<{ id: string }>('POST', '/api/contacts', {
    body: { fullName: 'Ada Park', email: 'ada@globex.com', accountId, timezone: 'America/New_York', directPhone: '+12125550100' },
  });
  contactId = contact.json.id;
  const other = await ctx.call<{ id: string }>('POST', '/api/contacts', { body: { fullName: 'Bo Ruiz', email: 'bo@globex.com', accountId } });
  otherContactId = other.json.id;
  // The agent works a campaign that queues Ada: her record (and Globex) is within the agent's reach.
  await campaignWith(ctx.deps.db, { agentIds: [ctx.userIds.agent], contactIds: [contactId] });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('touches', () => {
  it('stores an event recorded twice once, and ignores it the second time', async () => {
    const touch = { sourceEventId: 'ses:msg-1:send', channel: 'email' as const, kind: 'sent' as const, contactId, occurredAt: '2026-12-01T10:00:00Z' };
    expect(await recordTouches(ctx.deps.db, [touch, touch])).toEqual({ recorded: 1, ignored: 1 });
    expect(await recordTouches(ctx.deps.db, [touch])).toEqual({ recorded: 0, ignored: 1 });
    const row = await queryOne<{ n: number; account: string }>(ctx.deps.db, sql`select count(*)::int as n, max(account_id::text) as account from touches where source_event_id = 'ses:msg-1:send'`);
    expect(row).toEqual({ n: 1, account: accountId });
  });

  it('refuses a bad touch by naming it, storing none of its batch', async () => {
    const good = { sourceEventId: 'ok-1', channel: 'email' as const, kind: 'sent' as const, contactId, occurredAt: '2026-12-01T10:00:00Z' };
    await expect(recordTouches(ctx.deps.db, [good, { ...good, sourceEventId: 'bad', kind: 'waved' as never }])).rejects.toMatchObject({ code: 'invalid', errors: [{ field: 'touches.1.kind' }] });
    expect(await queryOne(ctx.deps.db, sql`select 1 as x from touches where source_event_id = 'ok-1'`)).toBeUndefined();
  });

  it('logs a touch by hand and answers 404 for a contact that does not exist', async () => {
    const logged = await call('POST', `/api/contacts/${contactId}/touches`, { body: { channel: 'call', kind: 'attempted', summary: 'Left a voicemail' } });
    expect(logged.status).toBe(201);
    const missing = await call('POST', '/api/contacts/0190a1b2-0000-7000-8000-000000000000/touches', { body: { channel: 'call', kind: 'attempted' } });
    expect(missing.status).toBe(404);
  });
});

describe('notes', () => {
  it('sanitizes the body, keeps mentions of real users only, and shows the note on the contact and its account', async () => {
    const created = await call<Note>('POST', `/api/contacts/${contactId}/notes`, {
      as: 'agent',
      body: {
        body: `<p>Call <strong>Tue</strong> <img src=x onerror=alert(1)><script>alert(2)</script><span data-mention="${ctx.userIds.admin}">@Admin</span><span data-mention="0190a1b2-0000-7000-8000-000000000000">@Ghost</span></p>`,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.body).not.toMatch(/script|onerror|<img/);
    expect(created.json.body).toContain('<strong>Tue</strong>');
    expect(created.json.mentions).toEqual([ctx.userIds.admin]);

    const feed = await call<TimelineResponse>('GET', `/api/contacts/${contactId}/timeline`, { query: { kinds: 'note' } });
    expect(feed.json.items.map((i) => i.id)).toEqual([`note:${created.json.id}`]);
    const accountFeed = await call<TimelineResponse>('GET', `/api/accounts/${accountId}/timeline`, { query: { kinds: 'note' } });
    expect(accountFeed.json.items[0]).toMatchObject({ id: `note:${created.json.id}`, contactId, contactName: 'Ada Park' });
  });

  it('lets only the author or an admin change a note', async () => {
    const note = await call<Note>('POST', `/api/accounts/${accountId}/notes`, { as: 'agent', body: { body: 'Budget in Q3' } });
    expect((await call('PATCH', `/api/notes/${note.json.id}`, { as: 'quality_analyst', body: { body: 'x' } })).status).toBe(404);
    expect((await call<Note>('PATCH', `/api/notes/${note.json.id}`, { as: 'agent', body: { body: 'Budget in Q4' } })).json.body).toBe('Budget in Q4');
    expect((await call('DELETE', `/api/notes/${note.json.id}`, { as: 'admin' })).status).toBe(204);
  });

  it('refuses an empty note and a note on a missing record', async () => {
    const empty = await call<{ errors: Array<{ field: string }> }>('POST', `/api/contacts/${contactId}/notes`, { body: { body: '   ' } });
    expect(empty.status).toBe(400);
    expect(empty.json.errors[0]!.field).toBe('body.body');
    expect((await call('POST', '/api/contacts/0190a1b2-0000-7000-8000-000000000000/notes', { body: { body: 'hi' } })).status).toBe(404);
  });
});

describe('tasks', () => {
  it('files a task due at a local time in the assignee zone under overdue, today or upcoming, and completes it', async () => {
    const now = ctx.deps.now();
    const zone = 'America/New_York';
    const local = (ms: number) => new Date(now.getTime() + ms).toLocaleString('sv-SE', { timeZone: zone }).slice(0, 16).replace(' ', 'T');
    const make = (title: string, dueLocal: string) =>
      call<Task>('POST', '/api/tasks', { as: 'agent', body: { title, type: 'call_back', dueLocal, dueTimeZone: zone, assigneeId: ctx.userIds.agent, contactId } });
    const overdue = await make('Overdue call', local(-2 * 3_600_000));
    const later = await make('Next week', local(8 * 86_400_000));
    expect(overdue.status).toBe(201);
    expect(overdue.json.contactName).toBe('Ada Park');
    expect(overdue.json.accountName).toBe('Globex');

    const mine = await call<MyTasksResponse>('GET', '/api/tasks/mine', { as: 'agent', query: { bucket: 'overdue', timeZone: zone } });
    expect(mine.json.items.map((t) => t.title)).toEqual(['Overdue call']);
    expect(mine.json.counts.overdue).toBe(1);
    expect(mine.json.counts.upcoming).toBe(1);
    const upcoming = await call<MyTasksResponse>('GET', '/api/tasks/mine', { as: 'agent', query: { bucket: 'upcoming', timeZone: zone } });
    expect(upcoming.json.items.map((t) => t.id)).toEqual([later.json.id]);

    const done = await call<Task>('PATCH', `/api/tasks/${overdue.json.id}`, { as: 'agent', body: { status: 'done' } });
    expect(done.json.status).toBe('done');
    expect(done.json.completedAt).not.toBeNull();
    expect((await call<MyTasksResponse>('GET', '/api/tasks/mine', { as: 'agent', query: { bucket: 'overdue', timeZone: zone } })).json.counts.overdue).toBe(0);
  });

  it('refuses a local time a daylight-saving change skips, an unknown zone and a client user as assignee', async () => {
    const base = { title: 'Call', type: 'call_back', assigneeId: ctx.userIds.agent, contactId };
    const skipped = await call<{ errors: Array<{ field: string }> }>('POST', '/api/tasks', { body: { ...base, dueLocal: '2027-03-14T02:30', dueTimeZone: 'America/New_York' } });
    expect(skipped.status).toBe(400);
    expect(skipped.json.errors[0]!.field).toBe('body.dueLocal');
    expect((await call('POST', '/api/tasks', { body: { ...base, dueLocal: '2027-03-15T09:00', dueTimeZone: 'Mars/Base' } })).status).toBe(400);
    const client = await call<{ errors: Array<{ field: string }> }>('POST', '/api/tasks', {
      body: { ...base, assigneeId: ctx.userIds.client_user, dueLocal: '2027-03-15T09:00', dueTimeZone: 'UTC' },
    });
    expect(client.json.errors[0]!.field).toBe('body.assigneeId');
  });
});

describe('the timeline', () => {
  it('pages newest first with a cursor, filters by kind and channel, and answers 404 for a missing record', async () => {
    await recordTouches(
      ctx.deps.db,
      Array.from({ length: 7 }, (_, i) => ({
        sourceEventId: `page-${i}`,
        channel: i % 2 ? ('call' as const) : ('email' as const),
        kind: i % 2 ? ('attempted' as const) : ('sent' as const),
        contactId: otherContactId,
        occurredAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000).toISOString(),
      })),
    );
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await call<TimelineResponse>('GET', `/api/contacts/${otherContactId}/timeline`, { query: { kinds: 'touch', limit: '3', ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((i) => i.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const calls = await call<TimelineResponse>('GET', `/api/contacts/${otherContactId}/timeline`, { query: { channels: 'call' } });
    expect(calls.json.items.map((i) => i.channel)).toEqual(['call', 'call', 'call']);
    // Field changes come from the accounts module through the wired source.
    const all = await call<TimelineResponse>('GET', `/api/contacts/${otherContactId}/timeline`);
    expect(all.json.items.some((i) => i.kind === 'field_change' && i.title === 'create')).toBe(true);
    expect((await call('GET', '/api/contacts/0190a1b2-0000-7000-8000-000000000000/timeline')).status).toBe(404);
    expect((await call('GET', `/api/contacts/${otherContactId}/timeline`, { query: { cursor: 'garbage' } })).status).toBe(400);
  });
});

describe('the contact policy', () => {
  it('keeps every version, refuses a save based on an old one, and lets only admins and campaign managers save', async () => {
    const first = await call<PolicyVersion>('PUT', '/api/policy', {
      body: { rules: { limits: [{ channel: 'email', max: 3, windowHours: 168 }], quietPeriods: [], accountCaps: [] }, basedOn: 0, note: 'Start' },
    });
    expect(first.status).toBe(201);
    expect(first.json.version).toBe(1);
    const stale = await call('PUT', '/api/policy', { body: { rules: { limits: [], quietPeriods: [], accountCaps: [] }, basedOn: 0 } });
    expect(stale.status).toBe(409);
    expect((await call('PUT', '/api/policy', { as: 'agent', body: { rules: { limits: [], quietPeriods: [], accountCaps: [] }, basedOn: 1 } })).status).toBe(403);
    const bad = await call<{ errors: Array<{ field: string }> }>('PUT', '/api/policy', {
      body: { rules: { limits: [], quietPeriods: [{ channel: 'call', hours: 24 }], accountCaps: [] }, basedOn: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]!.field).toMatch(/^body\.rules\.quietPeriods\.0/);
    const history = await call<{ items: PolicyVersion[] }>('GET', '/api/policy/history');
    expect(history.json.items.map((v) => v.version)).toEqual([1]);
  });

  it('previews who is reachable by email and phone for ids and a segment filter, writing nothing', async () => {
    const at = '2026-11-02T15:00:00Z'; // 10:00 in New York, the day after Bo's touches
    const preview = await call<PolicyPreviewResponse>('POST', '/api/policy/preview', { body: { selection: { kind: 'ids', ids: [contactId, otherContactId] }, at } });
    expect(preview.status).toBe(200);
    // Ada was sent no email that week (limit 3): admitted; Bo was sent four the day before: over it.
    expect(preview.json.channels.email).toMatchObject({ audience: 2, admitted: 1, excluded: expect.objectContaining({ contact_frequency: 1 }) });
    // Bo has no phone.
    expect(preview.json.channels.phone).toMatchObject({ audience: 2, admitted: 1, excluded: expect.objectContaining({ no_phone: 1 }) });
    const filter = await call<PolicyPreviewResponse>('POST', '/api/policy/preview', {
      body: { selection: { kind: 'filter', filter: { type: 'and', conditions: [{ field: 'email', op: 'contains', value: 'globex' }] } }, channels: ['email'], at },
    });
    expect(filter.status, filter.text).toBe(200);
    expect(filter.json.channels.email?.audience).toBe(2);
    expect(await queryOne(ctx.deps.db, sql`select 1 as x from gate_proofs`)).toBeUndefined();
  });
});
