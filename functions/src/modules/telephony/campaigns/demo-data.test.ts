// The telephony demo: a default trunk, a list of contacts with phones, two campaigns with scripts,
// forms and dispositions worked by the agents, the discovery calls active with a paused queue; and
// nothing when trunks exist already.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { queryOne } from '../../../db/rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { FAST_AUTH_ENV, makeUser } from '../../../../test/support/identity-fixtures';
import { telephonyHooks } from '../../../composition';
import { dialerQueues } from '../../../db/schema';
import { insertContacts } from '../../compliance/testing';
import { seedTelephonyDemo } from './demo-data';
import { getCampaign } from './service';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TELEPHONY_SECRET_KEY: randomBytes(32).toString('base64') } });
}, 60_000);
afterAll(async () => ctx?.close());

describe('the telephony demo', () => {
  it('loads a trunk and two campaigns worked by the agents, once', async () => {
    await insertContacts(ctx.deps.db, Array.from({ length: 8 }, (_, i) => ({ fullName: `Caller ${i}`, directPhone: `+1415555${String(1000 + i)}` })));
    const agent = await makeUser(ctx.deps, { roles: ['agent'] });
    const report = await seedTelephonyDemo(ctx.deps, telephonyHooks);
    expect(report).toMatchObject({ agents: 1, calls: 8, campaignIds: [expect.any(String), expect.any(String)] });
    // Every contact of the list was called once, by the agent, and each call left its attempt on the timeline.
    const calls = await queryOne<{ n: number; agents: number; touches: number; queued: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n, count(distinct agent_id)::int as agents,
        (select count(*)::int from touches where kind = 'attempted' and campaign_id = ${report!.campaignIds[0]}::uuid) as touches,
        (select count(*)::int from dialer_queue_items where campaign_id = ${report!.campaignIds[0]}::uuid and status = 'queued') as queued
        from calls where campaign_id = ${report!.campaignIds[0]}::uuid`,
    );
    // …and its queue is filled from the list, ready to be started.
    expect(calls).toEqual({ n: 8, agents: 1, touches: 8, queued: 8 });
    // The campaign has a consent announcement: every connected call heard it as it was bridged, no other call did.
    const consent = await queryOne<{ mismatched: number }>(
      ctx.deps.db,
      sql`select count(*)::int as mismatched from calls
        where campaign_id = ${report!.campaignIds[0]}::uuid and consent_announced_at is distinct from bridged_at`,
    );
    expect(consent).toEqual({ mismatched: 0 });

    const [discovery, webinar] = await Promise.all(report!.campaignIds.map((id) => getCampaign(ctx.deps, id)));
    expect(discovery).toMatchObject({ status: 'active', agentIds: [agent.id] });
    expect(discovery!.form.length).toBeGreaterThan(3);
    expect(discovery!.script).toContain('{{ contact.first_name');
    expect(webinar).toMatchObject({ status: 'draft', trunkId: report!.trunkId });
    expect(webinar!.dispositions.map((d) => d.code)).toContain('registered');
    const [queue] = await ctx.deps.db.select().from(dialerQueues).where(eq(dialerQueues.campaignId, discovery!.id));
    expect(queue?.status).toBe('paused');

    expect(await seedTelephonyDemo(ctx.deps, telephonyHooks)).toBeNull();
  });
});
