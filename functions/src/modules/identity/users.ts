// User administration: list, read, create, edit, deactivate and reactivate. Every change is
// audited in its own transaction; the last active admin can never be deactivated.
import type { CreateUserRequest, SessionUser, UpdateUserRequest, User, UserListQuery, UserListResponse } from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { AppError, invalid, notFound } from '../../core/app-error';
import { isUniqueViolation } from '../../db/pg-errors';
import { writeAudit } from './audit';
import type { Actor } from '../../core/actor';
import { assertPasswordPolicy, hashPassword } from './passwords';
import {
  addRoles,
  countActiveAdmins,
  findOrganisation,
  findUserById,
  findUserByUsernameOrEmail,
  insertUser,
  listUsers,
  lockAdminSet,
  primaryRole,
  revokeUserRefreshTokens,
  rolesOf,
  rolesOfMany,
  sortRoles,
  updateUser,
  updateUserAndRevokeTokens,
  type Db,
  type UserRow,
} from './repo';
import { createCognitoUserFor, setCognitoAccess, usesCognito } from './cognito-users';
import { assertRoleSet } from './roles';
import { logSecurityEvent } from '../../core/security-log';
import { auditSnapshot, toSessionUser, toUser } from './views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function userWithRoles(db: Db, row: UserRow): Promise<User> {
  return toUser(row, await rolesOf(db, row.id));
}

export async function getUser(deps: Pick<Deps, 'db'>, input: { userId: string }): Promise<User> {
  const row = await findUserById(deps.db, input.userId);
  if (!row) throw notFound('user');
  return userWithRoles(deps.db, row);
}

/** The signed-in user, as they are now (not as their token says). */
export async function getSessionUser(deps: Pick<Deps, 'db'>, input: { userId: string }): Promise<SessionUser> {
  const row = await findUserById(deps.db, input.userId);
  if (!row) throw new AppError('unauthenticated');
  return toSessionUser(row, await rolesOf(deps.db, row.id));
}

export async function searchUsers(deps: Pick<Deps, 'db'>, query: UserListQuery): Promise<UserListResponse> {
  if (query.cursor !== undefined && !UUID.test(query.cursor)) throw invalid('query.cursor', 'is not a cursor this API gave out');
  const rows = await listUsers(deps.db, {
    q: query.q || undefined,
    status: query.status,
    role: query.role,
    afterId: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const roles = await rolesOfMany(
    deps.db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((row) => toUser(row, roles.get(row.id) ?? [])),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
  };
}

function taken(which: { username: boolean; email: boolean }): AppError {
  const errors = [
    ...(which.username ? [{ field: 'body.username', message: 'is already taken' }] : []),
    ...(which.email ? [{ field: 'body.email', message: 'is already used by another user' }] : []),
  ];
  return new AppError('conflict', {
    detail: errors.length ? errors.map((e) => `${e.field.replace('body.', '')} ${e.message}`).join('; ') : 'That user already exists.',
    errors,
  });
}

export async function createUser(deps: Deps, input: { request: CreateUserRequest; context: Actor }): Promise<User> {
  const { request, context } = input;
  const roles = sortRoles(request.roles);
  const orgId = request.orgId ?? null;
  assertRoleSet(roles, orgId, { rolesField: 'body.roles', orgField: 'body.orgId', creating: true });
  if (orgId && !(await findOrganisation(deps.db, orgId))) throw invalid('body.orgId', 'no such organisation');
  if (request.clientAdmin && !orgId) throw invalid('body.clientAdmin', 'only a client user can be a client admin');
  assertPasswordPolicy(deps.config, request.password, request, 'body.password');
  // With Cognito the password is Cognito's (a temporary one the user must replace); we keep no hash.
  const cognito = usesCognito(deps.config);
  const passwordHash = cognito ? null : await hashPassword(request.password, deps.config.PASSWORD_HASH_COST);
  const now = deps.now();

  const user = await deps.db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      username: request.username,
      email: request.email,
      firstName: request.firstName,
      lastName: request.lastName,
      passwordHash,
      role: primaryRole(roles),
      orgId,
      clientAdmin: request.clientAdmin ?? false,
      // Cognito enforces its own change of the temporary password.
      mustChangePassword: !cognito && (request.mustChangePassword ?? true),
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw taken(await findUserByUsernameOrEmail(tx, request.username, request.email));
    const cognitoSub = await createCognitoUserFor(deps.config, row, request.password);
    if (cognitoSub) Object.assign(row, await updateUser(tx, row.id, { cognitoSub }));
    await addRoles(tx, row.id, roles, context.userId, now);
    await writeAudit(tx, context, { action: 'user.created', entityType: 'user', entityId: row.id, before: null, after: auditSnapshot(row, roles), at: now });
    return toUser(row, roles);
  });
  logSecurityEvent(deps.logger, 'user.created', { actorId: context.userId, userId: user.id, orgId, roles });
  return user;
}

