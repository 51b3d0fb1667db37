// The Resources Centre link through the real HTTP handler, a fresh database and the Resources
// Centre stand-in on 127.0.0.1, on a clock the test moves: settings and their secret, signed
// pushes retried with backoff and applied once by key, final answers, the signed inbound endpoint
// refusing forged, altered, replayed and stale requests, secret rotation with its overlap, the
// scheduled pull, conflicts between edits here and changes there, and who may do what.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  RC_INBOUND_PATH,
  type InboundResult,
  type ReferenceConflict,
  type ReferencePerson,
  type ResourcesCentreLogEntry,
  type ResourcesCentrePush,
  type ResourcesCentreSettings,
  type ResourcesCentreSettingsWithSecret,
  type ResourcesCentreStatus,
} from '@shared/contracts/content-resources';
import type { Role } from '@shared/roles';
import { startResourcesCentreStandin, type ResourcesCentreStandin } from '../../../../../infra/local/emulators/resources-centre-standin';
import { FAST_AUTH_ENV, testClock, usersForEveryRole, type TestClock } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import {
  contentAssets,
  contentAssetVersions,
  contentEvents,
  referenceConflicts,
  referencePeople,
  resourcesCentreLog,
  resourcesCentreNonces,
  resourcesCentrePushes,
  resourcesCentreSettings,
} from '../../../db/schema';
import { noContentHooks } from '../hooks';
import { resourcesRoutes } from './routes';
import { signature } from './signing';
import { currentSecret } from './settings';
import { pruneNonces, NONCE_RETENTION_SECONDS } from './inbound';
import { pullReference, resourcesCentrePushJob } from './pull';

const RETRY_BASE_SECONDS = 30;
const MAX_ATTEMPTS = 3;

let ctx: TestContext;
let clock: TestClock;
let handler: HttpHandler;
let tokens: Record<Role, string>;
let standin: ResourcesCentreStandin;

const call = <T = unknown>(method: string, p: string, options: { as?: Role; body?: unknown; query?: Record<string, string> } = {}) =>
  invoke<T>(handler, { method, path: p, token: tokens[options.as ?? 'admin'], ...(options.body !== undefined ? { body: options.body } : {}), ...(options.query ? { query: options.query } : {}) });

/** A landing-copy asset with its first version, as the asset library makes one. */
async function textAsset(title = 'Pipeline Playbook 2027', body = 'Five plays that fill the pipeline.'): Promise<string> {
  const [asset] = await ctx.deps.db.insert(contentAssets).values({ type: 'landing_copy', title, description: 'Landing copy for the playbook.', tags: ['playbook'] }).returning();
  const [version] = await ctx.deps.db.insert(contentAssetVersions).values({ assetId: asset!.id, number: 1, source: 'edit', body }).returning();
  await ctx.deps.db.update(contentAssets).set({ currentVersionId: version!.id }).where(eq(contentAssets.id, asset!.id));
  return asset!.id;
}

/** Saves the link to the stand-in; answers the first secret. */
async function configure(): Promise<string> {
  const res = await call<ResourcesCentreSettingsWithSecret>('PUT', '/api/content/resources-centre/settings', { body: { endpointUrl: standin.url, enabled: true } });
  expect(res.status, res.text).toBe(200);
  return res.json.secret!;
}

const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

interface SignedOptions {
  secret: string;
  body?: unknown;
  timestamp?: number;
  nonce?: string;
  /** The body sent, when it differs from the one signed. */
  sentBody?: string;
}

function inbound(options: SignedOptions) {
  const raw = JSON.stringify(options.body ?? { references: [] });
  const timestamp = String(options.timestamp ?? nowSeconds());
  return invoke<InboundResult & { title?: string; detail?: string }>(handler, {
    method: 'POST',
    path: RC_INBOUND_PATH,
    headers: {
      'content-type': 'application/json',
      'x-pivotal-timestamp': timestamp,
      'x-pivotal-nonce': options.nonce ?? randomBytes(16).toString('hex'),
      'x-pivotal-signature': signature(options.secret, timestamp, raw),
    },
    body: options.sentBody ?? raw,
  });
}

const speaker = (id: string, name: string, data: Record<string, string | null>, updatedAt: Date) => ({ kind: 'speaker', id, name, data, updatedAt: updatedAt.toISOString() });

