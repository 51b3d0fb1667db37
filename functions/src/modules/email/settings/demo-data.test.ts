// The email demo: a verified domain, a warm-up plan, a sender profile, two templates and campaigns
// in four states, the sent ones with recipients, events and timeline touches; loaded once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../../../scripts/seed';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { queryRows } from '../../../db/rows';
import { seedEmailDemo } from './demo-data';
import { senderForSending } from './sender-profiles';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestDeps();
  await seedDatabase(ctx.deps.dbHandle, { accounts: 20, contacts: 400, seed: 3, touchesPerContact: 0 });
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('the email demo data', () => {
  it('gives a newcomer a working sender, templates and campaigns in several states', async () => {
    const report = await seedEmailDemo(ctx.deps);
    expect(report).toMatchObject({ campaigns: 4, templateIds: [expect.any(String), expect.any(String)] });
    const sender = await senderForSending(ctx.deps, report!.senderProfileId);
    expect(sender).toMatchObject({ domainVerified: true, dailyCap: expect.any(Number) });

    const campaigns = await queryRows<{ status: string; recipients: number; opens: number; clicks: number; bounces: number; unsubscribes: number }>(
      ctx.deps.db,
      sql`select c.status, count(r.id)::int as recipients, count(r.opened_at)::int as opens, count(r.clicked_at)::int as clicks,
            count(r.bounce)::int as bounces, count(r.unsubscribed_at)::int as unsubscribes
          from email_campaigns c left join email_recipients r on r.campaign_id = c.id group by c.id, c.status order by c.status, count(r.id)`,
    );
    expect(campaigns.map((c) => c.status)).toEqual(['draft', 'scheduled', 'sent', 'sent']);
    for (const sent of campaigns.filter((c) => c.status === 'sent')) {
      expect(sent.recipients).toBeGreaterThan(100);
      expect(sent.opens).toBeGreaterThan(0);
      expect(sent.clicks).toBeGreaterThan(0);
      expect(sent.bounces).toBeGreaterThan(0);
      expect(sent.unsubscribes).toBe(1);
    }
    const [touches] = await queryRows<{ n: number; events: number }>(
      ctx.deps.db,
      sql`select (select count(*)::int from touches where channel = 'email' and campaign_id is not null) as n, (select count(*)::int from email_events) as events`,
    );
    expect(touches!.n).toBeGreaterThan(350);
    expect(touches!.events).toBeGreaterThan(300);
  });

  it('is not loaded twice', async () => {
    expect(await seedEmailDemo(ctx.deps)).toBeNull();
  });
});
