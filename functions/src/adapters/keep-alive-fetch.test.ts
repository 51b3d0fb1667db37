import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config';
import { startFakeTelnyxCalls, type FakeTelnyxCalls } from '../../test/support/fake-telnyx-calls';
import { createKeepAliveFetch } from './keep-alive-fetch';
import { createTelnyxClient } from './telnyx';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('the kept-alive fetch', () => {
  const seen: Seen[] = [];
  let connections = 0;
  let base = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/refused') {
        res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ title: 'Invalid destination' }] }));
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('late'), 2_000);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' }).end(JSON.stringify({ data: { ok: true, echo: req.url } }));
      }
    });
  });
  server.on('connection', () => connections++);
  let telnyx: FakeTelnyxCalls;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    telnyx = await startFakeTelnyxCalls();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await telnyx.close();
  });

  it('sends the method, headers and body, and answers the status, headers and body', async () => {
    const client = createKeepAliveFetch();
    seen.length = 0;
    const response = await client.fetch(`${base}/v2/calls?x=1`, {
      method: 'post',
      headers: new Headers({ authorization: 'Bearer KEY', 'content-type': 'application/json' }),
      body: JSON.stringify({ to: '+12125550100' }),
    });
    expect(seen).toEqual([
      expect.objectContaining({ method: 'POST', url: '/v2/calls?x=1', body: '{"to":"+12125550100"}', headers: expect.objectContaining({ authorization: 'Bearer KEY', 'content-type': 'application/json' }) }),
    ]);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.json()).toEqual({ data: { ok: true, echo: '/v2/calls?x=1' } });

    const empty = await client.fetch(`${base}/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const refused = await client.fetch(`${base}/refused`, { method: 'POST', body: '{}' });
    expect(refused.ok).toBe(false);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Invalid destination');
    client.close();
  });

  it('keeps its connections open: many requests, at once and one after another, on as many connections as ran at once', async () => {
    const client = createKeepAliveFetch();
    connections = 0;
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.fetch(`${base}/at-once/${i}`).then((r) => r.json())));
    for (let i = 0; i < 10; i++) await (await client.fetch(`${base}/in-turn/${i}`)).json();
    expect(connections).toBe(5);
    client.close();
  });

  it('ends a request when its signal aborts, with the AbortError the SDK takes for a timeout', async () => {
    const client = createKeepAliveFetch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.fetch(`${base}/slow`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    client.close();
  });

  it('carries the Telnyx SDK: a dial answers the call ids, a refused one throws with its status', async () => {
    const config = parseConfig({ LOG_LEVEL: 'SILENT', TELNYX_API_KEY: 'KEYtest', TELNYX_BASE_URL: telnyx.baseUrl });
    const client = createTelnyxClient(config)!;
    const request = { to: '+12125550101', from: '+14155550199', connectionId: 'conn-1', clientState: '{"callId":"c1"}', amd: true, timeoutSecs: 20, record: false };
    const placed = await client.calls.dial(request);
    expect(placed.callControlId).toMatch(/^v3:fake-/);
    expect(telnyx.dials.at(-1)).toMatchObject({ to: '+12125550101', connectionId: 'conn-1', amd: 'detect', clientState: { callId: 'c1' } });
    telnyx.failing.add('+12125550102');
    await expect(client.calls.dial({ ...request, to: '+12125550102' })).rejects.toMatchObject({ status: 422 });
  });
});
