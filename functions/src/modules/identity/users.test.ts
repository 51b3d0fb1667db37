import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AuditListResponse, MigrateRolesResponse, Organisation, RoleAssignmentList, User, UserListResponse } from '@shared/contracts/identity';
import type { Problem } from '@shared/contracts/problem';
import { queryRows } from '../../db/rows';
import { invoke, type InvokeRequest } from '../../../test/support/invoke';
import {
  createIdentityTestContext,
  makeUser,
  signedInUser,
  signIn,
  type UserFixture,
} from '../../../test/support/identity-fixtures';
import { removeRole } from './roles';
import { SYSTEM_ACTOR } from '../../core/actor';
import { fileContext } from '../../../test/support/file-context';

type FieldProblem = Problem & { errors?: { field: string; message: string }[] };

describe('user administration', () => {
  let admin: UserFixture;
  let token: string;

  const api = <T = FieldProblem>(request: Omit<InvokeRequest, 'token'>) => invoke<T>(t.identity, { ...request, token });
  const newUser = (overrides: Record<string, unknown> = {}) => ({
    username: 'james.okafor',
    email: 'James.Okafor@Northwind.example',
    firstName: 'James',
    lastName: 'Okafor',
    password: 'quarterly pipeline review',
    roles: ['quality_analyst', 'campaign_manager'],
    ...overrides,
  });
  const auditOf = async (userId: string) => (await api<AuditListResponse>({ method: 'GET', path: `/api/users/${userId}/audit` })).json.items;

  const t = fileContext(createIdentityTestContext);
  beforeAll(async () => {
    ({ user: admin, accessToken: token } = await signedInUser(t, { roles: ['admin'], username: 'priya.admin' }));
  });

  describe('creating users', () => {
    it('creates a staff user with several roles, recording who assigned them, and audits it', async () => {
      const res = await api<User>({ method: 'POST', path: '/api/users', body: newUser() });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({
        username: 'james.okafor',
        email: 'james.okafor@northwind.example',
        roles: ['campaign_manager', 'quality_analyst'],
        role: 'campaign_manager',
        orgId: null,
        status: 'active',
        lastSignInAt: null,
      });
      const roles = await api<RoleAssignmentList>({ method: 'GET', path: `/api/users/${res.json.id}/roles` });
      expect(roles.json.items).toEqual([
        { role: 'campaign_manager', assignedBy: admin.id, assignedAt: t.clock.now().toISOString() },
        { role: 'quality_analyst', assignedBy: admin.id, assignedAt: t.clock.now().toISOString() },
      ]);
      const [created] = await auditOf(res.json.id);
      expect(created).toMatchObject({ action: 'user.created', actorId: admin.id, actorName: expect.stringMatching(/^Test User \d+$/), before: null });
      expect(created!.after).toMatchObject({ username: 'james.okafor', roles: ['campaign_manager', 'quality_analyst'], status: 'active' });
      // Secrets never reach the audit log.
      expect(Object.keys(created!.after as object)).not.toContain('passwordHash');
      expect(JSON.stringify(created!.after)).not.toMatch(/quarterly|\$2[aby]\$/);
      // New users choose their own password at first sign-in unless told otherwise.
      const first = await signIn(t.identity, 'james.okafor', 'quarterly pipeline review');
      expect(first.body.user.mustChangePassword).toBe(true);
    });

    it('refuses a taken username (any case) or email with 409 naming the fields', async () => {
      const res = await api({ method: 'POST', path: '/api/users', body: newUser({ username: 'JAMES.OKAFOR', email: 'james.okafor@northwind.example' }) });
      expect(res.status).toBe(409);
      expect(res.json.errors).toEqual([
        { field: 'body.username', message: 'is already taken' },
        { field: 'body.email', message: 'is already used by another user' },
      ]);
    });

    it('ties a client user to exactly one organisation', async () => {
      const org = await api<Organisation>({ method: 'POST', path: '/api/organisations', body: { name: 'Acme Industrial' } });
      expect(org.status).toBe(201);
      const client = await api<User>({
        method: 'POST',
        path: '/api/users',
        body: newUser({ username: 'sam.acme', email: 'sam@acme.example', roles: ['client_user'], orgId: org.json.id }),
      });
      expect(client.status).toBe(201);
      expect(client.json).toMatchObject({ roles: ['client_user'], orgId: org.json.id });
      const admin = await api<User>({
        method: 'POST',
        path: '/api/users',
        body: newUser({ username: 'ada.acme', email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace', roles: ['client_user'], orgId: org.json.id, clientAdmin: true }),
      });
      expect(admin.status, admin.text).toBe(201);
      const adminFlags = await queryRows<{ username: string; client_admin: boolean }>(t.deps.db, sql`select username, client_admin from users where org_id = ${org.json.id}::uuid order by username`);
      expect(adminFlags).toEqual([
        { username: 'ada.acme', client_admin: true },
        { username: 'sam.acme', client_admin: false },
      ]);

      const cases: [Record<string, unknown>, string, string][] = [
        [{ roles: ['client_user'] }, 'body.orgId', 'is required for a client user'],
        [{ roles: ['client_user', 'agent'], orgId: org.json.id }, 'body.roles', 'a client user holds only the client_user role'],
        [{ roles: ['agent'], orgId: org.json.id }, 'body.orgId', 'only client users belong to an organisation'],
        [{ roles: ['client_user'], orgId: '0190c6c4-7b1e-7000-8000-0000000000ff' }, 'body.orgId', 'no such organisation'],
        [{ roles: ['agent'], clientAdmin: true }, 'body.clientAdmin', 'only a client user can be a client admin'],
      ];
      for (const [overrides, field, message] of cases) {
        const res = await api({ method: 'POST', path: '/api/users', body: newUser({ username: 'someone.new', email: 'someone@new.example', ...overrides }) });
        expect(res.status, JSON.stringify(overrides)).toBe(400);
        expect(res.json.errors).toEqual([{ field, message }]);
      }
    });

    it('validates every field and applies the password policy', async () => {
      const res = await api({
        method: 'POST',
        path: '/api/users',
        body: { username: 'a b', email: 'not-an-email', firstName: '', lastName: 'X', password: 'short', roles: ['wizard'], extra: 1 },
      });
      expect(res.status).toBe(400);
      expect(res.json.errors!.map((e) => e.field).sort()).toEqual(['body', 'body.email', 'body.firstName', 'body.password', 'body.roles.0', 'body.username']);
      const weak = await api({ method: 'POST', path: '/api/users', body: newUser({ username: 'lena.m', email: 'lm@x.example', password: 'lena.m is here!' }) });
      expect(weak.status).toBe(400);
      expect(weak.json.errors).toEqual([{ field: 'body.password', message: 'must not contain your username' }]);
    });

    it('organisation names are unique ignoring case', async () => {
      const res = await api({ method: 'POST', path: '/api/organisations', body: { name: 'ACME industrial' } });
      expect(res.status).toBe(409);
      const list = await api<{ items: Organisation[] }>({ method: 'GET', path: '/api/organisations', query: { q: 'acme' } });
      expect(list.json.items.map((o) => o.name)).toEqual(['Acme Industrial']);
    });
  });

  describe('listing and reading users', () => {
    it('searches, filters by role and status, and pages with a cursor', async () => {
      const team = await Promise.all(
        ['nora.field', 'omar.field', 'paula.field', 'quinn.field', 'rosa.field'].map((username) => makeUser(t.deps, { roles: ['agent'], username })),
      );
      await api({ method: 'POST', path: `/api/users/${team[4]!.id}/deactivate` });

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { json: UserListResponse; status: number } = await api<UserListResponse>({
          method: 'GET',
          path: '/api/users',
          query: { q: '.FIELD', limit: '2', ...(cursor ? { cursor } : {}) },
        });
        expect(page.status).toBe(200);
        expect(page.json.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.json.items.map((u) => u.username));
        cursor = page.json.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(team.map((u) => u.username).sort());

      const active = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: 'field', status: 'active' } });
      expect(active.json.items).toHaveLength(4);
      const gone = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: 'field', status: 'deactivated' } });
      expect(gone.json.items.map((u) => u.username)).toEqual(['rosa.field']);
      const admins = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { role: 'admin' } });
      expect(admins.json.items.map((u) => u.username)).toEqual(['priya.admin']);
      const byName = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: 'James Okafor' } });
      expect(byName.json.items.map((u) => u.username)).toEqual(['james.okafor', 'sam.acme']);
      const byEmail = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: 'northwind.EXAMPLE' } });
      expect(byEmail.json.items.map((u) => u.username)).toEqual(['james.okafor']);
      // LIKE wildcards in the search are taken literally.
      expect((await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: '%' } })).json.items).toEqual([]);
    });

    it('shows when each user last signed in', async () => {
      const list = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: 'priya' } });
      expect(list.json.items[0]!.lastSignInAt).toBe(t.clock.now().toISOString());
    });

    it('refuses bad queries and answers 404 for an unknown user', async () => {
      const bad = await api({ method: 'GET', path: '/api/users', query: { role: 'wizard', status: 'gone', limit: '0', sort: 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.json.errors!.map((e) => e.field).sort()).toEqual(['query', 'query.limit', 'query.role', 'query.status']);
      expect((await api({ method: 'GET', path: '/api/users', query: { cursor: 'forged' } })).status).toBe(400);
      expect((await api({ method: 'GET', path: '/api/users/0190c6c4-7b1e-7000-8000-0000000000ff' })).status).toBe(404);
      const notUuid = await api({ method: 'GET', path: '/api/users/42' });
      expect(notUuid.status).toBe(400);
      expect(notUuid.json.errors![0]!.field).toBe('params.userId');
    });
  });

  describe('editing, deactivating and reactivating', () => {
    it('edits email and name, auditing only the fields that changed', async () => {
      const user = await makeUser(t.deps, { roles: ['content_creator'] });
      const res = await api<User>({ method: 'PATCH', path: `/api/users/${user.id}`, body: { firstName: 'Tomás', email: ` ${user.email} ` } });
      expect(res.status).toBe(200);
      expect(res.json.firstName).toBe('Tomás');
      const [edit] = await auditOf(user.id);
      expect(edit).toMatchObject({ action: 'user.updated', actorId: admin.id, before: { firstName: 'Test' }, after: { firstName: 'Tomás' } });

      const taken = await api({ method: 'PATCH', path: `/api/users/${user.id}`, body: { email: 'james.okafor@northwind.example' } });
      expect(taken.status).toBe(409);
      expect(taken.json.errors).toEqual([{ field: 'body.email', message: 'is already used by another user' }]);
      expect((await api({ method: 'PATCH', path: `/api/users/${user.id}`, body: { username: 'renamed' } })).status).toBe(400);
    });

    it('deactivates and reactivates, each audited once (repeating is a no-op)', async () => {
      const user = await makeUser(t.deps, { roles: ['agent'] });
      expect((await api<User>({ method: 'POST', path: `/api/users/${user.id}/deactivate` })).json.status).toBe('deactivated');
      expect((await api<User>({ method: 'POST', path: `/api/users/${user.id}/deactivate` })).json.status).toBe('deactivated');
      expect((await api<User>({ method: 'POST', path: `/api/users/${user.id}/reactivate` })).json.status).toBe('active');
      const actions = (await auditOf(user.id)).map((e) => [e.action, e.before, e.after]);
      expect(actions.slice(0, 2)).toEqual([
        ['user.reactivated', { status: 'deactivated' }, { status: 'active' }],
        ['user.deactivated', { status: 'active' }, { status: 'deactivated' }],
      ]);
      expect(actions).toHaveLength(3);
    });
  });

  describe('roles', () => {
    it('adds one, replaces the set, removes one, keeps the legacy role column in step, and audits each change', async () => {
      const user = await makeUser(t.deps, { roles: ['agent'] });
      const path = `/api/users/${user.id}/roles`;
      t.clock.advance(1000);
      const added = await api<RoleAssignmentList>({ method: 'POST', path, body: { role: 'quality_analyst' } });
      expect(added.json.items.map((r) => [r.role, r.assignedBy])).toEqual([
        ['agent', null],
        ['quality_analyst', admin.id],
      ]);
      const replaced = await api<RoleAssignmentList>({ method: 'PUT', path, body: { roles: ['campaign_manager', 'quality_analyst'] } });
      expect(replaced.json.items.map((r) => r.role)).toEqual(['campaign_manager', 'quality_analyst']);
      // A kept role keeps its original assignment.
      expect(replaced.json.items[1]).toEqual(added.json.items[1]);
      const afterDelete = await api<RoleAssignmentList>({ method: 'DELETE', path: `${path}/campaign_manager` });
      expect(afterDelete.json.items.map((r) => r.role)).toEqual(['quality_analyst']);
      expect((await api<User>({ method: 'GET', path: `/api/users/${user.id}` })).json.role).toBe('quality_analyst');

      const changes = (await auditOf(user.id)).filter((e) => e.action === 'user.roles_changed').map((e) => [e.before, e.after]);
      expect(changes).toEqual([
        [{ roles: ['campaign_manager', 'quality_analyst'] }, { roles: ['quality_analyst'] }],
        [{ roles: ['agent', 'quality_analyst'] }, { roles: ['campaign_manager', 'quality_analyst'] }],
        [{ roles: ['agent'] }, { roles: ['agent', 'quality_analyst'] }],
      ]);
      // Adding a role already held changes nothing and audits nothing.
      await api({ method: 'POST', path, body: { role: 'quality_analyst' } });
      expect((await auditOf(user.id)).filter((e) => e.action === 'user.roles_changed')).toHaveLength(3);
    });

    it('refuses role sets that break the rules', async () => {
      const user = await makeUser(t.deps, { roles: ['agent'] });
      const client = await makeUser(t.deps, { roles: ['client_user'] });
      const lastRole = await api({ method: 'DELETE', path: `/api/users/${user.id}/roles/agent` });
      expect(lastRole.status).toBe(409);
      const toClient = await api({ method: 'POST', path: `/api/users/${user.id}/roles`, body: { role: 'client_user' } });
      expect(toClient.status).toBe(400);
      expect(toClient.json.errors![0]!.field).toBe('body.role');
      const clientToStaff = await api({ method: 'PUT', path: `/api/users/${client.id}/roles`, body: { roles: ['agent'] } });
      expect(clientToStaff.status).toBe(400);
      expect((await api({ method: 'PUT', path: `/api/users/${user.id}/roles`, body: { roles: [] } })).status).toBe(400);
      expect((await api({ method: 'DELETE', path: `/api/users/${user.id}/roles/wizard` })).status).toBe(400);
      expect((await api({ method: 'POST', path: '/api/users/0190c6c4-7b1e-7000-8000-0000000000ff/roles', body: { role: 'agent' } })).status).toBe(404);
    });
  });

  describe('protecting the last admin', () => {
    it('an admin cannot remove their own admin role', async () => {
      const own = await api({ method: 'DELETE', path: `/api/users/${admin.id}/roles/admin` });
      expect(own.status).toBe(409);
      expect(own.json.detail).toMatch(/your own admin role/);
      expect((await api({ method: 'PUT', path: `/api/users/${admin.id}/roles`, body: { roles: ['agent'] } })).status).toBe(409);
      // Adding other roles to oneself is fine.
      expect((await api({ method: 'POST', path: `/api/users/${admin.id}/roles`, body: { role: 'agent' } })).status).toBe(200);
    });

    it('the last active admin cannot deactivate themselves; with a second admin they can', async () => {
      const last = await api({ method: 'POST', path: `/api/users/${admin.id}/deactivate` });
      expect(last.status).toBe(409);
      expect(last.json.detail).toMatch(/last active admin/);

      const { user: second, accessToken: secondToken } = await signedInUser(t, { roles: ['admin'] });
      const self = await invoke<User>(t.identity, { method: 'POST', path: `/api/users/${second.id}/deactivate`, token: secondToken });
      expect(self.status).toBe(200);
      expect(self.json.status).toBe('deactivated');
    });

    it('no change, whoever makes it, leaves the system without an active admin', async () => {
      const refused = removeRole(t.deps, { userId: admin.id, role: 'admin', context: SYSTEM_ACTOR });
      await expect(refused).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/last active admin/) });
    });
  });

  describe('migrating legacy roles', () => {
    it('copies each legacy role into the role assignments once, and reports how many it changed', async () => {
      const org = (await api<Organisation>({ method: 'POST', path: '/api/organisations', body: { name: 'Legacy Client Ltd' } })).json;
      await t.deps.db.execute(sql`
        insert into users (username, email, first_name, last_name, role, org_id) values
          ('legacy.cm', 'legacy.cm@example.com', 'Leo', 'Gacy', 'campaign_manager', null),
          ('legacy.agent', 'legacy.agent@example.com', 'Lia', 'Gacy', 'agent', null),
          ('legacy.client', 'legacy.client@example.com', 'Lou', 'Gacy', 'client_user', ${org.id}::uuid),
          ('legacy.orphan', 'legacy.orphan@example.com', 'Lee', 'Gacy', 'client_user', null)`);
      const first = await api<MigrateRolesResponse>({ method: 'POST', path: '/api/users/migrate-roles' });
      expect(first.status).toBe(200);
      // The client user without an organisation breaks the rules and is left for a person to fix.
      expect(first.json.changed).toBe(3);
      const again = await api<MigrateRolesResponse>({ method: 'POST', path: '/api/users/migrate-roles' });
      expect(again.json).toEqual({ changed: 0, examined: first.json.examined });

      const roles = await queryRows<{ username: string; role: string; assigned_by: string }>(
        t.deps.db,
        sql`select u.username, r.role, r.assigned_by from user_roles r join users u on u.id = r.user_id where u.username like 'legacy.%' order by u.username`,
      );
      expect(roles).toEqual([
        { username: 'legacy.agent', role: 'agent', assigned_by: admin.id },
        { username: 'legacy.client', role: 'client_user', assigned_by: admin.id },
        { username: 'legacy.cm', role: 'campaign_manager', assigned_by: admin.id },
      ]);
      const migratedId = (await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { q: 'legacy.agent' } })).json.items[0]!.id;
      expect(await auditOf(migratedId)).toEqual([
        expect.objectContaining({ action: 'user.role_migrated', actorId: admin.id, before: null, after: { role: 'agent' } }),
      ]);
      // Signing in works with the migrated role.
      const legacy = await api<UserListResponse>({ method: 'GET', path: '/api/users', query: { role: 'agent', q: 'legacy' } });
      expect(legacy.json.items.map((u) => u.username)).toEqual(['legacy.agent']);
    });
  });

  describe('the audit trail', () => {
    it('is readable per user, newest first, page by page', async () => {
      const user = await makeUser(t.deps, { roles: ['agent'] });
      for (const name of ['One', 'Two', 'Three']) await api({ method: 'PATCH', path: `/api/users/${user.id}`, body: { lastName: name } });
      const first = await api<AuditListResponse>({ method: 'GET', path: `/api/users/${user.id}/audit`, query: { limit: '2' } });
      expect(first.json.items.map((e) => e.after)).toEqual([{ lastName: 'Three' }, { lastName: 'Two' }]);
      const second = await api<AuditListResponse>({
        method: 'GET',
        path: `/api/users/${user.id}/audit`,
        query: { limit: '2', cursor: first.json.nextCursor! },
      });
      expect(second.json.items.map((e) => e.action)).toEqual(['user.updated', 'user.created']);
      expect(second.json.nextCursor).toBeNull();
      expect(second.json.items[1]!.at).toBe(t.clock.now().toISOString());
      expect((await api({ method: 'GET', path: `/api/users/${user.id}/audit`, query: { cursor: 'abc' } })).status).toBe(400);
    });

    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const count = async () => (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      const refusal = async (statement: Promise<unknown>) => {
        const error = await statement.then(() => null, (e: Error & { cause?: Error }) => e);
        return error?.cause?.message ?? error?.message;
      };
      expect(await refusal(t.deps.db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only: UPDATE/);
      expect(await refusal(t.deps.db.execute(sql`delete from audit_log`))).toMatch(/append-only: DELETE/);
      expect(await refusal(t.deps.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
      expect(await count()).toBe(before);
      expect((await queryRows(t.deps.db, sql`select 1 from audit_log where action = 'tampered'`)).length).toBe(0);
    });
  });
});
