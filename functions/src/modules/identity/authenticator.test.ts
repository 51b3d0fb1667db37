import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createIdentityTestContext, makeUser, signIn } from '../../../test/support/identity-fixtures';
import { createAuthenticator, createLocalTokenVerifier, VERIFIED_TOKEN_TTL_MS, type TokenVerifier } from './authenticator';
import { fileContext } from '../../../test/support/file-context';

// A client sends the same access token with every request: its signature is checked once and
// remembered for a minute at most, never past the token's expiry; the user's state is still
// checked on every request (access-revocation.test.ts).
describe('the authenticator remembers verified tokens', () => {
  let userId: string;
  let token: string;

  const t = fileContext(createIdentityTestContext);
  beforeAll(async () => {
    const user = await makeUser(t.deps, { roles: ['agent'] });
    userId = user.id;
    token = (await signIn(t.identity, user.username, user.password)).accessToken;
  });
  afterEach(() => vi.useRealTimers());

  /** The real local verifier, counting its calls. */
  function counting(inner: TokenVerifier = createLocalTokenVerifier(t.deps)): { verify: TokenVerifier; calls: () => number } {
    let calls = 0;
    return {
      verify: (value) => {
        calls += 1;
        return inner(value);
      },
      calls: () => calls,
    };
  }

  it('checks a token once, and answers the same principal after', async () => {
    const verifier = counting();
    const auth = createAuthenticator(t.deps, { verify: verifier.verify });
    const first = await auth.authenticate(token);
    const second = await auth.authenticate(token);
    expect(first).toMatchObject({ userId, roles: ['agent'] });
    expect(second).toEqual(first);
    expect(verifier.calls()).toBe(1);
  });

  it('checks any other token string in full: a tampered token is refused', async () => {
    const verifier = counting();
    const auth = createAuthenticator(t.deps, { verify: verifier.verify });
    expect(await auth.authenticate(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
    expect(await auth.authenticate(tampered)).toBeNull();
    expect(await auth.authenticate(tampered)).toBeNull();
    expect(verifier.calls()).toBe(3);
  });

  it('checks the token again after a minute, and at its expiry', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const verifier = counting();
    const auth = createAuthenticator(t.deps, { verify: verifier.verify });
    await auth.authenticate(token);
    vi.setSystemTime(Date.now() + VERIFIED_TOKEN_TTL_MS - 1);
    await auth.authenticate(token);
    expect(verifier.calls()).toBe(1);
    vi.setSystemTime(Date.now() + 1);
    expect(await auth.authenticate(token)).not.toBeNull();
    expect(verifier.calls()).toBe(2);

    // A token that expires in 10 s is not remembered past then, whatever the minute says.
    let expiresAt = Date.now() + 10_000;
    const short = counting(async (value) => ({ ...(await createLocalTokenVerifier(t.deps)(value)), expiresAt }));
    const shortAuth = createAuthenticator(t.deps, { verify: short.verify });
    await shortAuth.authenticate(token);
    vi.setSystemTime(expiresAt);
    expiresAt = Date.now() + 10_000;
    await shortAuth.authenticate(token);
    expect(short.calls()).toBe(2);
  });

  it('never remembers a subject that carries no expiry', async () => {
    const verifier = counting(async (value) => {
      const { expiresAt: _expiresAt, ...subject } = await createLocalTokenVerifier(t.deps)(value);
      return subject;
    });
    const auth = createAuthenticator(t.deps, { verify: verifier.verify });
    await auth.authenticate(token);
    await auth.authenticate(token);
    expect(verifier.calls()).toBe(2);
  });
});
