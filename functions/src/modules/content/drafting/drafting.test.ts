// AI drafting through the real handler, a fresh database and the local OpenAI stand-in: each kind
// of copy from a brief, written as an AI version (model, brief) made current; a new asset drafted
// from a brief; nothing drafted without a key (and nothing invented); vendor errors, timeouts and
// answers that do not fit leave nothing written; bad input and the capability.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DraftingStatus } from '@shared/contracts/content';
import type { DraftResult } from '@shared/contracts/content-drafting';
import type { Role } from '@shared/roles';
import { startOpenAiStandin, type OpenAiStandin } from '../../../../../infra/local/emulators/openai-standin';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { parseConfig } from '../../../config/config';
import { contentAssets, contentAssetVersions } from '../../../db/schema';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { noContentHooks } from '../hooks';
import { draftingRoutes } from './routes';

let ctx: TestContext;
let openai: OpenAiStandin;
let handler: HttpHandler;
let unconfigured: HttpHandler;
let tokens: Record<Role, string>;

const module = { name: 'content', routes: draftingRoutes(noContentHooks) };

beforeAll(async () => {
  openai = await startOpenAiStandin();
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: openai.baseUrl, LEADS_VENDOR_TIMEOUT_MS: '800' } });
  handler = createHttpHandler(module, { deps: async () => ctx.deps });
  // The same database, a configuration without an OpenAI key.
  const bare = { ...ctx.deps, config: parseConfig({ ...FAST_AUTH_ENV, LOG_LEVEL: 'SILENT' }) };
  unconfigured = createHttpHandler(module, { deps: async () => bare });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);

afterAll(async () => {
  await openai?.stop();
  await ctx?.close();
});

beforeEach(() => openai.setFaults({ errorRate: 0, timeoutRate: 0, malformedRate: 0, delayMs: 0 }));

const call = <T = unknown>(method: string, path: string, body?: unknown, as: Role = 'content_creator', h = handler) =>
  invoke<T>(h, { method, path, token: tokens[as], ...(body !== undefined ? { body } : {}) });

async function textAsset(type: 'email_template' | 'social_post' | 'landing_copy' | 'document', body: string | null = 'An older version of the copy.', subject: string | null = null) {
  const [asset] = await ctx.deps.db.insert(contentAssets).values({ type, title: `A ${type}` }).returning({ id: contentAssets.id });
  const [version] = await ctx.deps.db.insert(contentAssetVersions).values({ assetId: asset!.id, number: 1, source: 'edit', body, subject }).returning({ id: contentAssetVersions.id });
  await ctx.deps.db.update(contentAssets).set({ currentVersionId: version!.id }).where(eq(contentAssets.id, asset!.id));
  return asset!.id;
}

const versionsOf = (assetId: string) => ctx.deps.db.select().from(contentAssetVersions).where(eq(contentAssetVersions.assetId, assetId)).orderBy(contentAssetVersions.number);

const BRIEF = 'Promote our new whitepaper on zero-trust networking for mid-market CIOs. It covers identity, segmentation and a 90-day rollout plan. Registration is free.';

describe('the drafting status', () => {
  it('says it is configured with the model when a key is set', async () => {
    const res = await call<DraftingStatus>('GET', '/api/content/drafting');
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({ configured: true, model: 'gpt-4.1-mini' });
  });

  it('says it is not configured without a key', async () => {
    const res = await call<DraftingStatus>('GET', '/api/content/drafting', undefined, 'content_creator', unconfigured);
    expect(res.json).toEqual({ configured: false, model: null });
  });
});

