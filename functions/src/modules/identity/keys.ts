// The local issuer's signing key: an RS256 key pair made on first start and kept as a private JWK
// in AUTH_KEYS_DIR (mode 0600), or in memory when no folder is configured (tests). The public
// half is published as the JWKS the verifier is preloaded with.
import { link, mkdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Config } from '../../config/config';
import type { PublicJwk, SigningKey, SigningKeys } from '../../core/signing-keys';

export type { PublicJwk, SigningKey, SigningKeys };

export const SIGNING_ALG = 'RS256' as const;
const KEY_FILE = 'access-token-signing-key.json';

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: SIGNING_ALG, use: 'sig' };
}

async function toSigningKey(jwk: JWK): Promise<SigningKey> {
  if (jwk.kty !== 'RSA' || !jwk.d || !jwk.n || !jwk.e) throw new Error('The stored signing key is not an RSA private key.');
  const kid = jwk.kid ?? (await calculateJwkThumbprint({ kty: jwk.kty, n: jwk.n, e: jwk.e }));
  const privateKey = await importJWK({ ...jwk, alg: SIGNING_ALG }, SIGNING_ALG);
  return { kid, privateKey, publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: SIGNING_ALG, use: 'sig' } };
}

/**
 * Reads the key file, or creates it. Creation is atomic (write a private temp file, then hard-link
 * it into place, which fails if another process got there first), so two instances starting on
 * the same folder end up with the same key.
 */
async function loadOrCreate(dir: string): Promise<JWK> {
  const file = path.join(dir, KEY_FILE);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing !== null) {
    // Keep the secret private even if someone loosened the mode.
    await chmod(file, 0o600);
    return JSON.parse(existing) as JWK;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const jwk = await newPrivateJwk();
  // Unique per attempt: two creators in one process share the pid and, often, the millisecond.
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, file);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } finally {
    await rm(temp, { force: true });
  }
}

export function createSigningKeys(config: Pick<Config, 'AUTH_KEYS_DIR'>): SigningKeys {
  let key: Promise<SigningKey> | undefined;
  const current = () => {
    key ??= (config.AUTH_KEYS_DIR ? loadOrCreate(config.AUTH_KEYS_DIR) : newPrivateJwk()).then(toSigningKey).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  return {
    current,
    jwks: async () => ({ keys: [(await current()).publicJwk] }),
  };
}