async function lastLog(): Promise<ResourcesCentreLogEntry> {
  const res = await call<{ items: ResourcesCentreLogEntry[] }>('GET', '/api/content/resources-centre/log', { query: { limit: '1' } });
  return res.json.items[0]!;
}

beforeAll(async () => {
  clock = testClock(new Date('2027-03-01T09:00:00Z'));
  // The stand-in shares the secret with the stack, reading the current one, as on the local stack.
  standin = await startResourcesCentreStandin({ now: clock.now, secret: () => currentSecret(ctx.deps) });
  ctx = await createTestDeps({
    now: clock.now,
    env: {
      ...FAST_AUTH_ENV,
      TELEPHONY_SECRET_KEY: randomBytes(32).toString('base64'),
      DELIVERY_ALLOW_PRIVATE_TARGETS: 'true',
      DELIVERY_RETRY_BASE_SECONDS: String(RETRY_BASE_SECONDS),
      DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      DELIVERY_TIMEOUT_MS: '20000',
    },
  });
  handler = createHttpHandler({ name: 'content', routes: resourcesRoutes(noContentHooks) }, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);

afterAll(async () => {
  await standin?.stop();
  await ctx?.close();
});

beforeEach(async () => {
  const db = ctx.deps.db;
  for (const table of [resourcesCentreLog, resourcesCentrePushes, resourcesCentreNonces, referenceConflicts, referencePeople, contentEvents, resourcesCentreSettings, contentAssets]) await db.delete(table);
  standin.reset();
});

describe('settings', () => {
  it('answers the first secret once, never again, and the stand-in verifies with it', async () => {
    const before = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(before.json).toMatchObject({ configured: false, endpointUrl: null });
    const secret = await configure();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const again = await call<ResourcesCentreSettingsWithSecret>('PUT', '/api/content/resources-centre/settings', { body: { endpointUrl: standin.url, enabled: false } });
    expect(again.json.secret).toBeNull();
    const read = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(read.json).toMatchObject({ configured: true, enabled: false, endpointUrl: standin.url, previousSecretAccepted: false });
    expect(read.text).not.toContain(secret);
    const [row] = await ctx.deps.db.select().from(resourcesCentreSettings);
    expect(row!.secretRef).not.toContain(secret);
  });

  it('refuses an endpoint that is not https, carries credentials or points at a private address', async () => {
    for (const [endpointUrl, message] of [
      ['http://resources.example.com', 'must be an https URL'],
      ['https://user:pw@resources.example.com', 'must not carry credentials'],
      ['https://10.0.0.8/api', 'must not point at a private, loopback or link-local address'],
      ['https://169.254.169.254', 'must not point at a private, loopback or link-local address'],
      ['not a url', 'must be a URL such as https://resources.example.com/api'],
    ] as const) {
      const res = await call<{ errors: { field: string; message: string }[] }>('PUT', '/api/content/resources-centre/settings', { body: { endpointUrl, enabled: true } });
      expect(res.status, endpointUrl).toBe(400);
      expect(res.json.errors).toContainEqual({ field: 'body.endpointUrl', message });
    }
    const overlap = await call('POST', '/api/content/resources-centre/secret/rotate', { body: { overlapHours: -1 } });
    expect(overlap.status).toBe(400);
    const unsaved = await call('POST', '/api/content/resources-centre/secret/rotate', { body: { overlapHours: 1 } });
    expect(unsaved.status).toBe(409);
  });

  it('tells whether pushes can go out, and why not', async () => {
    const none = await call<ResourcesCentreStatus>('GET', '/api/content/resources-centre/status', { as: 'content_creator' });
    expect(none.json).toMatchObject({ configured: false, reason: expect.stringContaining('not configured') });
    const assetId = await textAsset();
    const refused = await call<{ detail: string }>('POST', `/api/content/assets/${assetId}/push`, { as: 'content_creator' });
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toContain('not configured');
    await configure();
    const ok = await call<ResourcesCentreStatus>('GET', '/api/content/resources-centre/status', { as: 'agent' });
    expect(ok.json).toEqual({ configured: true, enabled: true, reason: null });
  });
});

describe('pushing an asset', () => {
  it('signs the push so the Resources Centre verifies it, and records its id and page as the asset’s public URL', async () => {
    await configure();
    const assetId = await textAsset();
    const res = await call<ResourcesCentrePush>('POST', `/api/content/assets/${assetId}/push`, { as: 'content_creator' });
    expect(res.status, res.text).toBe(202);
    expect(res.json).toMatchObject({ assetId, state: 'delivered', attempts: 1, versionNumber: 1, remoteId: 'rc-1', lastError: null });
    const [request] = standin.received();
    expect(request).toMatchObject({ method: 'POST', path: '/assets', signatureValid: true, applied: true, idempotencyKey: res.json.idempotencyKey });
    const sent = JSON.parse(request!.body) as { asset: { id: string; title: string; body: string; version: number }; tracking: { channel: string } };
    expect(sent.asset).toMatchObject({ id: assetId, title: 'Pipeline Playbook 2027', body: 'Five plays that fill the pipeline.', version: 1 });
    expect(sent.tracking.channel).toBe('resources_centre');
    const [asset] = await ctx.deps.db.select().from(contentAssets).where(eq(contentAssets.id, assetId));
    expect(asset!.publicUrl).toBe(`${standin.url}/resources/rc-1`);
    const log = await lastLog();
    expect(log).toMatchObject({ direction: 'push', outcome: 'delivered', httpStatus: 200, pushId: res.json.id });
    const settings = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(settings.json.lastPushAt).toBe(clock.now().toISOString());
  });

  it('a push signed with another secret is refused by the Resources Centre and is final', async () => {
    await configure();
    standin.setSecret('a-secret-the-resources-centre-was-given-by-mistake');
    const assetId = await textAsset();
    const res = await call<ResourcesCentrePush>('POST', `/api/content/assets/${assetId}/push`);
    expect(res.json).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('401') });
    expect(standin.received()[0]!.signatureValid).toBe(false);
  });

  it('retries after a 500 with exponential backoff and the same key, and is applied once', async () => {
    await configure();
    const assetId = await textAsset();
    // The Resources Centre applies the push but its answer is lost (500), then answers 503 once more.
    standin.setFaults({ count: 1, status: 500, afterApply: true });
    const first = await call<ResourcesCentrePush>('POST', `/api/content/assets/${assetId}/push`);
    expect(first.json).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringContaining('500') });
    expect(Date.parse(first.json.nextAttemptAt!) - clock.now().getTime()).toBe(RETRY_BASE_SECONDS * 1000);

    // Not due yet: the schedule leaves it.
    clock.advance((RETRY_BASE_SECONDS - 1) * 1000);
    await resourcesCentrePushJob.run(ctx.deps);
    expect(standin.received()).toHaveLength(1);

    standin.setFaults({ count: 1, status: 503, afterApply: false });
    clock.advance(1000);
    await resourcesCentrePushJob.run(ctx.deps);
    const second = (await call<{ items: ResourcesCentrePush[] }>('GET', `/api/content/assets/${assetId}/pushes`, { as: 'agent' })).json.items[0]!;
    expect(second).toMatchObject({ state: 'pending', attempts: 2 });
    // The wait doubles.
    expect(Date.parse(second.nextAttemptAt!) - clock.now().getTime()).toBe(2 * RETRY_BASE_SECONDS * 1000);

    clock.advance(2 * RETRY_BASE_SECONDS * 1000);
    await resourcesCentrePushJob.run(ctx.deps);
    const done = (await call<{ items: ResourcesCentrePush[] }>('GET', `/api/content/assets/${assetId}/pushes`)).json.items[0]!;
    expect(done).toMatchObject({ state: 'delivered', attempts: 3, remoteId: 'rc-1', lastError: null });

    const requests = standin.received();
    expect(requests.map((r) => r.status)).toEqual([500, 503, 200]);
    expect(new Set(requests.map((r) => r.idempotencyKey))).toEqual(new Set([first.json.idempotencyKey]));
    expect(requests.every((r) => r.signatureValid)).toBe(true);
    expect(requests.map((r) => r.applied)).toEqual([true, false, false]);
    expect(standin.applied()).toEqual([expect.objectContaining({ idempotencyKey: first.json.idempotencyKey, requests: 2, remoteId: 'rc-1' })]);
    const log = (await call<{ items: ResourcesCentreLogEntry[] }>('GET', '/api/content/resources-centre/log', { query: { direction: 'push' } })).json.items;
    expect(log.map((l) => [l.outcome, l.httpStatus])).toEqual([
      ['delivered', 200],
      ['failed', 503],
      ['failed', 500],
    ]);
  });

  it('a 400 is final: no retry', async () => {
    await configure();
    const assetId = await textAsset();
    standin.setFaults({ count: 1, status: 400 });
    const res = await call<ResourcesCentrePush>('POST', `/api/content/assets/${assetId}/push`);
    expect(res.json).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: null, lastError: expect.stringContaining('400') });
    clock.advance(3600_000);
    await resourcesCentrePushJob.run(ctx.deps);
    expect(standin.received()).toHaveLength(1);
    expect(await lastLog()).toMatchObject({ direction: 'push', outcome: 'failed', httpStatus: 400, detail: expect.stringContaining('final') });
  });

  it('stops after the last attempt', async () => {
    await configure();
    const assetId = await textAsset();
    standin.setFaults({ count: 10, status: 429 });
    await call('POST', `/api/content/assets/${assetId}/push`);
    for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
      clock.advance(3600_000);
      await resourcesCentrePushJob.run(ctx.deps);
    }
    const [push] = (await call<{ items: ResourcesCentrePush[] }>('GET', `/api/content/assets/${assetId}/pushes`)).json.items;
    expect(push).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(standin.received()).toHaveLength(MAX_ATTEMPTS);
  });

  it('answers 404 for an asset that does not exist and 400 for a bad id', async () => {
    await configure();
    expect((await call('POST', '/api/content/assets/0190c6c4-7b1e-7000-8000-00000000abcd/push')).status).toBe(404);
    expect((await call('GET', '/api/content/assets/not-an-id/pushes')).status).toBe(400);
  });
});

