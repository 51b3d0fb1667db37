// The portal demo on top of the telephony and leads demos: the leads demo's client gets a client
// admin, five orders in five states whose histories the state table allows and whose targets are
// the demo accounts' domains (two unknown ones each), the live order worked by the demo call
// campaigns with the client's published, returned and replaced leads and its pace from the pacing run, the
// client's own suppressions; and nothing the second time.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_TRANSITIONS } from '@shared/contracts/portal';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { FAST_AUTH_ENV, makeUser } from '../../../test/support/identity-fixtures';
import { portalHooks, telephonyHooks } from '../../composition';
import { queryOne, queryRows } from '../../db/rows';
import { insertContacts } from '../compliance/testing';
import { seedLeadsDemo } from '../leads';
import { seedTelephonyDemo } from '../telephony';
import { DEMO_CLIENT_ADMIN, seedPortalDemo } from './demo-data';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TELEPHONY_SECRET_KEY: randomBytes(32).toString('base64') } });
}, 60_000);
afterAll(async () => ctx?.close());

describe('the portal demo', () => {
  it('loads the leads demo client’s portal: a client admin, orders in five states, the live one worked and paced, suppressions; once', async () => {
    await ctx.deps.db.execute(
      sql`insert into accounts (name, domain, source) select 'Demo ' || g, 'demo' || g || '.example', 'test' from generate_series(1, 30) g`,
    );
    await insertContacts(
      ctx.deps.db,
      Array.from({ length: 24 }, (_, i) => ({ fullName: `Prospect ${i}`, email: `prospect${i}@example.com`, directPhone: `+1415555${String(2000 + i)}`, country: 'US' })),
    );
    await makeUser(ctx.deps, { roles: ['agent'] });
    await makeUser(ctx.deps, { roles: ['quality_analyst'] });
    const manager = await makeUser(ctx.deps, { roles: ['campaign_manager'] });
    expect(await seedTelephonyDemo(ctx.deps, telephonyHooks)).not.toBeNull();
    const leads = await seedLeadsDemo(ctx.deps);
    expect(leads).not.toBeNull();

    const report = await seedPortalDemo(ctx.deps, portalHooks);
    expect(report).toMatchObject({ orgId: leads!.clientOrgId, orders: 5, suppressions: 4 });
    expect(report!.linkedCampaigns).toBeGreaterThan(0);

    // The client admin signs in to the portal as a client user of that organisation.
    const admin = await queryOne<{ username: string; org_id: string; client_admin: boolean; roles: string[]; must_change_password: boolean; password_hash: string | null }>(
      ctx.deps.db,
      sql`select u.username, u.org_id, u.client_admin, u.must_change_password, u.password_hash, array(select role from user_roles r where r.user_id = u.id) as roles
          from users u where u.id = ${report!.clientAdminId}`,
    );
    expect(admin).toMatchObject({ username: DEMO_CLIENT_ADMIN.username, org_id: leads!.clientOrgId, client_admin: true, roles: ['client_user'], must_change_password: false });
    expect(admin!.password_hash).toBeTruthy();

    // One order in each of five states, all the client's, each with a history the state table allows that ends in its state.
    const orders = await queryRows<{ id: string; state: string; org_id: string; pace_status: string | null; manager_id: string | null; targets: number; matched: number }>(
      ctx.deps.db,
      sql`select o.id, o.state, o.org_id, o.pace_status, o.manager_id,
            (select count(*)::int from order_target_domains t where t.order_id = o.id) as targets,
            (select count(*)::int from order_target_domains t join accounts a on a.domain = t.domain where t.order_id = o.id) as matched
          from orders o order by o.number`,
    );
    expect(orders.map((o) => o.state).sort()).toEqual(['cancelled', 'completed', 'in_review', 'live', 'submitted']);
    for (const order of orders) {
      expect(order.org_id).toBe(leads!.clientOrgId);
      expect(order.targets).toBeGreaterThan(2);
      expect(order.matched).toBe(order.targets - 2);
    }
    const moves = await queryRows<{ order_id: string; from_state: string | null; to_state: string }>(
      ctx.deps.db,
      sql`select order_id, from_state, to_state from order_transitions order by order_id, at`,
    );
    for (const m of moves) {
      if (m.from_state === null) expect(m.to_state).toBe('submitted');
      else expect(ORDER_TRANSITIONS.some((t) => t.from === m.from_state && t.to === m.to_state), `${m.from_state} → ${m.to_state}`).toBe(true);
    }
    const lastMove = new Map(moves.map((m) => [m.order_id, m.to_state]));
    for (const order of orders) expect(lastMove.get(order.id)).toBe(order.state);

    // The live order: the call campaigns linked, the client's delivered, returned and replaced leads its own, its pace computed, its manager named.
    const live = orders.find((o) => o.state === 'live')!;
    expect(live.manager_id).toBe(manager.id);
    const linked = await queryRows<{ order_id: string; campaign_kind: string }>(ctx.deps.db, sql`select order_id, campaign_kind from order_campaigns`);
    expect(linked.length).toBe(report!.linkedCampaigns);
    expect(linked.every((l) => l.order_id === live.id && l.campaign_kind === 'call')).toBe(true);
    const states = await queryRows<{ state: string; n: number }>(ctx.deps.db, sql`select state, count(*)::int as n from leads where order_id = ${live.id} group by state`);
    const byState = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
    expect(byState).toMatchObject({ returned: 1, replaced: 1 });
    expect(byState.published).toBeGreaterThan(0);
    expect(report!.leads).toBe(states.reduce((sum, s) => sum + Number(s.n), 0));
    // The pacing run found it under pace and raised its manager's alert.
    expect(live.pace_status).toBe('under');
    expect(orders.filter((o) => o.pace_status !== null)).toHaveLength(1);
    const alerts = await queryRows<{ order_id: string; kind: string; task_id: string | null }>(ctx.deps.db, sql`select order_id, kind, task_id from order_pacing_alerts`);
    expect(alerts).toEqual([{ order_id: live.id, kind: 'under', task_id: expect.any(String) }]);

    const suppressions = await queryRows<{ kind: string; org_id: string }>(ctx.deps.db, sql`select kind, org_id from client_suppressions`);
    expect(suppressions).toHaveLength(4);
    expect(new Set(suppressions.map((s) => s.kind))).toEqual(new Set(['domain', 'email', 'phone']));
    expect(suppressions.every((s) => s.org_id === leads!.clientOrgId)).toBe(true);

    expect(await seedPortalDemo(ctx.deps, portalHooks)).toBeNull();
    expect((await queryOne<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from orders`))!.n).toBe(5);
  });
});
