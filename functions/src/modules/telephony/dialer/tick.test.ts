// The dialer's tick against a real database, dynalite for agent presence and a fake Telnyx dial
// server: how many lines, which contacts, which agents, what the dial asks Telnyx for, what the
// gate at dial time does to contacts that changed since the fill, leases, and the calling window
// at its edges (a DST day included, and Florida's 20:00).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileContext } from '../../../../test/support/file-context';
import { queryOne, queryRows } from '../../../db/rows';
import { insertContacts, insertSuppressions, recordConsentChange, type ContactSeed } from '../../compliance/testing';
import { getPresence, reserveAgent } from '../presence';
import { dialerTick } from './tick';
import { dialerRound } from './tick-job';
import { enqueue, seedCampaign, startDialerWorld } from './test-fixtures';

const w = fileContext(startDialerWorld);

let phoneSeq = 0;
const nyPerson = (extra: ContactSeed = {}): ContactSeed => ({
  fullName: `Person ${++phoneSeq}`,
  directPhone: `+1212555${String(1000 + phoneSeq).slice(-4)}`,
  timezone: 'America/New_York',
  country: 'US',
  state: 'NY',
  ...extra,
});

async function queueOf(campaignId: string, seeds: ContactSeed[]): Promise<string[]> {
  const ids = await insertContacts(w.deps.db, seeds);
  await enqueue(w.deps, campaignId, ids.map((contactId, i) => ({ contactId, phone: (seeds[i]!.directPhone ?? seeds[i]!.mobilePhone)! })));
  return ids;
}

const items = (campaignId: string) =>
  queryRows<{ contact_id: string; status: string; attempts: number; call_id: string | null; next_attempt_at: Date; last_outcome: string | null }>(
    w.deps.db,
    sql`select contact_id, status, attempts, call_id, next_attempt_at, last_outcome from dialer_queue_items where campaign_id = ${campaignId}::uuid`,
  );
const itemOf = async (campaignId: string, contactId: string) => (await items(campaignId)).find((i) => i.contact_id === contactId)!;

beforeEach(async () => {
  // Each test works its own campaign: the others' queues stay out of its ticks.
  await w.deps.db.execute(sql`update dialer_queues set status = 'paused'`);
  w.telnyx.dials.length = 0;
  w.telnyx.failing.clear();
  w.clock.now = new Date('2026-06-15T15:00:00Z');
});