describe('the signed inbound endpoint', () => {
  const people = (at: Date) => ({ references: [speaker('spk-1', 'Amara Okafor', { title: 'VP Demand Generation' }, at)] });

  it('accepts a request signed with the secret, once', async () => {
    const secret = await configure();
    const res = await inbound({ secret, body: people(clock.now()) });
    expect(res.status, res.text).toBe(200);
    expect(res.json.references).toEqual({ created: 1, updated: 0, conflicts: 0, unchanged: 0 });
    expect(await lastLog()).toMatchObject({ direction: 'inbound', outcome: 'accepted' });
    const settings = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(settings.json.lastInboundAt).toBe(clock.now().toISOString());
  });

  it('refuses a forged request (another secret) with a 401 that does not say why, and logs why', async () => {
    await configure();
    const res = await inbound({ secret: randomBytes(32).toString('hex'), body: people(clock.now()) });
    expect(res.status).toBe(401);
    expect(res.json.detail).toBe('The request is not signed as the Resources Centre signs.');
    expect(await lastLog()).toMatchObject({ direction: 'inbound', outcome: 'refused', httpStatus: 401, detail: expect.stringContaining('signature does not match') });
    expect(await ctx.deps.db.select().from(referencePeople)).toHaveLength(0);
  });

  it('refuses an altered request (the body changed after signing)', async () => {
    const secret = await configure();
    const signed = JSON.stringify(people(clock.now()));
    const res = await inbound({ secret, body: JSON.parse(signed) as unknown, sentBody: signed.replace('Amara Okafor', 'Mallory Okafor') });
    expect(res.status).toBe(401);
    expect(res.json.detail).toBe('The request is not signed as the Resources Centre signs.');
    expect(await ctx.deps.db.select().from(referencePeople)).toHaveLength(0);
  });

  it('refuses a replayed request (the same nonce), even signed and on time', async () => {
    const secret = await configure();
    const nonce = randomBytes(16).toString('hex');
    expect((await inbound({ secret, nonce, body: people(clock.now()) })).status).toBe(200);
    clock.advance(5000);
    const replay = await inbound({ secret, nonce, body: people(clock.now()) });
    expect(replay.status).toBe(401);
    expect(replay.json.detail).toBe('The request is not signed as the Resources Centre signs.');
    expect(await lastLog()).toMatchObject({ outcome: 'refused', detail: expect.stringContaining('replay') });
  });

  it('refuses a stale request (timestamp outside ±300 s) in either direction', async () => {
    const secret = await configure();
    for (const offset of [-301, 301]) {
      const res = await inbound({ secret, timestamp: nowSeconds() + offset, body: people(clock.now()) });
      expect(res.status, String(offset)).toBe(401);
      expect(res.json.detail).toBe('The request is not signed as the Resources Centre signs.');
      expect(await lastLog()).toMatchObject({ outcome: 'refused', detail: expect.stringContaining('window') });
    }
    expect((await inbound({ secret, timestamp: nowSeconds() - 300, body: people(clock.now()) })).status).toBe(200);
  });

  it('answers 400 to a request without the headers, 401 while the link is off, and 400 to a signed body that is not as agreed', async () => {
    const secret = await configure();
    const bare = await invoke<{ detail: string }>(handler, { method: 'POST', path: RC_INBOUND_PATH, body: '{}' });
    expect(bare.status).toBe(400);
    const bad = await inbound({ secret, body: { references: [{ kind: 'keynote', id: 'x', name: 'X', updatedAt: clock.now().toISOString() }] } });
    expect(bad.status).toBe(400);
    expect(await lastLog()).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('references.0.kind') });
    await call('PUT', '/api/content/resources-centre/settings', { body: { endpointUrl: standin.url, enabled: false } });
    expect((await inbound({ secret, body: people(clock.now()) })).status).toBe(401);
  });

  it('records view events as the asset’s views, by its id there or here', async () => {
    const secret = await configure();
    const assetId = await textAsset();
    await call('POST', `/api/content/assets/${assetId}/push`);
    const at = clock.now().toISOString();
    const res = await inbound({
      secret,
      body: {
        views: [
          { eventId: 'v-1', assetRemoteId: 'rc-1', email: 'someone@example.com', at },
          { eventId: 'v-2', assetId, at },
          { eventId: 'v-1', assetRemoteId: 'rc-1', at },
          { assetRemoteId: 'rc-unknown', at },
        ],
      },
    });
    expect(res.json.views).toEqual({ recorded: 2, unknownAsset: 1 });
    const events = await ctx.deps.db.select().from(contentEvents).where(eq(contentEvents.assetId, assetId));
    expect(events.map((e) => e.kind)).toEqual(['view', 'view']);
  });

  it('forgets nonces only well past the window', async () => {
    const secret = await configure();
    expect((await inbound({ secret })).status).toBe(200);
    expect(await pruneNonces(ctx.deps.db, clock.now())).toBe(0);
    clock.advance(NONCE_RETENTION_SECONDS * 1000 + 1000);
    expect(await pruneNonces(ctx.deps.db, clock.now())).toBe(1);
  });
});

