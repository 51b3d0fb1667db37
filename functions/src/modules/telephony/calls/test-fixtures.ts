// Fixtures of the calls tests: the local stack's pieces (a fresh database, dynalite as the one
// table, s3rver as the bucket), a tiny Telnyx on 127.0.0.1 that records the Call Control requests
// the SDK sends and serves a WAV, an Ed25519 key pair that signs webhooks as Telnyx does, and
// builders for a campaign with its dispositions and form, an agent, a contact, a queued item and
// a call the dialer placed.
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Role } from '@shared/roles';
import type { DialerSettings, FormField } from '@shared/contracts/telephony';
import { dialerSettingsSchema } from '@shared/contracts/telephony';
import { ensureMainTable, startDynamo, type DynamoEmulator } from '../../../../../infra/local/emulators/dynamo';
import { startS3, type S3Emulator } from '../../../../../infra/local/emulators/s3';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { FAST_AUTH_ENV, makeUser, testClock, type TestClock } from '../../../../test/support/identity-fixtures';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { issueAccessToken } from '../../identity';
import { insertContacts } from '../../compliance/testing';
import { agentCredentials, callCampaigns, callDispositions, calls, campaignAgents, dialerQueueItems, dialerQueues, sipTrunks } from '../../../db/schema';
import { createTelephonyModule, noTelephonyHooks } from '../index';
import { getPresence, reserveAgent, setPresence } from '../presence';
import { encodeClientState } from './call-keys';

export const BUCKET = 'pivotal-calls-test';
const TABLE = 'pivotal-calls-test';

/** A WAV header and a little silence: what the fake Telnyx serves as a recording. */
export const WAV_BYTES = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(36, 1)]);

export interface FakeRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** Telnyx's Call Control and credential paths, enough for the SDK; every request recorded. */
export interface FakeTelnyx {
  baseUrl: string;
  requests: FakeRequest[];
  /** Dial requests, optionally only those to a SIP URI (agent legs). */
  dials(to?: 'agent' | 'contact'): FakeRequest[];
  actions(name: string): FakeRequest[];
  /** Makes the next dials fail with a 422. */
  failDials: boolean;
  recordingUrl: string;
  stop(): Promise<void>;
}

