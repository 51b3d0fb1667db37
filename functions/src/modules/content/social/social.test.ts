// Social publishing through the real handler, a fresh database and the social stand-in on
// 127.0.0.1 speaking LinkedIn's, X's and Facebook's APIs: connecting accounts (the token verified,
// sealed, never in the row), posts written, checked, scheduled, edited, cancelled; the due-posts
// job publishing each platform's post once even when run twice at once; refusals (401), rate
// limits (429) and outages (500) failing with the reason and retried with backoff; Retry; and who
// may do what.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SocialAccountView, SocialPlatform, SocialPostView } from '@shared/contracts/content-social';
import type { Role } from '@shared/roles';
import { DEMO_SOCIAL_TOKENS, startSocialStandin, type SocialStandin } from '../../../../../infra/local/emulators/social-standin';
import { FAST_AUTH_ENV, testClock, usersForEveryRole, type TestClock } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { socialAccounts, socialPosts } from '../../../db/schema';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { noContentHooks } from '../hooks';
import { MAX_AUTOMATIC_ATTEMPTS, publishDuePosts, RETRY_BASE_SECONDS } from './publish';
import { socialRoutes } from './routes';
import { socialKitOf } from './social-kit';

let ctx: TestContext;
let clock: TestClock;
let standin: SocialStandin;
let handler: HttpHandler;
let tokens: Record<Role, string>;
const accounts = {} as Record<SocialPlatform, SocialAccountView>;

const call = <T = unknown>(method: string, path: string, options: { body?: unknown; as?: Role; query?: Record<string, string> } = {}) =>
  invoke<T>(handler, { method, path, token: tokens[options.as ?? 'admin'], ...(options.body !== undefined ? { body: options.body } : {}), ...(options.query ? { query: options.query } : {}) });

const publishDue = () => publishDuePosts(ctx.deps, socialKitOf(ctx.deps));
const inMinutes = (m: number) => new Date(clock.now().getTime() + m * 60_000).toISOString();
const postRow = async (id: string) => (await ctx.deps.db.select().from(socialPosts).where(eq(socialPosts.id, id)))[0]!;

async function connect(platform: SocialPlatform, token: string, as: Role = 'admin') {
  return call<SocialAccountView>('POST', '/api/content/social/accounts', { body: { platform, accessToken: token }, as });
}