describe('rotating the secret', () => {
  it('accepts both secrets during the overlap only, and only the new one after it', async () => {
    const old = await configure();
    const rotated = await call<ResourcesCentreSettingsWithSecret>('POST', '/api/content/resources-centre/secret/rotate', { body: { overlapHours: 2 } });
    expect(rotated.status, rotated.text).toBe(200);
    const fresh = rotated.json.secret!;
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toBe(old);
    expect(rotated.json).toMatchObject({ previousSecretAccepted: true, previousSecretExpiresAt: new Date(clock.now().getTime() + 2 * 3600_000).toISOString() });

    expect((await inbound({ secret: old })).status).toBe(200);
    expect((await inbound({ secret: fresh })).status).toBe(200);

    clock.advance(2 * 3600_000 - 1000);
    expect((await inbound({ secret: old })).status).toBe(200);

    clock.advance(1000);
    expect((await inbound({ secret: old })).status).toBe(401);
    expect((await inbound({ secret: fresh })).status).toBe(200);
    const settings = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(settings.json).toMatchObject({ previousSecretAccepted: false, previousSecretExpiresAt: null });
  });

  it('without an overlap, the old secret stops at once; pushes are signed with the new one', async () => {
    const old = await configure();
    const rotated = await call<ResourcesCentreSettingsWithSecret>('POST', '/api/content/resources-centre/secret/rotate', { body: { overlapHours: 0 } });
    expect((await inbound({ secret: old })).status).toBe(401);
    expect((await inbound({ secret: rotated.json.secret! })).status).toBe(200);
    standin.setSecret(rotated.json.secret!);
    const assetId = await textAsset();
    const push = await call<ResourcesCentrePush>('POST', `/api/content/assets/${assetId}/push`);
    expect(push.json.state).toBe('delivered');
  });
});

