// Settings → Email through the real Lambda handler, with SES answered by the local stand-in and DNS
// by a resolver the test controls: sending domains from creation to verified, tracking domains,
// IP pools, warm-up plans and sender profiles, the 409s that keep settings in use, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpPool, SenderProfile, SendingDomain, TrackingDomain, WarmupPlan } from '@shared/contracts/email';
import { ROLES, type Role } from '@shared/roles';
import { can } from '@shared/access';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { startSesWithStandin, type SesStandin } from '../../../../../infra/local/emulators/ses-standin';
import type { Deps } from '../../../core/deps';
import { refreshPendingDomains } from './refresh-domains';
import { createSettingsRoutes } from './routes';
import { senderForSending } from './sender-profiles';
import { settingsDepsOf } from './ses-identities';
import type { SettingsDeps } from './settings-deps';

const TRACKING_HOST = 'track.pivotal.example';

let ctx: TestContext;
let ses: SesStandin;
let handler: HttpHandler;
let tokens: Record<Role, string>;
/** What DNS answers for CNAME lookups in these tests. */
const cnames = new Map<string, string[]>();
const settingsDeps = (deps: Deps): SettingsDeps => ({ ...settingsDepsOf(deps), resolveCname: async (host) => cnames.get(host) ?? [] });
const routes = createSettingsRoutes(settingsDeps);

const call = <T = unknown>(method: string, path: string, options: { as?: Role; body?: unknown } = {}) =>
  invoke<T>(handler, { method, path, token: tokens[options.as ?? 'admin'], ...(options.body !== undefined ? { body: options.body } : {}) });

const profileInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Acme news',
  fromName: 'Acme',
  fromAddress: 'news@mail.acme.example',
  replyTo: 'team@acme.example',
  postalAddress: '1 Market St, San Francisco, CA 94105, USA',
  ...overrides,
});

beforeAll(async () => {
  ses = await startSesWithStandin({ autoVerify: false });
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, SES_ENDPOINT: ses.endpoint, EMAIL_TRACKING_CNAME_TARGET: TRACKING_HOST } });
  handler = createHttpHandler({ name: 'email', routes }, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await ses?.stop();
});

describe('sending domains', () => {
  let domain: SendingDomain;

  it('creates the SES identity and answers the DKIM CNAMEs, SPF and DMARC records to publish, pending', async () => {
    const res = await call<SendingDomain>('POST', '/api/email/domains', { body: { domain: 'Mail.Acme.example' } });
    expect(res.status).toBe(201);
    domain = res.json;
    expect(domain).toMatchObject({ domain: 'mail.acme.example', status: 'pending', dkimVerified: false, verifiedAt: null });
    const purposes = domain.records.map((r) => r.purpose);
    expect(purposes.filter((p) => p === 'dkim')).toHaveLength(3);
    expect(purposes).toEqual(expect.arrayContaining(['spf', 'dmarc']));
    expect(domain.records.find((r) => r.purpose === 'dkim')).toMatchObject({ type: 'CNAME', value: expect.stringMatching(/\.dkim\.amazonses\.com$/) });
  });

  it('refuses the same domain twice (409) and a malformed one naming the field (400)', async () => {
    expect((await call('POST', '/api/email/domains', { body: { domain: 'mail.acme.example' } })).status).toBe(409);
    const bad = await call<{ errors: { field: string }[] }>('POST', '/api/email/domains', { body: { domain: 'not a domain' } });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json.errors.map((e) => e.field)).toEqual(['body.domain']);
  });

  it('stays pending until SES verifies it, then the refresh job marks it verified', async () => {
    expect((await refreshPendingDomains(settingsDeps(ctx.deps))).sendingDomains).toEqual({ checked: 1, verified: 0, failed: 0 });
    expect((await call<SendingDomain>('GET', `/api/email/domains/${domain.id}`)).json.status).toBe('pending');

    expect(ses.verifyIdentity('mail.acme.example')).toBe(true);
    expect((await refreshPendingDomains(settingsDeps(ctx.deps))).sendingDomains).toEqual({ checked: 1, verified: 1, failed: 0 });
    const verified = (await call<SendingDomain>('GET', `/api/email/domains/${domain.id}`, { as: 'campaign_manager' })).json;
    expect(verified).toMatchObject({ status: 'verified', dkimVerified: true, verifiedAt: expect.any(String) });
    // Verified domains are no longer polled.
    expect((await refreshPendingDomains(settingsDeps(ctx.deps))).sendingDomains.checked).toBe(0);
  });

  it('refreshes one domain on demand', async () => {
    const res = await call<SendingDomain>('POST', `/api/email/domains/${domain.id}/refresh`);
    expect(res.status).toBe(200);
    expect(res.json.lastCheckedAt).not.toBeNull();
  });
});