async function startFakeTelnyx(): Promise<FakeTelnyx> {
  const requests: FakeRequest[] = [];
  const state = { failDials: false };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname.startsWith('/recordings/')) {
        res.writeHead(200, { 'content-type': 'audio/wav' }).end(WAV_BYTES);
        return;
      }
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? 'GET', path: url.pathname, body });
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (url.pathname === '/v2/calls') {
        if (state.failDials) return json(422, { errors: [{ code: '90018', title: 'Call failed' }] });
        const id = `v3:${randomUUID()}`;
        return json(200, { data: { call_control_id: id, call_leg_id: randomUUID(), call_session_id: randomUUID(), record_type: 'call' } });
      }
      if (/^\/v2\/calls\/[^/]+\/actions\/[a-z_]+$/.test(url.pathname)) return json(200, { data: { result: 'ok' } });
      if (url.pathname === '/v2/telephony_credentials') {
        return json(201, { data: { id: randomUUID(), sip_username: `gencred${Math.floor(Math.random() * 1e9)}`, record_type: 'credential' } });
      }
      if (/^\/v2\/telephony_credentials\/[^/]+\/token$/.test(url.pathname)) {
        res.writeHead(201, { 'content-type': 'text/plain' }).end('eyJhbGciOiJSUzI1NiJ9.fake.token');
        return;
      }
      json(404, { errors: [{ title: 'not found' }] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    dials: (to) =>
      requests.filter((r) => r.path === '/v2/calls' && (!to || (to === 'agent') === String(r.body.to).startsWith('sip:'))),
    actions: (name) => requests.filter((r) => r.path.endsWith(`/actions/${name}`)),
    get failDials() {
      return state.failDials;
    },
    set failDials(value: boolean) {
      state.failDials = value;
    },
    recordingUrl: `http://127.0.0.1:${port}/recordings/call.wav`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Signs bodies as Telnyx does: Ed25519 over `timestamp|body`; the public key as TELNYX_PUBLIC_KEY wants it (raw 32 bytes, base64). */
export interface WebhookSigner {
  publicKey: string;
  sign(body: string, timestamp?: number): Record<string, string>;
}

export function webhookSigner(): WebhookSigner {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
  return {
    publicKey: raw.toString('base64'),
    sign: (body, timestamp = Math.floor(Date.now() / 1000)) => signWith(privateKey, body, timestamp),
  };
}

function signWith(key: KeyObject, body: string, timestamp: number): Record<string, string> {
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`, 'utf8'), key).toString('base64');
  return { 'content-type': 'application/json', 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': String(timestamp) };
}

export interface CallsTestContext extends TestContext {
  clock: TestClock;
  telnyx: FakeTelnyx;
  signer: WebhookSigner;
  s3: S3Emulator;
  dynamo: DynamoEmulator;
  handler: HttpHandler;
}

export async function createCallsTestContext(options: { env?: Record<string, string> } = {}): Promise<CallsTestContext> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-calls-'));
  const [telnyx, dynamo, s3] = await Promise.all([startFakeTelnyx(), startDynamo({}), startS3({ directory: dir, buckets: [BUCKET] })]);
  await ensureMainTable(dynamo.endpoint, TABLE, 'us-east-1');
  const signer = webhookSigner();
  const clock = testClock();
  const ctx = await createTestDeps({
    now: clock.now,
    env: {
      ...FAST_AUTH_ENV,
      TELNYX_API_KEY: 'KEYtest',
      TELNYX_BASE_URL: telnyx.baseUrl,
      TELNYX_PUBLIC_KEY: signer.publicKey,
      TELNYX_WEBRTC_HOST: 'ws://127.0.0.1:9/verto',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: TABLE,
      S3_ENDPOINT: s3.endpoint,
      BUCKET_NAME: BUCKET,
      PUBLIC_BASE_URL: 'https://crm.example.com',
      ...(options.env ?? {}),
    },
  });
  const handler = createHttpHandler(createTelephonyModule(noTelephonyHooks), { deps: async () => ctx.deps });
  return {
    ...ctx,
    clock,
    telnyx,
    signer,
    s3,
    dynamo,
    handler,
    close: async () => {
      await ctx.close();
      await Promise.all([telnyx.stop(), dynamo.stop(), s3.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function userWithToken(t: TestContext, roles: Role[]): Promise<{ id: string; token: string }> {
  const user = await makeUser(t.deps, { roles });
  const { accessToken } = await issueAccessToken(t.deps, { id: user.id, roles, orgId: null, tokenVersion: 0, sessionId: null });
  return { id: user.id, token: accessToken };
}

export const QUALIFICATION_FORM: FormField[] = [
  { id: 'budget', label: 'Budget this year', type: 'number', required: true, min: 0 },
  { id: 'timeline', label: 'Buying timeline', type: 'choice', required: false, options: ['this quarter', 'this year', 'later'] },
  { id: 'decision_maker', label: 'Decision maker', type: 'yes_no', required: true },
];

export interface CampaignFixture {
  campaignId: string;
  dispositions: Record<'interested' | 'not_interested' | 'call_back' | 'dnc' | 'wrong_number', string>;
}

/** An active campaign with a default trunk, its form, five dispositions and a dialer queue. */
export async function campaignFixture(t: TestContext, settings: Partial<DialerSettings> = {}): Promise<CampaignFixture> {
  const db = t.deps.db;
  const [existing] = await db.select({ id: sipTrunks.id }).from(sipTrunks);
  if (!existing) {
    await db.insert(sipTrunks).values({
      name: 'Main trunk',
      sipHost: 'sip.telnyx.com',
      sipUsername: 'acme',
      secretRef: 'sealed',
      secretHint: '3x',
      connectionId: 'conn-1',
      callerIds: ['+14155550100'],
      isDefault: true,
    });
  }
  const [campaign] = await db
    .insert(callCampaigns)
    .values({ name: `Q3 outreach ${randomUUID().slice(0, 6)}`, status: 'active', sellerName: 'Acme Analytics', sellerPhone: '+14155550199', callerId: '+14155550100', form: QUALIFICATION_FORM })
    .returning();
  const id = campaign!.id;
  const rows = await db
    .insert(callDispositions)
    .values([
      { campaignId: id, code: 'interested', label: 'Interested', outcomeClass: 'positive', position: 1, retryAfterMinutes: null },
      { campaignId: id, code: 'not_interested', label: 'Not interested', outcomeClass: 'negative', position: 2, retryAfterMinutes: 60 * 24 * 30 },
      { campaignId: id, code: 'call_back', label: 'Call back', outcomeClass: 'callback', position: 3, retryAfterMinutes: null },
      { campaignId: id, code: 'dnc', label: 'Do not call', outcomeClass: 'do_not_call', position: 4, retryAfterMinutes: null },
      { campaignId: id, code: 'wrong_number', label: 'Wrong number', outcomeClass: 'wrong_number', position: 5, retryAfterMinutes: null },
    ])
    .returning();
  await db.insert(dialerQueues).values({ campaignId: id, status: 'active', settings: dialerSettingsSchema.parse(settings) });
  const byCode = Object.fromEntries(rows.map((r) => [r.code, r.id])) as CampaignFixture['dispositions'];
  return { campaignId: id, dispositions: byCode };
}

/** An agent assigned to the campaign, with a telephony credential, available. */
export async function agentFixture(t: TestContext, campaignId: string): Promise<{ id: string; token: string; sipUsername: string }> {
  const agent = await userWithToken(t, ['agent']);
  const sipUsername = `agent${Math.floor(Math.random() * 1e9)}`;
  await t.deps.db.insert(campaignAgents).values({ campaignId, userId: agent.id });
  await t.deps.db.insert(agentCredentials).values({ userId: agent.id, credentialId: randomUUID(), sipUsername });
  await setPresence(t.deps, agent.id, 'available');
  return { ...agent, sipUsername };
}

let phoneSeq = 1000;

/** A contact with a US business number in New York, queued in the campaign. */
export async function queuedContact(t: TestContext, campaignId: string): Promise<{ contactId: string; phone: string }> {
  const phone = `+1212555${String(++phoneSeq).padStart(4, '0')}`;
  const [contactId] = await insertContacts(t.deps.db, [{ fullName: `Dana Buyer ${phoneSeq}`, directPhone: phone, timezone: 'America/New_York', country: 'US', state: 'NY' }]);
  await t.deps.db.insert(dialerQueueItems).values({ campaignId, contactId: contactId!, phone, status: 'queued' });
  return { contactId: contactId!, phone };
}

/** A call the dialer placed: the queue item leased to it, the agent reserved for it. */
export async function dialledCall(
  t: TestContext,
  input: { campaignId: string; contactId: string; phone: string; agentId: string | null; callControlId?: string },
): Promise<{ callId: string; callControlId: string }> {
  const callControlId = input.callControlId ?? `v3:${randomUUID()}`;
  const [call] = await t.deps.db
    .insert(calls)
    .values({
      campaignId: input.campaignId,
      contactId: input.contactId,
      agentId: input.agentId,
      origin: 'dialer',
      toNumber: input.phone,
      fromNumber: '+14155550100',
      callControlId,
      startedAt: t.deps.now(),
    })
    .returning();
  await t.deps.db.execute(
    sql`update dialer_queue_items set status = 'dialing', call_id = ${call!.id}::uuid, lease_until = now() + interval '1 hour'
      where campaign_id = ${input.campaignId}::uuid and contact_id = ${input.contactId}::uuid`,
  );
  if (input.agentId) {
    const presence = await getPresence(t.deps, input.agentId);
    if (!(await reserveAgent(t.deps, presence, call!.id, input.campaignId))) throw new Error('agent not reserved');
  }
  return { callId: call!.id, callControlId };
}

/** A Telnyx webhook body of the real shape (`data` with the event, `meta` beside it). */
export function telnyxBody(input: {
  id?: string;
  type: string;
  at: Date;
  callId: string;
  callControlId: string;
  leg?: 'contact' | 'agent';
  amd?: boolean;
  payload?: Record<string, unknown>;
}): string {
  return JSON.stringify({
    data: {
      record_type: 'event',
      id: input.id ?? randomUUID(),
      event_type: input.type,
      occurred_at: input.at.toISOString(),
      payload: {
        call_control_id: input.callControlId,
        call_leg_id: randomUUID(),
        call_session_id: 'session-1',
        connection_id: 'conn-1',
        client_state: Buffer.from(encodeClientState({ callId: input.callId, leg: input.leg ?? 'contact', ...(input.amd !== undefined ? { amd: input.amd } : {}) })).toString('base64'),
        ...(input.payload ?? {}),
      },
    },
    meta: { attempt: 1, delivered_to: 'https://crm.example.com/api/telephony/webhooks/telnyx' },
  });
}
