// Fixtures for the delivery tests: a realistic campaign message, and a loopback port nothing listens on.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutgoingMessage } from './provider';

/** One campaign message to one contact, with the RFC 8058 unsubscribe headers and campaign tags. */
export function aMessage(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    from: { name: 'Acme Growth Team', address: 'news@acme-mail.example' },
    replyTo: 'replies@acme-mail.example',
    to: 'dana.reyes@northwind.example',
    subject: 'Your Q3 pipeline review',
    html: '<p>Hello Dana</p>',
    text: 'Hello Dana',
    headers: [
      { name: 'List-Unsubscribe', value: '<https://crm.example/u/tok123>, <mailto:unsubscribe@acme-mail.example?subject=tok123>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ],
    tags: { campaign: '0190f3c2-7a1b-7c3d-9e4f-5a6b7c8d9e0f', recipient: '42' },
    ...overrides,
  };
}

/** A port on 127.0.0.1 that was free a moment ago: connecting to it is refused. */
export async function unusedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