describe('reference data and conflicts', () => {
  async function edit(externalId: string, patch: { name?: string; data?: Record<string, string | null> }) {
    const people = (await call<{ items: ReferencePerson[] }>('GET', '/api/content/resources-centre/people')).json.items;
    const person = people.find((p) => p.externalId === externalId)!;
    const res = await call<ReferencePerson>('PATCH', `/api/content/resources-centre/people/${person.id}`, { body: patch });
    expect(res.status, res.text).toBe(200);
    return res.json;
  }

  it('updates a record not edited here, and ignores an older one', async () => {
    const secret = await configure();
    const t0 = clock.now();
    await inbound({ secret, body: { references: [speaker('spk-1', 'Amara Okafor', { title: 'Director' }, t0)] } });
    clock.advance(60_000);
    const newer = await inbound({ secret, body: { references: [speaker('spk-1', 'Amara Okafor', { title: 'VP Demand Generation' }, clock.now())] } });
    expect(newer.json.references).toMatchObject({ updated: 1 });
    const older = await inbound({ secret, body: { references: [speaker('spk-1', 'Amara Okafor', { title: 'Intern' }, t0)] } });
    expect(older.json.references).toMatchObject({ unchanged: 1 });
    const [person] = (await call<{ items: ReferencePerson[] }>('GET', '/api/content/resources-centre/people', { query: { kind: 'speaker' } })).json.items;
    expect(person!.data).toEqual({ title: 'VP Demand Generation' });
  });

  it('an incoming change to a record edited here becomes a conflict; keeping ours keeps our edit', async () => {
    const secret = await configure();
    await inbound({ secret, body: { references: [speaker('spk-2', 'Jonas Lindqvist', { title: 'Head of Ops', company: 'Nordvik' }, clock.now())] } });
    clock.advance(60_000);
    await edit('spk-2', { data: { title: 'VP Marketing Operations', company: 'Nordvik' } });
    clock.advance(60_000);
    const res = await inbound({ secret, body: { references: [speaker('spk-2', 'Jonas Lindqvist', { title: 'Head of Ops', company: 'Nordvik AB' }, clock.now())] } });
    expect(res.json.references).toMatchObject({ conflicts: 1, updated: 0 });

    const conflicts = (await call<{ items: ReferenceConflict[] }>('GET', '/api/content/resources-centre/conflicts')).json.items;
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ state: 'open', fields: ['company', 'title'], incoming: { data: { company: 'Nordvik AB', title: 'Head of Ops' } } });
    expect(conflicts[0]!.person).toMatchObject({ data: { title: 'VP Marketing Operations', company: 'Nordvik' }, openConflicts: 1 });

    const kept = await call<ReferenceConflict>('POST', `/api/content/resources-centre/conflicts/${conflicts[0]!.id}/resolve`, { body: { resolution: 'keep_ours' } });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.json).toMatchObject({ state: 'resolved', resolution: 'keep_ours', resolvedBy: { id: expect.any(String) } });
    const [person] = (await call<{ items: ReferencePerson[] }>('GET', '/api/content/resources-centre/people')).json.items;
    expect(person).toMatchObject({ data: { title: 'VP Marketing Operations', company: 'Nordvik' }, openConflicts: 0 });
    // Our edit still stands: the next change there is again a conflict, not an overwrite.
    clock.advance(60_000);
    const next = await inbound({ secret, body: { references: [speaker('spk-2', 'Jonas Lindqvist', { title: 'Head of Ops', company: 'Nordvik Group' }, clock.now())] } });
    expect(next.json.references).toMatchObject({ conflicts: 1 });
    expect((await call('POST', `/api/content/resources-centre/conflicts/${conflicts[0]!.id}/resolve`, { body: { resolution: 'take_theirs' } })).status).toBe(409);
  });

  it('taking theirs applies the incoming record, and the next change there overwrites as usual', async () => {
    const secret = await configure();
    await inbound({ secret, body: { references: [speaker('spk-3', 'Priya Raman', { company: 'Cobalt' }, clock.now())] } });
    clock.advance(60_000);
    await edit('spk-3', { name: 'Priya Raman-Iyer' });
    clock.advance(60_000);
    await inbound({ secret, body: { references: [speaker('spk-3', 'Priya Raman', { company: 'Cobalt Health' }, clock.now())] } });
    const [conflict] = (await call<{ items: ReferenceConflict[] }>('GET', '/api/content/resources-centre/conflicts')).json.items;
    expect(conflict!.fields).toEqual(['name', 'company']);
    const taken = await call<ReferenceConflict>('POST', `/api/content/resources-centre/conflicts/${conflict!.id}/resolve`, { body: { resolution: 'take_theirs' } });
    expect(taken.json).toMatchObject({ resolution: 'take_theirs' });
    let [person] = (await call<{ items: ReferencePerson[] }>('GET', '/api/content/resources-centre/people')).json.items;
    expect(person).toMatchObject({ name: 'Priya Raman', data: { company: 'Cobalt Health' }, editedAt: null });
    clock.advance(60_000);
    const next = await inbound({ secret, body: { references: [speaker('spk-3', 'Priya Raman', { company: 'Cobalt Health Inc.' }, clock.now())] } });
    expect(next.json.references).toMatchObject({ updated: 1, conflicts: 0 });
    [person] = (await call<{ items: ReferencePerson[] }>('GET', '/api/content/resources-centre/people')).json.items;
    expect(person!.data).toEqual({ company: 'Cobalt Health Inc.' });
    const resolved = (await call<{ items: ReferenceConflict[] }>('GET', '/api/content/resources-centre/conflicts', { query: { state: 'resolved' } })).json.items;
    expect(resolved).toHaveLength(1);
  });

  it('refuses an edit that changes nothing and an unknown person', async () => {
    await configure();
    expect((await call('PATCH', '/api/content/resources-centre/people/0190c6c4-7b1e-7000-8000-00000000abcd', { body: {} })).status).toBe(400);
    expect((await call('PATCH', '/api/content/resources-centre/people/0190c6c4-7b1e-7000-8000-00000000abcd', { body: { name: 'X' } })).status).toBe(404);
    expect((await call('POST', '/api/content/resources-centre/conflicts/0190c6c4-7b1e-7000-8000-00000000abcd/resolve', { body: { resolution: 'maybe' } })).status).toBe(400);
  });
});

