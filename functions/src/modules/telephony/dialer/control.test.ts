// The control centre's side of the dialer: filling a queue through the gate (idempotent, holds),
// live counts, settings, start and pause (refused at the abandonment threshold), and the reports:
// per agent, per campaign, and the compliance report of abandoned calls with their timestamps.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../core/actor';
import { AppError } from '../../../core/app-error';
import { fileContext } from '../../../../test/support/file-context';
import { queryOne, queryRows } from '../../../db/rows';
import { insertContacts, insertSuppressions } from '../../compliance/testing';
import { noTelephonyHooks, type TelephonyHooks } from '../hooks';
import { listQueues, pauseQueue, startQueue, updateQueueSettings } from './control';
import { fillQueue } from './fill';
import { agentReport, campaignReport, complianceReport } from './reports';
import { enqueue, seedCampaign, startDialerWorld } from './test-fixtures';

const w = fileContext(startDialerWorld);

/** Audiences are contacts whose name starts with the audience id (the audience module's stand-in). */
const hooks: TelephonyHooks = { ...noTelephonyHooks, audienceSql: async (_db, audience) => sql`select id from contacts where full_name like ${`${audience.id}%`}` };

beforeEach(async () => {
  await w.deps.db.execute(sql`update dialer_queues set status = 'paused'`);
  w.clock.now = new Date('2026-06-15T15:00:00Z');
});

async function withAudience(campaignId: string): Promise<string> {
  const audienceId = randomUUID();
  await w.deps.db.execute(sql`update call_campaigns set audience = ${JSON.stringify({ kind: 'list', id: audienceId })}::jsonb where id = ${campaignId}::uuid`);
  return audienceId;
}

