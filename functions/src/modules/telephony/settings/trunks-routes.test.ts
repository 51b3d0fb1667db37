// Settings → Telephony through the real Lambda handler: trunks added with their password sealed
// (never answered back), one default at a time, caller ids checked, the 409 that keeps a trunk a
// running campaign calls through, the 503 without a secret store, and who may do it.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trunk } from '@shared/contracts/telephony';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { callCampaigns, sipTrunks } from '../../../db/schema';
import { noTelephonyHooks } from '../hooks';
import { settingsRoutes, trunkDepsOf } from './routes';
import { openTrunkPassword } from './trunks';

let ctx: TestContext;
let handler: HttpHandler;
let tokens: Record<Role, string>;

const call = <T = unknown>(method: string, path: string, options: { as?: Role; body?: unknown } = {}) =>
  invoke<T>(handler, { method, path, token: tokens[options.as ?? 'admin'], ...(options.body !== undefined ? { body: options.body } : {}) });

const trunkInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Telnyx US',
  sipHost: 'sip.telnyx.com',
  sipUsername: 'pivotal-us',
  sipPassword: 'S3cret-passw0rd-xy',
  connectionId: '1684641123236054244',
  callerIds: ['+14155550100', '+14155550100', '+12125550199'],
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TELEPHONY_SECRET_KEY: randomBytes(32).toString('base64') } });
  handler = createHttpHandler({ name: 'telephony', routes: settingsRoutes(noTelephonyHooks) }, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);
afterAll(async () => ctx?.close());

describe('SIP trunks', () => {
  let us: Trunk;

  it('adds a trunk with its password sealed: the reply and the row hold only a hint', async () => {
    const res = await call<Trunk>('POST', '/api/telephony/trunks', { body: trunkInput({ isDefault: true }) });
    expect(res.status, res.text).toBe(201);
    us = res.json;
    expect(us).toMatchObject({ name: 'Telnyx US', secretHint: '••••••xy', isDefault: true, active: true, callerIds: ['+14155550100', '+12125550199'] });
    expect(res.text).not.toContain('S3cret');
    const [row] = await ctx.deps.db.select().from(sipTrunks).where(eq(sipTrunks.id, us.id));
    expect(row!.secretRef).not.toContain('S3cret');
    expect(await openTrunkPassword(trunkDepsOf(ctx.deps), us.id)).toBe('S3cret-passw0rd-xy');
    const list = await call<{ items: Trunk[] }>('GET', '/api/telephony/trunks');
    expect(JSON.stringify(list.json)).not.toContain('S3cret');
  });

  it('refuses a caller id that is not E.164 and a second trunk of the same name, naming the field', async () => {
    const bad = await call<{ errors: { field: string }[] }>('POST', '/api/telephony/trunks', { body: trunkInput({ name: 'Other', callerIds: ['415 555 0100'] }) });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e) => e.field)).toEqual(['body.callerIds.0']);
    const twice = await call<{ errors: { field: string }[] }>('POST', '/api/telephony/trunks', { body: trunkInput() });
    expect(twice.status).toBe(409);
    expect(twice.json.errors.map((e) => e.field)).toEqual(['body.name']);
  });

  it('keeps one default: a new default clears the old one', async () => {
    const eu = (await call<Trunk>('POST', '/api/telephony/trunks', { body: trunkInput({ name: 'Telnyx EU', isDefault: true, callerIds: [] }) })).json;
    expect(eu.isDefault).toBe(true);
    let list = (await call<{ items: Trunk[] }>('GET', '/api/telephony/trunks')).json.items;
    expect(list.filter((t) => t.isDefault).map((t) => t.name)).toEqual(['Telnyx EU']);

    const back = await call<Trunk>('PATCH', `/api/telephony/trunks/${us.id}`, { body: { isDefault: true } });
    expect(back.json.isDefault).toBe(true);
    list = (await call<{ items: Trunk[] }>('GET', '/api/telephony/trunks')).json.items;
    expect(list.map((t) => [t.name, t.isDefault])).toEqual([
      ['Telnyx US', true],
      ['Telnyx EU', false],
    ]);
  });

  it('changes the password only when one is given, and toggles active', async () => {
    const renamed = await call<Trunk>('PATCH', `/api/telephony/trunks/${us.id}`, { body: { active: false, sipUsername: 'pivotal-us-2' } });
    expect(renamed.json).toMatchObject({ active: false, sipUsername: 'pivotal-us-2', secretHint: '••••••xy' });
    expect(await openTrunkPassword(trunkDepsOf(ctx.deps), us.id)).toBe('S3cret-passw0rd-xy');
    const changed = await call<Trunk>('PATCH', `/api/telephony/trunks/${us.id}`, { body: { sipPassword: 'another-passw0rd-zq', active: true } });
    expect(changed.json).toMatchObject({ active: true, secretHint: '••••••zq' });
    expect(await openTrunkPassword(trunkDepsOf(ctx.deps), us.id)).toBe('another-passw0rd-zq');

    // A change refused for its name keeps the stored password as it was.
    const clash = await call('PATCH', `/api/telephony/trunks/${us.id}`, { body: { name: 'Telnyx EU', sipPassword: 'never-stored-pw' } });
    expect(clash.status).toBe(409);
    expect(await openTrunkPassword(trunkDepsOf(ctx.deps), us.id)).toBe('another-passw0rd-zq');
    expect((await call<Trunk>('GET', `/api/telephony/trunks/${us.id}`)).json.secretHint).toBe('••••••zq');
  });

  it('refuses to remove a trunk a running campaign calls through (also as the default), then removes it once none does', async () => {
    const [campaign] = await ctx.deps.db
      .insert(callCampaigns)
      .values({ name: 'Q3 outreach', status: 'active', sellerName: 'Acme', sellerPhone: '+14155550111' })
      .returning();
    const refused = await call<{ detail: string }>('DELETE', `/api/telephony/trunks/${us.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain('Q3 outreach');

    await ctx.deps.db.update(callCampaigns).set({ status: 'completed' }).where(eq(callCampaigns.id, campaign!.id));
    expect((await call('DELETE', `/api/telephony/trunks/${us.id}`)).status).toBe(204);
    expect((await call('GET', `/api/telephony/trunks/${us.id}`)).status).toBe(404);
    const list = (await call<{ items: Trunk[] }>('GET', '/api/telephony/trunks')).json.items;
    expect(list.map((t) => t.name)).toEqual(['Telnyx EU']);
  });

  it('is for admins only', async () => {
    for (const role of ['campaign_manager', 'agent', 'quality_analyst'] as Role[]) {
      expect((await call('GET', '/api/telephony/trunks', { as: role })).status, role).toBe(403);
      expect((await call('POST', '/api/telephony/trunks', { as: role, body: trunkInput({ name: `By ${role}` }) })).status, role).toBe(403);
    }
  });
});

describe('without a secret store', () => {
  it('refuses to add a trunk with a 503 problem naming the setting', async () => {
    const bare = await createTestDeps({ env: FAST_AUTH_ENV });
    try {
      const open = createHttpHandler({ name: 'telephony', routes: settingsRoutes(noTelephonyHooks) }, { deps: async () => bare.deps });
      const { tokens: own } = await usersForEveryRole(bare.deps);
      const res = await invoke<{ detail: string }>(open, { method: 'POST', path: '/api/telephony/trunks', token: own.admin, body: trunkInput() });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json.detail).toMatch(/TELEPHONY_SECRET_KEY/);
      expect(await bare.deps.db.select().from(sipTrunks)).toEqual([]);
    } finally {
      await bare.close();
    }
  }, 60_000);
});
