import { beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../test/support/invoke';
import { createIdentityTestContext, signedInUser, signIn, STRONG_PASSWORD } from '../../../test/support/identity-fixtures';
import { createHttpHandler } from '../../http/create-http-handler';
import { createAuthenticator, SESSION_STATE_TTL_MS, USER_STATE_TTL_MS } from './authenticator';
import { identityModule } from './routes';
import { fileContext } from '../../../test/support/file-context';

// Access tokens live 15 minutes, but the API re-reads a user's status and roles at least once a
// minute: a deactivation or a removed role bites within 60 s, with the old token still unexpired.
describe('revoking access while a token is still valid', () => {
  let adminToken: string;

  const t = fileContext(createIdentityTestContext);
  beforeAll(async () => {
    adminToken = (await signedInUser(t, { roles: ['admin'] })).accessToken;
  });

  const listUsers = (token: string) => invoke(t.identity, { method: 'GET', path: '/api/users', token });
  const me = (token: string) => invoke(t.identity, { method: 'GET', path: '/api/me', token });

  it('a deactivated user is refused within 60 s', async () => {
    const { user, accessToken } = await signedInUser(t, { roles: ['agent'] });
    expect((await me(accessToken)).status).toBe(200);

    expect((await invoke(t.identity, { method: 'POST', path: `/api/users/${user.id}/deactivate`, token: adminToken })).status).toBe(200);
    t.clock.advance(USER_STATE_TTL_MS);
    expect(USER_STATE_TTL_MS).toBeLessThanOrEqual(60_000);
    const res = await me(accessToken);
    expect(res.status).toBe(401);

    // Reactivation does not revive tokens issued before the deactivation: the user signs in again.
    await invoke(t.identity, { method: 'POST', path: `/api/users/${user.id}/reactivate`, token: adminToken });
    t.clock.advance(USER_STATE_TTL_MS);
    expect((await me(accessToken)).status).toBe(401);
    expect((await me((await signIn(t.identity, user.username, user.password)).accessToken)).status).toBe(200);
  });

  it('a removed role stops working within 60 s, the remaining roles keep working', async () => {
    const { user, accessToken } = await signedInUser(t, { roles: ['admin', 'agent'] });
    expect((await listUsers(accessToken)).status).toBe(200);

    const removed = await invoke(t.identity, { method: 'DELETE', path: `/api/users/${user.id}/roles/admin`, token: adminToken });
    expect(removed.status).toBe(200);
    t.clock.advance(USER_STATE_TTL_MS);
    expect((await listUsers(accessToken)).status).toBe(403);
    const stillMe = await invoke<{ roles: string[] }>(t.identity, { method: 'GET', path: '/api/me', token: accessToken });
    expect(stillMe.status).toBe(200);
    expect(stillMe.json.roles).toEqual(['agent']);
  });

  it('a role added is honoured within 60 s without signing in again', async () => {
    const { user, accessToken } = await signedInUser(t, { roles: ['agent'] });
    expect((await listUsers(accessToken)).status).toBe(403);
    await invoke(t.identity, { method: 'POST', path: `/api/users/${user.id}/roles`, token: adminToken, body: { role: 'admin' } });
    t.clock.advance(USER_STATE_TTL_MS);
    expect((await listUsers(accessToken)).status).toBe(200);
  });

  it('a signed-out session\'s access token is refused at once, other sessions keep working', async () => {
    const { user, session: leaving } = await signedInUser(t, { roles: ['agent'] });
    const staying = await signIn(t.identity, user.username, user.password);
    expect((await me(leaving.accessToken)).status).toBe(200);

    const out = await invoke(t.identity, { method: 'POST', path: '/api/auth/logout', cookies: [leaving.refreshCookie], token: leaving.accessToken });
    expect(out.status).toBeLessThan(300);
    expect((await me(leaving.accessToken)).status).toBe(401);
    expect((await me(staying.accessToken)).status).toBe(200);
  });

  it('another container refuses a signed-out session\'s token within 60 s', async () => {
    const elsewhere = createHttpHandler(identityModule, { deps: async () => ({ ...t.deps, auth: createAuthenticator(t.deps) }) });
    const { session } = await signedInUser(t, { roles: ['agent'] });
    expect((await invoke(elsewhere, { method: 'GET', path: '/api/me', token: session.accessToken })).status).toBe(200);

    await invoke(t.identity, { method: 'POST', path: '/api/auth/logout', cookies: [session.refreshCookie] });
    expect(SESSION_STATE_TTL_MS).toBeLessThanOrEqual(60_000);
    t.clock.advance(SESSION_STATE_TTL_MS);
    expect((await invoke(elsewhere, { method: 'GET', path: '/api/me', token: session.accessToken })).status).toBe(401);
  });

  it('a password change refuses the other sessions\' access tokens at once and keeps the new one', async () => {
    const { user, session: other } = await signedInUser(t, { roles: ['agent'] });
    const here = await signIn(t.identity, user.username, user.password);
    expect((await me(other.accessToken)).status).toBe(200);
    expect((await me(here.accessToken)).status).toBe(200);

    const changed = await invoke<{ accessToken: string }>(t.identity, {
      method: 'POST',
      path: '/api/auth/password',
      token: here.accessToken,
      body: { currentPassword: STRONG_PASSWORD, newPassword: 'a brand new passphrase 42' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect((await me(other.accessToken)).status).toBe(401);
    expect((await me(changed.json.accessToken)).status).toBe(200);
  });
});
