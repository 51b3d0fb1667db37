// What an order does to the campaigns working it, through the real dialer tick and batch sender as
// the root wires them: ahead of pace they dial and send a share of what they would (none once the
// volume is delivered), and the order's client suppressions keep those people out of that order's
// campaigns while another client's campaign still reaches them.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileContext } from '../../../../test/support/file-context';
import { dialerPorts, emailHooks } from '../../../composition';
import { queryRows } from '../../../db/rows';
import { clientSuppressions, leads, orderCampaigns, orders, organisations } from '../../../db/schema';
import { insertContacts, type ContactSeed } from '../../compliance/testing';
import { dialerTick } from '../../telephony';
import { enqueue, seedCampaign, startDialerWorld } from '../../telephony/testing';
import { prepareSend, sendBatch } from '../../email';
import { listOf, person, recipientStates, recordingKit, sendingCampaign, verifiedSender } from '../../email/testing';

const w = fileContext(startDialerWorld);
const DAY = 86_400_000;
const NOW = new Date('2026-06-15T15:00:00Z');

let phoneSeq = 0;
const nyPerson = (extra: ContactSeed = {}): ContactSeed => ({
  fullName: `Person ${++phoneSeq}`,
  directPhone: `+1646555${String(1000 + phoneSeq).slice(-4)}`,
  timezone: 'America/New_York',
  country: 'US',
  state: 'NY',
  ...extra,
});

/**
 * A live order of a new client with `delivered` published leads, working the campaign. The window
 * runs 40 days from 06-05: on 06-15 at 15:00, 10.625 days in, 106 of 400 are expected.
 */
async function orderWorking(campaignId: string, kind: 'call' | 'email', delivered: number, volume = 400): Promise<{ orderId: string; orgId: string }> {
  const [org] = await w.deps.db.insert(organisations).values({ name: `Client ${randomUUID().slice(0, 8)}` }).returning({ id: organisations.id });
  const [order] = await w.deps.db
    .insert(orders)
    .values({ orgId: org!.id, name: 'Pipeline', state: 'live', channel: 'both', volume, costPerLeadCents: 5000, startsOn: '2026-06-05', endsOn: '2026-07-14' })
    .returning({ id: orders.id });
  await w.deps.db.insert(orderCampaigns).values({ orderId: order!.id, campaignId, campaignKind: kind });
  if (delivered) {
    await w.deps.db.insert(leads).values(Array.from({ length: delivered }, () => ({ state: 'published', source: 'manual' as const, orderId: order!.id, publishedAt: new Date(NOW.getTime() - 2 * DAY) })));
  }
  return { orderId: order!.id, orgId: org!.id };
}

async function queueOf(campaignId: string, seeds: ContactSeed[]): Promise<string[]> {
  const ids = await insertContacts(w.deps.db, seeds);
  await enqueue(w.deps, campaignId, ids.map((contactId, i) => ({ contactId, phone: seeds[i]!.directPhone! })));
  return ids;
}

const tickOf = async () => {
  const result = await dialerTick(w.deps, dialerPorts);
  return (campaignId: string) => result.queues.find((q) => q.campaignId === campaignId);
};

beforeEach(async () => {
  await w.deps.db.execute(sql`update dialer_queues set status = 'paused'`);
  w.telnyx.dials.length = 0;
  w.clock.now = NOW;
});

