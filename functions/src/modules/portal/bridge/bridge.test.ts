// The bridge through the portal API and the root's wiring: an order's domain set and segment (what
// they hold, bridged again without duplicates, refused for orders in the wrong state or without
// targets), linking campaigns (one order per campaign), leads of a linked campaign carrying the
// order, the pacing routes (a client sees only its own organisation's), and the pacing run's
// transitions, alerts and tasks.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrderBridgeResult, OrderPacing, PacingOverview } from '@shared/contracts/portal-pacing';
import { fileContext } from '../../../../test/support/file-context';
import { invoke } from '../../../../test/support/invoke';
import { portalHooks } from '../../../composition';
import { queryRows } from '../../../db/rows';
import {
  accounts,
  callCampaigns,
  callDispositions,
  calls,
  contacts,
  domainSetEntries,
  domainSets,
  emailCampaigns,
  leads,
  orderPacingAlerts,
  orders,
  orderTransitions,
  segments,
  tasks,
} from '../../../db/schema';
import { currentPolicy, savePolicy } from '../../activity';
import { selectionAudienceSql } from '../../audience';
import { clientWithToken, createPortalTestContext, orderFixture, organisationFixture, staffWithToken } from '../test-fixtures';
import { runPacing } from './pacing-job';

const t = fileContext(createPortalTestContext);
const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(t.deps.now().getTime() + ms).toISOString().slice(0, 10);

let seq = 0;
/** An account at `domain` with contacts as given (country, title); their ids. */
async function accountWith(domain: string, people: Array<{ country?: string | null; title?: string; email?: string }>): Promise<{ accountId: string; contactIds: string[] }> {
  const [account] = await t.deps.db.insert(accounts).values({ name: `Company ${domain}`, domain, country: 'US', industry: 'Software' }).returning({ id: accounts.id });
  const rows = people.length
    ? await t.deps.db
        .insert(contacts)
        .values(
          people.map((p) => ({
            accountId: account!.id,
            fullName: `Person ${++seq}`,
            email: p.email ?? `person${seq}@${domain}`,
            jobTitle: p.title ?? 'IT Director',
            country: p.country === undefined ? 'US' : p.country,
            directPhone: `+1212555${String(3000 + seq).slice(-4)}`,
          })),
        )
        .returning({ id: contacts.id })
    : [];
  return { accountId: account!.id, contactIds: rows.map((r) => r.id) };
}

async function callCampaign(): Promise<{ campaignId: string; positive: string }> {
  const [campaign] = await t.deps.db
    .insert(callCampaigns)
    .values({ name: `Outreach ${randomUUID().slice(0, 8)}`, status: 'active', sellerName: 'Acme', sellerPhone: '+14155550199', callerId: '+14155550100', form: [] })
    .returning({ id: callCampaigns.id });
  const [positive] = await t.deps.db
    .insert(callDispositions)
    .values({ campaignId: campaign!.id, code: 'interested', label: 'Interested', outcomeClass: 'positive', position: 1, retryAfterMinutes: null })
    .returning({ id: callDispositions.id });
  return { campaignId: campaign!.id, positive: positive!.id };
}

async function emailCampaign(): Promise<string> {
  const [campaign] = await t.deps.db.insert(emailCampaigns).values({ name: `News ${randomUUID().slice(0, 8)}` }).returning({ id: emailCampaigns.id });
  return campaign!.id;
}

/** `n` published leads of the order, published `daysAgo` days ago. */
async function published(orderId: string, n: number, daysAgo = 0): Promise<void> {
  const at = new Date(t.deps.now().getTime() - daysAgo * DAY);
  await t.deps.db.insert(leads).values(Array.from({ length: n }, () => ({ state: 'published', source: 'manual' as const, orderId, publishedAt: at })));
}

const orderRow = async (id: string) => (await t.deps.db.select().from(orders).where(eq(orders.id, id)))[0]!;