async function schedule(platform: SocialPlatform, body: string, minutes = 10, extra: Record<string, unknown> = {}) {
  const res = await call<SocialPostView>('POST', '/api/content/social/posts', { body: { accountId: accounts[platform].id, body, scheduledAt: inMinutes(minutes), ...extra }, as: 'content_creator' });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

beforeAll(async () => {
  standin = await startSocialStandin();
  clock = testClock();
  ctx = await createTestDeps({
    env: {
      ...FAST_AUTH_ENV,
      CONTENT_SECRET_KEY: randomBytes(32).toString('base64'),
      SOCIAL_LINKEDIN_BASE_URL: standin.url,
      SOCIAL_X_BASE_URL: standin.url,
      SOCIAL_FACEBOOK_BASE_URL: standin.url,
    },
    now: clock.now,
  });
  handler = createHttpHandler({ name: 'content', routes: socialRoutes(noContentHooks) }, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);

afterAll(async () => {
  await standin?.stop();
  await ctx?.close();
});

beforeEach(async () => {
  standin.reset();
  for (const platform of ['linkedin', 'x', 'facebook'] as const) {
    const res = await connect(platform, DEMO_SOCIAL_TOKENS[platform].token);
    expect(res.status, res.text).toBe(201);
    accounts[platform] = res.json;
  }
  // Each test publishes only its own posts.
  await ctx.deps.db.update(socialPosts).set({ state: 'cancelled' }).where(eq(socialPosts.state, 'scheduled'));
  await ctx.deps.db.update(socialPosts).set({ state: 'cancelled', nextAttemptAt: null }).where(eq(socialPosts.state, 'failed'));
});

describe('connecting accounts', () => {
  it('verifies the token with each platform and keeps whose account it is', () => {
    expect(accounts.linkedin).toMatchObject({ platform: 'linkedin', externalId: 'urn:li:person:Dm8aPivotal', name: 'Pivotal Demand Team', state: 'connected' });
    expect(accounts.x).toMatchObject({ platform: 'x', externalId: '1700000000000000001', name: 'Pivotal CRM (@pivotalcrm)' });
    expect(accounts.facebook).toMatchObject({ platform: 'facebook', externalId: '104200000000001', name: 'Pivotal CRM Page' });
    expect(accounts.linkedin.connectedBy?.id).toBeTruthy();
  });

  it('seals the token: the row never holds it in clear, and it opens back for its account only', async () => {
    const rows = await ctx.deps.db.select().from(socialAccounts);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain('access-token');
      expect(row.tokenRef).toMatch(/^aesgcm:v1:/);
    }
    const linkedin = rows.find((r) => r.platform === 'linkedin')!;
    const kit = socialKitOf(ctx.deps);
    expect(await kit.secrets.open(linkedin.id, linkedin.tokenRef)).toBe(DEMO_SOCIAL_TOKENS.linkedin.token);
    const x = rows.find((r) => r.platform === 'x')!;
    await expect(kit.secrets.open(x.id, linkedin.tokenRef)).rejects.toThrow(/does not open/);
    const list = await call<{ items: SocialAccountView[] }>('GET', '/api/content/social/accounts', { as: 'agent' });
    expect(list.text).not.toContain('aesgcm');
    expect(list.json.items.map((a) => a.platform).sort()).toEqual(['facebook', 'linkedin', 'x']);
  });

  it('connects the same account again with a new token (one row), and refuses a token the platform refuses', async () => {
    standin.addToken('rotated-linkedin-token', { platform: 'linkedin', id: 'Dm8aPivotal', name: 'Pivotal Demand Team' });
    const again = await connect('linkedin', 'rotated-linkedin-token');
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(accounts.linkedin.id);
    const refused = await connect('x', 'not-a-token-x-knows');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('X answered 401');
    expect((refused.json as unknown as { errors: { field: string }[] }).errors[0]!.field).toBe('body.accessToken');
    // A LinkedIn token is not an X token.
    expect((await connect('x', DEMO_SOCIAL_TOKENS.linkedin.token)).status).toBe(400);
    expect((await call('POST', '/api/content/social/accounts', { body: { platform: 'myspace', accessToken: 'abcdefghij' } })).status).toBe(400);
    expect(await ctx.deps.db.select().from(socialAccounts)).toHaveLength(3);
  });

  it('disconnects: the token is forgotten, the account stays, and nothing is scheduled on it', async () => {
    const res = await call<SocialAccountView>('DELETE', `/api/content/social/accounts/${accounts.facebook.id}`);
    expect(res.status, res.text).toBe(200);
    expect(res.json.state).toBe('disconnected');
    const [row] = await ctx.deps.db.select().from(socialAccounts).where(eq(socialAccounts.id, accounts.facebook.id));
    expect(row!.tokenRef).toBe('none');
    const refused = await call('POST', '/api/content/social/posts', { body: { accountId: accounts.facebook.id, body: 'Hello', scheduledAt: inMinutes(5) } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('disconnected');
    // A draft may still be written for it.
    expect((await call('POST', '/api/content/social/posts', { body: { accountId: accounts.facebook.id, body: 'Hello' } })).status).toBe(201);
  });
});

describe('writing posts', () => {
  it('keeps a post without a time as a draft and places posts on the calendar by their time', async () => {
    const draft = await call<SocialPostView>('POST', '/api/content/social/posts', { body: { accountId: accounts.linkedin.id, body: 'A draft' } });
    expect(draft.json).toMatchObject({ state: 'draft', scheduledAt: null, account: { platform: 'linkedin' } });
    const later = await schedule('x', 'Next week', 7 * 24 * 60);
    const week = await call<{ items: SocialPostView[] }>('GET', '/api/content/social/posts', { as: 'agent', query: { from: inMinutes(-60), to: inMinutes(24 * 60) } });
    expect(week.status, week.text).toBe(200);
    const ids = week.json.items.map((p) => p.id);
    expect(ids).toContain(draft.json.id);
    expect(ids).not.toContain(later.id);
    const bad = await call<{ errors: { field: string }[] }>('GET', '/api/content/social/posts', { query: { from: inMinutes(60), to: inMinutes(0) } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]!.field).toBe('query.to');
  });

  it('checks the length against each platform: 280 for X (a link counts 23), 3000 for LinkedIn', async () => {
    const x = await call<{ errors: { field: string; message: string }[] }>('POST', '/api/content/social/posts', { body: { accountId: accounts.x.id, body: 'a'.repeat(281) } });
    expect(x.status).toBe(400);
    expect(x.json.errors[0]).toEqual({ field: 'body.body', message: 'is 281 characters; X allows 280' });
    const withLink = await call('POST', '/api/content/social/posts', { body: { accountId: accounts.x.id, body: 'a'.repeat(260), linkUrl: 'https://example.com/a' } });
    expect(withLink.status).toBe(400);
    expect((await call('POST', '/api/content/social/posts', { body: { accountId: accounts.x.id, body: 'a'.repeat(256), linkUrl: 'https://example.com/a' } })).status).toBe(201);
    expect((await call('POST', '/api/content/social/posts', { body: { accountId: accounts.linkedin.id, body: 'a'.repeat(3000) } })).status).toBe(201);
    expect((await call('POST', '/api/content/social/posts', { body: { accountId: accounts.linkedin.id, body: 'a'.repeat(3001) } })).status).toBe(400);
  });

  it('refuses a time in the past, an empty text, a bad link and an unknown account or asset', async () => {
    const past = await call<{ errors: { field: string }[] }>('POST', '/api/content/social/posts', { body: { accountId: accounts.x.id, body: 'Late', scheduledAt: inMinutes(-10) } });
    expect(past.json.errors[0]!.field).toBe('body.scheduledAt');
    const cases = [
      { accountId: accounts.x.id, body: '   ' },
      { accountId: accounts.x.id, body: 'x', linkUrl: 'not a url' },
      { accountId: '0190a0a0-0000-7000-8000-000000000000', body: 'x' },
      { accountId: accounts.x.id, body: 'x', assetId: '0190a0a0-0000-7000-8000-000000000000' },
      { accountId: accounts.x.id, body: 'x', scheduledAt: 'tomorrow' },
    ];
    for (const body of cases) expect((await call('POST', '/api/content/social/posts', { body })).status, JSON.stringify(body)).toBe(400);
  });

  it('edits and reschedules a scheduled post, makes it a draft again, cancels it; a published one cannot change', async () => {
    const post = await schedule('linkedin', 'First words', 30);
    const edited = await call<SocialPostView>('PATCH', `/api/content/social/posts/${post.id}`, { body: { body: 'Better words', scheduledAt: inMinutes(60) } });
    expect(edited.json).toMatchObject({ body: 'Better words', state: 'scheduled', scheduledAt: inMinutes(60) });
    const draft = await call<SocialPostView>('PATCH', `/api/content/social/posts/${post.id}`, { body: { scheduledAt: null } });
    expect(draft.json.state).toBe('draft');
    await call('PATCH', `/api/content/social/posts/${post.id}`, { body: { scheduledAt: inMinutes(1) } });
    const cancelled = await call<SocialPostView>('POST', `/api/content/social/posts/${post.id}/cancel`);
    expect(cancelled.json.state).toBe('cancelled');
    clock.advance(2 * 60_000);
    await publishDue();
    expect(standin.posts()).toEqual([]);
    expect((await call('POST', `/api/content/social/posts/${post.id}/cancel`)).status).toBe(409);

    const sent = await schedule('linkedin', 'Goes out', 1);
    clock.advance(2 * 60_000);
    await publishDue();
    expect((await call('PATCH', `/api/content/social/posts/${sent.id}`, { body: { body: 'Too late' } })).status).toBe(409);
    expect((await call('DELETE', `/api/content/social/posts/${sent.id}`)).status).toBe(409);
    expect((await call('DELETE', `/api/content/social/posts/${post.id}`)).status).toBe(204);
  });
});

describe('publishing', () => {
  it('publishes each platform’s due post through its API, with the link, and records where it went', async () => {
    const link = 'https://resources.example.com/zero-trust';
    const posts = {
      linkedin: await schedule('linkedin', 'Zero trust, explained for CIOs.', 5, { linkUrl: link }),
      x: await schedule('x', 'Zero trust in 90 days.', 5, { linkUrl: link }),
      facebook: await schedule('facebook', 'Our new whitepaper is out.', 5),
      later: await schedule('x', 'Not yet', 60),
    };
    clock.advance(4 * 60_000);
    expect(await publishDue()).toEqual({});
    clock.advance(2 * 60_000);
    const outcomes = await publishDue();
    expect(Object.values(outcomes)).toEqual(['published', 'published', 'published']);
    expect(standin.posts().map((p) => [p.platform, p.text, p.link]).sort()).toEqual([
      ['facebook', 'Our new whitepaper is out.', null],
      ['linkedin', 'Zero trust, explained for CIOs.', link],
      ['x', 'Zero trust in 90 days.', link],
    ]);
    expect(standin.posts().find((p) => p.platform === 'linkedin')!.author).toBe('urn:li:person:Dm8aPivotal');
    const linkedin = await call<SocialPostView>('GET', `/api/content/social/posts/${posts.linkedin.id}`, { as: 'agent' });
    expect(linkedin.json).toMatchObject({ state: 'published', attempts: 1, lastError: null });
    expect(linkedin.json.externalUrl).toMatch(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn:li:share:\d+\/$/);
    expect((await postRow(posts.x.id)).externalUrl).toMatch(/^https:\/\/x\.com\/i\/web\/status\/\d+$/);
    expect((await postRow(posts.later.id)).state).toBe('scheduled');
  });

  it('publishes a post once when the job runs twice at the same time', async () => {
    const posts = [await schedule('linkedin', 'Once only (1)', 1), await schedule('x', 'Once only (2)', 1), await schedule('facebook', 'Once only (3)', 1)];
    clock.advance(2 * 60_000);
    const [a, b] = await Promise.all([publishDue(), publishDue()]);
    const outcomes = posts.map((p) => [a[p.id], b[p.id]].filter((o) => o === 'published'));
    expect(outcomes).toEqual([['published'], ['published'], ['published']]);
    expect(standin.posts().map((p) => p.text).sort()).toEqual(['Once only (1)', 'Once only (2)', 'Once only (3)']);
    for (const p of posts) expect((await postRow(p.id)).attempts).toBe(1);
  });

  it('fails on a refused token (401) with the reason, marks the account expired and does not retry', async () => {
    const post = await schedule('linkedin', 'Refused', 1);
    standin.fail({ platform: 'linkedin', status: 401 });
    clock.advance(2 * 60_000);
    expect(await publishDue()).toEqual({ [post.id]: 'failed' });
    const row = await postRow(post.id);
    expect(row).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null });
    expect(row.lastError).toContain('LinkedIn answered 401');
    const [account] = await ctx.deps.db.select().from(socialAccounts).where(eq(socialAccounts.id, accounts.linkedin.id));
    expect(account).toMatchObject({ state: 'expired' });
    // Retry needs the account connected again.
    expect((await call('POST', `/api/content/social/posts/${post.id}/retry`)).status).toBe(400);
  });

  it('retries a rate-limited post (429) after the platform’s Retry-After, and an outage (500) with growing backoff up to the limit', async () => {
    const limited = await schedule('x', 'Rate limited', 1);
    standin.fail({ platform: 'x', status: 429, retryAfter: 900 });
    clock.advance(2 * 60_000);
    expect(await publishDue()).toEqual({ [limited.id]: 'retrying' });
    const row = await postRow(limited.id);
    expect(row.state).toBe('failed');
    expect(row.lastError).toContain('X answered 429');
    expect(row.nextAttemptAt!.getTime() - clock.now().getTime()).toBe(900_000);
    clock.advance(900_000);
    expect(await publishDue()).toEqual({ [limited.id]: 'published' });
    expect((await postRow(limited.id)).attempts).toBe(2);

    const down = await schedule('facebook', 'Outage', 1);
    standin.fail({ platform: 'facebook', status: 500, count: MAX_AUTOMATIC_ATTEMPTS });
    clock.advance(2 * 60_000);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_AUTOMATIC_ATTEMPTS; attempt++) {
      expect(Object.values(await publishDue())).toEqual([attempt < MAX_AUTOMATIC_ATTEMPTS ? 'retrying' : 'failed']);
      const r = await postRow(down.id);
      expect(r.lastError).toContain('Facebook answered 500');
      if (r.nextAttemptAt) {
        waits.push((r.nextAttemptAt.getTime() - clock.now().getTime()) / 1000);
        clock.advance(r.nextAttemptAt.getTime() - clock.now().getTime());
      }
    }
    expect(waits).toEqual([RETRY_BASE_SECONDS, RETRY_BASE_SECONDS * 2, RETRY_BASE_SECONDS * 4]);
    expect(await postRow(down.id)).toMatchObject({ state: 'failed', attempts: MAX_AUTOMATIC_ATTEMPTS, nextAttemptAt: null });
    expect(standin.posts().filter((p) => p.platform === 'facebook')).toEqual([]);

    // Retry by a person: out again now, published.
    const retried = await call<SocialPostView>('POST', `/api/content/social/posts/${down.id}/retry`, { as: 'content_creator' });
    expect(retried.json).toMatchObject({ state: 'scheduled', attempts: 0 });
    expect(await publishDue()).toEqual({ [down.id]: 'published' });
    expect((await call<SocialPostView>('GET', `/api/content/social/posts/${down.id}`)).json).toMatchObject({ state: 'published', lastError: null });
    expect((await call('POST', `/api/content/social/posts/${down.id}/retry`)).status).toBe(409);
  });

  it('fails a post whose account was disconnected, and gives up on a post left publishing by an interrupted run', async () => {
    const post = await schedule('x', 'Orphan', 1);
    await call('DELETE', `/api/content/social/accounts/${accounts.x.id}`);
    clock.advance(2 * 60_000);
    expect(await publishDue()).toEqual({ [post.id]: 'failed' });
    expect((await postRow(post.id)).lastError).toContain('is disconnected');

    const stuck = await schedule('linkedin', 'Stuck', 1);
    await ctx.deps.db.update(socialPosts).set({ state: 'publishing', updatedAt: clock.now() }).where(eq(socialPosts.id, stuck.id));
    clock.advance(10 * 60_000);
    await publishDue();
    expect(await postRow(stuck.id)).toMatchObject({ state: 'failed', nextAttemptAt: null });
    expect(standin.posts()).toEqual([]);
  });
});

describe('who may do what', () => {
  it('lets every staff reader see, content writers write, and only admins connect accounts', async () => {
    for (const role of ['agent', 'quality_analyst'] as Role[]) {
      expect((await call('GET', '/api/content/social/accounts', { as: role })).status).toBe(200);
      expect((await call('POST', '/api/content/social/posts', { as: role, body: { accountId: accounts.x.id, body: 'No' } })).status).toBe(403);
    }
    expect((await call('POST', '/api/content/social/posts', { as: 'campaign_manager', body: { accountId: accounts.x.id, body: 'Yes' } })).status).toBe(201);
    for (const role of ['content_creator', 'campaign_manager'] as Role[]) {
      expect((await connect('x', DEMO_SOCIAL_TOKENS.x.token, role)).status).toBe(403);
      expect((await call('DELETE', `/api/content/social/accounts/${accounts.x.id}`, { as: role })).status).toBe(403);
    }
    expect((await call('GET', '/api/content/social/accounts', { as: 'client_user' })).status).toBe(403);
    expect((await invoke(handler, { method: 'GET', path: '/api/content/social/accounts' })).status).toBe(401);
  });
});