describe('rewriting an asset', () => {
  it('writes a social post within LinkedIn’s limit as a new current version marked AI-written', async () => {
    const assetId = await textAsset('social_post');
    const res = await call<DraftResult>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'social_post', tone: 'bold', length: 'short' });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ assetId, number: 2, kind: 'social_post', platform: 'linkedin', model: 'gpt-4.1-mini' });
    expect(res.json.body).toContain('Our new whitepaper on zero-trust networking for mid-market CIOs');
    expect(res.json.body).toContain('#');
    const versions = await versionsOf(assetId);
    expect(versions.map((v) => [v.number, v.source])).toEqual([
      [1, 'edit'],
      [2, 'ai'],
    ]);
    expect(versions[1]).toMatchObject({ aiModel: 'gpt-4.1-mini', brief: BRIEF, body: res.json.body });
    const [asset] = await ctx.deps.db.select().from(contentAssets).where(eq(contentAssets.id, assetId));
    expect(asset!.currentVersionId).toBe(versions[1]!.id);
    // The same brief drafts the same copy (the stand-in is deterministic) and the rewrite saw the current version.
    const requests = openai.requests();
    expect(requests.at(-1)).toMatchObject({ format: 'content_social_post' });
  });

  it('keeps an X post within 280 characters', async () => {
    const assetId = await textAsset('social_post');
    const long = `${BRIEF} ${'It also explains how to measure progress, what to tell the board and which vendors to shortlist. '.repeat(6)}`;
    const res = await call<DraftResult>('POST', `/api/content/assets/${assetId}/draft`, { brief: long, kind: 'social_post', platform: 'x', length: 'long' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.platform).toBe('x');
    expect([...res.json.body].length).toBeLessThanOrEqual(280);
  });

  it('writes an email body with its subject, and five subject lines keeping the body', async () => {
    const assetId = await textAsset('email_template', 'Dear reader, the old body.', 'Old subject');
    const email = await call<DraftResult>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'email_body' });
    expect(email.status, email.text).toBe(201);
    expect(email.json.subject).toBeTruthy();
    expect(email.json.body).toMatch(/^Hi there,/);
    const lines = await call<DraftResult>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'subject_lines' });
    expect(lines.status, lines.text).toBe(201);
    expect(lines.json.options).toHaveLength(5);
    expect(lines.json.subject).toBe(lines.json.options![0]);
    expect(lines.json.body).toBe(email.json.body);
    expect((await versionsOf(assetId)).map((v) => v.number)).toEqual([1, 2, 3]);
  });

  it('writes landing copy with a headline and a call to action', async () => {
    const assetId = await textAsset('landing_copy');
    const res = await call<DraftResult>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'landing_copy', length: 'long' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.body).toMatch(/^# Our new whitepaper/);
    expect(res.json.body).toContain('[Get your copy]');
  });

  it('refuses a kind that does not fit the asset, a file asset, a short brief and a missing asset', async () => {
    const post = await textAsset('social_post');
    const wrongKind = await call('POST', `/api/content/assets/${post}/draft`, { brief: BRIEF, kind: 'email_body' });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.text).toContain('social_post');
    const document = await textAsset('document', null);
    expect((await call('POST', `/api/content/assets/${document}/draft`, { brief: BRIEF, kind: 'social_post' })).status).toBe(400);
    const short = await call<{ errors: { field: string }[] }>('POST', `/api/content/assets/${post}/draft`, { brief: 'Hi', kind: 'social_post' });
    expect(short.status).toBe(400);
    expect(short.json.errors[0]!.field).toBe('body.brief');
    const badKind = await call('POST', `/api/content/assets/${post}/draft`, { brief: BRIEF, kind: 'poem' });
    expect(badKind.status).toBe(400);
    expect((await call('POST', '/api/content/assets/0190a0a0-0000-7000-8000-000000000000/draft', { brief: BRIEF, kind: 'social_post' })).status).toBe(404);
    expect(await versionsOf(post)).toHaveLength(1);
  });
});