describe('the bridge of an order', () => {
  it('makes a domain set of its targets and a segment of its criteria within it, with the account cap of the contact policy', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const orgId = await organisationFixture(t, 'Bridge Client A');
    const tag = randomUUID().slice(0, 6);
    const inUs = await accountWith(`alpha-${tag}.com`, [{ country: 'US' }, { country: 'DE' }, { country: null }]);
    const alsoUs = await accountWith(`beta-${tag}.com`, [{ country: 'US', title: 'Marketing Intern' }, { country: 'US' }]);
    await accountWith(`outside-${tag}.com`, [{ country: 'US' }]);
    await savePolicy(t.deps.db, { update: { rules: { limits: [], quietPeriods: [], accountCaps: [{ mode: 'positive', max: 3, windowHours: 720 }, { mode: 'positive', max: 2, windowHours: 2160 }] }, note: null, basedOn: (await currentPolicy(t.deps.db)).version }, actorId: null, at: t.deps.now() });
    const orderId = await orderFixture(t, { orgId, state: 'approved', domains: [`alpha-${tag}.com`, `beta-${tag}.com`, `nowhere-${tag}.com`] });
    await t.deps.db.update(orders).set({ criteria: { countries: ['US'], industries: [], sizes: [], revenues: [], titles: ['Director'], seniorities: [], functions: [] } }).where(eq(orders.id, orderId));

    const res = await t.api<OrderBridgeResult>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/bridge`, body: {} });
    expect(res.status, res.text).toBe(200);
    // Two of three target domains are ours; of their contacts, the directors in the US (by their own
    // country, else their account's): two at the first account, one at the second.
    expect(res.json).toMatchObject({ matchedDomains: 2, contacts: 3 });
    const order = await orderRow(orderId);
    expect(order).toMatchObject({ domainSetId: res.json.domainSetId, segmentId: res.json.segmentId, accountCap: 2 });
    const entries = await t.deps.db.select({ domain: domainSetEntries.domain, accountId: domainSetEntries.accountId }).from(domainSetEntries).where(eq(domainSetEntries.setId, res.json.domainSetId));
    expect(entries.map((e) => e.domain).sort()).toEqual([`alpha-${tag}.com`, `beta-${tag}.com`, `nowhere-${tag}.com`]);
    expect(entries.filter((e) => e.accountId).map((e) => e.accountId).sort()).toEqual([inUs.accountId, alsoUs.accountId].sort());
    const segmentContacts = await queryRows<{ id: string }>(t.deps.db, await portalSegmentSql(res.json.segmentId));
    expect(segmentContacts.map((c) => c.id).sort()).toEqual([inUs.contactIds[0]!, inUs.contactIds[2]!, alsoUs.contactIds[1]!].sort());
  });

  it('bridged again brings the same set and segment up to date: no second set or segment', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const orgId = await organisationFixture(t, 'Bridge Client B');
    const tag = randomUUID().slice(0, 6);
    await accountWith(`one-${tag}.com`, [{}]);
    const two = await accountWith(`two-${tag}.com`, [{}, {}]);
    const orderId = await orderFixture(t, { orgId, state: 'live', domains: [`one-${tag}.com`] });
    const first = await t.api<OrderBridgeResult>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/bridge`, body: {} });
    expect(first.json).toMatchObject({ matchedDomains: 1, contacts: 1 });
    const [setsBefore, segmentsBefore] = [await countOf(domainSets), await countOf(segments)];

    // The client's list changed since: the second bridge follows it.
    await t.deps.db.execute(sql`update order_target_domains set domain = ${`two-${tag}.com`} where order_id = ${orderId}::uuid`);
    const second = await t.api<OrderBridgeResult>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/bridge`, body: { segmentName: `Renamed ${tag}` } });
    expect(second.status, second.text).toBe(200);
    expect(second.json).toEqual({ domainSetId: first.json.domainSetId, segmentId: first.json.segmentId, matchedDomains: 1, contacts: 2 });
    expect([await countOf(domainSets), await countOf(segments)]).toEqual([setsBefore, segmentsBefore]);
    const [segment] = await t.deps.db.select().from(segments).where(eq(segments.id, first.json.segmentId));
    expect(segment!.name).toBe(`Renamed ${tag}`);
    const members = await queryRows<{ id: string }>(t.deps.db, await portalSegmentSql(first.json.segmentId));
    expect(members.map((m) => m.id).sort()).toEqual([...two.contactIds].sort());
  });

  it('refuses an order not yet approved (409), one without targets (422), a client (403) and an unknown order (404), writing nothing', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const orgId = await organisationFixture(t, 'Bridge Client C');
    const client = await clientWithToken(t, orgId);
    const [setsBefore, segmentsBefore] = [await countOf(domainSets), await countOf(segments)];

    const submitted = await orderFixture(t, { orgId, state: 'submitted', domains: ['example.com'] });
    const refused = await t.api(manager.token, { method: 'POST', path: `/api/orders/${submitted}/bridge`, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    for (const state of ['in_review', 'completed', 'cancelled', 'paused'] as const) {
      const id = await orderFixture(t, { orgId, state, domains: ['example.com'] });
      expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${id}/bridge`, body: {} })).status).toBe(409);
    }
    const bare = await orderFixture(t, { orgId, state: 'approved' });
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${bare}/bridge`, body: {} })).status).toBe(422);
    expect((await t.api(client.token, { method: 'POST', path: `/api/orders/${bare}/bridge`, body: {} })).status).toBe(403);
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${randomUUID()}/bridge`, body: {} })).status).toBe(404);
    const bad = await t.api<{ errors: Array<{ field: string }> }>(manager.token, { method: 'POST', path: `/api/orders/${bare}/bridge`, body: { segmentName: '' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e) => e.field)).toContain('body.segmentName');

    expect([await countOf(domainSets), await countOf(segments)]).toEqual([setsBefore, segmentsBefore]);
    expect((await orderRow(bare)).segmentId).toBeNull();
  });
});