describe('the scheduled pull', () => {
  it('pulls reference pages signed like a push, applies them and keeps the cursor', async () => {
    await configure();
    standin.addReference({ references: Array.from({ length: 60 }, (_, i) => speaker(`spk-${i}`, `Speaker ${i}`, {}, clock.now())) });
    const result = await pullReference(ctx.deps);
    expect(result).toEqual({ pages: 3, error: null });
    expect(standin.received().every((r) => r.method === 'GET' && r.path === '/reference' && r.signatureValid)).toBe(true);
    expect(await ctx.deps.db.select().from(referencePeople)).toHaveLength(60);
    standin.addReference({ references: [speaker('spk-new', 'Newcomer', {}, clock.now())] });
    await pullReference(ctx.deps);
    expect(standin.received().at(-2)!.body).toBe('');
    expect(await ctx.deps.db.select().from(referencePeople)).toHaveLength(61);
    const settings = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(settings.json).toMatchObject({ lastPullAt: clock.now().toISOString(), lastPullError: null });
  });

  it('records a failed pull in the settings and the log', async () => {
    await configure();
    standin.setFaults({ count: 1, status: 503 });
    const res = await call<{ pages: number; error: string }>('POST', '/api/content/resources-centre/pull');
    expect(res.json).toMatchObject({ pages: 0, error: expect.stringContaining('503') });
    expect(await lastLog()).toMatchObject({ direction: 'pull', outcome: 'failed', httpStatus: 503 });
    const settings = await call<ResourcesCentreSettings>('GET', '/api/content/resources-centre/settings');
    expect(settings.json.lastPullError).toContain('503');
  });
});

describe('who may do what', () => {
  it('only admins configure the link; content creators push; everyone with content.read sees pushes', async () => {
    const body = { endpointUrl: standin.url, enabled: true };
    for (const role of ['campaign_manager', 'content_creator', 'agent', 'quality_analyst'] as const) {
      expect((await call('PUT', '/api/content/resources-centre/settings', { as: role, body })).status, role).toBe(403);
      expect((await call('GET', '/api/content/resources-centre/log', { as: role })).status, role).toBe(403);
      expect((await call('POST', '/api/content/resources-centre/secret/rotate', { as: role, body: { overlapHours: 1 } })).status, role).toBe(403);
    }
    await configure();
    const assetId = await textAsset();
    expect((await call('POST', `/api/content/assets/${assetId}/push`, { as: 'agent' })).status).toBe(403);
    expect((await call('POST', `/api/content/assets/${assetId}/push`, { as: 'campaign_manager' })).status).toBe(202);
    expect((await call('GET', `/api/content/assets/${assetId}/pushes`, { as: 'quality_analyst' })).status).toBe(200);
    const noToken = await invoke(handler, { method: 'GET', path: '/api/content/resources-centre/settings' });
    expect(noToken.status).toBe(401);
  });
});
