// Database rows → the API's shapes (shared/contracts/identity.ts), and the audit snapshot of a
// user (which never includes secrets such as the password hash or lockout counters).
import type { Organisation, RoleAssignment, SessionUser, User } from '@shared/contracts/identity';
import { isRole, type Role } from '@shared/roles';
import type { OrganisationRow, UserRow } from './repo';

const iso = (value: Date | string): string => new Date(value).toISOString();

/** The fields a user record and the signed-in user share. */
function identityOf(row: UserRow, roles: Role[]) {
  return { id: row.id, username: row.username, email: row.email, firstName: row.firstName, lastName: row.lastName, roles };
}

export function toUser(row: UserRow, roles: Role[]): User {
  return {
    ...identityOf(row, roles),
    role: isRole(row.role) ? row.role : null,
    orgId: row.orgId,
    status: row.status === 'deactivated' ? 'deactivated' : 'active',
    lastSignInAt: row.lastSignInAt ? iso(row.lastSignInAt) : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function toSessionUser(row: UserRow, roles: Role[]): SessionUser {
  return {
    ...identityOf(row, roles),
    orgId: row.orgId,
    mustChangePassword: row.mustChangePassword,
  };
}

export function toOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, createdAt: iso(row.createdAt) };
}

export function toRoleAssignment(row: { role: string; assignedBy: string | null; assignedAt: Date | string }): RoleAssignment {
  return { role: row.role as Role, assignedBy: row.assignedBy, assignedAt: iso(row.assignedAt) };
}

/** What the audit log records about a user. */
export function auditSnapshot(row: UserRow, roles: Role[]) {
  return {
    username: row.username,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    status: row.status,
    roles,
    orgId: row.orgId,
    mustChangePassword: row.mustChangePassword,
  };
}

export { iso };