describe('a new asset from a brief', () => {
  it('makes a text asset of the kind’s type whose version 1 is AI-written', async () => {
    const res = await call<DraftResult>('POST', '/api/content/drafts', { brief: BRIEF, kind: 'social_post', platform: 'x', title: 'Zero-trust launch (X)', tags: ['Launch'] });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ number: 1, platform: 'x' });
    const [asset] = await ctx.deps.db.select().from(contentAssets).where(eq(contentAssets.id, res.json.assetId));
    expect(asset).toMatchObject({ type: 'social_post', title: 'Zero-trust launch (X)', tags: ['launch'], currentVersionId: res.json.versionId });
    expect(await versionsOf(res.json.assetId)).toMatchObject([{ number: 1, source: 'ai', brief: BRIEF, aiModel: 'gpt-4.1-mini' }]);
  });

  it('needs a title', async () => {
    const res = await call<{ errors: { field: string }[] }>('POST', '/api/content/drafts', { brief: BRIEF, kind: 'social_post' });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e) => e.field)).toContain('body.title');
  });
});

describe('when drafting cannot be done', () => {
  it('answers 503 "AI drafting is not configured" without a key and writes nothing', async () => {
    const assetId = await textAsset('social_post');
    const before = openai.requests().length;
    const res = await call<{ detail: string; reason: string }>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'social_post' }, 'content_creator', unconfigured);
    expect(res.status).toBe(503);
    expect(res.json.detail).toMatch(/^AI drafting is not configured/);
    expect(res.json.reason).toBe('not_configured');
    const created = await call('POST', '/api/content/drafts', { brief: BRIEF, kind: 'social_post', title: 'Nothing' }, 'content_creator', unconfigured);
    expect(created.status).toBe(503);
    expect(openai.requests()).toHaveLength(before);
    expect(await versionsOf(assetId)).toHaveLength(1);
    expect(await ctx.deps.db.select().from(contentAssets).where(eq(contentAssets.title, 'Nothing'))).toEqual([]);
  });

  it('answers 503 naming the vendor’s 500 and writes nothing', async () => {
    const assetId = await textAsset('social_post');
    openai.setFaults({ errorRate: 1, errorStatus: 500 });
    const res = await call<{ detail: string; reason: string }>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'social_post' });
    expect(res.status).toBe(503);
    expect(res.json.detail).toContain('answered 500');
    expect(res.json.detail).toContain('nothing was written');
    expect(res.json.reason).toBe('vendor');
    expect(await versionsOf(assetId)).toHaveLength(1);
  });

  it('answers 503 when the vendor does not answer in time, and for an answer that is not JSON', async () => {
    const assetId = await textAsset('social_post');
    openai.setFaults({ timeoutRate: 1, timeoutMs: 3000 });
    const slow = await call<{ detail: string }>('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'social_post' });
    expect(slow.status).toBe(503);
    expect(slow.json.detail).toContain('no answer within 800 ms');
    openai.setFaults({ timeoutRate: 0, malformedRate: 1 });
    const malformed = await call('POST', '/api/content/drafts', { brief: BRIEF, kind: 'email_body', title: 'Malformed' });
    expect(malformed.status).toBe(503);
    expect(await versionsOf(assetId)).toHaveLength(1);
    expect(await ctx.deps.db.select().from(contentAssets).where(eq(contentAssets.title, 'Malformed'))).toEqual([]);
  });
});

describe('who may draft', () => {
  it('lets content creators, campaign managers and admins draft; others get 403', async () => {
    const assetId = await textAsset('social_post');
    for (const role of ['admin', 'campaign_manager'] as Role[]) {
      expect((await call('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'social_post' }, role)).status).toBe(201);
    }
    for (const role of ['agent', 'quality_analyst', 'client_user'] as Role[]) {
      expect((await call('POST', `/api/content/assets/${assetId}/draft`, { brief: BRIEF, kind: 'social_post' }, role)).status).toBe(403);
      expect((await call('GET', '/api/content/drafting', undefined, role)).status).toBe(403);
    }
    expect((await invoke(handler, { method: 'GET', path: '/api/content/drafting' })).status).toBe(401);
  });
});