describe('campaigns of an order', () => {
  it('links a campaign once, refuses one that works another order, a wrong kind and an order that is done, and unlinks', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const analyst = await staffWithToken(t, ['quality_analyst']);
    const orgId = await organisationFixture(t, 'Campaign Client');
    const orderId = await orderFixture(t, { orgId, state: 'approved' });
    const other = await orderFixture(t, { orgId, state: 'live' });
    const { campaignId } = await callCampaign();
    const link = { campaignId, campaignKind: 'call' };

    const linked = await t.api<{ items: Array<{ campaignId: string; campaignKind: string; name: string }> }>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: link });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.json.items).toEqual([expect.objectContaining({ campaignId, campaignKind: 'call', name: expect.stringMatching(/^Outreach /) })]);
    // Again: nothing changes.
    expect((await t.api<{ items: unknown[] }>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: link })).json.items).toHaveLength(1);
    // A campaign works one order.
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${other}/campaigns`, body: link })).status).toBe(409);
    // It must exist, as the kind named; an email campaign does not fit a telemarketing order.
    const unknown = await t.api<{ errors: Array<{ field: string }> }>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: { campaignId: randomUUID(), campaignKind: 'call' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0]!.field).toBe('body.campaignId');
    const mail = await emailCampaign();
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: { campaignId: mail, campaignKind: 'call' } })).status).toBe(400);
    const wrongChannel = await t.api<{ errors: Array<{ field: string }> }>(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: { campaignId: mail, campaignKind: 'email' } });
    expect(wrongChannel.status).toBe(400);
    expect(wrongChannel.json.errors[0]!.field).toBe('body.campaignKind');
    await t.deps.db.update(orders).set({ channel: 'both' }).where(eq(orders.id, orderId));
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: { campaignId: mail, campaignKind: 'email' } })).status).toBe(200);
    const done = await orderFixture(t, { orgId, state: 'completed' });
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${done}/campaigns`, body: { campaignId: (await callCampaign()).campaignId, campaignKind: 'call' } })).status).toBe(409);

    // Readers see the list; only managers change it.
    const listed = await t.api<{ items: Array<{ campaignKind: string }> }>(analyst.token, { method: 'GET', path: `/api/orders/${orderId}/campaigns` });
    expect(listed.json.items.map((i) => i.campaignKind)).toEqual(['call', 'email']);
    expect((await t.api(analyst.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: link })).status).toBe(403);

    const unlinked = await t.api<{ items: Array<{ campaignKind: string }> }>(manager.token, { method: 'DELETE', path: `/api/orders/${orderId}/campaigns`, body: link });
    expect(unlinked.json.items.map((i) => i.campaignKind)).toEqual(['email']);
    expect((await t.api(manager.token, { method: 'DELETE', path: `/api/orders/${orderId}/campaigns`, body: link })).status).toBe(404);
    // Free again: another order may take it.
    expect((await t.api(manager.token, { method: 'POST', path: `/api/orders/${other}/campaigns`, body: link })).status).toBe(200);
  });
});

