// Telnyx on the laptop: one loopback server speaking the parts of the Telnyx v2 API the `telnyx` SDK
// calls for us (Call Control dial and actions, telephony credentials and their WebRTC login
// tokens), signing its call webhooks with an Ed25519 key kept in the data folder, answering the
// browser SDK's Verto WebSocket on the same port, and serving the recordings it makes. Calls play
// outcomes configured per destination (see telnyx-calls.ts for the rules and the default).
//
// Control API for tests and people (no API key needed, loopback only):
//   GET    /__standin/calls            the calls, newest last, with the events each produced
//   GET    /__standin/webhooks         the webhooks sent and how their delivery went
//   POST   /__standin/outcomes         {number | prefix, outcome, ringMs?, hangupAfterMs?, detection?}
//   DELETE /__standin/outcomes         forget every rule
//   POST   /__standin/default-outcome  {outcome: Outcome | null}   (null: by last digit)
//   POST   /__standin/delays           {ringMs?, amdMs?, mediaMs?, noAnswerMs?, webhookMs?}
//   POST   /__standin/inbound          {from, to, connection_id?} an incoming call, parked
//   GET    /__standin/agents           the browsers logged in over Verto
//   GET    /__standin/recordings/<id>.wav  a recording (10 minutes, like Telnyx's links)
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readBody, sendJson } from './local-http';
import {
  createCallEngine,
  DEFAULT_DELAYS,
  DETECTIONS,
  OUTCOMES,
  TelnyxApiError,
  type CallView,
  type DialInput,
  type MachineDetection,
  type Outcome,
  type OutcomeRule,
  type StandinDelays,
  type WebhookDelivery,
} from './telnyx-calls';
import { ephemeralSigningKey, loadOrCreateSigningKey } from './telnyx-signing-key';
import { createVertoServer, type VertoSession } from './telnyx-verto';

export type { CallView, MachineDetection, Outcome, OutcomeRule, SpokenText, StandinDelays, TargetLegs, WebhookDelivery } from './telnyx-calls';
export { outcomeByLastDigit } from './telnyx-calls';

export interface TelnyxStandinOptions {
  /** The API key the REST API accepts as `Authorization: Bearer …`. */
  apiKey: string;
  /** Keeps the signing key and the telephony credentials here; in memory only when unset. */
  dataDir?: string;
  /** Where call events go when a dial names no webhook_url. */
  webhookUrl?: string;
  /** The outcome of numbers no rule names; by the number's last digit when unset. */
  defaultOutcome?: Outcome;
  delays?: Partial<StandinDelays>;
}

export interface TelnyxStandin {
  /** http://127.0.0.1:PORT */
  url: string;
  /** What TELNYX_BASE_URL is set to (url + /v2). */
  apiBaseUrl: string;
  /** What TELNYX_WEBRTC_HOST is set to (ws://127.0.0.1:PORT). */
  webrtcHost: string;
  apiKey: string;
  /** The raw 32-byte Ed25519 public key in base64 (TELNYX_PUBLIC_KEY). */
  publicKey: string;
  /** Telnyx's signature headers for any body at any time (tests of stale, replayed or hand-made webhooks). */
  signWebhook(rawBody: string, timestamp?: number): Record<'telnyx-signature-ed25519' | 'telnyx-timestamp', string>;
  setOutcome(rule: OutcomeRule): void;
  clearOutcomes(): void;
  /** null: by the number's last digit. */
  setDefaultOutcome(outcome: Outcome | null): void;
  setDelays(delays: Partial<StandinDelays>): void;
  setWebhookUrl(url: string | null): void;
  calls(): CallView[];
  call(callControlId: string): CallView | undefined;
  /** Webhooks sent so far (the most recent 5,000). */
  webhooks(): WebhookDelivery[];
  /** Resolves with the first webhook, already delivered or to come, that `match` accepts (after its delivery was tried). */
  waitForWebhook(match: (delivery: WebhookDelivery) => boolean, timeoutMs?: number): Promise<WebhookDelivery>;
  /** An incoming call to the application (call.initiated, parked until answered). */
  inbound(input: { from: string; to: string; connectionId?: string }): CallView;
  /** Browsers logged in over Verto. */
  agents(): VertoSession[];
  stop(): Promise<void>;
}