describe('the dialer tick', () => {
  it('dials one line per free agent, longest idle first, in priority order, with AMD, a ring of at least 15 s, recording and the call in client_state', async () => {
    const { campaignId, agentIds, callerId, connectionId } = await seedCampaign(w.deps, { agents: 3, settings: { mode: 'progressive', ringSeconds: 15 } });
    const contacts = await queueOf(campaignId, [nyPerson(), nyPerson(), nyPerson(), nyPerson(), nyPerson()]);

    const result = await dialerTick(w.deps);

    expect(result.queues).toEqual([expect.objectContaining({ campaignId, lines: 3, claimed: 3, dialled: 3, failed: 0 })]);
    const calls = await queryRows<{ id: string; contact_id: string; agent_id: string; origin: string; from_number: string; to_number: string; call_control_id: string }>(
      w.deps.db,
      sql`select id, contact_id, agent_id, origin, from_number, to_number, call_control_id from calls where campaign_id = ${campaignId}::uuid`,
    );
    expect(calls.map((c) => c.contact_id).sort()).toEqual(contacts.slice(0, 3).sort());
    expect(calls.map((c) => c.agent_id).sort()).toEqual([...agentIds].sort());
    for (const call of calls) {
      expect(call).toMatchObject({ origin: 'dialer', from_number: callerId, call_control_id: expect.stringMatching(/^v3:fake-/) });
      const dial = w.telnyx.dials.find((d) => d.clientState?.callId === call.id)!;
      expect(dial).toMatchObject({ to: call.to_number, from: callerId, connectionId, timeoutSecs: 15, amd: 'detect', record: 'record-from-answer' });
      expect(dial.clientState).toEqual({ callId: call.id, leg: 'contact', amd: true });
      expect(await getPresence(w.deps, call.agent_id)).toMatchObject({ status: 'busy', callId: call.id, campaignId });
      expect(await itemOf(campaignId, call.contact_id)).toMatchObject({ status: 'dialing', attempts: 1, call_id: call.id, last_outcome: 'dialled' });
    }
    expect((await items(campaignId)).filter((i) => i.status === 'queued').map((i) => i.contact_id).sort()).toEqual(contacts.slice(3).sort());
    const queue = await queryOne<{ last_tick_at: Date | null }>(w.deps.db, sql`select last_tick_at from dialer_queues where campaign_id = ${campaignId}::uuid`);
    expect(new Date(queue!.last_tick_at!).toISOString()).toBe(w.clock.now.toISOString());

    // Agents are all busy now: the next tick dials nobody.
    expect((await dialerTick(w.deps)).queues[0]).toMatchObject({ lines: 0, dialled: 0 });
  });

  it('dials nothing in preview mode; power mode adds lines beyond the agents only as far as the 30-day window can absorb', async () => {
    const preview = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'preview' } });
    await queueOf(preview.campaignId, [nyPerson(), nyPerson()]);
    expect((await dialerTick(w.deps)).queues[0]).toMatchObject({ campaignId: preview.campaignId, lines: 0 });
    expect(w.telnyx.dials).toHaveLength(0);
    await w.deps.db.execute(sql`update dialer_queues set status = 'paused'`);

    const power = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'power', dialRatio: 2, maxConcurrentCalls: 50 } });
    await queueOf(power.campaignId, Array.from({ length: 10 }, () => nyPerson()));
    // No history: no extra line yet (an extra answered and abandoned would be 1 in 1).
    expect((await dialerTick(w.deps)).queues[0]).toMatchObject({ lines: 2, dialled: 2 });

    // 100 answered by a person, none abandoned, over the month: room for 2 extra lines.
    const again = await seedCampaign(w.deps, { agents: 2, settings: { mode: 'power', dialRatio: 2, maxConcurrentCalls: 50 } });
    await w.deps.db.execute(sql`insert into calls (campaign_id, origin, to_number, from_number, state, started_at, answered_at, ended_at, amd_result)
      select ${again.campaignId}::uuid, 'dialer', '+12125550000', '+14155550199', 'ended', t, t, t + interval '1 minute', 'human'
      from generate_series(${w.clock.now.toISOString()}::timestamptz - interval '20 days', ${w.clock.now.toISOString()}::timestamptz - interval '1 hour', interval '4.6 hours') as t`);
    await w.deps.db.execute(sql`update dialer_queues set status = 'paused' where campaign_id <> ${again.campaignId}::uuid`);
    await queueOf(again.campaignId, Array.from({ length: 10 }, () => nyPerson()));
    const tick = (await dialerTick(w.deps)).queues[0]!;
    expect(tick).toMatchObject({ lines: 4, dialled: 4 });
    const agentless = await queryOne<{ n: number }>(w.deps.db, sql`select count(*)::int as n from calls where campaign_id = ${again.campaignId}::uuid and agent_id is null and state <> 'ended'`);
    expect(agentless!.n).toBe(2);
  });

  it('asks the gate again at dial time: a number put on the do-not-call list or consent withdrawn since the fill takes the contact out; out of hours comes back later', async () => {
    const { campaignId } = await seedCampaign(w.deps, { agents: 5 });
    const seeds = [nyPerson(), nyPerson(), nyPerson({ timezone: 'Asia/Tokyo', country: 'JP', state: null }), nyPerson()];
    const [suppressed, revoked, tokyo, fine] = await queueOf(campaignId, seeds);
    await insertSuppressions(w.deps.db, [{ type: 'phone', value: seeds[0]!.directPhone!, reason: 'dnc_registry', source: 'test', note: null }], { createdBy: null, at: w.clock.now });
    await recordConsentChange(w.deps.db, { contactId: revoked!, channel: 'phone', status: 'opted_out', source: 'test', evidence: null, recordedAt: w.clock.now, recordedBy: null, at: w.clock.now });

    const result = await dialerTick(w.deps);

    expect(result.queues[0]).toMatchObject({ claimed: 4, dialled: 1, removed: 2, deferred: 1 });
    expect(w.telnyx.dials.map((d) => d.to)).toEqual([seeds[3]!.directPhone]);
    expect(await itemOf(campaignId, suppressed!)).toMatchObject({ status: 'removed', last_outcome: 'suppressed_phone', attempts: 0 });
    expect(await itemOf(campaignId, revoked!)).toMatchObject({ status: 'removed', last_outcome: 'opted_out' });
    const later = await itemOf(campaignId, tokyo!);
    expect(later).toMatchObject({ status: 'queued', last_outcome: 'outside_calling_window', attempts: 0 });
    expect(new Date(later.next_attempt_at).getTime()).toBe(w.clock.now.getTime() + 15 * 60_000);
    expect(await itemOf(campaignId, fine!)).toMatchObject({ status: 'dialing' });
    // The dial-time decision has its proof, with the reasons.
    const proof = await queryRows<{ reason: string }>(
      w.deps.db,
      sql`select e.reason from gate_proofs p join gate_proof_exclusions e on e.proof_id = p.id where p.campaign_id = ${campaignId}::uuid order by e.reason`,
    );
    expect(proof.map((p) => p.reason)).toEqual(['opted_out', 'outside_calling_window', 'suppressed_phone']);
    // The one dialled is held from other campaigns; those taken out are not.
    const holds = await queryRows<{ contact_id: string }>(w.deps.db, sql`select contact_id from contact_holds where holder = ${`dialer:${campaignId}`}`);
    expect(holds.map((h) => h.contact_id)).toContain(fine!);
    expect(holds.map((h) => h.contact_id)).not.toEqual(expect.arrayContaining([suppressed!]));
    expect(holds.map((h) => h.contact_id)).not.toEqual(expect.arrayContaining([revoked!]));
  });

  it('re-checks the account caps at dial time', async () => {
    const rules = { limits: [], quietPeriods: [], accountCaps: [{ mode: 'connected', max: 1, windowHours: 24 }] };
    const { campaignId } = await seedCampaign(w.deps, { agents: 3, rules });
    const [account] = await queryRows<{ id: string }>(w.deps.db, sql`insert into accounts (name) values (${`Capped ${randomUUID()}`}) returning id`);
    const [a, b] = await insertContacts(w.deps.db, [nyPerson(), nyPerson()]);
    await w.deps.db.execute(sql`update contacts set account_id = ${account!.id}::uuid where id in (${a!}::uuid, ${b!}::uuid)`);
    await enqueue(w.deps, campaignId, [{ contactId: b!, phone: '+12125559001', accountId: account!.id }]);
    // Someone at the account was connected an hour ago.
    await w.deps.db.execute(sql`insert into touches (source_event_id, channel, kind, contact_id, account_id, occurred_at)
      values (${`t-${randomUUID()}`}, 'call', 'connected', ${a!}::uuid, ${account!.id}::uuid, ${w.clock.now.toISOString()}::timestamptz - interval '1 hour')`);

    expect((await dialerTick(w.deps)).queues[0]).toMatchObject({ claimed: 1, dialled: 0, deferred: 1 });
    expect(await itemOf(campaignId, b!)).toMatchObject({ status: 'queued', last_outcome: 'account_cap' });
  });

  it('puts an item whose dial fails back with the retry delay, as an attempt, and frees its agent', async () => {
    const { campaignId, agentIds } = await seedCampaign(w.deps, { agents: 1, settings: { retry: { noAnswerMinutes: 240, busyMinutes: 30, machineMinutes: 1440, failedMinutes: 45 } } });
    const seed = nyPerson();
    const [contact] = await queueOf(campaignId, [seed]);
    w.telnyx.failing.add(seed.directPhone!);

    expect((await dialerTick(w.deps)).queues[0]).toMatchObject({ dialled: 0, failed: 1 });

    const item = await itemOf(campaignId, contact!);
    expect(item).toMatchObject({ status: 'queued', attempts: 1, last_outcome: 'dial_failed', call_id: null });
    expect(new Date(item.next_attempt_at).getTime()).toBe(w.clock.now.getTime() + 45 * 60_000);
    expect(await getPresence(w.deps, agentIds[0]!)).toMatchObject({ status: 'available', callId: null });
    const call = await queryOne<{ state: string; hangup_cause: string }>(w.deps.db, sql`select state, hangup_cause from calls where contact_id = ${contact!}::uuid`);
    expect(call).toEqual({ state: 'ended', hangup_cause: 'dial_failed' });
  });

  it('takes out an item at its maximum attempts without dialling', async () => {
    const { campaignId } = await seedCampaign(w.deps, { agents: 1, settings: { maxAttempts: 2 } });
    const [contact] = await queueOf(campaignId, [nyPerson()]);
    await w.deps.db.execute(sql`update dialer_queue_items set attempts = 2 where contact_id = ${contact!}::uuid`);
    expect((await dialerTick(w.deps)).queues[0]).toMatchObject({ claimed: 1, dialled: 0, exhausted: 1 });
    expect(await itemOf(campaignId, contact!)).toMatchObject({ status: 'exhausted', last_outcome: 'max_attempts' });
  });

  it('puts back the items of a tick that died after its claim, ends calls it never placed and frees their agents; a live call keeps its lease', async () => {
    const { campaignId, agentIds } = await seedCampaign(w.deps, { agents: 2, status: 'paused' });
    const [orphan, live] = await queueOf(campaignId, [nyPerson(), nyPerson()]);
    const [orphanCall, liveCall] = [randomUUID(), randomUUID()];
    await w.deps.db.execute(sql`insert into calls (id, campaign_id, contact_id, agent_id, origin, to_number, from_number, state, started_at, call_control_id)
      values (${orphanCall}::uuid, ${campaignId}::uuid, ${orphan!}::uuid, ${agentIds[0]!}::uuid, 'dialer', '+1', '+1', 'initiated', now(), null),
             (${liveCall}::uuid, ${campaignId}::uuid, ${live!}::uuid, ${agentIds[1]!}::uuid, 'dialer', '+1', '+1', 'bridged', now(), 'v3:live')`);
    await w.deps.db.execute(sql`update dialer_queue_items set status = 'dialing', lease_until = ${w.clock.now.toISOString()}::timestamptz - interval '1 second',
      call_id = case contact_id when ${orphan!}::uuid then ${orphanCall}::uuid else ${liveCall}::uuid end where campaign_id = ${campaignId}::uuid`);
    expect(await reserveAgent(w.deps, await getPresence(w.deps, agentIds[0]!), orphanCall, campaignId)).toBe(true);

    const result = await dialerTick(w.deps);

    expect(result.expired).toEqual({ requeued: 1, extended: 1 });
    expect(await itemOf(campaignId, orphan!)).toMatchObject({ status: 'queued', call_id: null, last_outcome: 'lease_expired' });
    expect(await itemOf(campaignId, live!)).toMatchObject({ status: 'dialing', call_id: liveCall });
    expect(await queryOne(w.deps.db, sql`select state, hangup_cause from calls where id = ${orphanCall}::uuid`)).toEqual({ state: 'ended', hangup_cause: 'not_placed' });
    expect(await getPresence(w.deps, agentIds[0]!)).toMatchObject({ status: 'available', callId: null });
  });

  it('lowers the ratio in force at 2 % abandonment over 30 days and pauses the queue at 2.8 %, with the reason, before dialling', async () => {
    const lowered = await seedCampaign(w.deps, { agents: 1, settings: { mode: 'power', dialRatio: 2 } });
    const paused = await seedCampaign(w.deps, { agents: 1, settings: { mode: 'power', dialRatio: 2 } });
    for (const [campaignId, abandoned] of [[lowered.campaignId, 2], [paused.campaignId, 3]] as const) {
      await w.deps.db.execute(sql`insert into calls (campaign_id, origin, to_number, from_number, state, started_at, answered_at, abandoned, amd_result)
        select ${campaignId}::uuid, 'dialer', '+1', '+1', 'ended', t, t, n <= ${abandoned}, 'human'
        from generate_series(1, 100) n, lateral (select ${w.clock.now.toISOString()}::timestamptz - make_interval(hours => n) as t) x`);
      await queueOf(campaignId, [nyPerson()]);
    }

    const result = await dialerTick(w.deps);

    expect(result.paused).toEqual([{ campaignId: paused.campaignId, reason: expect.stringContaining('Abandoned calls reached 3.00 %') }]);
    expect(result.queues.map((q) => q.campaignId)).toEqual([lowered.campaignId]);
    const queues = await queryRows<{ campaign_id: string; status: string; current_ratio: number; paused_reason: string | null }>(
      w.deps.db,
      sql`select campaign_id, status, current_ratio, paused_reason from dialer_queues where campaign_id in (${lowered.campaignId}::uuid, ${paused.campaignId}::uuid)`,
    );
    expect(queues.find((q) => q.campaign_id === lowered.campaignId)).toMatchObject({ status: 'active', current_ratio: 1.75 });
    expect(queues.find((q) => q.campaign_id === paused.campaignId)).toMatchObject({ status: 'paused', paused_reason: expect.stringContaining('pause at 2.80 %') });
    expect(w.telnyx.dials.map((d) => d.clientState!.campaignId)).not.toContain(paused.campaignId);
  });

  it('pauses a queue whose campaign has no active trunk with a caller id', async () => {
    const { campaignId } = await seedCampaign(w.deps, { agents: 1 });
    await w.deps.db.execute(sql`update sip_trunks set active = false where id = (select trunk_id from call_campaigns where id = ${campaignId}::uuid)`);
    const result = await dialerTick(w.deps);
    expect(result.paused).toEqual([{ campaignId, reason: 'No active SIP trunk with a caller id for this campaign.' }]);
  });

  it('answers the AWS loop whether another tick fits in the minute (every DIALER_TICK_SECONDS)', async () => {
    expect(await dialerRound(w.deps, {}, 0)).toEqual({ round: 1, more: true, waitSeconds: 10 });
    expect(await dialerRound(w.deps, {}, 5)).toEqual({ round: 6, more: false, waitSeconds: 10 });
  });

  it('runs the calls part’s safe-harbour sweep first, with the tick’s instant', async () => {
    const seen: Date[] = [];
    const result = await dialerTick(w.deps, { abandonUnbridged: async (_deps, now) => (seen.push(now), 2) });
    expect(result.abandoned).toBe(2);
    expect(seen).toEqual([w.clock.now]);
  });
});

