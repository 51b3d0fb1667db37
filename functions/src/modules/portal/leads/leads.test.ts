// The portal's leads: publication to the order on approval (at once for a portal order; held,
// with why, over the account cap, on the client's suppression list or over the volume), the
// client's list, one lead and CSV (never a lead in QA; formulas neutralised), returns (inside and
// outside the window, a wrong reason, twice, another organisation's lead) and the replacement
// loop (a later publication replaces the oldest return, in the same transaction), with counts.
import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LeadDetail, LeadListPage } from '@shared/contracts/leads';
import type { PortalLead, PortalLeadPage, ReturnReason, StaffOrderLeadPage } from '@shared/contracts/portal-leads';
import { fileContext } from '../../../../test/support/file-context';
import { invoke } from '../../../../test/support/invoke';
import { leadsHooks } from '../../../composition';
import { accounts, clientSuppressions, deliveryConfigs, leadDeliveries, leads, leadTransitions, orders } from '../../../db/schema';
import { deliveryKitOf, runLeadDeliveries } from '../../leads';
import { clientWithToken, createPortalTestContext, orderFixture, organisationFixture, staffWithToken, type UserWithToken } from '../test-fixtures';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const t = fileContext(createPortalTestContext);
const DAY = 86_400_000;

let n = 0;
async function accountFixture(domain = `northwind${++n}-${randomUUID().slice(0, 6)}.com`): Promise<{ id: string; domain: string }> {
  const [row] = await t.deps.db.insert(accounts).values({ name: `Northwind ${n}`, domain, country: 'US' }).returning({ id: accounts.id });
  return { id: row!.id, domain };
}

/** A lead of an order waiting for QA's verdict (under review, queued by the pipeline). */
async function leadOfOrder(input: { orderId: string | null; orgId: string; accountId?: string; fields?: Record<string, unknown> }): Promise<string> {
  const account = input.accountId ?? (await accountFixture()).id;
  const now = t.deps.now();
  const [row] = await t.deps.db
    .insert(leads)
    .values({
      state: 'under_review',
      source: 'manual',
      accountId: account,
      campaignId: randomUUID(),
      campaignKind: 'call',
      clientOrgId: input.orgId,
      orderId: input.orderId,
      pipelineStatus: 'queued',
      queuedAt: now,
      fields: input.fields ?? { firstName: 'Dana', lastName: `Buyer${++n}`, email: `dana${n}@example-${n}.com`, company: 'Northwind Ltd', country: 'US' },
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: leads.id });
  await t.deps.db.insert(leadTransitions).values({ leadId: row!.id, fromState: null, toState: 'new', at: now });
  return row!.id;
}

let analyst: UserWithToken;
const qa = async () => (analyst ??= await staffWithToken(t, ['quality_analyst']));
const leadsCall = async <T>(request: { method: string; path: string; body?: unknown; query?: Record<string, string> }) => invoke<T & Problem>(t.leadsApi, { ...request, token: (await qa()).token });
const approve = (id: string) => leadsCall<LeadDetail>({ method: 'POST', path: `/api/leads/${id}/transition`, body: { to: 'approved' } });
const leadRow = async (id: string) => (await t.deps.db.select().from(leads).where(eq(leads.id, id)))[0]!;

async function liveOrder(input: { volume?: number; accountCap?: number | null; returnWindowDays?: number } = {}) {
  const orgId = await organisationFixture(t, `Client ${randomUUID().slice(0, 8)}`);
  const orderId = await orderFixture(t, { orgId, state: 'live', volume: input.volume ?? 10 });
  await t.deps.db
    .update(orders)
    .set({ accountCap: input.accountCap ?? null, returnWindowDays: input.returnWindowDays ?? 14 })
    .where(eq(orders.id, orderId));
  const client = await clientWithToken(t, orgId);
  return { orgId, orderId, client };
}

const ret = (token: string, leadId: string, body: Record<string, unknown>) => t.api<PortalLead & Problem>(token, { method: 'POST', path: `/api/portal/leads/${leadId}/return`, body });