interface Credential {
  id: string;
  name: string;
  connectionId: string;
  sipUsername: string;
  sipPassword: string;
  createdAt: string;
}

const CREDENTIALS_FILE = 'telnyx-standin-credentials.json';
const TOKEN_TTL_SECONDS = 24 * 60 * 60;
const CONNECTION_FOR_BROWSER_CALLS = 'standin-webrtc';

type Json = Record<string, unknown>;

const invalid = (field: string, detail: string) => new TelnyxApiError(422, '10015', 'Invalid value', detail, `/${field}`);

function apiError(res: http.ServerResponse, error: TelnyxApiError): void {
  sendJson(res, error.status, {
    errors: [{ code: error.code, title: error.title, detail: error.detail, ...(error.pointer ? { source: { pointer: error.pointer } } : {}) }],
  });
}

const isBase64 = (value: string) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value);

function parseDial(body: Json): DialInput {
  const required = (field: string) => {
    const value = body[field];
    if (typeof value !== 'string' || !value.trim()) throw invalid(field, `${field} is required.`);
    return value.trim();
  };
  const to = required('to');
  const from = required('from');
  const connectionId = required('connection_id');
  const clientState = typeof body.client_state === 'string' ? body.client_state : null;
  if (clientState !== null && !isBase64(clientState)) throw invalid('client_state', 'client_state must be base64.');
  const timeoutSecs = body.timeout_secs === undefined ? 30 : Number(body.timeout_secs);
  if (!Number.isInteger(timeoutSecs) || timeoutSecs < 5 || timeoutSecs > 600) throw invalid('timeout_secs', 'timeout_secs must be an integer from 5 to 600.');
  const record = body.record === 'record-from-answer';
  return {
    to,
    from,
    connectionId,
    clientState,
    amd: typeof body.answering_machine_detection === 'string' ? body.answering_machine_detection : null,
    timeoutSecs,
    record: record ? { channels: body.record_channels === 'single' ? 'single' : 'dual', format: body.record_format === 'mp3' ? 'mp3' : 'wav' } : null,
    linkTo: typeof body.link_to === 'string' ? body.link_to : null,
    bridgeOnAnswer: body.bridge_on_answer === true,
    webhookUrl: typeof body.webhook_url === 'string' ? body.webhook_url : null,
  };
}

function parseRule(body: Json): OutcomeRule {
  const outcome = body.outcome as Outcome;
  if (!OUTCOMES.includes(outcome)) throw invalid('outcome', `outcome must be one of ${OUTCOMES.join(', ')}.`);
  const number = typeof body.number === 'string' ? body.number : undefined;
  const prefix = typeof body.prefix === 'string' ? body.prefix : undefined;
  if ((number === undefined) === (prefix === undefined)) throw invalid('number', 'Give either number or prefix.');
  const ms = (field: string) => {
    const value = body[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || value < 0) throw invalid(field, `${field} must be a number of milliseconds.`);
    return value;
  };
  const ringMs = ms('ringMs');
  const hangupAfterMs = ms('hangupAfterMs');
  const detection = body.detection as MachineDetection | undefined;
  if (detection !== undefined && !DETECTIONS.includes(detection)) throw invalid('detection', `detection must be one of ${DETECTIONS.join(', ')}.`);
  return {
    outcome,
    ...(number !== undefined ? { number } : { prefix }),
    ...(ringMs !== undefined ? { ringMs } : {}),
    ...(hangupAfterMs !== undefined ? { hangupAfterMs } : {}),
    ...(detection !== undefined ? { detection } : {}),
  };
}