describe('leads of a linked campaign', () => {
  it('carry the order and its client: a positive call, and a lead made by hand; a campaign working no order makes leads without one', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const agent = await staffWithToken(t, ['agent']);
    const analyst = await staffWithToken(t, ['quality_analyst']);
    const orgId = await organisationFixture(t, 'Lead Client');
    const orderId = await orderFixture(t, { orgId, state: 'live' });
    const linkedCampaign = await callCampaign();
    const freeCampaign = await callCampaign();
    await t.api(manager.token, { method: 'POST', path: `/api/orders/${orderId}/campaigns`, body: { campaignId: linkedCampaign.campaignId, campaignKind: 'call' } });
    const { contactIds } = await accountWith(`leads-${randomUUID().slice(0, 6)}.com`, [{}, {}, {}]);

    const wrapUp = async (campaign: { campaignId: string; positive: string }, contactId: string) => {
      const now = t.deps.now();
      const [call] = await t.deps.db
        .insert(calls)
        .values({
          campaignId: campaign.campaignId,
          contactId,
          agentId: agent.id,
          origin: 'manual',
          toNumber: '+12125559876',
          fromNumber: '+14155550100',
          callControlId: `v3:${randomUUID()}`,
          state: 'ended',
          startedAt: now,
          answeredAt: now,
          bridgedAt: now,
          endedAt: new Date(now.getTime() + 60_000),
        })
        .returning({ id: calls.id });
      const res = await invoke(t.telephonyApi, { method: 'POST', path: `/api/telephony/calls/${call!.id}/wrap-up`, token: agent.token, body: { dispositionId: campaign.positive, answers: {} } });
      expect(res.status, res.text).toBe(200);
      return (await t.deps.db.select().from(leads).where(eq(leads.callId, call!.id)))[0]!;
    };

    expect(await wrapUp(linkedCampaign, contactIds[0]!)).toMatchObject({ orderId, clientOrgId: orgId, campaignId: linkedCampaign.campaignId });
    expect(await wrapUp(freeCampaign, contactIds[1]!)).toMatchObject({ orderId: null, clientOrgId: null });

    const byHand = await invoke<{ id: string }>(t.leadsApi, {
      method: 'POST',
      path: '/api/leads',
      token: analyst.token,
      body: { campaignId: linkedCampaign.campaignId, campaignKind: 'call', contactId: contactIds[2]!, answers: {}, notes: null },
    });
    expect(byHand.status, byHand.text).toBe(201);
    expect((await t.deps.db.select().from(leads).where(eq(leads.id, byHand.json.id)))[0]).toMatchObject({ orderId, clientOrgId: orgId });
  });
});

describe('pacing', () => {
  it("answers a client for its own organisation's orders only (another's: 404), staff for any, and lists every live order", async () => {
    const staff = await staffWithToken(t, ['quality_analyst']);
    const orgA = await organisationFixture(t, 'Pacing Client A');
    const orgB = await organisationFixture(t, 'Pacing Client B');
    const clientA = await clientWithToken(t, orgA);
    // Ten days into a 20-day window of 100: 50 expected, 20 delivered.
    const orderA = await orderFixture(t, { orgId: orgA, state: 'live', volume: 100, startsOn: dayOf(-10 * DAY), endsOn: dayOf(9 * DAY) });
    const orderB = await orderFixture(t, { orgId: orgB, state: 'live' });
    await published(orderA, 20, 3);

    const mine = await t.api<OrderPacing>(clientA.token, { method: 'GET', path: `/api/portal/orders/${orderA}/pacing` });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.json).toMatchObject({ orderId: orderA, ordered: 100, delivered: 20, status: 'under', throttle: 1 });
    expect(mine.json.expectedToDate).toBeGreaterThanOrEqual(50);
    expect(mine.json.series).toHaveLength(20);
    const theirs = await t.api(clientA.token, { method: 'GET', path: `/api/portal/orders/${orderB}/pacing` });
    expect(theirs.status).toBe(404);
    expect(theirs.json).not.toHaveProperty('series');
    expect((await t.api(clientA.token, { method: 'GET', path: `/api/orders/${orderA}/pacing` })).status).toBe(403);

    expect((await t.api<OrderPacing>(staff.token, { method: 'GET', path: `/api/orders/${orderB}/pacing` })).json).toMatchObject({ orderId: orderB, delivered: 0 });
    const overview = await t.api<PacingOverview>(staff.token, { method: 'GET', path: '/api/orders/pacing' });
    expect(overview.status, overview.text).toBe(200);
    expect(overview.json.items.find((i) => i.orderId === orderA)).toMatchObject({ orgName: 'Pacing Client A', delivered: 20, status: 'under', reference: expect.stringMatching(/^ORD-\d{4}$/) });
    const approved = await orderFixture(t, { orgId: orgA, state: 'approved' });
    expect(overview.json.items.map((i) => i.orderId)).not.toContain(approved);
  });
});

