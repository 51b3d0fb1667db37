import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '@shared/contracts/identity';
import { invoke } from '../../../test/support/invoke';
import {
  createIdentityTestContext,
  makeUser,
  refreshCookieOf,
  signIn,
  type UserFixture,
} from '../../../test/support/identity-fixtures';
import { REFRESH_RACE_GRACE_MS } from './sessions';
import { fileContext } from '../../../test/support/file-context';

describe('refresh-token sessions', () => {
  let user: UserFixture;

  const refresh = (cookie?: string) =>
    invoke<TokenResponse>(t.identity, { method: 'POST', path: '/api/auth/refresh', ...(cookie ? { cookies: [cookie] } : {}) });
  const me = (token: string) => invoke(t.identity, { method: 'GET', path: '/api/me', token });

  const t = fileContext(createIdentityTestContext);
  beforeAll(async () => {
    user = await makeUser(t.deps, { roles: ['agent'] });
  });

  it('rotates the refresh token on every use and answers a working access token', async () => {
    const session = await signIn(t.identity, user.username, user.password);
    const first = await refresh(session.refreshCookie);
    expect(first.status).toBe(200);
    expect(first.json.user.id).toBe(user.id);
    const rotated = refreshCookieOf(first);
    expect(rotated.cookie).not.toBe(session.refreshCookie);
    expect(rotated.setCookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/api\/auth; Max-Age=\d+/);
    expect((await me(first.json.accessToken)).status).toBe(200);

    const second = await refresh(rotated.cookie);
    expect(second.status).toBe(200);
    expect(refreshCookieOf(second).cookie).not.toBe(rotated.cookie);
  });

  it('treats a rotated token presented again as stolen: the whole family is revoked', async () => {
    const session = await signIn(t.identity, user.username, user.password);
    const next = refreshCookieOf(await refresh(session.refreshCookie)).cookie;

    t.clock.advance(REFRESH_RACE_GRACE_MS);
    const replay = await refresh(session.refreshCookie);
    expect(replay.status).toBe(401);
    // The refusal clears the cookie in the browser that presented it.
    expect(replay.headers['set-cookie']).toMatch(/^refresh_token=; .*Max-Age=0/);
    // The legitimate successor is dead too: both holders must sign in again.
    expect((await refresh(next)).status).toBe(401);

    // Other sessions of the same user (another browser) are not affected.
    const other = await signIn(t.identity, user.username, user.password);
    expect((await refresh(other.refreshCookie)).status).toBe(200);
  });

  it('takes a just-rotated cookie sent again (a second tab, a page left mid-refresh) for a race, not a theft', async () => {
    const session = await signIn(t.identity, user.username, user.password);
    // Two tabs send the one cookie; the first rotates it, the second gets a successor of its own.
    const [first, second] = [await refresh(session.refreshCookie), await refresh(session.refreshCookie)];
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const [one, two] = [refreshCookieOf(first).cookie, refreshCookieOf(second).cookie];
    expect(two).not.toBe(one);
    expect((await me(second.json.accessToken)).status).toBe(200);
    // Both branches live on.
    const oneNext = refreshCookieOf(await refresh(one)).cookie;
    expect((await refresh(two)).status).toBe(200);

    // Until the grace ends the stale cookie is still a race; from its end on, a theft that ends
    // every branch of the sign-in.
    t.clock.advance(REFRESH_RACE_GRACE_MS - 1);
    expect((await refresh(session.refreshCookie)).status).toBe(200);
    t.clock.advance(1);
    const theft = await refresh(session.refreshCookie);
    expect(theft.status).toBe(401);
    expect(theft.headers['set-cookie']).toMatch(/^refresh_token=; .*Max-Age=0/);
    expect((await refresh(oneNext)).status).toBe(401);
  });

  it('answers 401 without a cookie, with a malformed one and with one it never issued', async () => {
    expect((await refresh()).status).toBe(401);
    expect((await refresh('refresh_token=short')).status).toBe(401);
    expect((await refresh(`refresh_token=${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('refuses an expired refresh token', async () => {
    const session = await signIn(t.identity, user.username, user.password);
    t.clock.advance(t.deps.config.REFRESH_TOKEN_TTL_SECONDS * 1000 + 1000);
    expect((await refresh(session.refreshCookie)).status).toBe(401);
  });

  it('signs out: the session cookie is cleared and its refresh token no longer works', async () => {
    const session = await signIn(t.identity, user.username, user.password);
    const rotated = refreshCookieOf(await refresh(session.refreshCookie)).cookie;
    const out = await invoke(t.identity, { method: 'POST', path: '/api/auth/logout', cookies: [rotated] });
    expect(out.status).toBe(204);
    expect(out.cookies[0]).toMatch(/^refresh_token=; HttpOnly; SameSite=Strict; Path=\/api\/auth; Max-Age=0/);
    expect((await refresh(rotated)).status).toBe(401);
    // Signing out twice, or without a cookie, is harmless.
    expect((await invoke(t.identity, { method: 'POST', path: '/api/auth/logout', cookies: [rotated] })).status).toBe(204);
    expect((await invoke(t.identity, { method: 'POST', path: '/api/auth/logout' })).status).toBe(204);
  });

  it('stops refreshing a deactivated user', async () => {
    const leaver = await makeUser(t.deps, { roles: ['agent'] });
    const admin = await makeUser(t.deps, { roles: ['admin'] });
    const session = await signIn(t.identity, leaver.username, leaver.password);
    const adminToken = (await signIn(t.identity, admin.username, admin.password)).accessToken;
    await invoke(t.identity, { method: 'POST', path: `/api/users/${leaver.id}/deactivate`, token: adminToken });
    expect((await refresh(session.refreshCookie)).status).toBe(401);
  });
});