describe('publication to the order', () => {
  it('publishes an approved lead of a portal order at once (system, audited, published_at); a lead without an order stays approved', async () => {
    const { orgId, orderId } = await liveOrder();
    const id = await leadOfOrder({ orderId, orgId });
    const res = await approve(id);
    expect(res.status, res.text).toBe(200);
    expect(res.json.state).toBe('published');
    const row = await leadRow(id);
    expect(row.publishedAt?.toISOString()).toBe(t.deps.now().toISOString());
    const history = await t.deps.db.select().from(leadTransitions).where(eq(leadTransitions.leadId, id));
    expect(history.map((h) => [h.fromState, h.toState, h.actorId])).toEqual([
      [null, 'new', null],
      ['under_review', 'approved', (await qa()).id],
      ['approved', 'published', null],
    ]);

    const loose = await leadOfOrder({ orderId: null, orgId });
    expect((await approve(loose)).json.state).toBe('approved');
    expect((await leadRow(loose)).publishedAt).toBeNull();
  });

  it('holds a lead while its order is not approved or live, and says why', async () => {
    const orgId = await organisationFixture(t, `Client ${randomUUID().slice(0, 8)}`);
    const orderId = await orderFixture(t, { orgId, state: 'in_review' });
    const id = await leadOfOrder({ orderId, orgId });
    expect((await approve(id)).json.state).toBe('approved');
    expect((await leadRow(id)).reasonCode).toBe('order_not_open');
  });

  it("holds a lead over the order's account cap, visible to staff with the reason", async () => {
    const { orgId, orderId } = await liveOrder({ accountCap: 1 });
    const account = await accountFixture();
    const first = await leadOfOrder({ orderId, orgId, accountId: account.id });
    const second = await leadOfOrder({ orderId, orgId, accountId: account.id });
    const other = await leadOfOrder({ orderId, orgId });
    expect((await approve(first)).json.state).toBe('published');
    expect((await approve(second)).json.state).toBe('approved');
    expect((await approve(other)).json.state).toBe('published');
    const held = await leadRow(second);
    expect(held.reasonCode).toBe('account_cap');
    expect(held.publishedAt).toBeNull();

    const manager = await staffWithToken(t, ['campaign_manager']);
    const page = await t.api<StaffOrderLeadPage>(manager.token, { method: 'GET', path: `/api/orders/${orderId}/leads` });
    expect(page.status, page.text).toBe(200);
    expect(page.json.total).toBe(3);
    const staffView = page.json.items.find((l) => l.id === second)!;
    expect(staffView.state).toBe('approved');
    expect(staffView.hold).toEqual({ code: 'account_cap', note: expect.stringContaining('at most 1 lead per account') });
    expect(page.json.items.find((l) => l.id === first)!.hold).toBeNull();
  });

  it("holds a lead on the client's own suppression list (email, domain or phone) and never another client's", async () => {
    const { orgId, orderId } = await liveOrder();
    const otherOrg = await organisationFixture(t, `Other ${randomUUID().slice(0, 8)}`);
    await t.deps.db.insert(clientSuppressions).values([
      { orgId, kind: 'email', value: 'blocked@acme-suppressed.com' },
      { orgId, kind: 'domain', value: 'competitor.io' },
      { orgId, kind: 'phone', value: '+12125550100' },
      { orgId: otherOrg, kind: 'email', value: 'fine@example.org' },
    ]);
    const byEmail = await leadOfOrder({ orderId, orgId, fields: { email: 'Blocked@ACME-suppressed.com', firstName: 'Al' } });
    const byDomain = await leadOfOrder({ orderId, orgId, fields: { email: 'cto@eu.competitor.io' } });
    const byPhone = await leadOfOrder({ orderId, orgId, fields: { email: 'x@ok-one.com', phone: '(212) 555-0100', country: 'US' } });
    const fine = await leadOfOrder({ orderId, orgId, fields: { email: 'fine@example.org' } });
    for (const id of [byEmail, byDomain, byPhone]) {
      expect((await approve(id)).json.state).toBe('approved');
      const row = await leadRow(id);
      expect(row.reasonCode).toBe('client_suppressed');
      expect(row.reasonNote).toMatch(/suppression list/);
    }
    expect((await approve(fine)).json.state).toBe('published');
  });

  it('does not publish over the volume: the lead waits, and is published when a return reopens a unit (replacing it)', async () => {
    const { orgId, orderId, client } = await liveOrder({ volume: 1 });
    const first = await leadOfOrder({ orderId, orgId });
    const waiting = await leadOfOrder({ orderId, orgId });
    expect((await approve(first)).json.state).toBe('published');
    expect((await approve(waiting)).json.state).toBe('approved');
    expect((await leadRow(waiting)).reasonCode).toBe('order_full');

    t.clock.advance(60_000);
    const res = await ret(client.token, first, { reasonCode: 'wrong_contact_data', note: 'Wrong number' });
    expect(res.status, res.text).toBe(200);
    const replaced = await leadRow(first);
    expect(replaced.state).toBe('replaced');
    expect(replaced.replacedById).toBe(waiting);
    expect(replaced.reasonCode).toBe('wrong_contact_data');
    const now = await leadRow(waiting);
    expect(now.state).toBe('published');
    expect(now.reasonCode).toBeNull();
  });

  it('publishes a lead of a CSV-delivered order through the order’s delivery configuration, replacing a return', async () => {
    const { orgId, orderId, client } = await liveOrder();
    const [config] = await t.deps.db.insert(deliveryConfigs).values({ clientOrgId: orgId, name: 'Nightly file', kind: 'csv' }).returning({ id: deliveryConfigs.id });
    // Another configuration of the client, not the order's: not used.
    await t.deps.db.insert(deliveryConfigs).values({ clientOrgId: orgId, name: 'Other file', kind: 'csv' });
    const first = await leadOfOrder({ orderId, orgId });
    expect((await approve(first)).json.state).toBe('published');
    expect((await ret(client.token, first, { reasonCode: 'denies_interest' })).status).toBe(200);

    await t.deps.db.update(orders).set({ deliveryMethod: 'csv', deliveryConfigId: config!.id }).where(eq(orders.id, orderId));
    const id = await leadOfOrder({ orderId, orgId });
    expect((await approve(id)).json.state).toBe('approved');
    const deliveries = await t.deps.db.select({ configId: leadDeliveries.configId }).from(leadDeliveries).where(eq(leadDeliveries.leadId, id));
    expect(deliveries).toEqual([{ configId: config!.id }]);
    expect((await leadRow(first)).state).toBe('returned');

    expect((await runLeadDeliveries(t.deps, deliveryKitOf(t.deps), id, leadsHooks)).next).toBe('done');
    expect((await leadRow(id)).state).toBe('published');
    expect(await leadRow(first)).toMatchObject({ state: 'replaced', replacedById: id });
  });
});

