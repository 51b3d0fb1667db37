// One signed request to the Resources Centre: to the address the target check resolved (the same
// guard as lead delivery: private, link-local and, unless DELIVERY_ALLOW_PRIVATE_TARGETS, loopback
// addresses are refused), with a time limit, reading at most 1 MiB of the answer. Redirects are not
// followed.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { RC_SIGNATURE_HEADER, RC_TIMESTAMP_HEADER } from '@shared/contracts/content-resources';
import { resolveTarget, TargetRefused } from '../../../adapters/outbound-target';
import { signature, unixSeconds } from './signing';

const MAX_READ_BYTES = 1024 * 1024;

export interface Exchange {
  httpStatus: number | null;
  text: string;
  /** Set when no answer came (refused target, timeout, refused connection, reset). */
  error: string | null;
  /** The target was refused: sending again cannot succeed. */
  refused: boolean;
  durationMs: number;
}

export interface SignedRequest {
  method: 'GET' | 'POST';
  url: string;
  secret: string;
  now: Date;
  body?: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  allowLoopback: boolean;
}

export async function sendSigned(request: SignedRequest): Promise<Exchange> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  let target;
  try {
    target = await resolveTarget(request.url, { allowLoopback: request.allowLoopback });
  } catch (error) {
    if (error instanceof TargetRefused) return { httpStatus: null, text: '', error: `Refused: ${error.message}`, refused: true, durationMs: duration() };
    throw error;
  }
  const body = request.body ?? '';
  const timestamp = String(unixSeconds(request.now));
  const { url, address } = target;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<Exchange, 'durationMs' | 'refused'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, refused: false, durationMs: duration() });
    };
    const req = (secure ? https : http).request(
      {
        method: request.method,
        host: address,
        family: target.family,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: {
          ...request.headers,
          host: url.host,
          accept: 'application/json',
          ...(request.method === 'POST' ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          [RC_TIMESTAMP_HEADER]: timestamp,
          [RC_SIGNATURE_HEADER]: signature(request.secret, timestamp, body),
          'user-agent': 'PivotalCRM-ResourcesCentre/1',
        },
        agent: false,
        ...(secure && !isIP(host) ? { servername: host } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read <= MAX_READ_BYTES) chunks.push(chunk);
          else res.destroy();
        });
        const done = () => finish({ httpStatus: res.statusCode ?? null, text: Buffer.concat(chunks).toString('utf8'), error: null });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ httpStatus: null, text: '', error: `No answer within ${request.timeoutMs} ms.` });
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ httpStatus: null, text: '', error: `${error.code ?? 'error'}: ${error.message}`.slice(0, 500) }));
    req.end(request.method === 'POST' ? body : undefined);
  });
}

/** An answer in a sentence for the log and the push's last error. */
export function describeExchange(exchange: Exchange): string {
  if (exchange.error) return exchange.error;
  const excerpt = exchange.text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return `The Resources Centre answered ${exchange.httpStatus}${excerpt ? `: ${excerpt}` : ''}`;
}
