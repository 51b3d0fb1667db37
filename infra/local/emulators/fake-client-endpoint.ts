// A client of the agency receiving leads, on 127.0.0.1: every POST outside /__client is a
// delivery (a webhook or a form post). It records what it receives (headers, body, the
// Idempotency-Key, whether the signature checked out with the secret it was told), keeps the
// first of each key and counts the repeats, and answers 200 with a small JSON body. Its control
// API injects faults (a share of posts answered with chosen statuses or with the connection
// dropped, delays) from a seeded generator, so a run is repeatable:
//   GET  /__client/received            what it received, oldest first
//   POST /__client/faults              {errorRate, statuses, delayMs, delayRate, seed}
//   POST /__client/secret              {secret, path?} (null: stop checking; a path's secret is for posts to it)
//   POST /__client/reset               forget what it received, the faults and the secret
import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { listenLocal, readBody, sendJson } from './local-http';

export interface ClientFaults {
  /** Share of posts (0–1) answered with one of `statuses` instead of being accepted. */
  errorRate: number;
  /** The statuses a failing post gets (0: the connection is dropped without an answer). */
  statuses: number[];
  /** Share of posts (0–1) held `delayMs` before they are answered. */
  delayRate: number;
  delayMs: number;
  seed: number;
}

export interface ReceivedPost {
  at: string;
  path: string;
  contentType: string | null;
  idempotencyKey: string | null;
  signature: string | null;
  /** null when no secret was told; false when the header is missing, stale or wrong. */
  signatureValid: boolean | null;
  body: string;
  /** The status answered (0: dropped). */
  status: number;
  /** Accepted, and the first accepted post with its key (a repeat of an accepted key is not). */
  firstOfKey: boolean;
}

export interface FakeClientEndpoint {
  url: string;
  /** A delivery URL on this endpoint. */
  hookUrl(path?: string): string;
  received(): ReceivedPost[];
  setFaults(faults: Partial<ClientFaults>): void;
  /** The secret signatures are checked with: for posts to `path`, or to every path without its own. */
  setSecret(secret: string | null, path?: string): void;
  reset(): void;
  /** Serves one request (the local stack also mounts it on its own port, under a stable path). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  stop(): Promise<void>;
}

const NO_FAULTS: ClientFaults = { errorRate: 0, statuses: [500], delayRate: 0, delayMs: 0, seed: 1 };
const TOLERANCE_SECONDS = 300;

/** A small seeded generator (mulberry32): the same seed, the same faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Checks `t=<unix>,v1=<hex>` over "<t>.<body>" as a client would. */
export function verifySignature(secret: string, header: string | null, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(parts.v1!, 'hex'));
}

export async function startFakeClientEndpoint(options: { secret?: string | null; faults?: Partial<ClientFaults> } = {}): Promise<FakeClientEndpoint> {
  let faults: ClientFaults = { ...NO_FAULTS, ...options.faults };
  let random = seeded(faults.seed);
  let secret = options.secret ?? null;
  const pathSecrets = new Map<string, string>();
  const setSecret = (next: string | null, path?: string) => {
    if (path === undefined) secret = next;
    else if (next === null) pathSecrets.delete(path);
    else pathSecrets.set(path, next);
  };
  const secretFor = (path: string) => pathSecrets.get(path) ?? secret;
  let received: ReceivedPost[] = [];
  const accepted = new Set<string>();

  const header = (req: http.IncomingMessage, name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = (await readBody(req)).toString('utf8');
    if (url.pathname.startsWith('/__client/')) {
      const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      if (req.method === 'GET' && url.pathname === '/__client/received') return sendJson(res, 200, { items: received });
      if (req.method === 'POST' && url.pathname === '/__client/faults') {
        faults = { ...faults, ...(input as Partial<ClientFaults>) };
        random = seeded(faults.seed);
        return sendJson(res, 200, faults);
      }
      if (req.method === 'POST' && url.pathname === '/__client/secret') {
        setSecret(typeof input.secret === 'string' ? input.secret : null, typeof input.path === 'string' ? input.path : undefined);
        return sendJson(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/__client/reset') {
        received = [];
        accepted.clear();
        secret = null;
        pathSecrets.clear();
        faults = { ...NO_FAULTS };
        random = seeded(faults.seed);
        return sendJson(res, 200, { ok: true });
      }
      return sendJson(res, 404, { message: 'No such control.' });
    }
    if (req.method !== 'POST') return sendJson(res, 405, { message: 'Leads are POSTed.' });

    const key = header(req, 'idempotency-key');
    const signature = header(req, 'x-pivotal-signature');
    const entry: ReceivedPost = {
      at: new Date().toISOString(),
      path: url.pathname,
      contentType: header(req, 'content-type'),
      idempotencyKey: key,
      signature,
      signatureValid: secretFor(url.pathname) === null ? null : verifySignature(secretFor(url.pathname)!, signature, raw),
      body: raw,
      status: 200,
      firstOfKey: false,
    };
    received.push(entry);
    const fail = random() < faults.errorRate;
    const status = fail ? (faults.statuses[Math.floor(random() * faults.statuses.length)] ?? 500) : 200;
    if (faults.delayRate > 0 && random() < faults.delayRate) await new Promise((r) => setTimeout(r, faults.delayMs));
    if (req.socket.destroyed) {
      // The sender gave up waiting: nothing was accepted.
      entry.status = 0;
      return;
    }
    if (status === 0) {
      entry.status = 0;
      req.socket.destroy();
      return;
    }
    if (entry.signatureValid === false) {
      entry.status = 401;
      return sendJson(res, 401, { error: 'bad signature' });
    }
    entry.status = status;
    if (status !== 200) return sendJson(res, status, { error: `injected ${status}` });
    const duplicate = key !== null && accepted.has(key);
    if (key) accepted.add(key);
    entry.firstOfKey = !duplicate;
    return sendJson(res, 200, { received: true, duplicate, id: key });
  };
  const server = await listenLocal(handle);

  return {
    url: server.endpoint,
    hookUrl: (path = '/hooks/leads') => `${server.endpoint}${path}`,
    received: () => received,
    setFaults: (next) => {
      faults = { ...faults, ...next };
      random = seeded(faults.seed);
    },
    setSecret,
    reset: () => {
      received = [];
      accepted.clear();
      secret = null;
      pathSecrets.clear();
      faults = { ...NO_FAULTS };
      random = seeded(faults.seed);
    },
    handle,
    stop: server.stop,
  };
}