describe("the client's leads", () => {
  it('lists only delivered, returned and replaced leads of my order (never QA), with filters, a cursor and the total', async () => {
    const { orgId, orderId, client } = await liveOrder();
    const published = [await leadOfOrder({ orderId, orgId }), await leadOfOrder({ orderId, orgId }), await leadOfOrder({ orderId, orgId })];
    for (const id of published) {
      await approve(id);
      t.clock.advance(1000);
    }
    const inQa = await leadOfOrder({ orderId, orgId, fields: { email: 'qa@example.com' } });
    await t.deps.db.update(leads).set({ fields: { firstName: 'Zed', email: 'zed@findme.com' } }).where(eq(leads.id, published[0]!));

    const list = (query: Record<string, string> = {}) => t.api<PortalLeadPage & Problem>(client.token, { method: 'GET', path: `/api/portal/orders/${orderId}/leads`, query });
    const first = await list({ limit: '2' });
    expect(first.status, first.text).toBe(200);
    expect(first.json.total).toBe(3);
    expect(first.json.items.map((l) => l.id)).toEqual([published[2], published[1]]);
    expect(first.json.items[0]!.returnableUntil).not.toBeNull();
    const second = await list({ limit: '2', cursor: first.json.nextCursor! });
    expect(second.json.items.map((l) => l.id)).toEqual([published[0]]);
    expect(second.json.nextCursor).toBeNull();
    expect((await list()).json.items.map((l) => l.id)).not.toContain(inQa);
    expect((await list({ q: 'findme' })).json.items.map((l) => l.id)).toEqual([published[0]]);
    expect((await list({ state: 'returned' })).json.total).toBe(0);
    expect((await list({ state: 'sold' })).json.errors?.[0]?.field).toBe('query.state');

    expect((await t.api<Problem>(client.token, { method: 'GET', path: `/api/portal/leads/${inQa}` })).status).toBe(404);
    const one = await t.api<PortalLead>(client.token, { method: 'GET', path: `/api/portal/leads/${published[1]}` });
    expect(one.json).toMatchObject({ id: published[1], orderId, state: 'published', orderReference: expect.stringMatching(/^ORD-\d{4,}$/) });

    // Another organisation's order and lead: 404, never data.
    const stranger = await clientWithToken(t, await organisationFixture(t, `Stranger ${randomUUID().slice(0, 8)}`));
    expect((await t.api<Problem>(stranger.token, { method: 'GET', path: `/api/portal/orders/${orderId}/leads` })).status).toBe(404);
    expect((await t.api<Problem>(stranger.token, { method: 'GET', path: `/api/portal/orders/${orderId}/leads.csv` })).status).toBe(404);
    expect((await t.api<Problem>(stranger.token, { method: 'GET', path: `/api/portal/leads/${published[1]}` })).status).toBe(404);
    // Staff routes are not for clients.
    expect((await t.api<Problem>(client.token, { method: 'GET', path: `/api/orders/${orderId}/leads` })).status).toBe(403);
  });

  it("writes the CSV with the template's headers and neutralised formulas", async () => {
    const { orgId, orderId, client } = await liveOrder();
    await t.deps.db.update(orders).set({ questions: [{ id: 'budget', text: 'Budget this year?', required: true }] }).where(eq(orders.id, orderId));
    const id = await leadOfOrder({ orderId, orgId, fields: { firstName: 'Dana', lastName: 'Buyer', email: 'dana@northwind.com', company: '=HYPERLINK("http://evil.example","x")', phone: '+12125550123' } });
    await t.deps.db.update(leads).set({ answers: { budget: '@SUM(A1)' } }).where(eq(leads.id, id));
    await approve(id);
    const res = await t.api(client.token, { method: 'GET', path: `/api/portal/orders/${orderId}/leads.csv` });
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = parse(res.text) as string[][];
    expect(header).toEqual(expect.arrayContaining(['Lead ID', 'First Name', 'Last Name', 'Email', 'Direct Phone', 'Company Name', 'Budget this year?']));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Company Name')).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(cell('Budget this year?')).toBe(`'@SUM(A1)`);
    expect(cell('Direct Phone')).toBe(`'+12125550123`);
    expect(cell('Lead ID')).toBe(id);
  });
});

