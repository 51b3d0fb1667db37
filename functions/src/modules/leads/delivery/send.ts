// One HTTP request to a client: to the address the target check resolved (never resolved again),
// with a time limit, reading at most a little of the answer for the receipt. Redirects are not
// followed (a redirect could lead anywhere the check did not see).
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { ResolvedTarget } from '../../../adapters/outbound-target';

export const EXCERPT_CHARS = 500;
const MAX_READ_BYTES = 16 * 1024;

export interface SendOutcome {
  httpStatus: number | null;
  responseExcerpt: string | null;
  /** Set when no answer came (timeout, refused connection, reset). */
  error: string | null;
  durationMs: number;
}

export function sendRequest(
  target: ResolvedTarget,
  request: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<SendOutcome> {
  const started = performance.now();
  const { url, address } = target;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  const duration = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: duration() });
    };
    const options: https.RequestOptions = {
      method: 'POST',
      host: address,
      family: target.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...request.headers, host: url.host, 'content-length': String(Buffer.byteLength(request.body)), 'user-agent': 'PivotalCRM-Delivery/1' },
      agent: false,
      ...(secure && !isIP(host) ? { servername: host } : {}),
    };
    const req = (secure ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        if (read < MAX_READ_BYTES) chunks.push(chunk);
        read += chunk.length;
        if (read >= MAX_READ_BYTES) res.destroy();
      });
      const done = () =>
        finish({ httpStatus: res.statusCode ?? null, responseExcerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS) || null, error: null });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ httpStatus: null, responseExcerpt: null, error: `No answer within ${request.timeoutMs} ms.` });
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ httpStatus: null, responseExcerpt: null, error: `${error.code ?? 'error'}: ${error.message}`.slice(0, EXCERPT_CHARS) }));
    req.end(request.body);
  });
}