export async function updateUserProfile(deps: Deps, input: { userId: string; request: UpdateUserRequest; context: Actor }): Promise<User> {
  const { request, context } = input;
  const now = deps.now();
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await findUserById(tx, input.userId, { forUpdate: true });
      if (!before) throw notFound('user');
      const patch = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as UpdateUserRequest;
      const changed = (Object.keys(patch) as (keyof UpdateUserRequest)[]).filter((k) => patch[k] !== before[k]);
      const roles = await rolesOf(tx, before.id);
      if (!changed.length) return toUser(before, roles);
      const after = (await updateUser(tx, before.id, { ...patch, updatedAt: now }))!;
      await writeAudit(tx, context, {
        action: 'user.updated',
        entityType: 'user',
        entityId: before.id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        at: now,
      });
      return toUser(after, roles);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken({ username: false, email: true });
    throw error;
  }
}

async function assertNotLastActiveAdmin(db: Db, target: UserRow, roles: readonly string[]): Promise<void> {
  if (target.status !== 'active' || !roles.includes('admin')) return;
  if ((await countActiveAdmins(db)) <= 1) {
    throw new AppError('conflict', {
      detail: `${target.username} is the last active admin: make another user an admin first.`,
    });
  }
}

/** The audit row of a user deactivated or reactivated: the status before and after. */
async function auditStatusChange(
  tx: Db,
  context: Actor,
  action: 'user.deactivated' | 'user.reactivated',
  before: UserRow,
  after: UserRow,
  at: Date,
): Promise<void> {
  await writeAudit(tx, context, { action, entityType: 'user', entityId: before.id, before: { status: before.status }, after: { status: after.status }, at });
}

export async function deactivateUser(deps: Deps, input: { userId: string; context: Actor }): Promise<User> {
  const now = deps.now();
  const user = await deps.db.transaction(async (tx) => {
    await lockAdminSet(tx);
    const before = await findUserById(tx, input.userId, { forUpdate: true });
    if (!before) throw notFound('user');
    const roles = await rolesOf(tx, before.id);
    if (before.status === 'deactivated') return toUser(before, roles);
    await assertNotLastActiveAdmin(tx, before, roles);
    // Bumping the token version ends every access token; revoking ends every session.
    const after = (await updateUserAndRevokeTokens(tx, before.id, { status: 'deactivated', updatedAt: now }))!;
    await revokeUserRefreshTokens(tx, before.id, 'user_deactivated', now);
    await setCognitoAccess(deps.config, before, false);
    await auditStatusChange(tx, input.context, 'user.deactivated', before, after, now);
    return toUser(after, roles);
  });
  logSecurityEvent(deps.logger, 'user.deactivated', { actorId: input.context.userId, userId: user.id });
  return user;
}

export async function reactivateUser(deps: Deps, input: { userId: string; context: Actor }): Promise<User> {
  const now = deps.now();
  const user = await deps.db.transaction(async (tx) => {
    const before = await findUserById(tx, input.userId, { forUpdate: true });
    if (!before) throw notFound('user');
    const roles = await rolesOf(tx, before.id);
    if (before.status === 'active') return toUser(before, roles);
    const after = (await updateUser(tx, before.id, { status: 'active', failedAttempts: 0, lockedUntil: null, updatedAt: now }))!;
    await setCognitoAccess(deps.config, before, true);
    await auditStatusChange(tx, input.context, 'user.reactivated', before, after, now);
    return toUser(after, roles);
  });
  logSecurityEvent(deps.logger, 'user.reactivated', { actorId: input.context.userId, userId: user.id });
  return user;
}
