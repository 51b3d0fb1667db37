// A small fetch for API clients that send JSON (the Telnyx SDK): node:http(s) on an agent of its
// own that keeps connections open, instead of the global fetch. A dialer tick places a hundred
// dials at once; through the global fetch each one also builds web streams for its request and
// answer, which cost about as much CPU as the rest of the call. Bodies other than text or bytes
// (form uploads, streams) go to the global fetch.
import http from 'node:http';
import https from 'node:https';

export interface KeepAliveFetch {
  fetch: typeof fetch;
  /** Closes the idle connections (a test's or a script's end). */
  close(): void;
}

/** Statuses whose answers have no body (a Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

const plainBody = (body: unknown): body is string | Uint8Array | null | undefined =>
  body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array;

export function createKeepAliveFetch(options: { maxSockets?: number } = {}): KeepAliveFetch {
  // As many connections as the dials of a tick, kept open between ticks.
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 256 };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  const leanFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !plainBody(init.body)) return fetch(input, init);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const method = (init.method ?? 'GET').toUpperCase();
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = transport.request(url, { method, headers, agent: agents[url.protocol as 'http:' | 'https:'], signal: init.signal ?? undefined }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const answerHeaders = new Headers();
          const raw = response.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) answerHeaders.append(raw[i]!, raw[i + 1]!);
          try {
            resolve(
              new Response(NO_BODY.has(status) || method === 'HEAD' ? null : Buffer.concat(chunks), {
                status,
                statusText: response.statusMessage ?? '',
                headers: answerHeaders,
              }),
            );
          } catch (error) {
            reject(error);
          }
        });
      });
      request.on('error', reject);
      request.end(init.body ?? undefined);
    });
  };

  return {
    fetch: leanFetch as typeof fetch,
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
