// The Telnyx stand-in's Ed25519 key pair: it signs webhooks as Telnyx does (base64 signature over
// `timestamp|rawBody`) and the WebRTC login tokens it mints. Made once and kept in the data folder
// (mode 0600), so a restarted stack keeps the TELNYX_PUBLIC_KEY it configured and the tokens agents
// hold still log in. It is kept like the local stack's other secrets (atomic creation, see
// loadOrCreateSecret).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { loadOrCreateSecret } from '../tracking-secret';

export const SIGNING_KEY_FILE = 'telnyx-standin-key.json';

export interface SigningKey {
  /** The raw 32-byte public key in base64: what TELNYX_PUBLIC_KEY holds. */
  publicKeyBase64: string;
  /** Telnyx's webhook headers for a body sent at `timestamp` (unix seconds). */
  signWebhook(rawBody: string, timestamp: number): { 'telnyx-signature-ed25519': string; 'telnyx-timestamp': string };
  /** A compact JWS (EdDSA) over the claims. */
  signJwt(claims: Record<string, unknown>): string;
  /** The claims of a token this key signed, or null (bad signature, malformed or expired). */
  verifyJwt(token: string): Record<string, unknown> | null;
}

interface StoredKey {
  privateKeyPem: string;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function fromPrivateKey(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  const publicKeyBase64 = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  return {
    publicKeyBase64,
    signWebhook(rawBody, timestamp) {
      const signature = sign(null, Buffer.from(`${timestamp}|${rawBody}`, 'utf8'), privateKey).toString('base64');
      return { 'telnyx-signature-ed25519': signature, 'telnyx-timestamp': String(timestamp) };
    },
    signJwt(claims) {
      const input = `${b64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
      return `${input}.${b64url(sign(null, Buffer.from(input), privateKey))}`;
    },
    verifyJwt(token) {
      const [header, payload, signature] = token.split('.');
      if (!header || !payload || !signature) return null;
      if (!verify(null, Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))) return null;
      try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
        if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return null;
        return claims;
      } catch {
        return null;
      }
    },
  };
}

/** A key pair kept only in memory (tests that need no restart). */
export function ephemeralSigningKey(): SigningKey {
  return fromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

/** The key pair in `dir`, made on first use. */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const json = await loadOrCreateSecret(dir, SIGNING_KEY_FILE, () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const stored: StoredKey = { privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
    return JSON.stringify(stored);
  });
  const stored = JSON.parse(json) as StoredKey;
  return fromPrivateKey(createPrivateKey(stored.privateKeyPem));
}
