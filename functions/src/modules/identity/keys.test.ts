import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSigningKeys } from './keys';

describe("the local issuer's signing key", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('is made once, kept private in AUTH_KEYS_DIR and reused after a restart', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-keys-'));
    const keysDir = path.join(dir, 'keys');
    const first = await createSigningKeys({ AUTH_KEYS_DIR: keysDir }).current();
    const afterRestart = await createSigningKeys({ AUTH_KEYS_DIR: keysDir }).current();
    expect(afterRestart.kid).toBe(first.kid);
    const file = path.join(keysDir, 'access-token-signing-key.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700);
    // The JWKS publishes the public half only.
    const jwks = await createSigningKeys({ AUTH_KEYS_DIR: keysDir }).jwks();
    expect(jwks.keys).toEqual([{ kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: first.kid, alg: 'RS256', use: 'sig' }]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('d');
  });

  it('ends up as one key when several instances create it at the same time', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-keys-'));
    const keysDir = dir;
    const kids = await Promise.all(Array.from({ length: 8 }, () => createSigningKeys({ AUTH_KEYS_DIR: keysDir }).current().then((k) => k.kid)));
    expect(new Set(kids).size).toBe(1);
  });

  it('is a fresh in-memory key when no folder is configured', async () => {
    const a = await createSigningKeys({ AUTH_KEYS_DIR: undefined }).current();
    const b = await createSigningKeys({ AUTH_KEYS_DIR: undefined }).current();
    expect(a.kid).not.toBe(b.kid);
  });
});
