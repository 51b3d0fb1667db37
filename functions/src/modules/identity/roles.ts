// Role assignment: read, add one, replace the set, remove one, and migrate the legacy single
// `role` column. Rules: a client user holds only client_user and belongs to an organisation;
// staff hold any staff roles and no organisation; a user keeps at least one role; an admin cannot
// remove their own admin role; the last active admin keeps it.
import type { MigrateRolesResponse, RoleAssignmentList } from '@shared/contracts/identity';
import type { Role } from '@shared/roles';
import type { Deps } from '../../core/deps';
import { AppError, invalid, notFound } from '../../core/app-error';
import { writeAudit } from './audit';
import type { Actor } from '../../core/actor';
import {
  addRoles,
  countActiveAdmins,
  findUserById,
  lockAdminSet,
  migrateLegacyRoles,
  primaryRole,
  removeRoles,
  roleAssignmentsOf,
  rolesOf,
  sortRoles,
  updateUser,
  type Db,
  type UserRow,
} from './repo';
import { logSecurityEvent } from '../../core/security-log';
import { toRoleAssignment } from './views';

/** Throws 400 with field errors when the role set does not fit the user's kind. */
export function assertRoleSet(
  roles: readonly Role[],
  orgId: string | null,
  fields: { rolesField: string; orgField: string; creating: boolean },
): void {
  const isClient = roles.includes('client_user');
  if (isClient && roles.length > 1) throw invalid(fields.rolesField, 'a client user holds only the client_user role');
  if (fields.creating) {
    if (isClient && !orgId) throw invalid(fields.orgField, 'is required for a client user');
    if (!isClient && orgId) throw invalid(fields.orgField, 'only client users belong to an organisation');
    return;
  }
  // An existing user's kind is fixed by their organisation.
  if (orgId && !isClient) throw invalid(fields.rolesField, 'a client user holds only the client_user role');
  if (!orgId && isClient) throw invalid(fields.rolesField, 'a staff user cannot be a client user: create a client user instead');
}

async function assignments(db: Db, userId: string): Promise<RoleAssignmentList> {
  return { items: (await roleAssignmentsOf(db, userId)).map(toRoleAssignment) };
}

export async function listRoles(deps: Pick<Deps, 'db'>, input: { userId: string }): Promise<RoleAssignmentList> {
  if (!(await findUserById(deps.db, input.userId))) throw notFound('user');
  return assignments(deps.db, input.userId);
}

/**
 * Moves a user to a new role set in one transaction: checks the rules, adds and removes the
 * difference (kept roles keep their assigned_by/at), keeps the legacy column in step and audits.
 */
async function changeRoles(
  deps: Deps,
  input: { userId: string; context: Actor; next: (current: Role[]) => Role[]; rolesField: string },
): Promise<RoleAssignmentList> {
  const now = deps.now();
  const actorId = input.context.userId;
  const result = await deps.db.transaction(async (tx) => {
    await lockAdminSet(tx);
    const user = await findUserById(tx, input.userId, { forUpdate: true });
    if (!user) throw notFound('user');
    const current = await rolesOf(tx, user.id);
    const next = sortRoles(input.next(current));
    const added = next.filter((r) => !current.includes(r));
    const removed = current.filter((r) => !next.includes(r));
    // The admin rules come first: they say more than "keep at least one role" would.
    if (removed.includes('admin')) await assertMayLoseAdmin(tx, user, actorId);
    if (!next.length) {
      throw new AppError('conflict', { detail: 'A user keeps at least one role: deactivate the user instead.' });
    }
    assertRoleSet(next, user.orgId, { rolesField: input.rolesField, orgField: 'body.orgId', creating: false });
    if (!added.length && !removed.length) return { list: await assignments(tx, user.id), changed: null };
    await removeRoles(tx, user.id, removed);
    await addRoles(tx, user.id, added, actorId, now);
    if (user.role !== primaryRole(next)) await updateUser(tx, user.id, { role: primaryRole(next), updatedAt: now });
    await writeAudit(tx, input.context, {
      action: 'user.roles_changed',
      entityType: 'user',
      entityId: user.id,
      before: { roles: current },
      after: { roles: next },
      at: now,
    });
    return { list: await assignments(tx, user.id), changed: { added, removed } };
  });
  if (result.changed) logSecurityEvent(deps.logger, 'user.roles_changed', { actorId, userId: input.userId, ...result.changed });
  return result.list;
}

async function assertMayLoseAdmin(db: Db, user: UserRow, actorId: string | null): Promise<void> {
  if (user.id === actorId) {
    throw new AppError('conflict', { detail: 'You cannot remove your own admin role: ask another admin to do it.' });
  }
  if (user.status === 'active' && (await countActiveAdmins(db)) <= 1) {
    throw new AppError('conflict', { detail: `${user.username} is the last active admin: make another user an admin first.` });
  }
}

export function addRole(deps: Deps, input: { userId: string; role: Role; context: Actor }): Promise<RoleAssignmentList> {
  return changeRoles(deps, { ...input, rolesField: 'body.role', next: (current) => [...current, input.role] });
}

export function replaceRoles(deps: Deps, input: { userId: string; roles: Role[]; context: Actor }): Promise<RoleAssignmentList> {
  return changeRoles(deps, { ...input, rolesField: 'body.roles', next: () => input.roles });
}

export function removeRole(deps: Deps, input: { userId: string; role: Role; context: Actor }): Promise<RoleAssignmentList> {
  return changeRoles(deps, { ...input, rolesField: 'params.role', next: (current) => current.filter((r) => r !== input.role) });
}

/** Copies legacy `users.role` values into user_roles where missing; running it again changes nothing. */
export async function migrateRoles(deps: Deps, input: { context: Actor }): Promise<MigrateRolesResponse> {
  const actorId = input.context.userId;
  const result = await deps.db.transaction((tx) => migrateLegacyRoles(tx, actorId, deps.now(), input.context.requestId));
  logSecurityEvent(deps.logger, 'user.roles_migrated', { actorId, ...result });
  return result;
}