async function jsonBody(req: http.IncomingMessage): Promise<Json> {
  const raw = (await readBody(req)).toString('utf8');
  if (!raw.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // Answered below, as Telnyx answers a body it cannot read.
  }
  throw new TelnyxApiError(400, '10002', 'Invalid JSON', 'The request body is not a JSON object.');
}

export async function startTelnyxStandin(options: TelnyxStandinOptions): Promise<TelnyxStandin> {
  const signingKey = options.dataDir ? await loadOrCreateSigningKey(options.dataDir) : ephemeralSigningKey();
  const credentials = new Map<string, Credential>();
  const credentialsFile = options.dataDir ? path.join(options.dataDir, CREDENTIALS_FILE) : null;
  if (credentialsFile) {
    const saved = await readFile(credentialsFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '[]';
      throw error;
    });
    for (const credential of JSON.parse(saved) as Credential[]) credentials.set(credential.id, credential);
  }
  // Agents keep their credentials across restarts of the stack, as they would at Telnyx.
  let saving = Promise.resolve();
  const saveCredentials = async () => {
    if (!credentialsFile) return;
    const snapshot = JSON.stringify([...credentials.values()]);
    saving = saving.then(async () => {
      const temp = `${credentialsFile}.${process.pid}.tmp`;
      await writeFile(temp, snapshot, { mode: 0o600 });
      await rename(temp, credentialsFile);
    });
    await saving;
  };

  let baseUrl = '';
  const engine = createCallEngine({
    signingKey,
    webhookUrl: options.webhookUrl ?? null,
    defaultOutcome: options.defaultOutcome ?? null,
    delays: { ...DEFAULT_DELAYS, ...options.delays },
    recordingUrl: (id) => `${baseUrl}/__standin/recordings/${id}.wav`,
  });

  const verto = createVertoServer({
    authenticate(params) {
      if (typeof params.login_token === 'string') {
        const claims = signingKey.verifyJwt(params.login_token);
        const credential = typeof claims?.sub === 'string' ? credentials.get(claims.sub) : undefined;
        return credential ? { sipUsername: credential.sipUsername, credentialId: credential.id } : null;
      }
      const credential = [...credentials.values()].find((c) => c.sipUsername === params.login && c.sipPassword === params.passwd);
      return credential ? { sipUsername: credential.sipUsername, credentialId: credential.id } : null;
    },
    answered: (callId) => engine.browserAnswered(callId),
    hungUp: (callId) => engine.browserHungUp(callId),
    placed(session, call) {
      engine.browserPlaced(session, call, credentials.get(session.credentialId)?.connectionId ?? CONNECTION_FOR_BROWSER_CALLS);
    },
    held: (callId, held) => engine.browserHeld(callId, held),
    dtmf: (callId, digits) => engine.browserDtmf(callId, digits),
    disconnected: (_session, callIds) => engine.browserGone(callIds),
  });
  engine.attachVerto(verto);

  async function api(req: http.IncomingMessage, res: http.ServerResponse, parts: string[]): Promise<void> {
    if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
      throw new TelnyxApiError(401, '10009', 'Authentication failed', 'The API key in the Authorization header is missing or wrong.');
    }
    const method = req.method ?? 'GET';
    const [resource, id, sub, action] = parts;
    if (resource === 'calls') {
      if (!id && method === 'POST') {
        const call = engine.dial(parseDial(await jsonBody(req)));
        return sendJson(res, 200, {
          data: { call_control_id: call.callControlId, call_leg_id: call.callLegId, call_session_id: call.callSessionId, is_alive: true, record_type: 'call' },
        });
      }
      if (id && !sub && method === 'GET') {
        const call = engine.call(id);
        if (!call) throw new TelnyxApiError(404, '10005', 'Resource not found', `Call ${id} was not found.`);
        const ended = call.endedAt ? Date.parse(call.endedAt) : Date.now();
        return sendJson(res, 200, {
          data: {
            call_control_id: call.callControlId,
            call_leg_id: call.callLegId,
            call_session_id: call.callSessionId,
            client_state: call.clientState,
            is_alive: call.state !== 'ended',
            call_duration: Math.round((ended - Date.parse(call.startedAt)) / 1000),
            record_type: 'call',
          },
        });
      }
      if (id && sub === 'actions' && action && method === 'POST') {
        engine.action(id, action, await jsonBody(req));
        return sendJson(res, 200, { data: { result: 'ok' } });
      }
    }
    if (resource === 'telephony_credentials') {
      if (!id && method === 'POST') {
        const body = await jsonBody(req);
        if (typeof body.connection_id !== 'string' || !body.connection_id) throw invalid('connection_id', 'connection_id is required.');
        const credential: Credential = {
          id: randomUUID(),
          name: typeof body.name === 'string' ? body.name : '',
          connectionId: body.connection_id,
          sipUsername: `gencred${randomBytes(12).toString('base64url').replace(/[-_]/g, 'x')}`,
          sipPassword: randomBytes(16).toString('hex'),
          createdAt: new Date().toISOString(),
        };
        credentials.set(credential.id, credential);
        await saveCredentials();
        return sendJson(res, 200, { data: credentialView(credential) });
      }
      const credential = id ? credentials.get(id) : undefined;
      if (id && !credential) throw new TelnyxApiError(404, '10005', 'Resource not found', `Telephony credential ${id} was not found.`);
      if (credential && !sub && method === 'GET') return sendJson(res, 200, { data: credentialView(credential) });
      if (credential && !sub && method === 'DELETE') {
        credentials.delete(credential.id);
        await saveCredentials();
        return sendJson(res, 200, { data: credentialView(credential) });
      }
      if (credential && sub === 'token' && method === 'POST') {
        const now = Math.floor(Date.now() / 1000);
        const token = signingKey.signJwt({
          aud: 'telnyx_telephony',
          iss: 'telnyx_telephony',
          sub: credential.id,
          typ: 'access',
          jti: randomUUID(),
          iat: now,
          exp: now + TOKEN_TTL_SECONDS,
        });
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(token) });
        res.end(token);
        return;
      }
    }
    throw new TelnyxApiError(404, '10005', 'Resource not found', `The stand-in does not serve ${method} /v2/${parts.join('/')}.`);
  }

  function credentialView(credential: Credential): Json {
    return {
      id: credential.id,
      record_type: 'credential',
      name: credential.name,
      resource_id: `connection:${credential.connectionId}`,
      sip_username: credential.sipUsername,
      sip_password: credential.sipPassword,
      expired: false,
      expires_at: null,
      created_at: credential.createdAt,
      updated_at: credential.createdAt,
    };
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, parts: string[]): Promise<void> {
    const method = req.method ?? 'GET';
    const [what, id] = parts;
    if (what === 'recordings' && id && method === 'GET') {
      const wav = engine.recording(id.replace(/\.wav$/, ''));
      if (!wav) return sendJson(res, 404, { errors: [{ code: '10005', title: 'Resource not found', detail: 'No such recording, or its link expired.' }] });
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length });
      res.end(wav);
      return;
    }
    if (what === 'calls' && method === 'GET') return sendJson(res, 200, { data: engine.calls() });
    if (what === 'webhooks' && method === 'GET') return sendJson(res, 200, { data: engine.deliveries() });
    if (what === 'agents' && method === 'GET') return sendJson(res, 200, { data: verto.sessions() });
    if (what === 'outcomes' && method === 'GET') return sendJson(res, 200, { data: engine.outcomes() });
    if (what === 'outcomes' && method === 'POST') {
      const rule = parseRule(await jsonBody(req));
      engine.setOutcome(rule);
      return sendJson(res, 200, { data: rule });
    }
    if (what === 'outcomes' && method === 'DELETE') {
      engine.clearOutcomes();
      return sendJson(res, 200, { data: [] });
    }
    if (what === 'default-outcome' && method === 'POST') {
      const { outcome } = await jsonBody(req);
      if (outcome !== null && !OUTCOMES.includes(outcome as Outcome)) throw invalid('outcome', `outcome must be null or one of ${OUTCOMES.join(', ')}.`);
      engine.setDefaultOutcome(outcome as Outcome | null);
      return sendJson(res, 200, { data: { outcome } });
    }
    if (what === 'delays' && method === 'POST') {
      const body = await jsonBody(req);
      const next: Partial<StandinDelays> = {};
      for (const key of ['ringMs', 'amdMs', 'mediaMs', 'noAnswerMs', 'webhookMs'] as const) {
        if (body[key] !== undefined) (next as Record<string, unknown>)[key] = body[key];
      }
      engine.setDelays(next);
      return sendJson(res, 200, { data: next });
    }
    if (what === 'inbound' && method === 'POST') {
      const body = await jsonBody(req);
      if (typeof body.from !== 'string' || typeof body.to !== 'string') throw invalid('from', 'from and to are required.');
      const connectionId = typeof body.connection_id === 'string' ? body.connection_id : CONNECTION_FOR_BROWSER_CALLS;
      return sendJson(res, 200, { data: engine.inbound({ from: body.from, to: body.to, connectionId }) });
    }
    throw new TelnyxApiError(404, '10005', 'Resource not found', `No control endpoint ${method} /__standin/${parts.join('/')}.`);
  }

  const server = http.createServer((req, res) => {
    const parts = new URL(req.url ?? '/', 'http://standin').pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const [root, ...rest] = parts;
    const handled = root === 'v2' ? api(req, res, rest) : root === '__standin' ? control(req, res, rest) : Promise.reject(new TelnyxApiError(404, '10005', 'Resource not found', 'Not a Telnyx path.'));
    handled.catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof TelnyxApiError) return apiError(res, error);
      sendJson(res, 500, { errors: [{ code: '10007', title: 'Unexpected error', detail: error instanceof Error ? error.message : String(error) }] });
    });
  });
  // The browser SDK connects to the host it is given, with its own query string: any path upgrades.
  server.on('upgrade', (req, socket, head) => verto.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    apiBaseUrl: `${baseUrl}/v2`,
    webrtcHost: `ws://127.0.0.1:${port}`,
    apiKey: options.apiKey,
    publicKey: signingKey.publicKeyBase64,
    signWebhook: (rawBody, timestamp = Math.floor(Date.now() / 1000)) => signingKey.signWebhook(rawBody, timestamp),
    setOutcome: (rule) => engine.setOutcome(parseRule(rule as unknown as Json)),
    clearOutcomes: () => engine.clearOutcomes(),
    setDefaultOutcome: (outcome) => engine.setDefaultOutcome(outcome),
    setDelays: (delays) => engine.setDelays(delays),
    setWebhookUrl: (url) => engine.setWebhookUrl(url),
    calls: () => engine.calls(),
    call: (id) => engine.call(id),
    webhooks: () => engine.deliveries(),
    waitForWebhook(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const done = engine.deliveries().find((d) => d.settled && match(d));
        if (done) return resolve(done);
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`No matching Telnyx webhook within ${timeoutMs} ms`));
        }, timeoutMs);
        const unsubscribe = engine.onDelivered((delivery) => {
          if (!match(delivery)) return;
          clearTimeout(timer);
          unsubscribe();
          resolve(delivery);
        });
      });
    },
    inbound: ({ from, to, connectionId }) => engine.inbound({ from, to, connectionId: connectionId ?? CONNECTION_FOR_BROWSER_CALLS }),
    agents: () => verto.sessions(),
    async stop() {
      engine.stop();
      verto.close();
      await saving.catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
