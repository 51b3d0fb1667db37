// A Resources Centre on 127.0.0.1, for the local stack and the tests. It checks our signature
// (`X-Pivotal-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, ±300 s) with
// the secret it shares with the stack (read from the stack on every request, or set here), applies
// pushes once per Idempotency-Key (a repeat gets the first answer and is not applied again),
// answers {id, url} with a page per asset, serves reference data page by page, sends signed
// inbound requests to the stack, and records everything. Its control API:
//   GET  /__standin/received         every request it received, oldest first, and the pushes applied
//   POST /__standin/secret           {secret} (null: back to the stack's secret)
//   POST /__standin/faults           {count, status, afterApply?}: the next `count` pushes and pulls answer
//                                    `status` (0 drops the connection); afterApply applies the push first
//                                    (a lost answer)
//   POST /__standin/reference        {references, views?}: what /reference serves (appended)
//   POST /__standin/send-reference   a body {references?, views?} sent, signed, to the stack's inbound endpoint
//   POST /__standin/reset            forget everything but the secret source
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { listenLocal, readBody, sendJson } from './local-http';

const TOLERANCE_SECONDS = 300;
const PAGE_SIZE = 50;

export interface StandinRequest {
  at: string;
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** null when no secret is known to check with. */
  signatureValid: boolean | null;
  body: string;
  status: number;
  /** A push applied by this request (false for a repeat of a key, a refusal or a fault). */
  applied: boolean;
  /** A push whose key was seen before: answered as the first time. */
  duplicate: boolean;
}

export interface AppliedPush {
  idempotencyKey: string;
  remoteId: string;
  url: string;
  assetId: string | null;
  title: string | null;
  version: number | null;
  /** How many requests carried this key (applied once whatever the number). */
  requests: number;
}

export interface StandinFaults {
  count: number;
  status: number;
  afterApply: boolean;
}

export interface SentInbound {
  status: number;
  body: unknown;
}

export interface ResourcesCentreStandin {
  url: string;
  received(): StandinRequest[];
  applied(): AppliedPush[];
  setSecret(secret: string | null): void;
  setFaults(faults: Partial<StandinFaults>): void;
  addReference(page: { references?: unknown[]; views?: unknown[] }): void;
  /** Sends a signed inbound request to the stack (with the secret it signs with). */
  sendReference(body: unknown): Promise<SentInbound>;
  reset(): void;
  /** Serves one request (the local stack also mounts it on its own port under a stable path). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  stop(): Promise<void>;
}

export interface StandinOptions {
  /** The stack's inbound endpoint (for send-reference). */
  inboundUrl?: string | (() => string);
  /** Where the secret comes from when none was set here (the stack's current secret). */
  secret?: () => Promise<string | null>;
  /** The public base of the pages its answers name (the stand-in's own URL when unset). */
  publicUrl?: () => string;
  /** Its clock (tests share theirs with the stack's). */
  now?: () => Date;
}

