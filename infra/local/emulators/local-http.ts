// What the small local HTTP stand-ins (SES stand-in, SendGrid and Mailgun fakes) share: a server on
// 127.0.0.1 at a free port that never keeps the process alive, request bodies, JSON answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalHttpServer {
  endpoint: string;
  stop(): Promise<void>;
}

/** Serves `handler` on 127.0.0.1 at a free port; unref'd, so a forgotten server does not hold the process open. */
export async function listenLocal(handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>): Promise<LocalHttpServer> {
  const server = http.createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