describe('the dialer’s calling window at its edges', () => {
  /** One contact, one agent, one tick at the instant: dialled or not. */
  async function dialledAt(instant: Date, seed: ContactSeed): Promise<boolean> {
    await w.deps.db.execute(sql`update dialer_queues set status = 'paused'`);
    w.clock.now = instant;
    const { campaignId } = await seedCampaign(w.deps, { agents: 1 });
    await queueOf(campaignId, [seed]);
    const tick = (await dialerTick(w.deps)).queues[0]!;
    return tick.dialled === 1;
  }
  const at = (zone: string, day: string, time: string) => DateTime.fromISO(`${day}T${time}`, { zone }).toJSDate();

  it.each([
    ['a summer day', '2026-06-15'],
    ['the day clocks go forward', '2026-03-08'],
    ['the day clocks go back', '2026-11-01'],
  ])('in New York on %s: not at 07:59:59, at 08:00:00 and 20:59:59, not at 21:00:00', async (_label, day) => {
    const ny = () => nyPerson();
    expect(await dialledAt(at('America/New_York', day, '07:59:59'), ny())).toBe(false);
    expect(await dialledAt(at('America/New_York', day, '08:00:00'), ny())).toBe(true);
    expect(await dialledAt(at('America/New_York', day, '20:59:59'), ny())).toBe(true);
    expect(await dialledAt(at('America/New_York', day, '21:00:00'), ny())).toBe(false);
  });

  it('in Florida (two zones, its own 20:00 end): from 08:00 in Chicago to before 20:00 in New York', async () => {
    const fl = () => nyPerson({ timezone: null, state: 'FL', directPhone: `+1305555${String(2000 + ++phoneSeq).slice(-4)}` });
    const day = '2026-06-17';
    expect(await dialledAt(at('America/New_York', day, '08:59:59'), fl())).toBe(false);
    expect(await dialledAt(at('America/Chicago', day, '08:00:00'), fl())).toBe(true);
    expect(await dialledAt(at('America/New_York', day, '19:59:59'), fl())).toBe(true);
    expect(await dialledAt(at('America/New_York', day, '20:00:00'), fl())).toBe(false);
  });

  it('in Texas on a Sunday only from noon, and never on a Sunday in Louisiana', async () => {
    const tx = () => nyPerson({ timezone: 'America/Chicago', state: 'TX', directPhone: `+1512555${String(3000 + ++phoneSeq).slice(-4)}` });
    const la = () => nyPerson({ timezone: 'America/Chicago', state: 'LA', directPhone: `+1504555${String(4000 + ++phoneSeq).slice(-4)}` });
    expect(await dialledAt(at('America/Chicago', '2026-06-14', '11:59:59'), tx())).toBe(false);
    expect(await dialledAt(at('America/Chicago', '2026-06-14', '12:00:00'), tx())).toBe(true);
    expect(await dialledAt(at('America/Chicago', '2026-06-15', '09:00:00'), tx())).toBe(true);
    expect(await dialledAt(at('America/Chicago', '2026-06-14', '14:00:00'), la())).toBe(false);
    expect(await dialledAt(at('America/Chicago', '2026-06-15', '14:00:00'), la())).toBe(true);
  });
});
