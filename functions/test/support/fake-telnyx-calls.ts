// A tiny stand-in for Telnyx's Call Control dial on 127.0.0.1, for the dialer's tests and bench:
// it answers POST /v2/calls with call ids, records each request, and refuses numbers it is told
// to (a 422 like Telnyx's). No webhooks: the dialer's tests stop at the dial.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DialRecord {
  to: string;
  from: string;
  connectionId: string;
  timeoutSecs: number;
  amd: string | null;
  record: string | null;
  /** The decoded client_state. */
  clientState: { callId: string; campaignId: string } | null;
  at: number;
}

export interface FakeTelnyxCalls {
  /** TELNYX_BASE_URL for the SDK. */
  baseUrl: string;
  dials: DialRecord[];
  /** Numbers whose dial answers an error. */
  failing: Set<string>;
  close(): Promise<void>;
}

export async function startFakeTelnyxCalls(): Promise<FakeTelnyxCalls> {
  const dials: DialRecord[] = [];
  const failing = new Set<string>();
  let seq = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || !req.url?.endsWith('/calls')) return send(404, { errors: [{ code: '404', title: 'Not found' }] });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      const to = String(body.to);
      const state = typeof body.client_state === 'string' ? JSON.parse(Buffer.from(body.client_state, 'base64').toString('utf8')) : null;
      dials.push({
        to,
        from: String(body.from),
        connectionId: String(body.connection_id),
        timeoutSecs: Number(body.timeout_secs),
        amd: (body.answering_machine_detection as string | undefined) ?? null,
        record: (body.record as string | undefined) ?? null,
        clientState: state,
        at: Date.now(),
      });
      if (failing.has(to)) return send(422, { errors: [{ code: '10015', title: 'Invalid destination', detail: 'The destination number is not reachable.' }] });
      seq++;
      send(200, { data: { call_control_id: `v3:fake-${seq}`, call_leg_id: `leg-${seq}`, call_session_id: `session-${seq}`, is_alive: true, record_type: 'call' } });
    });
  });
  // Connections are kept alive as Telnyx's are (close() ends them all).
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    dials,
    failing,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
