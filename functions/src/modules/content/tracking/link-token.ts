// The public part of a tracking URL: `/r/{code}.{sig}`. `code` is a short random base62 name of the
// link (its row is found by it); `sig` is the first 16 base64url characters (96 bits) of
// HMAC-SHA256 over a purpose prefix and the code, keyed with TRACKING_SECRET, so a guessed or
// altered code is refused before the database is asked. The prefix keeps these signatures apart
// from every other use of the same secret (the email module's /t/ tokens).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../../core/app-error';
import type { Config } from '../../../config/config';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const CODE_LENGTH = 10;
const SIGNATURE_LENGTH = 16;
const PURPOSE = 'pivotal.content-link.v1:';
const TOKEN = new RegExp(`^([0-9A-Za-z]{${CODE_LENGTH}})\\.([A-Za-z0-9_-]{${SIGNATURE_LENGTH}})$`);

/** The secret tracking links are signed with (the local stack keeps one under DATA_DIR; Lambda requires it). */
export function linkSecret(config: Pick<Config, 'TRACKING_SECRET'>): string {
  if (!config.TRACKING_SECRET) throw new AppError('unavailable', { detail: 'TRACKING_SECRET is not set: tracking links cannot be signed.' });
  return config.TRACKING_SECRET;
}

/** A new random code: 10 base62 characters (about 59 bits), unbiased (bytes past 247 are drawn again). */
export function newLinkCode(): string {
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte < 248 && code.length < CODE_LENGTH) code += BASE62[byte % 62];
    }
  }
  return code;
}

const signatureOf = (secret: string, code: string) => createHmac('sha256', secret).update(PURPOSE + code).digest('base64url').slice(0, SIGNATURE_LENGTH);

/** `{code}.{sig}`: the path segment of the public URL. */
export function signLinkCode(secret: string, code: string): string {
  return `${code}.${signatureOf(secret, code)}`;
}

/** The code of a token this secret signed; null for anything else. Never throws. */
export function verifyLinkToken(secret: string | undefined, token: string): string | null {
  if (!secret) return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, code, sig] = match as unknown as [string, string, string];
  const expected = Buffer.from(signatureOf(secret, code));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? code : null;
}

/** The whole public URL of a link's code. */
export function linkUrl(config: Pick<Config, 'TRACKING_SECRET' | 'PUBLIC_BASE_URL'>, code: string): string {
  return `${config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/r/${signLinkCode(linkSecret(config), code)}`;
}
