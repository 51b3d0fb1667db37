// Users of my organisation: the list (mine only), invitations by client admins (a client user of
// my organisation with a temporary password that must be changed; 403 for others; bad input 400),
// deactivation and reactivation (sessions end; another organisation's user 404; not myself) and me.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PortalInviteResult, PortalMe, PortalUser } from '@shared/contracts/portal-leads';
import { fileContext } from '../../../../test/support/file-context';
import { users } from '../../../db/schema';
import { issueAccessToken } from '../../identity';
import { clientWithToken, createPortalTestContext, organisationFixture, staffWithToken } from '../test-fixtures';

interface Problem {
  detail?: string;
  errors?: { field: string; message: string }[];
}

const t = fileContext(createPortalTestContext);

const newOrg = () => organisationFixture(t, `Client ${randomUUID().slice(0, 8)}`);
const invite = (token: string, body: Record<string, unknown>) => t.api<PortalInviteResult & Problem>(token, { method: 'POST', path: '/api/portal/users', body });
const setActive = (token: string, userId: string, active: boolean) =>
  t.api<PortalUser & Problem>(token, { method: 'POST', path: `/api/portal/users/${userId}/${active ? 'reactivate' : 'deactivate'}` });

describe('users of my organisation', () => {
  it('a client admin invites a user of their organisation: a temporary password to change at first sign-in', async () => {
    const orgId = await newOrg();
    const admin = await clientWithToken(t, orgId, { clientAdmin: true });
    const email = `new.buyer-${randomUUID().slice(0, 6)}@northwind.com`;
    const res = await invite(admin.token, { email: email.toUpperCase(), firstName: 'Nora', lastName: 'Buyer', clientAdmin: true });
    expect(res.status, res.text).toBe(201);
    expect(res.json.user).toMatchObject({ email, firstName: 'Nora', lastName: 'Buyer', status: 'active', clientAdmin: true });
    expect(res.json.temporaryPassword).toMatch(/^.{12,}$/);
    const [row] = await t.deps.db.select().from(users).where(eq(users.id, res.json.user.id));
    expect(row).toMatchObject({ orgId, mustChangePassword: true, clientAdmin: true, status: 'active' });

    // The same email again: 409, nothing more written.
    expect((await invite(admin.token, { email, firstName: 'Nora', lastName: 'Again' })).status).toBe(409);
    // Bad input: the field and the reason.
    const bad = await invite(admin.token, { email: 'not-an-email', firstName: '', lastName: 'X' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.email', message: 'must be an email address' },
        { field: 'body.firstName', message: 'must not be empty' },
      ]),
    );
    expect((await invite(admin.token, { email: `x-${randomUUID().slice(0, 6)}@n.com`, firstName: 'A', lastName: 'B', orgId: randomUUID() })).status).toBe(400);

    const list = await t.api<{ items: PortalUser[] }>(admin.token, { method: 'GET', path: '/api/portal/users' });
    expect(list.json.items.map((u) => u.id).sort()).toEqual([admin.id, res.json.user.id].sort());
  });

  it('refuses writes to a client user who is not a client admin (403, with why), and lists only my organisation', async () => {
    const orgId = await newOrg();
    const admin = await clientWithToken(t, orgId, { clientAdmin: true });
    const member = await clientWithToken(t, orgId);
    const elsewhere = await clientWithToken(t, await newOrg());
    const res = await invite(member.token, { email: `m-${randomUUID().slice(0, 6)}@northwind.com`, firstName: 'M', lastName: 'N' });
    expect(res.status).toBe(403);
    expect(res.json.detail).toMatch(/client admin/);
    expect((await setActive(member.token, admin.id, false)).status).toBe(403);
    const list = await t.api<{ items: PortalUser[] }>(member.token, { method: 'GET', path: '/api/portal/users' });
    expect(list.json.items.map((u) => u.id).sort()).toEqual([admin.id, member.id].sort());
    expect(list.json.items.map((u) => u.id)).not.toContain(elsewhere.id);
    // Staff are not portal users.
    const staff = await staffWithToken(t, ['admin']);
    expect((await t.api<Problem>(staff.token, { method: 'GET', path: '/api/portal/users' })).status).toBe(403);
  });

  it('deactivates and reactivates a user of my organisation (their token stops working); 404 for another organisation; never myself', async () => {
    const orgId = await newOrg();
    const admin = await clientWithToken(t, orgId, { clientAdmin: true });
    const member = await clientWithToken(t, orgId);
    const stranger = await clientWithToken(t, await newOrg());

    expect((await t.api(member.token, { method: 'GET', path: '/api/portal/me' })).status).toBe(200);
    const off = await setActive(admin.token, member.id, false);
    expect(off.status, off.text).toBe(200);
    expect(off.json.status).toBe('inactive');
    expect((await t.api(member.token, { method: 'GET', path: '/api/portal/me' })).status).toBe(401);

    const on = await setActive(admin.token, member.id, true);
    expect(on.json.status).toBe('active');
    const [row] = await t.deps.db.select({ status: users.status, tokenVersion: users.tokenVersion }).from(users).where(eq(users.id, member.id));
    expect(row!.status).toBe('active');
    const fresh = await issueAccessToken(t.deps, { id: member.id, roles: ['client_user'], orgId, tokenVersion: row!.tokenVersion, sessionId: null });
    expect((await t.api(fresh.accessToken, { method: 'GET', path: '/api/portal/me' })).status).toBe(200);

    for (const active of [false, true]) {
      expect((await setActive(admin.token, stranger.id, active)).status).toBe(404);
      expect((await setActive(admin.token, randomUUID(), active)).status).toBe(404);
    }
    expect((await t.deps.db.select({ status: users.status }).from(users).where(eq(users.id, stranger.id)))[0]!.status).toBe('active');
    const self = await setActive(admin.token, admin.id, false);
    expect(self.status).toBe(409);
    expect(self.json.detail).toMatch(/yourself/);
  });

  it('me: my name, my organisation and whether I am a client admin', async () => {
    const name = `Me Corp ${randomUUID().slice(0, 6)}`;
    const orgId = await organisationFixture(t, name);
    const admin = await clientWithToken(t, orgId, { clientAdmin: true });
    const member = await clientWithToken(t, orgId);
    const me = await t.api<PortalMe>(admin.token, { method: 'GET', path: '/api/portal/me' });
    expect(me.status, me.text).toBe(200);
    expect(me.json).toMatchObject({ userId: admin.id, orgId, orgName: name, clientAdmin: true });
    expect((await t.api<PortalMe>(member.token, { method: 'GET', path: '/api/portal/me' })).json).toMatchObject({ userId: member.id, clientAdmin: false });
  });
});
