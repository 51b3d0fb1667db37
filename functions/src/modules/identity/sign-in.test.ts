import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '@shared/contracts/problem';
import { invoke, type InvokeResponse } from '../../../test/support/invoke';
import {
  createIdentityTestContext,
  login,
  makeUser,
  signedInUser,
  signIn,
  type UserFixture,
} from '../../../test/support/identity-fixtures';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from './throttle';
import { fileContext } from '../../../test/support/file-context';

/** A failure's body without the parts that differ on every request. */
function comparable(res: InvokeResponse<unknown>) {
  const { requestId, ...rest } = res.json as Problem;
  expect(requestId).toEqual(expect.any(String));
  return { status: res.status, headers: res.headers, body: rest };
}

describe('signing in', () => {
  let maria: UserFixture;

  const t = fileContext(createIdentityTestContext);
  beforeAll(async () => {
    maria = await makeUser(t.deps, { roles: ['campaign_manager', 'quality_analyst'], username: 'maria.lopez' });
  });

  it('accepts the username, in any case, and answers an access token, the user and the refresh cookie', async () => {
    const res = await login(t.identity, 'Maria.Lopez', maria.password);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: maria.id, username: 'maria.lopez', roles: ['campaign_manager', 'quality_analyst'], orgId: null, mustChangePassword: false },
    });
    expect(res.json.accessToken.split('.')).toHaveLength(3);
    const cookie = res.cookies.find((c) => c.startsWith('refresh_token='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/api\/auth/);
    expect(cookie).toMatch(/; Max-Age=1209600/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('accepts the email address, in any case and with surrounding spaces', async () => {
    const res = await login(t.identity, `  ${maria.email.toUpperCase()} `, maria.password);
    expect(res.status).toBe(200);
    expect(res.json.user.id).toBe(maria.id);
  });

  it('puts sub, roles and (for client users) org in the access token', async () => {
    const { user: client, session } = await signedInUser(t, { roles: ['client_user'] });
    const payload = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toMatchObject({ sub: client.id, roles: ['client_user'], org: client.orgId, token_use: 'access' });
    const staff = JSON.parse(Buffer.from((await signIn(t.identity, maria.username, maria.password)).accessToken.split('.')[1]!, 'base64url').toString());
    expect(staff).not.toHaveProperty('org');
  });

  it('records the time of the last sign-in', async () => {
    await signIn(t.identity, maria.username, maria.password);
    const me = await invoke<{ lastSignInAt: string }>(t.identity, {
      method: 'GET',
      path: `/api/users/${maria.id}`,
      token: (await signIn(t.identity, (await makeUser(t.deps, { roles: ['admin'] })).username, 'correct horse battery staple')).accessToken,
    });
    expect(me.json.lastSignInAt).toBe(t.clock.now().toISOString());
  });

  it('answers an unknown user and a wrong password identically (status, headers and body)', async () => {
    const unknown = await login(t.identity, 'nobody.here', 'some password or other');
    const wrong = await login(t.identity, maria.username, 'some password or other');
    expect(unknown.status).toBe(401);
    expect(comparable(unknown)).toEqual(comparable(wrong));
    expect((unknown.json as unknown as Problem).detail).toBe('The username, email or password is not correct.');
    expect(unknown.cookies).toEqual([]);
    // A successful sign-in afterwards resets the count of failures.
    await signIn(t.identity, maria.username, maria.password);
  });

  it('answers a deactivated user with the right password like a wrong password', async () => {
    const gone = await makeUser(t.deps, { roles: ['agent'] });
    const { accessToken: adminToken } = await signedInUser(t, { roles: ['admin'] });
    expect((await invoke(t.identity, { method: 'POST', path: `/api/users/${gone.id}/deactivate`, token: adminToken })).status).toBe(200);
    const res = await login(t.identity, gone.username, gone.password);
    expect(comparable(res)).toEqual(comparable(await login(t.identity, gone.username, 'wrong password here')));
  });

  it('refuses malformed requests with field errors', async () => {
    const res = await invoke<Problem & { errors: { field: string }[] }>(t.identity, {
      method: 'POST',
      path: '/api/auth/login',
      body: { login: '', password: '', remember: true },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e) => e.field).sort()).toEqual(['body', 'body.login', 'body.password']);
    const notJson = await invoke(t.identity, { method: 'POST', path: '/api/auth/login', body: 'login=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(415);
  });

  describe('lockout', () => {
    it(`locks an account for 15 minutes after ${MAX_FAILED_SIGN_INS} failures, even for the right password, then lets it in`, async () => {
      const user = await makeUser(t.deps, { roles: ['agent'] });
      for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
        expect((await login(t.identity, user.username, `wrong password ${i}`)).status).toBe(401);
      }
      const fifth = await login(t.identity, user.username, 'wrong password 5');
      expect(fifth.status).toBe(429);
      expect(fifth.headers['retry-after']).toBe(String(LOCKOUT_MS / 1000));
      expect((fifth.json as unknown as Problem).detail).toMatch(/try again in 15 minutes/);

      const rightButLocked = await login(t.identity, user.username, user.password);
      expect(rightButLocked.status).toBe(429);

      t.clock.advance(LOCKOUT_MS - 1000);
      expect((await login(t.identity, user.username, user.password)).status).toBe(429);
      t.clock.advance(1000);
      expect((await login(t.identity, user.username, user.password)).status).toBe(200);
    });

    it('locks an unknown name exactly like a real account, so a lockout does not reveal who exists', async () => {
      const real = await makeUser(t.deps, { roles: ['agent'] });
      const answers = async (name: string) => {
        const out: number[] = [];
        for (let i = 0; i < MAX_FAILED_SIGN_INS + 1; i++) out.push((await login(t.identity, name, 'definitely wrong')).status);
        return out;
      };
      const realAnswers = await answers(real.username);
      const unknownAnswers = await answers('ghost.user');
      expect(realAnswers).toEqual([401, 401, 401, 401, 429, 429]);
      expect(unknownAnswers).toEqual(realAnswers);
      t.clock.advance(LOCKOUT_MS);
      expect((await login(t.identity, 'ghost.user', 'definitely wrong')).status).toBe(401);
      expect((await login(t.identity, real.username, real.password)).status).toBe(200);
    });

    it('counts only consecutive failures: a successful sign-in starts the count again', async () => {
      const user = await makeUser(t.deps, { roles: ['agent'] });
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await login(t.identity, user.username, 'wrong password');
      await signIn(t.identity, user.username, user.password);
      for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) expect((await login(t.identity, user.username, 'wrong password')).status).toBe(401);
      await signIn(t.identity, user.username, user.password);
    });
  });
});

describe('sign-in rate limit per source address', () => {
  const t = fileContext(() => createIdentityTestContext({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } }));

  it('answers 429 with Retry-After past the per-minute limit, and lets the next minute through', async () => {
    const user = await makeUser(t.deps, { roles: ['agent'] });
    for (let i = 0; i < 3; i++) expect((await login(t.identity, user.username, user.password)).status).toBe(200);
    const limited = await login(t.identity, user.username, user.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(61_000);
    expect((await login(t.identity, user.username, user.password)).status).toBe(200);
  });

  it('counts any 60 s, not a clock minute: attempts just before and after a minute boundary add up', async () => {
    const user = await makeUser(t.deps, { roles: ['agent'] });
    t.clock.advance(61_000);
    // 59.5 s into a clock minute.
    t.clock.advance(60_000 - (t.clock.now().getTime() % 60_000) - 500);
    for (let i = 0; i < 3; i++) expect((await login(t.identity, user.username, user.password)).status).toBe(200);
    t.clock.advance(1_000);
    const limited = await login(t.identity, user.username, user.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(30);
    t.clock.advance(61_000);
    expect((await login(t.identity, user.username, user.password)).status).toBe(200);
  });
});
