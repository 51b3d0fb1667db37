import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '@shared/contracts/identity';
import type { Problem } from '@shared/contracts/problem';
import { runBootstrap } from '../../bootstrap';
import { invoke } from '../../../test/support/invoke';
import {
  createIdentityTestContext,
  login,
  signedInUser,
  signIn,
} from '../../../test/support/identity-fixtures';
import { MAX_FAILED_SIGN_INS } from './throttle';
import { fileContext } from '../../../test/support/file-context';

type FieldProblem = Problem & { errors: { field: string; message: string }[] };

describe('changing a password', () => {
  const t = fileContext(() => createIdentityTestContext({ env: { ADMIN_PASSWORD: 'Bootstrap-Secret-2026' } }));

  const change = (token: string, body: unknown) =>
    invoke<TokenResponse & FieldProblem>(t.identity, { method: 'POST', path: '/api/auth/password', token, body });

  it('refuses a wrong current password, naming the field', async () => {
    const { accessToken } = await signedInUser(t, { roles: ['agent'] });
    const res = await change(accessToken, { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ field: 'body.currentPassword', message: 'is not correct' }]);
  });

  it('names each policy violation on the newPassword field', async () => {
    const { user, accessToken } = await signedInUser(t, { roles: ['agent'], username: 'olivia.chen' });
    const cases: [string, string[]][] = [
      ['short1!', ['must be at least 12 characters']],
      ['x'.repeat(129), ['must be at most 128 characters']],
      ['my name is olivia.chen!', ['must not contain your username']],
      [`${user.email.split('@')[0]}-and-more`, ['must not contain your email name']],
      // The bootstrap password from ADMIN_PASSWORD counts as a default password for everyone.
      ['bootstrap-secret-2026', ['must not be the default password']],
      [user.password, ['must differ from your current password']],
    ];
    for (const [newPassword, messages] of cases) {
      const res = await change(accessToken, { currentPassword: user.password, newPassword });
      expect(res.status, newPassword).toBe(400);
      expect(res.json.errors, newPassword).toEqual(messages.map((message) => ({ field: 'body.newPassword', message })));
    }
    const missing = await change(accessToken, {});
    expect(missing.json.errors.map((e) => e.field).sort()).toEqual(['body.currentPassword', 'body.newPassword']);
  });

  it('changes the password: the old one stops working, the new one works, and older sessions end', async () => {
    const { user, session: laptop } = await signedInUser(t, { roles: ['agent'] });
    const phone = await signIn(t.identity, user.username, user.password);

    const res = await change(laptop.accessToken, { currentPassword: user.password, newPassword: 'violet staircase at dawn' });
    expect(res.status).toBe(200);
    expect(res.json.accessToken).toEqual(expect.any(String));
    expect(res.cookies[0]).toMatch(/^refresh_token=[A-Za-z0-9_-]+; HttpOnly/);

    expect((await login(t.identity, user.username, user.password)).status).toBe(401);
    expect((await login(t.identity, user.username, 'violet staircase at dawn')).status).toBe(200);
    // The other device's refresh token is revoked, and once the new token version is seen,
    // access tokens issued before the change are refused.
    expect((await invoke(t.identity, { method: 'POST', path: '/api/auth/refresh', cookies: [phone.refreshCookie] })).status).toBe(401);
    expect((await invoke(t.identity, { method: 'GET', path: '/api/me', token: res.json.accessToken })).status).toBe(200);
    expect((await invoke(t.identity, { method: 'GET', path: '/api/me', token: phone.accessToken })).status).toBe(401);
  });

  it('counts wrong current passwords toward the lockout', async () => {
    const { user, accessToken } = await signedInUser(t, { roles: ['agent'] });
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      statuses.push((await change(accessToken, { currentPassword: `guess number ${i}`, newPassword: 'a brand new passphrase' })).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect((await login(t.identity, user.username, user.password)).status).toBe(429);
  });
});

describe('the default admin must change the default password first', () => {
  const t = fileContext(createIdentityTestContext);
  beforeAll(async () => {
    await runBootstrap(t.deps);
  });

  it('fresh database → sign in admin/Admin123! → 403 password_change_required → change → 200', async () => {
    const first = await signIn(t.identity, 'admin', 'Admin123!');
    expect(first.body.user).toMatchObject({ username: 'admin', email: 'admin@crm.local', roles: ['admin'], mustChangePassword: true });

    const blocked = await invoke<Problem>(t.identity, { method: 'GET', path: '/api/users', token: first.accessToken });
    expect(blocked.status).toBe(403);
    expect(blocked.json.type).toBe('https://pivotal-crm.dev/problems/password_change_required');
    // /api/me and the auth routes stay open so the app can show the change screen.
    const me = await invoke<{ mustChangePassword: boolean }>(t.identity, { method: 'GET', path: '/api/me', token: first.accessToken });
    expect(me.status).toBe(200);
    expect(me.json.mustChangePassword).toBe(true);
    expect((await invoke(t.identity, { method: 'POST', path: '/api/auth/refresh', cookies: [first.refreshCookie] })).status).toBe(200);

    const sameAgain = await invoke<FieldProblem>(t.identity, {
      method: 'POST',
      path: '/api/auth/password',
      token: first.accessToken,
      body: { currentPassword: 'Admin123!', newPassword: 'admin123!' },
    });
    expect(sameAgain.status).toBe(400);
    expect(sameAgain.json.errors[0]!.field).toBe('body.newPassword');

    const changed = await invoke<TokenResponse>(t.identity, {
      method: 'POST',
      path: '/api/auth/password',
      token: first.accessToken,
      body: { currentPassword: 'Admin123!', newPassword: 'Northwind pipeline 2026' },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.user.mustChangePassword).toBe(false);

    const users = await invoke<{ items: { username: string }[] }>(t.identity, { method: 'GET', path: '/api/users', token: changed.json.accessToken });
    expect(users.status).toBe(200);
    expect(users.json.items.map((u) => u.username)).toEqual(['admin']);
    // The default password is gone for good.
    expect((await login(t.identity, 'admin', 'Admin123!')).status).toBe(401);
  });
});