describe('returns', () => {
  it('returns a delivered lead within the window with an active return reason; the lead is back in QA with its reason', async () => {
    const { orgId, orderId, client } = await liveOrder({ returnWindowDays: 7 });
    const id = await leadOfOrder({ orderId, orgId });
    await approve(id);
    const reasons = await t.api<{ items: ReturnReason[] }>(client.token, { method: 'GET', path: '/api/portal/return-reasons' });
    expect(reasons.json.items.map((r) => r.code)).toContain('wrong_contact_data');

    // Wrong reasons: a reject reason, an unknown one, none at all. Nothing changes.
    expect((await ret(client.token, id, { reasonCode: 'no_such_reason' })).json.errors).toEqual([{ field: 'body.reasonCode', message: 'is not an active return reason' }]);
    expect((await ret(client.token, id, {})).json.errors?.[0]?.field).toBe('body.reasonCode');
    expect((await leadRow(id)).state).toBe('published');

    // Another organisation's client: 404, and nothing changes.
    const stranger = await clientWithToken(t, await organisationFixture(t, `Stranger ${randomUUID().slice(0, 8)}`));
    expect((await ret(stranger.token, id, { reasonCode: 'wrong_contact_data' })).status).toBe(404);

    t.clock.advance(6 * DAY);
    const res = await ret(client.token, id, { reasonCode: 'wrong_contact_data', note: 'Number disconnected' });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ state: 'returned', returnedAt: t.deps.now().toISOString(), returnableUntil: null, returnReason: { code: 'wrong_contact_data', label: 'Contact details wrong', note: 'Number disconnected' } });
    const [transition] = await t.deps.db.select().from(leadTransitions).where(and(eq(leadTransitions.leadId, id), eq(leadTransitions.toState, 'returned')));
    expect(transition).toMatchObject({ fromState: 'published', actorId: client.id, reasonCode: 'wrong_contact_data' });

    // Twice: 409.
    const twice = await ret(client.token, id, { reasonCode: 'wrong_contact_data' });
    expect(twice.status).toBe(409);
    expect(twice.json.detail).toMatch(/already returned/);

    // Staff see it in the QA queue by state, with the reason on its page.
    const queue = await leadsCall<LeadListPage>({ method: 'GET', path: '/api/leads', query: { state: 'returned' } });
    expect(queue.json.items.map((l) => l.id)).toContain(id);
    const detail = await leadsCall<LeadDetail>({ method: 'GET', path: `/api/leads/${id}` });
    expect(detail.json).toMatchObject({ state: 'returned', reasonCode: 'wrong_contact_data', reasonNote: 'Number disconnected' });
  });

  it('refuses a return once the window has closed (409 naming the date)', async () => {
    const { orgId, orderId, client } = await liveOrder({ returnWindowDays: 3 });
    const id = await leadOfOrder({ orderId, orgId });
    await approve(id);
    t.clock.advance(3 * DAY + 1000);
    const res = await ret(client.token, id, { reasonCode: 'wrong_contact_data' });
    expect(res.status).toBe(409);
    expect(res.json.detail).toMatch(/return window of ORD-\d+ \(3 days from delivery\) closed on \d{4}-\d{2}-\d{2}/);
    expect((await leadRow(id)).state).toBe('published');
  });

  it('the replacement loop: the next published lead replaces the oldest return, and the counts show it on both sides', async () => {
    const { orgId, orderId, client } = await liveOrder({ volume: 5 });
    const a = await leadOfOrder({ orderId, orgId });
    const b = await leadOfOrder({ orderId, orgId });
    await approve(a);
    await approve(b);
    t.clock.advance(1000);
    expect((await ret(client.token, b, { reasonCode: 'denies_interest' })).status).toBe(200);
    t.clock.advance(1000);
    expect((await ret(client.token, a, { reasonCode: 'wrong_contact_data' })).status).toBe(200);

    const c = await leadOfOrder({ orderId, orgId });
    expect((await approve(c)).json.state).toBe('published');
    // b was returned first: c replaces it; a still waits for a replacement.
    expect(await leadRow(b)).toMatchObject({ state: 'replaced', replacedById: c, reasonCode: 'denies_interest' });
    expect((await leadRow(a)).state).toBe('returned');
    const history = await t.deps.db.select().from(leadTransitions).where(and(eq(leadTransitions.leadId, b), eq(leadTransitions.toState, 'replaced')));
    expect(history).toEqual([expect.objectContaining({ fromState: 'returned', actorId: null })]);

    const counts = async () => {
      const [row] = await t.deps.db
        .select({
          delivered: sql<number>`count(*) filter (where ${leads.state} = 'published')::int`,
          returned: sql<number>`count(*) filter (where ${leads.returnedAt} is not null)::int`,
          replaced: sql<number>`count(*) filter (where ${leads.state} = 'replaced')::int`,
        })
        .from(leads)
        .where(and(eq(leads.orderId, orderId), isNotNull(leads.publishedAt)));
      return row;
    };
    expect(await counts()).toEqual({ delivered: 1, returned: 2, replaced: 1 });

    const page = await t.api<PortalLeadPage>(client.token, { method: 'GET', path: `/api/portal/orders/${orderId}/leads` });
    expect(page.json.total).toBe(3);
    expect(page.json.items.find((l) => l.id === b)).toMatchObject({ state: 'replaced', replacedById: c, returnReason: { code: 'denies_interest' } });
    const replacedOnly = await t.api<PortalLeadPage>(client.token, { method: 'GET', path: `/api/portal/orders/${orderId}/leads`, query: { state: 'replaced' } });
    expect(replacedOnly.json.items.map((l) => l.id)).toEqual([b]);
  });
});