function sign(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks our signature headers over the raw body, as the Resources Centre would. */
export function verifyPivotalSignature(secret: string, timestamp: string | null, header: string | null, body: string, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (!timestamp || !/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const match = /(?:^|,)\s*v1=([0-9a-f]{64})\s*(?:,|$)/.exec(header ?? '');
  if (!match) return false;
  return timingSafeEqual(Buffer.from(sign(secret, timestamp, body).slice(3), 'hex'), Buffer.from(match[1]!, 'hex'));
}

const NO_FAULTS: StandinFaults = { count: 0, status: 500, afterApply: false };

export async function startResourcesCentreStandin(options: StandinOptions = {}): Promise<ResourcesCentreStandin> {
  let ownSecret: string | null = null;
  let faults: StandinFaults = { ...NO_FAULTS };
  let received: StandinRequest[] = [];
  const pushes = new Map<string, AppliedPush & { answer: { id: string; url: string } }>();
  const remoteIdOfAsset = new Map<string, string>();
  let reference: { references: unknown[]; views: unknown[] } = { references: [], views: [] };
  let selfUrl = '';

  const unixNow = () => Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const secretNow = async () => ownSecret ?? (options.secret ? await options.secret().catch(() => null) : null);
  const header = (req: http.IncomingMessage, name: string) => {
    const v = req.headers[name];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };
  const publicBase = () => (options.publicUrl?.() ?? selfUrl).replace(/\/+$/, '');

  const takeFault = (): StandinFaults | null => {
    if (faults.count <= 0) return null;
    faults = { ...faults, count: faults.count - 1 };
    return faults;
  };

  const sendReference = async (body: unknown): Promise<SentInbound> => {
    const secret = await secretNow();
    const target = typeof options.inboundUrl === 'function' ? options.inboundUrl() : options.inboundUrl;
    if (!secret || !target) return { status: 0, body: { message: 'No secret or inbound URL to send with.' } };
    const text = JSON.stringify(body ?? {});
    const timestamp = String(unixNow());
    const res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-pivotal-timestamp': timestamp,
        'x-pivotal-nonce': randomBytes(16).toString('hex'),
        'x-pivotal-signature': sign(secret, timestamp, text),
      },
      body: text,
    });
    const answer = await res.text();
    let parsed: unknown = answer;
    try {
      parsed = JSON.parse(answer);
    } catch {
      // Kept as text.
    }
    return { status: res.status, body: parsed };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = (await readBody(req)).toString('utf8');
    if (url.pathname.startsWith('/__standin/')) {
      const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      if (req.method === 'GET' && url.pathname === '/__standin/received') {
        return sendJson(res, 200, { items: received, applied: [...pushes.values()].map(({ answer: _a, ...p }) => p) });
      }
      if (req.method === 'POST' && url.pathname === '/__standin/secret') {
        ownSecret = typeof input.secret === 'string' ? input.secret : null;
        return sendJson(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/__standin/faults') {
        faults = { ...faults, ...(input as Partial<StandinFaults>) };
        return sendJson(res, 200, faults);
      }
      if (req.method === 'POST' && url.pathname === '/__standin/reference') {
        reference = { references: [...reference.references, ...((input.references as unknown[]) ?? [])], views: [...reference.views, ...((input.views as unknown[]) ?? [])] };
        return sendJson(res, 200, { references: reference.references.length, views: reference.views.length });
      }
      if (req.method === 'POST' && url.pathname === '/__standin/send-reference') return sendJson(res, 200, await sendReference(input));
      if (req.method === 'POST' && url.pathname === '/__standin/reset') {
        reset();
        return sendJson(res, 200, { ok: true });
      }
      return sendJson(res, 404, { message: 'No such control.' });
    }

    const pageMatch = /^\/resources\/([A-Za-z0-9-]+)$/.exec(url.pathname);
    if (req.method === 'GET' && pageMatch) {
      const push = [...pushes.values()].find((p) => p.remoteId === pageMatch[1]);
      if (!push) return sendJson(res, 404, { message: 'No such resource.' });
      const title = (push.title ?? 'Resource').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>Version ${push.version ?? '?'} on the Resources Centre.</p></main></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }

    const entry: StandinRequest = {
      at: new Date().toISOString(),
      method: req.method ?? 'GET',
      path: url.pathname,
      idempotencyKey: header(req, 'idempotency-key'),
      signatureValid: null,
      body: raw,
      status: 0,
      applied: false,
      duplicate: false,
    };
    received.push(entry);
    const secret = await secretNow();
    entry.signatureValid = secret === null ? null : verifyPivotalSignature(secret, header(req, 'x-pivotal-timestamp'), header(req, 'x-pivotal-signature'), raw, unixNow());
    const answer = (status: number, body: unknown) => {
      entry.status = status;
      if (status === 0) {
        req.socket.destroy();
        return;
      }
      sendJson(res, status, body);
    };
    if (entry.signatureValid !== true) return answer(401, { error: 'The signature does not verify.' });

    if (req.method === 'GET' && url.pathname === '/reference') {
      const fault = takeFault();
      if (fault) return answer(fault.status, { error: `injected ${fault.status}` });
      const start = Math.max(0, Number(url.searchParams.get('cursor') ?? '0') || 0);
      const references = reference.references.slice(start, start + PAGE_SIZE);
      // Views are served once, on the first page that reaches the end of the references.
      const end = start + references.length;
      const atEnd = end >= reference.references.length;
      const views = atEnd && start <= reference.references.length ? reference.views : [];
      if (atEnd) reference = { ...reference, views: [] };
      return answer(200, { references, views, nextCursor: String(end) });
    }

    if (req.method === 'POST' && url.pathname === '/assets') {
      const key = entry.idempotencyKey;
      if (!key) return answer(400, { error: 'An Idempotency-Key header is required.' });
      let payload: { asset?: { id?: string; title?: string; version?: number } };
      try {
        payload = JSON.parse(raw) as typeof payload;
      } catch {
        return answer(400, { error: 'The body is not JSON.' });
      }
      if (!payload.asset?.id || !payload.asset.title) return answer(400, { error: 'The body names no asset.' });
      const fault = takeFault();
      if (fault && !fault.afterApply) return answer(fault.status, { error: `injected ${fault.status}` });
      const seen = pushes.get(key);
      if (seen) {
        seen.requests++;
        entry.duplicate = true;
      } else {
        const remoteId = remoteIdOfAsset.get(payload.asset.id) ?? `rc-${remoteIdOfAsset.size + 1}`;
        remoteIdOfAsset.set(payload.asset.id, remoteId);
        const page = `${publicBase()}/resources/${remoteId}`;
        pushes.set(key, {
          idempotencyKey: key,
          remoteId,
          url: page,
          assetId: payload.asset.id,
          title: payload.asset.title,
          version: payload.asset.version ?? null,
          requests: 1,
          answer: { id: remoteId, url: page },
        });
        entry.applied = true;
      }
      if (fault) return answer(fault.status, { error: `injected ${fault.status} after applying` });
      return answer(200, pushes.get(key)!.answer);
    }
    return answer(404, { error: 'No such endpoint.' });
  };

  const reset = () => {
    ownSecret = null;
    faults = { ...NO_FAULTS };
    received = [];
    pushes.clear();
    remoteIdOfAsset.clear();
    reference = { references: [], views: [] };
  };

  const server = await listenLocal(handle);
  selfUrl = server.endpoint;
  return {
    url: server.endpoint,
    received: () => received,
    applied: () => [...pushes.values()].map(({ answer: _a, ...p }) => p),
    setSecret: (secret) => {
      ownSecret = secret;
    },
    setFaults: (next) => {
      faults = { ...faults, ...next };
    },
    addReference: (page) => {
      reference = { references: [...reference.references, ...(page.references ?? [])], views: [...reference.views, ...(page.views ?? [])] };
    },
    sendReference,
    reset,
    handle,
    stop: server.stop,
  };
}