describe('filling a queue', () => {
  it('queues the contacts the gate admits with their first dialable number, holds them, proves it, and a refill adds only new contacts', async () => {
    const { campaignId } = await seedCampaign(w.deps, { agents: 1, status: 'paused' });
    const audience = await withAudience(campaignId);
    const [ok, dnc, none, both] = await insertContacts(w.deps.db, [
      { fullName: `${audience} A`, directPhone: '+12125550101', timezone: 'America/New_York' },
      { fullName: `${audience} B`, directPhone: '+12125550102', timezone: 'America/New_York' },
      { fullName: `${audience} C`, timezone: 'America/New_York' },
      { fullName: `${audience} D`, directPhone: '+12125550104', mobilePhone: '+12125550105', timezone: 'America/New_York' },
    ]);
    await insertSuppressions(
      w.deps.db,
      ['+12125550102', '+12125550104'].map((value) => ({ type: 'phone' as const, value, reason: 'dnc_registry' as const, source: 'test', note: null })),
      { createdBy: null, at: w.clock.now },
    );
    // Filled at night: the hour is judged at each dial, not here.
    w.clock.now = new Date('2026-06-15T06:00:00Z');

    const first = await fillQueue(w.deps, hooks, campaignId, SYSTEM_ACTOR);

    expect(first).toMatchObject({ added: 2, noPhone: 0, counts: { audience: 4, admitted: 2 } });
    expect(first.counts.excluded).toMatchObject({ suppressed_phone: 1, no_phone: 1 });
    const rows = await queryRows<{ contact_id: string; phone: string; status: string }>(
      w.deps.db,
      sql`select contact_id, phone, status from dialer_queue_items where campaign_id = ${campaignId}::uuid order by phone`,
    );
    expect(rows).toEqual([
      { contact_id: ok, phone: '+12125550101', status: 'queued' },
      { contact_id: both, phone: '+12125550105', status: 'queued' },
    ]);
    const holds = await queryRows<{ contact_id: string }>(w.deps.db, sql`select contact_id from contact_holds where holder = ${`dialer:${campaignId}`}`);
    expect(holds.map((h) => h.contact_id).sort()).toEqual([ok!, both!].sort());
    const queue = await queryOne<{ fill_proof_id: string }>(w.deps.db, sql`select fill_proof_id from dialer_queues where campaign_id = ${campaignId}::uuid`);
    expect(queue!.fill_proof_id).toBe(first.proofId);
    expect([dnc, none]).toHaveLength(2);

    const [later] = await insertContacts(w.deps.db, [{ fullName: `${audience} E`, directPhone: '+12125550106', timezone: 'America/New_York' }]);
    await w.deps.db.execute(sql`update dialer_queue_items set status = 'done' where contact_id = ${ok!}::uuid`);
    const second = await fillQueue(w.deps, hooks, campaignId, SYSTEM_ACTOR);
    expect(second.added).toBe(1);
    const after = await queryRows<{ contact_id: string; status: string }>(w.deps.db, sql`select contact_id, status from dialer_queue_items where campaign_id = ${campaignId}::uuid`);
    expect(after).toHaveLength(3);
    expect(after.find((r) => r.contact_id === ok)!.status).toBe('done');
    expect(after.some((r) => r.contact_id === later)).toBe(true);
  });

  it('refuses a campaign without an audience, and a missing one', async () => {
    const { campaignId } = await seedCampaign(w.deps, { status: 'paused' });
    await expect(fillQueue(w.deps, hooks, campaignId, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'conflict' });
    await expect(fillQueue(w.deps, hooks, randomUUID(), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the control centre', () => {
  it('lists queues with items by status, live calls, abandonment over 30 days and the campaign’s agents by status', async () => {
    const { campaignId, agentIds } = await seedCampaign(w.deps, { agents: 2, status: 'paused' });
    const contacts = await insertContacts(w.deps.db, [{ fullName: 'Q1', directPhone: '+12125550201' }, { fullName: 'Q2', directPhone: '+12125550202' }, { fullName: 'Q3', directPhone: '+12125550203' }]);
    await enqueue(w.deps, campaignId, contacts.map((contactId, i) => ({ contactId, phone: `+1212555020${i + 1}` })));
    await w.deps.db.execute(sql`update dialer_queue_items set status = 'dialing' where contact_id = ${contacts[0]!}::uuid`);
    const now = w.clock.now.toISOString();
    await w.deps.db.execute(sql`insert into calls (campaign_id, origin, to_number, from_number, state, started_at, answered_at, abandoned, amd_result, agent_id) values
      (${campaignId}::uuid, 'dialer', '+1', '+1', 'ringing', ${now}::timestamptz, null, false, null, null),
      (${campaignId}::uuid, 'dialer', '+1', '+1', 'bridged', ${now}::timestamptz, ${now}::timestamptz, false, 'human', ${agentIds[0]!}::uuid),
      (${campaignId}::uuid, 'dialer', '+1', '+1', 'ended', ${now}::timestamptz - interval '2 days', ${now}::timestamptz - interval '2 days', true, 'human', null),
      (${campaignId}::uuid, 'dialer', '+1', '+1', 'ended', ${now}::timestamptz - interval '2 days', ${now}::timestamptz - interval '2 days', false, 'machine', null),
      (${campaignId}::uuid, 'dialer', '+1', '+1', 'ended', ${now}::timestamptz - interval '40 days', ${now}::timestamptz - interval '40 days', true, 'human', null)`);

    const { items } = await listQueues(w.deps);
    const queue = items.find((q) => q.campaignId === campaignId)!;
    expect(queue).toMatchObject({
      status: 'paused',
      counts: { queued: 2, dialing: 1, done: 0, exhausted: 0 },
      live: { dialing: 1, connected: 1 },
      // The machine is not a person; the abandoned call 40 days ago is out of the window.
      abandonment: { answered: 2, abandoned: 1, rate: 0.5 },
      agents: { available: 2, offline: 0, busy: 0, after_call_work: 0, break: 0 },
    });
  });

  it('validates settings whole, keeps the lowered ratio, and starts and pauses the queue', async () => {
    const { campaignId } = await seedCampaign(w.deps, { status: 'paused', settings: { mode: 'power', dialRatio: 3 } });
    await w.deps.db.execute(sql`update dialer_queues set current_ratio = 1.5 where campaign_id = ${campaignId}::uuid`);
    await expect(updateQueueSettings(w.deps, campaignId, { ringSeconds: 10 })).rejects.toMatchObject({ code: 'invalid' });
    const updated = await updateQueueSettings(w.deps, campaignId, { dialRatio: 2.5, maxConcurrentCalls: 40 });
    expect(updated).toMatchObject({ currentRatio: 1.5, settings: { mode: 'power', dialRatio: 2.5, maxConcurrentCalls: 40, ringSeconds: 20 } });
    expect((await updateQueueSettings(w.deps, campaignId, { mode: 'progressive' })).currentRatio).toBe(1);

    expect(await startQueue(w.deps, campaignId)).toMatchObject({ status: 'active', pausedReason: null });
    expect(await pauseQueue(w.deps, campaignId)).toMatchObject({ status: 'paused', pausedReason: 'Paused by a manager.' });
    await expect(updateQueueSettings(w.deps, randomUUID(), {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses to start a campaign whose abandonment is at the pause threshold', async () => {
    const { campaignId } = await seedCampaign(w.deps, { status: 'paused' });
    await w.deps.db.execute(sql`insert into calls (campaign_id, origin, to_number, from_number, state, started_at, answered_at, abandoned, amd_result)
      select ${campaignId}::uuid, 'dialer', '+1', '+1', 'ended', now(), ${w.clock.now.toISOString()}::timestamptz - interval '1 day', n <= 3, 'human'
      from generate_series(1, 100) n`);
    const error = await startQueue(w.deps, campaignId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).detail).toContain('3.00 %');
  });
});

describe('call reports', () => {
  it('per agent: calls, talk time, after-call work, dispositions and conversion; per campaign: by day and disposition; compliance: every abandoned call with its timestamps', async () => {
    const { campaignId, agentIds } = await seedCampaign(w.deps, { agents: 2, status: 'paused' });
    const [positive, negative] = await queryRows<{ id: string }>(
      w.deps.db,
      sql`insert into call_dispositions (campaign_id, code, label, outcome_class) values
        (${campaignId}::uuid, 'meeting', 'Meeting booked', 'positive'), (${campaignId}::uuid, 'no', 'Not interested', 'negative') returning id`,
    );
    const t = (iso: string) => new Date(iso).toISOString();
    const abandonedCall = randomUUID();
    await w.deps.db.execute(sql`insert into calls (id, campaign_id, agent_id, origin, to_number, from_number, state, started_at, answered_at, bridged_at, ended_at, disposition_id, disposition_at, abandoned, amd_result) values
      (${randomUUID()}::uuid, ${campaignId}::uuid, ${agentIds[0]!}::uuid, 'dialer', '+12125550301', '+1', 'ended', ${t('2026-06-14T14:00:00Z')}, ${t('2026-06-14T14:00:10Z')}, ${t('2026-06-14T14:00:11Z')}, ${t('2026-06-14T14:05:11Z')}, ${positive!.id}::uuid, ${t('2026-06-14T14:06:11Z')}, false, 'human'),
      (${randomUUID()}::uuid, ${campaignId}::uuid, ${agentIds[0]!}::uuid, 'dialer', '+12125550302', '+1', 'ended', ${t('2026-06-14T15:00:00Z')}, ${t('2026-06-14T15:00:10Z')}, ${t('2026-06-14T15:00:11Z')}, ${t('2026-06-14T15:01:11Z')}, ${negative!.id}::uuid, ${t('2026-06-14T15:01:41Z')}, false, 'human'),
      (${randomUUID()}::uuid, ${campaignId}::uuid, ${agentIds[1]!}::uuid, 'dialer', '+12125550303', '+1', 'ended', ${t('2026-06-15T09:00:00Z')}, null, null, ${t('2026-06-15T09:00:30Z')}, null, null, false, null),
      (${abandonedCall}::uuid, ${campaignId}::uuid, null, 'dialer', '+12125550304', '+1', 'ended', ${t('2026-06-15T10:00:00Z')}, ${t('2026-06-15T10:00:12Z')}, null, ${t('2026-06-15T10:00:30Z')}, null, null, true, 'human')`);
    await w.deps.db.execute(sql`insert into call_events (event_id, call_id, event_type, occurred_at, payload) values
      (${randomUUID()}, ${abandonedCall}::uuid, 'call.answered', ${t('2026-06-15T10:00:12Z')}, '{}'::jsonb),
      (${randomUUID()}, ${abandonedCall}::uuid, 'call.speak.started', ${t('2026-06-15T10:00:13.500Z')}, '{}'::jsonb)`);

    const agents = await agentReport(w.deps, { from: '2026-06-01T00:00:00Z', to: '2026-06-16T00:00:00Z' });
    const first = agents.items.find((a) => a.agentId === agentIds[0])!;
    expect(first).toMatchObject({ calls: 2, talkSeconds: 360, afterCallSeconds: 90, positives: 1, conversion: 0.5, dispositions: { 'Meeting booked': 1, 'Not interested': 1 } });
    expect(agents.items.find((a) => a.agentId === agentIds[1])).toMatchObject({ calls: 1, talkSeconds: 0, conversion: 0, dispositions: {} });
    await expect(agentReport(w.deps, { from: '2026-06-16T00:00:00Z', to: '2026-06-01T00:00:00Z' })).rejects.toMatchObject({ code: 'invalid' });

    const report = await campaignReport(w.deps, campaignId, {});
    expect(report).toMatchObject({ attempts: 4, connects: 2, positives: 1, abandoned: 1, answered: 3, abandonmentRate: 1 / 3 });
    expect(report.byDay).toEqual([
      { day: '2026-06-14', attempts: 2, connects: 2, positives: 1, abandoned: 0 },
      { day: '2026-06-15', attempts: 2, connects: 0, positives: 0, abandoned: 1 },
    ]);
    expect(report.dispositions).toEqual([
      { label: 'Meeting booked', outcomeClass: 'positive', count: 1 },
      { label: 'Not interested', outcomeClass: 'negative', count: 1 },
    ]);

    const compliance = await complianceReport(w.deps, campaignId);
    expect(compliance).toMatchObject({ windowDays: 30, answered: 3, abandoned: 1, limit: 0.03 });
    expect(compliance.calls).toEqual([
      {
        callId: abandonedCall,
        contactId: null,
        toNumber: '+12125550304',
        startedAt: '2026-06-15T10:00:00.000Z',
        answeredAt: '2026-06-15T10:00:12.000Z',
        messageAt: '2026-06-15T10:00:13.500Z',
        endedAt: '2026-06-15T10:00:30.000Z',
      },
    ]);
  });
});