describe("the client's leads across its orders (GET /api/portal/leads)", () => {
  /** A lead of an order as the portal shows it: published at `publishedAt`, returned at `returnedAt` when given. */
  async function deliveredLead(input: { orderId: string; orgId: string; publishedAt: Date; returnedAt?: Date; fields: Record<string, string> }): Promise<string> {
    const [row] = await t.deps.db
      .insert(leads)
      .values({
        state: input.returnedAt ? 'returned' : 'published',
        source: 'manual',
        orderId: input.orderId,
        clientOrgId: input.orgId,
        publishedAt: input.publishedAt,
        returnedAt: input.returnedAt ?? null,
        reasonCode: input.returnedAt ? 'wrong_contact_data' : null,
        fields: input.fields,
      })
      .returning({ id: leads.id });
    return row!.id;
  }

  /** An organisation with two orders: five leads of the first, two of the second (one returned), delivered a day apart, and a lead still in QA. */
  async function organisationWithLeads() {
    const { orgId, orderId, client } = await liveOrder();
    const secondOrderId = await orderFixture(t, { orgId, state: 'live' });
    const start = t.deps.now().getTime() - 30 * DAY;
    const at = (day: number) => new Date(start + day * DAY);
    const ids: string[] = [];
    for (let day = 0; day < 5; day++) {
      ids.push(await deliveredLead({ orderId, orgId, publishedAt: at(day), fields: { firstName: 'Dana', lastName: `Buyer${day}`, email: `dana${day}@northwind.com`, company: 'Northwind Traders' } }));
    }
    ids.push(await deliveredLead({ orderId: secondOrderId, orgId, publishedAt: at(5), fields: { firstName: 'Omar', lastName: 'Okafor', email: 'omar@contoso.com', company: 'Contoso Pharma' } }));
    ids.push(
      await deliveredLead({ orderId: secondOrderId, orgId, publishedAt: at(6), returnedAt: at(8), fields: { firstName: 'Rita', lastName: 'Returned', email: 'rita@fabrikam.com', company: 'Fabrikam' } }),
    );
    await leadOfOrder({ orderId, orgId, fields: { firstName: 'Quinn', lastName: 'InQa', email: 'quinn@northwind.com', company: 'Northwind Traders' } });
    return { orgId, orderId, secondOrderId, client, ids, at };
  }

  const list = (token: string, query: Record<string, string> = {}) => t.api<PortalLeadPage & Problem>(token, { method: 'GET', path: '/api/portal/leads', query });

  it('pages every order’s delivered leads newest first with a cursor and the total; oldest first on asking; never a lead in QA', async () => {
    const { client, ids } = await organisationWithLeads();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(client.token, { limit: '3', ...(cursor ? { cursor } : {}) });
      expect(page.status, page.text).toBe(200);
      expect(page.json.total).toBe(7);
      seen.push(...page.json.items.map((l) => l.id));
      cursor = page.json.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const oldest = await list(client.token, { sort: 'published_at', limit: '4' });
    expect(oldest.json.items.map((l) => l.id)).toEqual(ids.slice(0, 4));
    const rest = await list(client.token, { sort: 'published_at', limit: '4', cursor: oldest.json.nextCursor! });
    expect(rest.json.items.map((l) => l.id)).toEqual(ids.slice(4));
    expect(rest.json.nextCursor).toBeNull();

    // A cursor of one sort is refused by another (400 naming the cursor), not read as a wrong page.
    const mixed = await list(client.token, { sort: '-published_at', cursor: oldest.json.nextCursor! });
    expect(mixed.status).toBe(400);
    expect(mixed.json.errors?.[0]?.field).toBe('query.cursor');
  });

  it('filters by order, state, search on name, company and email, and delivery dates; sorts returns by return date', async () => {
    const { client, ids, orderId, secondOrderId, at } = await organisationWithLeads();
    const idsOf = async (query: Record<string, string>) => {
      const res = await list(client.token, query);
      expect(res.status, res.text).toBe(200);
      expect(res.json.total).toBe(res.json.items.length);
      return res.json.items.map((l) => l.id);
    };
    expect(await idsOf({ orderId })).toEqual(ids.slice(0, 5).reverse());
    expect(await idsOf({ orderId: secondOrderId, state: 'published' })).toEqual([ids[5]]);
    expect(await idsOf({ state: 'returned,replaced' })).toEqual([ids[6]]);
    expect(await idsOf({ q: 'omar okafor' })).toEqual([ids[5]]);
    expect(await idsOf({ q: 'contoso pharma' })).toEqual([ids[5]]);
    expect(await idsOf({ q: 'RITA@FABRIKAM' })).toEqual([ids[6]]);
    expect(await idsOf({ q: 'quinn' })).toEqual([]);
    // The search reads values, not the fields' names.
    expect(await idsOf({ q: 'firstName' })).toEqual([]);
    expect(await idsOf({ from: at(1).toISOString(), to: at(3).toISOString() })).toEqual([ids[2], ids[1]]);
    const returns = await list(client.token, { sort: '-returned_at' });
    expect(returns.json.items.map((l) => [l.id, l.state, l.returnReason?.code])).toEqual([[ids[6], 'returned', 'wrong_contact_data']]);
  });

  it("never lists another organisation's leads; another organisation's order answers 404 like a missing one", async () => {
    const mine = await organisationWithLeads();
    const theirs = await organisationWithLeads();
    const all = await list(mine.client.token, { limit: '200' });
    expect(all.json.items.map((l) => l.id).sort()).toEqual([...mine.ids].sort());
    expect(all.json.total).toBe(7);
    expect(all.text).not.toContain(theirs.ids[0]);

    for (const orderId of [theirs.orderId, randomUUID()]) {
      const res = await list(mine.client.token, { orderId });
      expect(res.status, res.text).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.text).not.toContain(theirs.ids[0]);
    }
    // Staff are not portal clients.
    const staff = await staffWithToken(t, ['campaign_manager']);
    expect((await list(staff.token)).status).toBe(403);
  });

  it('answers bad input with problem+json 400 naming the field', async () => {
    const { client } = await liveOrder();
    const cases: [Record<string, string>, string][] = [
      [{ state: 'sold' }, 'query.state'],
      [{ orderId: 'ORD-0001' }, 'query.orderId'],
      [{ from: 'yesterday' }, 'query.from'],
      [{ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, 'query.to'],
      [{ sort: 'company' }, 'query.sort'],
      [{ limit: '1000' }, 'query.limit'],
      [{ cursor: 'not-a-cursor' }, 'query.cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await list(client.token, query);
      expect(res.status, `${JSON.stringify(query)}: ${res.text}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json.errors?.map((e) => e.field)).toContain(field);
    }
  });
});