describe('the pacing run', () => {
  it('takes an approved order live on its start date once a campaign works it, and completes a live one when delivered or ended (audited as the system)', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const orgId = await organisationFixture(t, 'Run Client');
    const ready = await orderFixture(t, { orgId, state: 'approved' });
    const unlinked = await orderFixture(t, { orgId, state: 'approved' });
    const future = await orderFixture(t, { orgId, state: 'approved', startsOn: dayOf(5 * DAY), endsOn: dayOf(20 * DAY) });
    for (const id of [ready, future]) {
      await t.api(manager.token, { method: 'POST', path: `/api/orders/${id}/campaigns`, body: { campaignId: (await callCampaign()).campaignId, campaignKind: 'call' } });
    }
    const delivered = await orderFixture(t, { orgId, state: 'live', volume: 5 });
    await published(delivered, 5);
    const ended = await orderFixture(t, { orgId, state: 'live', startsOn: dayOf(-20 * DAY), endsOn: dayOf(-1 * DAY) });

    const result = await runPacing(t.deps, portalHooks);
    expect(result.wentLive).toContain(ready);
    expect(result.wentLive).not.toContain(unlinked);
    expect(result.wentLive).not.toContain(future);
    expect(result.completed).toEqual(expect.arrayContaining([delivered, ended]));
    expect((await orderRow(ready)).state).toBe('live');
    expect((await orderRow(unlinked)).state).toBe('approved');
    expect((await orderRow(future)).state).toBe('approved');
    expect(await orderRow(delivered)).toMatchObject({ state: 'completed', paceStatus: 'over' });
    expect((await orderRow(ended)).state).toBe('completed');
    const history = await t.deps.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, delivered));
    expect(history).toEqual([expect.objectContaining({ fromState: 'live', toState: 'completed', actorId: null, note: expect.stringContaining('5 of 5') })]);
    expect((await t.deps.db.select().from(orderTransitions).where(eq(orderTransitions.orderId, ready)))[0]).toMatchObject({ fromState: 'approved', toState: 'live', actorId: null });
    expect((await orderRow(ready)).paceCheckedAt?.toISOString()).toBe(t.deps.now().toISOString());

    // Run again: nothing more moves.
    const again = await runPacing(t.deps, portalHooks);
    expect([again.wentLive, again.completed]).toEqual([[], []]);
  });

  it('raises one under-pace alert a day with a task for the manager, and another the next day', async () => {
    const manager = await staffWithToken(t, ['campaign_manager']);
    const orgId = await organisationFixture(t, 'Slow Client');
    const orderId = await orderFixture(t, { orgId, state: 'live', volume: 100, startsOn: dayOf(-10 * DAY), endsOn: dayOf(10 * DAY) });
    await t.deps.db.update(orders).set({ managerId: manager.id }).where(eq(orders.id, orderId));
    await published(orderId, 3, 2);
    const onPace = await orderFixture(t, { orgId, state: 'live', volume: 21, startsOn: dayOf(-10 * DAY), endsOn: dayOf(10 * DAY) });
    await published(onPace, 10, 1);

    const first = await runPacing(t.deps, portalHooks);
    expect(first.alerts).toContain(orderId);
    expect(first.alerts).not.toContain(onPace);
    expect((await orderRow(orderId)).paceStatus).toBe('under');
    expect((await orderRow(onPace)).paceStatus).toBe('on_pace');
    expect((await runPacing(t.deps, portalHooks)).alerts).not.toContain(orderId);

    const alerts = await t.deps.db.select().from(orderPacingAlerts).where(eq(orderPacingAlerts.orderId, orderId));
    expect(alerts).toEqual([expect.objectContaining({ kind: 'under', day: dayOf(0), delivered: 3, taskId: expect.any(String) })]);
    const [task] = await t.deps.db.select().from(tasks).where(eq(tasks.id, alerts[0]!.taskId!));
    expect(task).toMatchObject({ assigneeId: manager.id, status: 'open', title: expect.stringMatching(/^ORD-\d{4} is under pace: 3 delivered/) });

    t.clock.advance(DAY);
    try {
      expect((await runPacing(t.deps, portalHooks)).alerts).toContain(orderId);
      expect(await t.deps.db.select().from(orderPacingAlerts).where(and(eq(orderPacingAlerts.orderId, orderId), eq(orderPacingAlerts.kind, 'under')))).toHaveLength(2);
    } finally {
      t.clock.advance(-DAY);
    }
  });
});

async function countOf(table: typeof domainSets | typeof segments): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from ${table}`);
  return Number(rows[0]!.n);
}

/** The segment's members as the audience module resolves a campaign's segment. */
function portalSegmentSql(segmentId: string) {
  return selectionAudienceSql(t.deps.db, { kind: 'segment', segmentId });
}
