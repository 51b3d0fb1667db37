// Orders through the API, both faces: a client creates, lists, reads, edits while submitted and
// cancels its own; staff create on a client's behalf, move orders along the transition table
// (audited; out of order 409) and set manager and caps. Counts come from the order's leads. Bad
// input answers problem+json with field and reason and writes nothing.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Order, OrderCreateResult, OrderPage, OrderTargetsResult } from '@shared/contracts/portal';
import { fileContext } from '../../../../test/support/file-context';
import { leads, orders, orderTargetDomains, orderTransitions } from '../../../db/schema';
import { transitionOrderBySystem } from './service';
import { clientWithToken, createPortalTestContext, orderFixture, organisationFixture, staffWithToken, type UserWithToken } from '../test-fixtures';

interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

const t = fileContext(createPortalTestContext);

const DAY = 86_400_000;
const day = (offset: number) => new Date(t.deps.now().getTime() + offset * DAY).toISOString().slice(0, 10);
const newOrder = (overrides: Record<string, unknown> = {}) => ({
  name: 'Q3 IT leaders',
  channel: 'telemarketing',
  volume: 40,
  costPerLeadCents: 9000,
  startsOn: day(1),
  endsOn: day(30),
  criteria: { countries: ['us'], titles: ['VP'] },
  ...overrides,
});
const countOf = async (table: typeof orders | typeof orderTransitions | typeof orderTargetDomains) =>
  Number((await t.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

describe('orders', () => {
  let orgA: string;
  let orgB: string;
  let client: UserWithToken;
  let clientB: UserWithToken;
  let manager: UserWithToken;
  let analyst: UserWithToken;
  const people = async () => {
    orgA ??= await organisationFixture(t, 'Northwind Traders');
    orgB ??= await organisationFixture(t, 'Contoso Buyers');
    client ??= await clientWithToken(t, orgA);
    clientB ??= await clientWithToken(t, orgB);
    manager ??= await staffWithToken(t, ['campaign_manager']);
    analyst ??= await staffWithToken(t, ['quality_analyst']);
  };
  const create = (token: string, body: unknown) => t.api<OrderCreateResult & Problem>(token, { method: 'POST', path: '/api/portal/orders', body });

  it('a client creates an order: submitted, audited, its targets kept in the same transaction', async () => {
    await people();
    const res = await create(client.token, newOrder({ targets: { domains: ['acme.com', 'www.acme.com', 'globex.co.uk', 'junk'] } }));
    expect(res.status, res.text).toBe(201);
    const order = res.json;
    expect(order).toMatchObject({ orgId: orgA, orgName: 'Northwind Traders', state: 'submitted', volume: 40, currency: 'USD', targetCount: 2, nextStates: ['cancelled'] });
    expect(order.reference).toBe(`ORD-${String(order.number).padStart(4, '0')}`);
    expect(order.criteria).toMatchObject({ countries: ['US'], titles: ['VP'], industries: [] });
    expect(order.counts).toEqual({ ordered: 40, delivered: 0, returned: 0, replaced: 0, open: 40, inQa: 0 });
    expect(order.targetsResult).toEqual({ kept: 2, duplicates: 1, invalid: [{ line: 4, value: 'junk', reason: 'is not a domain or website' }] });
    expect(order.history).toHaveLength(1);
    expect(order.history[0]).toMatchObject({ from: null, to: 'submitted' });
    const audit = await t.deps.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, order.id));
    expect(audit).toMatchObject([{ fromState: null, toState: 'submitted', actorId: client.id }]);
    const targets = await t.deps.db.select({ domain: orderTargetDomains.domain }).from(orderTargetDomains).where(eq(orderTargetDomains.orderId, order.id));
    expect(targets.map((r) => r.domain).sort()).toEqual(['acme.com', 'globex.co.uk']);
  });

  it('an end before the start answers 422 on endsOn; bad fields 400 with field and reason; nothing is written', async () => {
    await people();
    const before = [await countOf(orders), await countOf(orderTransitions), await countOf(orderTargetDomains)];
    const window = await create(client.token, newOrder({ startsOn: day(10), endsOn: day(9), targets: { domains: ['acme.com'] } }));
    expect(window.status).toBe(422);
    expect(window.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(window.json.errors).toEqual([{ field: 'endsOn', message: 'must not be before the start' }]);

    const bad = await create(client.token, newOrder({ volume: 0, channel: 'fax', surprise: true }));
    expect(bad.status).toBe(400);
    const fields = bad.json.errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.volume', 'body.channel']));
    expect(bad.json.errors!.find((e) => e.field === 'body')?.message ?? bad.json.errors!.map((e) => e.message).join()).toMatch(/surprise/);

    const tooMany = await create(client.token, newOrder({ targets: { csv: Array.from({ length: 50_001 }, (_, i) => `t${i}.com`).join('\n') } }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.errors).toEqual([{ field: 'body.targets.csv', message: 'holds 50001 domains: at most 50000 per order' }]);

    const staffNoOrg = await t.api<Problem>(manager.token, { method: 'POST', path: '/api/orders', body: { ...newOrder(), orgId: randomUUID() } });
    expect(staffNoOrg.status).toBe(400);
    expect(staffNoOrg.json.errors).toEqual([{ field: 'body.orgId', message: 'is not a client organisation' }]);
    expect([await countOf(orders), await countOf(orderTransitions), await countOf(orderTargetDomains)]).toEqual(before);
  });

  it('lists my orders only, filtered by state and search, a cursor page at a time, with counts per state', async () => {
    await people();
    const org = await organisationFixture(t, 'Listing Co');
    const me = await clientWithToken(t, org);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      ids.push((await create(me.token, newOrder({ name: `Wave ${i}` }))).json.id);
    }
    await orderFixture(t, { orgId: orgB, name: 'Wave of the other client' });
    await t.deps.db.update(orders).set({ state: 'live' }).where(eq(orders.id, ids[0]!));
    const list = (query: Record<string, string>) => t.api<OrderPage & Problem>(me.token, { method: 'GET', path: '/api/portal/orders', query });

    const first = await list({ limit: '2' });
    expect(first.status, first.text).toBe(200);
    expect(first.json.items.map((o) => o.name)).toEqual(['Wave 4', 'Wave 3']);
    expect(first.json.counts).toMatchObject({ submitted: 4, live: 1, cancelled: 0 });
    const second = await list({ limit: '2', cursor: first.json.nextCursor! });
    const third = await list({ limit: '2', cursor: second.json.nextCursor! });
    expect([...second.json.items, ...third.json.items].map((o) => o.name)).toEqual(['Wave 2', 'Wave 1', 'Wave 0']);
    expect(third.json.nextCursor).toBeNull();

    expect((await list({ state: 'live' })).json.items.map((o) => o.id)).toEqual([ids[0]]);
    expect((await list({ state: 'live,submitted' })).json.items).toHaveLength(5);
    expect((await list({ q: 'wave 2' })).json.items.map((o) => o.name)).toEqual(['Wave 2']);
    const number = (await t.deps.db.select({ n: orders.number }).from(orders).where(eq(orders.id, ids[3]!)))[0]!.n;
    expect((await list({ q: `ORD-${String(number).padStart(4, '0')}` })).json.items.map((o) => o.id)).toEqual([ids[3]]);
    // The client's orgId filter cannot reach another organisation.
    expect((await list({ orgId: orgB })).json.items).toHaveLength(5);
    expect((await list({ cursor: 'garbage' })).json.errors![0]!.field).toBe('query.cursor');

    // Staff see every organisation's, filtered by one.
    const staff = await t.api<OrderPage>(analyst.token, { method: 'GET', path: '/api/orders', query: { orgId: orgB } });
    expect(staff.status).toBe(200);
    expect(staff.json.items.every((o) => o.orgId === orgB)).toBe(true);
    expect(staff.json.items.map((o) => o.name)).toContain('Wave of the other client');
    expect((await t.api<OrderPage>(analyst.token, { method: 'GET', path: '/api/orders', query: { q: 'Listing' } })).json.items).toHaveLength(5);
  });

  it('counts delivered, returned, replaced, open and in-QA units from the order\'s leads', async () => {
    await people();
    const id = await orderFixture(t, { orgId: orgA, state: 'live', volume: 10 });
    const lead = (state: string, returned = false) => ({ state, source: 'manual', orderId: id, clientOrgId: orgA, returnedAt: returned ? t.deps.now() : null });
    await t.deps.db.insert(leads).values([
      lead('published'),
      lead('published'),
      lead('published'),
      lead('returned', true),
      lead('replaced', true),
      lead('new'),
      lead('under_review'),
      lead('approved'),
      lead('rejected'),
    ]);
    await t.deps.db.insert(leads).values({ ...lead('published'), deletedAt: t.deps.now() });
    const res = await t.api<Order>(client.token, { method: 'GET', path: `/api/portal/orders/${id}` });
    expect(res.status).toBe(200);
    expect(res.json.counts).toEqual({ ordered: 10, delivered: 3, returned: 2, replaced: 1, open: 7, inQa: 3 });
    const listed = await t.api<OrderPage>(client.token, { method: 'GET', path: '/api/portal/orders', query: { state: 'live' } });
    expect(listed.json.items.find((o) => o.id === id)!.counts.delivered).toBe(3);
  });

  it('a client edits while submitted only; staff move it along the table, audited, and set what only staff set', async () => {
    await people();
    const id = (await create(client.token, newOrder())).json.id;
    const patch = (token: string, body: unknown, base = '/api/portal/orders') => t.api<Order & Problem>(token, { method: 'PATCH', path: `${base}/${id}`, body });
    const transition = (body: unknown) => t.api<Order & Problem>(manager.token, { method: 'POST', path: `/api/orders/${id}/transition`, body });

    const edited = await patch(client.token, { volume: 55, notes: 'Only decision makers' });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ volume: 55, notes: 'Only decision makers' });
    const window = await patch(client.token, { endsOn: day(0) });
    expect(window.status).toBe(422);
    expect(window.json.errors![0]!.field).toBe('endsOn');
    const staffOnly = await patch(client.token, { accountCap: 3 });
    expect(staffOnly.status).toBe(400);
    expect(staffOnly.json.errors).toEqual([{ field: 'body.accountCap', message: 'is set by the agency, not in the portal' }]);

    const outOfOrder = await transition({ to: 'approved' });
    expect(outOfOrder.status).toBe(409);
    const review = await transition({ to: 'in_review', note: 'Checking the list' });
    expect(review.status, review.text).toBe(200);
    expect(review.json.state).toBe('in_review');
    expect(review.json.nextStates.sort()).toEqual(['approved', 'cancelled', 'submitted']);

    const late = await patch(client.token, { volume: 60 });
    expect(late.status).toBe(409);
    const lateTargets = await t.api<Problem>(client.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { domains: ['acme.com'] } });
    expect(lateTargets.status).toBe(409);
    const lateCheck = await t.api<Problem>(client.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { domains: ['acme.com'], dryRun: true } });
    expect(lateCheck.status, 'a dry run says at once the list can no longer change').toBe(409);

    const staffEdit = await patch(manager.token, { managerId: manager.id, accountCap: 3, volume: 60 }, '/api/orders');
    expect(staffEdit.status, staffEdit.text).toBe(200);
    expect(staffEdit.json).toMatchObject({ managerId: manager.id, accountCap: 3, volume: 60 });
    expect(staffEdit.json.managerName).toMatch(/\S/);
    const notStaff = await patch(manager.token, { managerId: client.id }, '/api/orders');
    expect(notStaff.status).toBe(400);
    expect(notStaff.json.errors![0]!.field).toBe('body.managerId');
    const noConfig = await patch(manager.token, { deliveryConfigId: randomUUID() }, '/api/orders');
    expect(noConfig.json.errors![0]!.field).toBe('body.deliveryConfigId');

    expect((await transition({ to: 'approved' })).json.state).toBe('approved');
    // Approved: the client may no longer cancel (409), staff may.
    const clientCancel = await t.api<Problem>(client.token, { method: 'POST', path: `/api/portal/orders/${id}/cancel`, body: {} });
    expect(clientCancel.status).toBe(409);
    expect((await transition({ to: 'live' })).json.state).toBe('live');
    expect((await transition({ to: 'paused' })).json.state).toBe('paused');
    const done = await transition({ to: 'completed' });
    expect(done.json.state).toBe('completed');
    expect(done.json.nextStates).toEqual([]);
    expect((await transition({ to: 'live' })).status).toBe(409);
    expect((await patch(manager.token, { volume: 1 }, '/api/orders')).status).toBe(409);
    expect((await t.api<Problem>(manager.token, { method: 'POST', path: `/api/orders/${id}/transition`, body: { to: 'shipped' } })).json.errors![0]!.field).toBe('body.to');

    const audit = await t.deps.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, id)).orderBy(orderTransitions.at, orderTransitions.id);
    expect(audit.map((a) => [a.fromState, a.toState])).toEqual([
      [null, 'submitted'],
      ['submitted', 'in_review'],
      ['in_review', 'approved'],
      ['approved', 'live'],
      ['live', 'paused'],
      ['paused', 'completed'],
    ]);
    expect(audit.slice(1).every((a) => a.actorId === manager.id)).toBe(true);
    expect(audit[1]!.note).toBe('Checking the list');
    expect(done.json.history.map((h) => h.to)).toEqual(['submitted', 'in_review', 'approved', 'live', 'paused', 'completed']);

    // An analyst reads but does not move orders.
    expect((await t.api(analyst.token, { method: 'GET', path: `/api/orders/${id}` })).status).toBe(200);
    expect((await t.api(analyst.token, { method: 'POST', path: `/api/orders/${id}/transition`, body: { to: 'live' } })).status).toBe(403);
  });

  it('a client cancels its order while submitted or in review, audited', async () => {
    await people();
    const id = (await create(client.token, newOrder())).json.id;
    await t.api(manager.token, { method: 'POST', path: `/api/orders/${id}/transition`, body: { to: 'in_review' } });
    const res = await t.api<Order>(client.token, { method: 'POST', path: `/api/portal/orders/${id}/cancel`, body: { note: 'Budget moved' } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.state).toBe('cancelled');
    expect(res.json.history.at(-1)).toMatchObject({ from: 'in_review', to: 'cancelled', note: 'Budget moved' });
    expect((await t.api(client.token, { method: 'POST', path: `/api/portal/orders/${id}/cancel` })).status).toBe(409);
  });

  it('the system makes only the moves the table gives it, audited without a person', async () => {
    await people();
    const id = await orderFixture(t, { orgId: orgA, state: 'approved' });
    await transitionOrderBySystem(t.deps.db, id, { to: 'live', note: 'Start date reached' }, t.deps.now());
    await expect(transitionOrderBySystem(t.deps.db, id, { to: 'paused' }, t.deps.now())).rejects.toMatchObject({ code: 'conflict' });
    const audit = await t.deps.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, id));
    expect(audit).toMatchObject([{ fromState: 'approved', toState: 'live', actorId: null, note: 'Start date reached' }]);
    expect((await t.deps.db.select({ state: orders.state }).from(orders).where(eq(orders.id, id)))[0]!.state).toBe('live');
  });

  it('staff create on a client\'s behalf', async () => {
    await people();
    const res = await t.api<OrderCreateResult>(manager.token, { method: 'POST', path: '/api/orders', body: { ...newOrder({ name: 'By the agency' }), orgId: orgB } });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ orgId: orgB, orgName: 'Contoso Buyers', state: 'submitted', targetsResult: null });
    expect(res.json.nextStates.sort()).toEqual(['cancelled', 'in_review']);
    const seen = await t.api<Order>(clientB.token, { method: 'GET', path: `/api/portal/orders/${res.json.id}` });
    expect(seen.json.name).toBe('By the agency');
  });

  it('replaces the target list whole; the unmatched domains download as formula-neutral CSV', async () => {
    await people();
    const id = (await create(client.token, newOrder({ targets: { domains: ['old-one.com', 'old-two.com'] } }))).json.id;
    await t.deps.db.execute(sql`insert into accounts (name, domain) values ('Held Co', 'held-domain.com') on conflict do nothing`);
    const csv = '\uFEFFCompany,Domain\r\n"=HYPERLINK(""http://x"")",https://www.unheld-one.com/path\r\nHeld,held-domain.com\r\n+Plus Ltd,sub.unheld-two.co.uk\r\nJunk,???\r\n';
    const put = await t.api<OrderTargetsResult & Problem>(client.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { csv } });
    expect(put.status, put.text).toBe(200);
    expect(put.json).toEqual({ kept: 3, duplicates: 0, invalid: [{ line: 5, value: '???', reason: 'is not a domain or website' }] });
    const rows = await t.deps.db.select({ domain: orderTargetDomains.domain }).from(orderTargetDomains).where(eq(orderTargetDomains.orderId, id));
    expect(rows.map((r) => r.domain).sort()).toEqual(['held-domain.com', 'unheld-one.com', 'unheld-two.co.uk']);

    const file = await t.api(client.token, { method: 'GET', path: `/api/portal/orders/${id}/targets/unmatched.csv` });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.text).toBe('domain,company\r\nunheld-one.com,"\'=HYPERLINK(""http://x"")"\r\nunheld-two.co.uk,\'+Plus Ltd\r\n');

    const both = await t.api<Problem>(client.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { csv: 'a.com', domains: ['b.com'] } });
    expect(both.status).toBe(400);
    expect(both.json.errors![0]!.field).toBe('body.csv');
    const staffPut = await t.api<OrderTargetsResult>(manager.token, { method: 'PUT', path: `/api/orders/${id}/targets`, body: { domains: ['only-one.com'] } });
    expect(staffPut.json.kept).toBe(1);
  });

  it('a dry run of a new target list answers what it would become (kept, duplicates, lines that are not domains and why) and writes nothing', async () => {
    await people();
    const id = (await create(client.token, newOrder({ targets: { domains: ['kept-before.com'] } }))).json.id;
    const before = await t.deps.db.select({ domain: orderTargetDomains.domain, updatedAt: orders.updatedAt }).from(orderTargetDomains).innerJoin(orders, eq(orders.id, orderTargetDomains.orderId)).where(eq(orderTargetDomains.orderId, id));
    const domains = ['https://www.acme.com/about', 'ACME.com', 'sales@globex.co.uk', '10.0.0.1', 'nodots', 'acme.notasuffix'];
    const check = await t.api<OrderTargetsResult & Problem>(client.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { domains, dryRun: true } });
    expect(check.status, check.text).toBe(200);
    expect(check.json).toEqual({
      kept: 2,
      duplicates: 1,
      invalid: [
        { line: 4, value: '10.0.0.1', reason: 'is an IP address, not a company domain' },
        { line: 5, value: 'nodots', reason: 'is not a domain or website' },
        { line: 6, value: 'acme.notasuffix', reason: 'has no registrable domain (unknown suffix or not a domain)' },
      ],
    });
    const after = await t.deps.db.select({ domain: orderTargetDomains.domain, updatedAt: orders.updatedAt }).from(orderTargetDomains).innerJoin(orders, eq(orders.id, orderTargetDomains.orderId)).where(eq(orderTargetDomains.orderId, id));
    expect(after).toEqual(before);

    // The same list for real: the same answer, and now it is the order's list.
    const put = await t.api<OrderTargetsResult>(client.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { domains } });
    expect(put.json).toEqual(check.json);
    const rows = await t.deps.db.select({ domain: orderTargetDomains.domain }).from(orderTargetDomains).where(eq(orderTargetDomains.orderId, id));
    expect(rows.map((r) => r.domain).sort()).toEqual(['acme.com', 'globex.co.uk']);

    // Another organisation's client: 404 for the dry run too.
    const stranger = await clientWithToken(t, await organisationFixture(t, `Stranger ${randomUUID().slice(0, 8)}`));
    expect((await t.api<Problem>(stranger.token, { method: 'PUT', path: `/api/portal/orders/${id}/targets`, body: { domains, dryRun: true } })).status).toBe(404);
  });
});