describe('warm-up plans, IP pools, tracking domains and sender profiles', () => {
  let plan: WarmupPlan;
  let pool: IpPool;
  let tracking: TrackingDomain;
  let profile: SenderProfile;

  it('saves a warm-up plan and refuses caps that are not positive whole numbers, naming the field', async () => {
    const bad = await call<{ errors: { field: string }[] }>('POST', '/api/email/warmup-plans', { body: { name: 'Too fast', dailyCaps: [50, 0] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]!.field).toBe('body.dailyCaps.1');
    const res = await call<WarmupPlan>('POST', '/api/email/warmup-plans', { body: { name: 'Four weeks', dailyCaps: [50, 100, 200, 400] } });
    expect(res.status).toBe(201);
    plan = res.json;
  });

  it('creates a dedicated IP pool with a configuration set sending through it', async () => {
    const res = await call<IpPool>('POST', '/api/email/ip-pools', { body: { name: 'marketing', description: 'Newsletters' } });
    expect(res.status).toBe(201);
    pool = res.json;
    expect(pool.configurationSet).toBe('pivotal-pool-marketing');
    expect((await call('POST', '/api/email/ip-pools', { body: { name: 'marketing' } })).status).toBe(409);
  });

  it('verifies a tracking domain once its CNAME points at the tracking host', async () => {
    const res = await call<TrackingDomain>('POST', '/api/email/tracking-domains', { body: { domain: 'links.acme.example' } });
    expect(res.status).toBe(201);
    tracking = res.json;
    expect(tracking).toMatchObject({ status: 'pending', cnameTarget: TRACKING_HOST });
    expect((await call<TrackingDomain>('POST', `/api/email/tracking-domains/${tracking.id}/refresh`)).json.status).toBe('pending');
    cnames.set('links.acme.example', [`${TRACKING_HOST.toUpperCase()}.`]);
    const report = await refreshPendingDomains(settingsDeps(ctx.deps));
    expect(report.trackingDomains).toEqual({ checked: 1, verified: 1, failed: 0 });
    expect((await call<TrackingDomain>('GET', `/api/email/tracking-domains/${tracking.id}`)).json.status).toBe('verified');
  });

  it('refuses a sender profile whose from address is not at a sending domain, naming fromAddress', async () => {
    const res = await call<{ errors: { field: string; message: string }[] }>('POST', '/api/email/sender-profiles', { body: profileInput({ fromAddress: 'news@elsewhere.example' }) });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ field: 'body.fromAddress', message: expect.stringContaining('elsewhere.example') }]);
    const noPool = await call<{ errors: { field: string }[] }>('POST', '/api/email/sender-profiles', { body: profileInput({ ipPoolId: '0190c6c4-7b1e-7000-8000-00000000abcd' }) });
    expect(noPool.json.errors[0]!.field).toBe('body.ipPoolId');
  });

  it('saves a sender profile with its pool, tracking domain and warm-up plan, and today’s cap', async () => {
    const res = await call<SenderProfile>('POST', '/api/email/sender-profiles', {
      body: profileInput({ ipPoolId: pool.id, trackingDomainId: tracking.id, warmupPlanId: plan.id, ratePerSecond: 20 }),
    });
    expect(res.status).toBe(201);
    profile = res.json;
    expect(profile).toMatchObject({ provider: 'ses', domainVerified: true, dailyCapToday: 50, ratePerSecond: 20, warmupStartedOn: new Date().toISOString().slice(0, 10) });
    // Campaign managers read sender profiles (to choose one for a campaign) but do not change them.
    expect((await call<{ items: SenderProfile[] }>('GET', '/api/email/sender-profiles', { as: 'campaign_manager' })).json.items.map((p) => p.id)).toEqual([profile.id]);
  });

  it('gives the sending engine what it needs to send as the profile and pace it', async () => {
    const sender = await senderForSending(ctx.deps, profile.id);
    expect(sender).toEqual({
      profileId: profile.id,
      from: { name: 'Acme', address: 'news@mail.acme.example' },
      replyTo: 'team@acme.example',
      postalAddress: '1 Market St, San Francisco, CA 94105, USA',
      provider: 'ses',
      identityKey: 'ses:mail.acme.example',
      domain: 'mail.acme.example',
      domainVerified: true,
      configurationSet: 'pivotal-pool-marketing',
      ratePerSecond: 20,
      dailyCap: 50,
      trackingHost: 'links.acme.example',
    });
  });

  it('refuses to delete what the profile uses (409 with the reason), and allows it once the profile is gone', async () => {
    for (const path of [`/api/email/domains/${(await call<{ items: SendingDomain[] }>('GET', '/api/email/domains')).json.items[0]!.id}`, `/api/email/ip-pools/${pool.id}`, `/api/email/tracking-domains/${tracking.id}`, `/api/email/warmup-plans/${plan.id}`]) {
      const res = await call<{ detail: string }>('DELETE', path);
      expect(res.status, path).toBe(409);
      expect(res.json.detail).toContain('Acme news');
    }
    expect((await call('DELETE', `/api/email/sender-profiles/${profile.id}`)).status).toBe(204);
    expect((await call('GET', `/api/email/sender-profiles/${profile.id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/email/warmup-plans/${plan.id}`)).status).toBe(204);
    expect((await call('DELETE', `/api/email/ip-pools/${pool.id}`)).status).toBe(204);
  });
});

describe('who may call each settings route', () => {
  // Generated from the route table: a role without the route's capability gets 403 before anything runs.
  const PARAM = '0190c6c4-7b1e-7000-8000-00000000abcd';
  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      for (const role of ROLES) {
        const res = await invoke(handler, { method: route.method, path: route.path.replace(/\{[^}]+\}/g, PARAM), token: tokens[role], ...(route.method === 'POST' || route.method === 'PUT' ? { body: {} } : {}) });
        const allowed = route.access !== 'public' && route.access !== 'authenticated' && can([role], route.access);
        if (allowed) expect([401, 403], `${role}`).not.toContain(res.status);
        else expect(res.status, `${role}`).toBe(403);
      }
    });
  }

  it('lets a campaign manager read settings but not add a domain, and keeps agents out', async () => {
    expect((await call('POST', '/api/email/domains', { as: 'campaign_manager', body: { domain: 'other.example' } })).status).toBe(403);
    expect((await call('GET', '/api/email/domains', { as: 'campaign_manager' })).status).toBe(200);
    expect((await call('GET', '/api/email/sender-profiles', { as: 'agent' })).status).toBe(403);
  });
});
