// What the fake SendGrid and Mailgun servers share: a store of accepted messages read with
// `GET /store` and emptied with `POST /clear-store` (as the SES emulator's), and throttling on
// demand (the next N sends answer 429 with Retry-After).
import http from 'node:http';
import { listenLocal, readBody, sendJson, type LocalHttpServer } from './local-http';

export interface FakeMailApi<M> extends LocalHttpServer {
  /** The messages accepted so far, oldest first. */
  messages(): M[];
  clear(): void;
  /** The next `count` send calls answer 429 with `Retry-After: retryAfterSeconds`. */
  throttleNext(count: number, retryAfterSeconds?: number): void;
}

export interface SendAnswer<M> {
  status: number;
  /** JSON to answer with; none for an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the message was accepted: it goes into the store. */
  stored?: M;
}

export interface FakeMailApiSpec<M> {
  /** Is this request a send (throttling applies to sends only)? */
  isSend(method: string, path: string): boolean;
  /** Answers a send that was not throttled: checks auth and fields, accepts or refuses. */
  send(req: http.IncomingMessage, path: string, body: Buffer): SendAnswer<M>;
  /** The provider's 429 body. */
  throttledBody: unknown;
}

export async function startFakeMailApi<M>(spec: FakeMailApiSpec<M>): Promise<FakeMailApi<M>> {
  let stored: M[] = [];
  const throttle = { remaining: 0, retryAfterSeconds: 1 };

  const server = await listenLocal(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    const body = await readBody(req);
    if (method === 'GET' && path === '/store') return sendJson(res, 200, { emails: stored });
    if (method === 'POST' && path === '/clear-store') {
      stored = [];
      return sendJson(res, 200, { message: 'Store cleared' });
    }
    if (!spec.isSend(method, path)) return sendJson(res, 404, { message: 'Not found' });
    if (throttle.remaining > 0) {
      throttle.remaining -= 1;
      return sendJson(res, 429, spec.throttledBody, { 'retry-after': String(throttle.retryAfterSeconds) });
    }
    const answer = spec.send(req, path, body);
    if (answer.stored) stored.push(answer.stored);
    if (answer.body !== undefined) return sendJson(res, answer.status, answer.body, answer.headers);
    res.writeHead(answer.status, answer.headers);
    res.end();
  });

  return {
    ...server,
    messages: () => [...stored],
    clear: () => {
      stored = [];
    },
    throttleNext: (count, retryAfterSeconds = 1) => Object.assign(throttle, { remaining: count, retryAfterSeconds }),
  };
}

/** A plausible address (the fakes refuse what the real APIs would: no @, spaces, no dot in the domain). */
export const looksLikeAddress = (value: unknown): value is string => typeof value === 'string' && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value);
