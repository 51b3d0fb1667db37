// The identity API's request and response shapes, shared by the handlers and the SPA.
import { z } from 'zod';
import { cursorPageSchema, pageQueryFields } from './paging';
import { ROLES, STAFF_ROLES } from '../roles';

/**
 * Password policy: at least 12 characters, not the default, and not containing the username or
 * the email's local part. Length beats composition rules (NIST SP 800-63B); the UI shows a meter.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** The documented default admin password: never accepted as a new password. */
export const DEFAULT_ADMIN_PASSWORD = 'Admin123!';

/**
 * Why a new password breaks the policy (empty when it is acceptable). The API applies it on every
 * password change and user creation; the UI may call it to explain before submitting.
 */
export function passwordPolicyIssues(
  password: string,
  context: { username?: string | null; email?: string | null; forbidden?: readonly string[] } = {},
): string[] {
  const issues: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) issues.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) issues.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  const forbidden = [DEFAULT_ADMIN_PASSWORD, ...(context.forbidden ?? [])];
  if (forbidden.some((f) => f && lower === f.toLowerCase())) issues.push('must not be the default password');
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) issues.push('must not contain your username');
  const local = context.email?.trim().toLowerCase().split('@')[0];
  if (local && local.length >= 3 && lower.includes(local)) issues.push('must not contain your email name');
  return issues;
}

/** The refresh token travels only in this http-only cookie, sent by the browser to /api/auth/* only. */
export const REFRESH_COOKIE_NAME = 'refresh_token';
export const REFRESH_COOKIE_PATH = '/api/auth';

export const roleSchema = z.enum(ROLES);
export const staffRoleSchema = z.enum(STAFF_ROLES);

export const loginRequestSchema = z.strictObject({
  /** Username or email. */
  login: z.string().trim().min(1, 'enter your username or email').max(254),
  password: z.string().min(1, 'enter your password').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Who a user is: the fields the signed-in user and the admin's user record share. */
const userIdentityFields = {
  id: z.string().uuid(),
  username: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  roles: z.array(roleSchema),
};

export const sessionUserSchema = z.object({
  ...userIdentityFields,
  orgId: z.string().uuid().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Answer of login and refresh; the refresh token travels only in an http-only cookie. */
export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
  user: sessionUserSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, 'enter your current password').max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const userStatusSchema = z.enum(['active', 'deactivated']);

export const userSchema = z.object({
  ...userIdentityFields,
  /** The legacy single role, kept for older integrations. */
  role: roleSchema.nullable(),
  orgId: z.string().uuid().nullable(),
  status: userStatusSchema,
  lastSignInAt: z.string().datetime({ offset: true }).nullable(),
  createdAt: z.string().datetime({ offset: true }),
  updatedAt: z.string().datetime({ offset: true }),
});
export type User = z.infer<typeof userSchema>;

const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'use letters, digits, dot, dash or underscore');

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  email: z.string().trim().toLowerCase().email('must be a valid email address').max(254),
  firstName: z.string().trim().min(1, 'is required').max(100),
  lastName: z.string().trim().min(1, 'is required').max(100),
  password: passwordSchema,
  roles: z.array(roleSchema).min(1, 'choose at least one role'),
  /** Required when roles include client_user (and then the only role). */
  orgId: z.string().uuid().optional(),
  /** A client user who may invite and deactivate the users of their organisation (the organisation's first admin is made here). */
  clientAdmin: z.boolean().optional(),
  /** Make the user choose their own password at first sign-in (default true). */
  mustChangePassword: z.boolean().optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email('must be a valid email address').max(254).optional(),
  firstName: z.string().trim().min(1, 'is required').max(100).optional(),
  lastName: z.string().trim().min(1, 'is required').max(100).optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: userStatusSchema.optional(),
  role: roleSchema.optional(),
  ...pageQueryFields({ cursorMax: 500, limitMax: 200, limitDefault: 50 }),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userListResponseSchema = cursorPageSchema(userSchema);
export type UserListResponse = z.infer<typeof userListResponseSchema>;

export const roleAssignmentSchema = z.object({
  role: roleSchema,
  assignedBy: z.string().uuid().nullable(),
  assignedAt: z.string().datetime({ offset: true }),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const roleAssignmentListSchema = z.object({ items: z.array(roleAssignmentSchema) });
export type RoleAssignmentList = z.infer<typeof roleAssignmentListSchema>;

export const replaceRolesRequestSchema = z.strictObject({
  roles: z.array(roleSchema).min(1, 'choose at least one role'),
});
export const addRoleRequestSchema = z.strictObject({ role: roleSchema });

export const migrateRolesResponseSchema = z.object({ changed: z.number().int(), examined: z.number().int() });
export type MigrateRolesResponse = z.infer<typeof migrateRolesResponseSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  actorId: z.string().uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: z.string().datetime({ offset: true }),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const organisationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  createdAt: z.string().datetime({ offset: true }),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const createOrganisationRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(200),
});
export type CreateOrganisationRequest = z.infer<typeof createOrganisationRequestSchema>;

export const organisationListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  ...pageQueryFields({ cursorMax: 500, limitMax: 200, limitDefault: 100 }),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

export const organisationListResponseSchema = cursorPageSchema(organisationSchema);
export type OrganisationListResponse = z.infer<typeof organisationListResponseSchema>;

/** Newest first. */
export const auditListQuerySchema = z.strictObject({
  ...pageQueryFields({ cursorMax: 500, limitMax: 200, limitDefault: 50 }),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditListResponseSchema = cursorPageSchema(auditEntrySchema);
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
