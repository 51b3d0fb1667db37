// The users of a client organisation, as its own users see them: the list, invitations (a new
// client user of the caller's organisation, created by the identity module with a temporary
// password the admin hands over and the user must change at first sign-in; with Cognito the
// identity module creates the Cognito user too), deactivation (sessions end at once) and
// reactivation. Reading is for every client user; changes for the organisation's client admins
// (403 otherwise). A user of another organisation answers 404; nobody deactivates themselves.
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { PortalInviteResult, PortalMe, PortalUser } from '@shared/contracts/portal-leads';
import type { Actor } from '../../../core/actor';
import { AppError, notFound } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Principal } from '../../../core/principal';
import type { Database } from '../../../db/connection';
import { organisations, users } from '../../../db/schema';
import type { PortalHooks } from '../hooks';
import { clientScope, scoped, type TenantScope } from '../tenant';

const userColumns = {
  id: users.id,
  username: users.username,
  email: users.email,
  firstName: users.firstName,
  lastName: users.lastName,
  status: users.status,
  clientAdmin: users.clientAdmin,
  lastSignInAt: users.lastSignInAt,
};

type UserRow = { id: string; username: string; email: string; firstName: string; lastName: string; status: string; clientAdmin: boolean; lastSignInAt: Date | null };

const toPortalUser = (row: UserRow): PortalUser => ({
  id: row.id,
  username: row.username,
  email: row.email,
  firstName: row.firstName,
  lastName: row.lastName,
  status: row.status === 'active' ? 'active' : 'inactive',
  clientAdmin: row.clientAdmin,
  lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
});

/** A user of the scope's organisation, else 404. */
async function userInScope(db: Database, scope: TenantScope, userId: string): Promise<UserRow> {
  const [row] = await db.select(userColumns).from(users).where(scoped(scope, users.orgId, eq(users.id, userId)));
  if (!row) throw notFound('user');
  return row;
}

/** The caller's scope, when they are a client admin of their organisation (403 otherwise). */
async function adminScope(db: Database, principal: Principal, doing: string): Promise<TenantScope & { kind: 'client' }> {
  const scope = clientScope(principal);
  const me = await userInScope(db, scope, principal.userId);
  if (!me.clientAdmin) throw new AppError('forbidden', { detail: `Only a client admin of your organisation can ${doing}.` });
  return scope;
}

export async function listOrgUsers(db: Database, principal: Principal): Promise<{ items: PortalUser[] }> {
  const scope = clientScope(principal);
  const rows = await db.select(userColumns).from(users).where(scoped(scope, users.orgId)).orderBy(asc(users.lastName), asc(users.firstName), asc(users.id));
  return { items: rows.map(toPortalUser) };
}

/** A sign-in name from the email (letters, digits, dot, dash, underscore). */
const usernameOf = (email: string) => email.replace('@', '_').replace(/[^a-zA-Z0-9._-]/g, '-').slice(0, 64);

/** A temporary password: random, with every character class a Cognito policy may ask for. */
const temporaryPassword = () => `Pv7!${randomBytes(12).toString('base64url')}`;

export async function inviteOrgUser(
  deps: Deps,
  hooks: PortalHooks,
  principal: Principal,
  actor: Actor,
  input: { email: string; firstName: string; lastName: string; clientAdmin: boolean },
): Promise<PortalInviteResult> {
  const scope = await adminScope(deps.db, principal, 'invite users');
  const password = temporaryPassword();
  const created = await hooks.users.createUser(deps, {
    request: {
      username: usernameOf(input.email),
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      password,
      roles: ['client_user'],
      orgId: scope.orgId,
      clientAdmin: input.clientAdmin,
      mustChangePassword: true,
    },
    context: actor,
  });
  deps.logger.info('a client admin invited a user', { actorId: principal.userId, userId: created.id, orgId: scope.orgId, clientAdmin: input.clientAdmin });
  return { user: toPortalUser(await userInScope(deps.db, scope, created.id)), temporaryPassword: password };
}

export async function setOrgUserActive(deps: Deps, hooks: PortalHooks, principal: Principal, actor: Actor, userId: string, active: boolean): Promise<PortalUser> {
  // Whether the user is one of the organisation's comes first (404), then whether the caller may
  // change them (403): a member learns nothing an admin's list would not show them.
  await userInScope(deps.db, clientScope(principal), userId);
  const scope = await adminScope(deps.db, principal, active ? 'reactivate users' : 'deactivate users');
  if (userId === principal.userId) throw new AppError('conflict', { detail: `You cannot ${active ? 'reactivate' : 'deactivate'} yourself: ask another client admin.` });
  await (active ? hooks.users.reactivateUser : hooks.users.deactivateUser)(deps, { userId, context: actor });
  // This container forgets what it knew of them at once (others re-check within a minute).
  deps.auth.forget?.({ userId });
  return toPortalUser(await userInScope(deps.db, scope, userId));
}

export async function portalMe(db: Database, principal: Principal): Promise<PortalMe> {
  const scope = clientScope(principal);
  const [row] = await db
    .select({ ...userColumns, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(scoped(scope, users.orgId, eq(users.id, principal.userId))));
  if (!row) throw notFound('user');
  return { userId: row.id, name: `${row.firstName} ${row.lastName}`.trim(), email: row.email, orgId: scope.orgId, orgName: row.orgName, clientAdmin: row.clientAdmin };
}
