// Identity tables: users and the roles they hold, client organisations, refresh-token sessions,
// sign-in throttling and the append-only audit log (its UPDATE/DELETE guard is a trigger added
// by a hand-written migration, since drizzle-kit does not generate triggers).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';

const ROLE_CHECK = sql`('admin', 'campaign_manager', 'agent', 'quality_analyst', 'content_creator', 'client_user')`;

/** Client organisations; client users belong to exactly one. */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    name: text('name').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('organisations_name_key').on(sql`lower(${t.name})`)],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    /** Stored lower-cased and trimmed. */
    email: text('email').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** bcrypt; null for users who sign in only through Cognito. */
    passwordHash: text('password_hash'),
    /** The legacy single role, kept in step with the highest role held (see user_roles). */
    role: text('role'),
    orgId: uuid('org_id').references(() => organisations.id),
    status: text('status').notNull().default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** Bumped to revoke every access token issued before (password change, deactivation). */
    tokenVersion: integer('token_version').notNull().default(0),
    /** The Cognito `sub` of this user when AUTH_MODE=cognito. */
    cognitoSub: text('cognito_sub'),
    /** A client user who administers their organisation's portal users (invites, deactivates). */
    clientAdmin: boolean('client_admin').notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_key').on(t.email),
    uniqueIndex('users_cognito_sub_key').on(t.cognitoSub),
    index('users_created_at_id_idx').on(t.createdAt, t.id),
    index('users_org_id_idx').on(t.orgId),
    check('users_email_lower_check', sql`${t.email} = lower(btrim(${t.email}))`),
    check('users_status_check', sql`${t.status} in ('active', 'deactivated')`),
    check('users_role_check', sql`${t.role} is null or ${t.role} in ${ROLE_CHECK}`),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role], name: 'user_roles_pkey' }),
    index('user_roles_role_idx').on(t.role),
    check('user_roles_role_check', sql`${t.role} in ${ROLE_CHECK}`),
  ],
);

/**
 * One row per refresh token ever issued (only its SHA-256 is stored). Tokens of one sign-in share
 * a family: rotation revokes the used token and issues its successor; presenting a revoked
 * token again revokes the whole family.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    replacedBy: uuid('replaced_by'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('refresh_tokens_token_hash_key').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
    index('refresh_tokens_expires_at_idx').on(t.expiresAt),
  ],
);

/**
 * Sign-in throttling: fixed one-minute windows per key (a hashed source IP), and lockout state
 * for sign-in names that match no user (so they answer exactly like real accounts).
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart], name: 'auth_throttle_pkey' }), index('auth_throttle_updated_at_idx').on(t.updatedAt)],
);

/** Who changed what, before and after; rows are never updated or deleted (trigger-enforced). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id), index('audit_log_actor_idx').on(t.actorId)],
);
