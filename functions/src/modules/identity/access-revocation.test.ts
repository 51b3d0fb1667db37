import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../../test/support/invoke';
import { createIdentityTestContext, makeUser, signIn, type IdentityTestContext } from '../../../test/support/identity-fixtures';
import { USER_STATE_TTL_MS } from './authenticator';

// Access tokens live 15 minutes, but the API re-reads a user's status and roles at least once a
// minute: a deactivation or a removed role bites within 60 s, with the old token still unexpired.
describe('revoking access while a token is still valid', () => {
  let t: IdentityTestContext;
  let adminToken: string;

  beforeAll(async () => {
    t = await createIdentityTestContext();
    const admin = await makeUser(t.deps, { roles: ['admin'] });
    adminToken = (await signIn(t.identity, admin.username, admin.password)).accessToken;
  });
  afterAll(async () => t?.close());

  const listUsers = (token: string) => invoke(t.identity, { method: 'GET', path: '/api/users', token });
  const me = (token: string) => invoke(t.identity, { method: 'GET', path: '/api/me', token });

  it('a deactivated user is refused within 60 s', async () => {
    const user = await makeUser(t.deps, { roles: ['agent'] });
    const { accessToken } = await signIn(t.identity, user.username, user.password);
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
    const user = await makeUser(t.deps, { roles: ['admin', 'agent'] });
    const { accessToken } = await signIn(t.identity, user.username, user.password);
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
    const user = await makeUser(t.deps, { roles: ['agent'] });
    const { accessToken } = await signIn(t.identity, user.username, user.password);
    expect((await listUsers(accessToken)).status).toBe(403);
    await invoke(t.identity, { method: 'POST', path: `/api/users/${user.id}/roles`, token: adminToken, body: { role: 'admin' } });
    t.clock.advance(USER_STATE_TTL_MS);
    expect((await listUsers(accessToken)).status).toBe(200);
  });
});