describe("the dialer and an order's pace", () => {
  it('dials a share of the lines for an order ahead of its pace (expected ÷ delivered), while a campaign working no order dials them all', async () => {
    const ahead = await seedCampaign(w.deps, { agents: 4, settings: { mode: 'progressive' } });
    const free = await seedCampaign(w.deps, { agents: 4, settings: { mode: 'progressive' } });
    await orderWorking(ahead.campaignId, 'call', 212);
    await queueOf(ahead.campaignId, Array.from({ length: 6 }, () => nyPerson()));
    await queueOf(free.campaignId, Array.from({ length: 6 }, () => nyPerson()));

    const of = await tickOf();
    expect(of(ahead.campaignId)).toMatchObject({ lines: 2, claimed: 2, dialled: 2 });
    expect(of(free.campaignId)).toMatchObject({ lines: 4, dialled: 4 });
  });

  it('dials nothing for an order whose volume is delivered, nor for a paused order', async () => {
    const full = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'progressive' } });
    const paused = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'progressive' } });
    await orderWorking(full.campaignId, 'call', 400);
    const { orderId } = await orderWorking(paused.campaignId, 'call', 0);
    await w.deps.db.update(orders).set({ state: 'paused' }).where(eq(orders.id, orderId));
    await queueOf(full.campaignId, [nyPerson(), nyPerson()]);
    await queueOf(paused.campaignId, [nyPerson(), nyPerson()]);

    const of = await tickOf();
    expect(of(full.campaignId)).toMatchObject({ lines: 0, dialled: 0 });
    expect(of(paused.campaignId)).toMatchObject({ lines: 0, dialled: 0 });
    expect(w.telnyx.dials).toHaveLength(0);
  });

  it("never dials a person the order's client suppressed for that order, while another client's campaign still reaches them", async () => {
    const mine = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'progressive' } });
    const theirs = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'progressive' } });
    const { orgId } = await orderWorking(mine.campaignId, 'call', 0);
    await orderWorking(theirs.campaignId, 'call', 0);
    const seed = nyPerson();
    const [suppressed] = await insertContacts(w.deps.db, [seed]);
    await enqueue(w.deps, mine.campaignId, [{ contactId: suppressed!, phone: seed.directPhone! }]);
    await enqueue(w.deps, theirs.campaignId, [{ contactId: suppressed!, phone: seed.directPhone! }]);
    await w.deps.db.insert(clientSuppressions).values({ orgId, kind: 'phone', value: seed.directPhone! });

    const of = await tickOf();
    expect(of(mine.campaignId)).toMatchObject({ claimed: 1, dialled: 0, removed: 1 });
    expect(of(theirs.campaignId)).toMatchObject({ dialled: 1 });
    const items = await queryRows<{ campaign_id: string; status: string; last_outcome: string | null }>(
      w.deps.db,
      sql`select campaign_id::text, status, last_outcome from dialer_queue_items where contact_id = ${suppressed!}::uuid`,
    );
    expect(items.find((i) => i.campaign_id === mine.campaignId)).toMatchObject({ status: 'removed', last_outcome: 'client_suppressed' });
    expect(w.telnyx.dials.map((d) => d.to)).toEqual([seed.directPhone]);
  });
});

describe("email sending and an order's pace", () => {
  async function sendOnce(campaignId: string) {
    const { kit, delivered } = recordingKit();
    const plan = await prepareSend(w.deps, emailHooks, campaignId);
    const results = [];
    for (const batch of plan.batches) results.push(await sendBatch(w.deps, kit, batch, emailHooks));
    return { results, delivered };
  }

  it("sends a share for an order ahead of pace and holds the rest for a later round; the client's suppressions are left out; another client's campaign reaches everyone", async () => {
    const senderId = await verifiedSender(w.deps);
    const seeds = Array.from({ length: 11 }, (_, i) => person(7000 + i + Math.floor(Math.random() * 1e6)));
    const { listId } = await listOf(w.deps, seeds);
    const mine = await sendingCampaign(w.deps, { listId, senderId });
    const theirs = await sendingCampaign(w.deps, { listId, senderId });
    const { orgId } = await orderWorking(mine, 'email', 212);
    await orderWorking(theirs, 'email', 0);
    await w.deps.db.insert(clientSuppressions).values({ orgId, kind: 'email', value: seeds[0]!.email! });

    const sent = await sendOnce(mine);
    // Ten left after the suppression; half of them now (throttle 0.5), the rest in 15 minutes.
    expect(sent.delivered).toHaveLength(5);
    expect(sent.delivered.map((m) => m.to)).not.toContain(seeds[0]!.email);
    expect(sent.results).toEqual([expect.objectContaining({ sent: 5, excluded: 1, outcome: 'wait', retryAfterMs: 15 * 60_000 })]);
    expect(await recipientStates(w.deps, mine)).toEqual({ sent: 5, queued: 5, excluded: 1 });
    const [left] = await queryRows<{ reason: string }>(w.deps.db, sql`select reason from email_recipients where campaign_id = ${mine}::uuid and status = 'excluded'`);
    expect(left!.reason).toBe('client_suppressed');

    const other = await sendOnce(theirs);
    expect(other.delivered.map((m) => m.to).sort()).toEqual(seeds.map((s) => s.email!).sort());
    expect(other.results[0]).toMatchObject({ sent: 11, outcome: 'done' });
  });

  it('sends nothing for an order whose volume is delivered: every recipient waits', async () => {
    const senderId = await verifiedSender(w.deps);
    const { listId } = await listOf(w.deps, Array.from({ length: 3 }, (_, i) => person(9000 + i + Math.floor(Math.random() * 1e6))));
    const campaignId = await sendingCampaign(w.deps, { listId, senderId });
    await orderWorking(campaignId, 'email', 10, 10);

    const { delivered, results } = await sendOnce(campaignId);
    expect(delivered).toHaveLength(0);
    expect(results[0]).toMatchObject({ sent: 0, outcome: 'wait' });
    expect(await recipientStates(w.deps, campaignId)).toEqual({ queued: 3 });
  });
});
