// The Resources Centre's signature, both ways: `v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw
// body>")>` keyed with the secret's text; the timestamp is unix seconds in its own header.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signature(secret: string, timestamp: number | string, body: string): string {
  return `v1=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether the header carries a `v1=` signature made with `secret` (several may be listed, comma-separated). */
export function signatureMatches(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(signature(secret, timestamp, body).slice(3), 'hex');
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^v1=[0-9a-f]{64}$/.test(part))
    .some((part) => timingSafeEqual(expected, Buffer.from(part.slice(3), 'hex')));
}

export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);
