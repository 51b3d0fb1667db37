// Identity SQL: users, their roles, organisations, refresh-token sessions, throttling and the
// audit log. Every function takes the database or the transaction it must run in; times come
// from the caller (the injected clock), never from the database's now().
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { ROLES, type Role } from '@shared/roles';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { auditLog, authThrottle, organisations, refreshTokens, userRoles, users } from '../../db/schema';

export type Db = Database;
export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type OrganisationRow = typeof organisations.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

/** Serialises every change that could leave the system without an active admin. */
const ADMIN_SET_LOCK_KEY = 727_003;

/** Roles in the canonical order (the order of ROLES). */
export function sortRoles(roles: Iterable<string>): Role[] {
  const set = new Set(roles);
  return ROLES.filter((role) => set.has(role));
}

/** The role the legacy single `role` column holds: the first of the user's roles in ROLES order. */
export function primaryRole(roles: readonly Role[]): Role | null {
  return sortRoles(roles)[0] ?? null;
}

// ── users ────────────────────────────────────────────────────────────────────────────────────

export async function findUserById(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<UserRow | undefined> {
  const query = db.select().from(users).where(eq(users.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0];
}

/** By username (any case) or email (stored lower-case). */
export async function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  const value = login.trim();
  const rows = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.username}) = lower(${value})`, eq(users.email, value.toLowerCase())))
    .limit(1);
  return rows[0];
}

export async function findUserByUsernameOrEmail(db: Db, username: string, email: string): Promise<{ username: boolean; email: boolean }> {
  const rows = await db
    .select({ username: users.username, email: users.email })
    .from(users)
    .where(or(sql`lower(${users.username}) = lower(${username})`, eq(users.email, email)));
  return {
    username: rows.some((r) => r.username.toLowerCase() === username.toLowerCase()),
    email: rows.some((r) => r.email === email),
  };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return row?.n ?? 0;
}

/** Inserts unless the username or email is taken (then undefined). */
export async function insertUser(db: Db, values: NewUserRow): Promise<UserRow | undefined> {
  const rows = await db.insert(users).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function updateUser(db: Db, id: string, patch: Partial<NewUserRow>): Promise<UserRow | undefined> {
  const rows = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return rows[0];
}

/** Bumps the token version (revoking every access token issued before) and applies the patch. */
export async function updateUserAndRevokeTokens(db: Db, id: string, patch: Partial<NewUserRow>): Promise<UserRow | undefined> {
  const rows = await db
    .update(users)
    .set({ ...patch, tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, id))
    .returning();
  return rows[0];
}

export interface UserListFilter {
  q?: string | undefined;
  status?: 'active' | 'deactivated' | undefined;
  role?: Role | undefined;
  /** The id of the last user of the previous page. */
  afterId?: string | undefined;
  limit: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page ordered by (created_at, id); the cursor is the last row's id. */
export async function listUsers(db: Db, filter: UserListFilter): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(
      sql`(${users.username} ilike ${pattern} or ${users.email} ilike ${pattern} or ${users.firstName} ilike ${pattern}
        or ${users.lastName} ilike ${pattern} or (${users.firstName} || ' ' || ${users.lastName}) ilike ${pattern})`,
    );
  }
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.role) {
    conditions.push(sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${filter.role})`);
  }
  if (filter.afterId) {
    conditions.push(sql`(${users.createdAt}, ${users.id}) > (select c.created_at, c.id from users c where c.id = ${filter.afterId})`);
  }
  return db
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(filter.limit);
}

// ── roles ────────────────────────────────────────────────────────────────────────────────────

export async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  const rows = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  return sortRoles(rows.map((r) => r.role));
}

export async function rolesOfMany(db: Db, userIds: string[]): Promise<Map<string, Role[]>> {
  const result = new Map<string, Role[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return result;
  const rows = await db.select({ userId: userRoles.userId, role: userRoles.role }).from(userRoles).where(inArray(userRoles.userId, userIds));
  const grouped = new Map<string, string[]>();
  for (const row of rows) grouped.set(row.userId, [...(grouped.get(row.userId) ?? []), row.role]);
  for (const [id, roles] of grouped) result.set(id, sortRoles(roles));
  return result;
}

export async function roleAssignmentsOf(db: Db, userId: string) {
  const rows = await db
    .select({ role: userRoles.role, assignedBy: userRoles.assignedBy, assignedAt: userRoles.assignedAt })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  const order = (role: string) => (ROLES as readonly string[]).indexOf(role);
  return rows.sort((a, b) => order(a.role) - order(b.role));
}

export async function addRoles(db: Db, userId: string, roles: readonly Role[], assignedBy: string | null, at: Date): Promise<Role[]> {
  if (!roles.length) return [];
  const rows = await db
    .insert(userRoles)
    .values(roles.map((role) => ({ userId, role, assignedBy, assignedAt: at })))
    .onConflictDoNothing()
    .returning({ role: userRoles.role });
  return sortRoles(rows.map((r) => r.role));
}

export async function removeRoles(db: Db, userId: string, roles: readonly Role[]): Promise<Role[]> {
  if (!roles.length) return [];
  const rows = await db
    .delete(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, [...roles])))
    .returning({ role: userRoles.role });
  return sortRoles(rows.map((r) => r.role));
}

/** Takes the transaction-scoped lock that serialises changes to the set of active admins. */
export async function lockAdminSet(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADMIN_SET_LOCK_KEY})`);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from users u join user_roles r on r.user_id = u.id and r.role = 'admin' where u.status = 'active'`,
  );
  return row?.n ?? 0;
}

/**
 * Copies each user's legacy `role` into user_roles where missing (skipping combinations the
 * rules forbid: client_user without an organisation, staff roles with one) and writes one audit
 * row per copied role — two set-based statements whatever the number of users.
 */
export async function migrateLegacyRoles(db: Db, actorId: string | null, at: Date, requestId: string | null): Promise<{ changed: number; examined: number }> {
  const examined = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from users where role is not null`);
  const changed = await queryRows<{ entity_id: string }>(
    db,
    sql`with copied as (
          insert into user_roles (user_id, role, assigned_by, assigned_at)
          select u.id, u.role, ${actorId}::uuid, ${at.toISOString()}::timestamptz
          from users u
          where u.role is not null
            and ((u.role = 'client_user') = (u.org_id is not null))
          on conflict do nothing
          returning user_id, role
        )
        insert into audit_log (actor_id, action, entity_type, entity_id, before, after, request_id, at)
        select ${actorId}::uuid, 'user.role_migrated', 'user', user_id::text, null, jsonb_build_object('role', role), ${requestId}, ${at.toISOString()}::timestamptz
        from copied
        returning entity_id`,
  );
  return { changed: changed.length, examined: examined?.n ?? 0 };
}

// ── organisations ────────────────────────────────────────────────────────────────────────────

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0];
}

export async function insertOrganisation(db: Db, name: string, at: Date): Promise<OrganisationRow | undefined> {
  const rows = await db.insert(organisations).values({ name, createdAt: at, updatedAt: at }).onConflictDoNothing().returning();
  return rows[0];
}

/** One page ordered by (lower(name), id); the cursor is the last row's id. */
export async function listOrganisations(db: Db, filter: { q?: string | undefined; afterId?: string | undefined; limit: number }): Promise<OrganisationRow[]> {
  const conditions: SQL[] = [];
  if (filter.q) conditions.push(sql`${organisations.name} ilike ${likePattern(filter.q)}`);
  if (filter.afterId) {
    conditions.push(sql`(lower(${organisations.name}), ${organisations.id}) > (select lower(c.name), c.id from organisations c where c.id = ${filter.afterId})`);
  }
  return db
    .select()
    .from(organisations)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`lower(${organisations.name})`, asc(organisations.id))
    .limit(filter.limit);
}

// ── refresh tokens ───────────────────────────────────────────────────────────────────────────

export async function insertRefreshToken(
  db: Db,
  values: { userId: string; familyId: string; tokenHash: string; expiresAt: Date; at: Date },
): Promise<RefreshTokenRow> {
  const rows = await db
    .insert(refreshTokens)
    .values({
      userId: values.userId,
      familyId: values.familyId,
      tokenHash: values.tokenHash,
      expiresAt: values.expiresAt,
      createdAt: values.at,
      updatedAt: values.at,
    })
    .returning();
  return rows[0]!;
}

/** Atomically revokes a live token (only one of two concurrent callers gets the row back). */
export async function consumeRefreshToken(db: Db, tokenHash: string, at: Date): Promise<RefreshTokenRow | undefined> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: 'rotated', updatedAt: at })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.revokedAt), gt(refreshTokens.expiresAt, at)))
    .returning();
  return rows[0];
}

export async function findRefreshToken(db: Db, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const rows = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
  return rows[0];
}

export async function setReplacedBy(db: Db, id: string, replacedBy: string): Promise<void> {
  await db.update(refreshTokens).set({ replacedBy }).where(eq(refreshTokens.id, id));
}

export async function revokeRefreshFamily(db: Db, familyId: string, reason: string, at: Date): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: reason, updatedAt: at })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

export async function revokeUserRefreshTokens(db: Db, userId: string, reason: string, at: Date): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: at, revokedReason: reason, updatedAt: at })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

/**
 * Whether a session (a refresh-token family) is still going: it holds an unrevoked, unexpired
 * token. Sign-out, a password change, deactivation and reuse detection revoke them all.
 */
export async function sessionIsLive(db: Db, familyId: string, at: Date): Promise<boolean> {
  const rows = await db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt), gt(refreshTokens.expiresAt, at)))
    .limit(1);
  return rows.length > 0;
}

/** Housekeeping: expired refresh tokens and stale throttle rows (one statement each). */
export async function purgeExpiredAuthState(db: Db, now: Date): Promise<{ refreshTokens: number; throttle: number }> {
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000);
  const tokens = await db.delete(refreshTokens).where(lt(refreshTokens.expiresAt, dayAgo)).returning({ id: refreshTokens.id });
  const throttle = await db
    .delete(authThrottle)
    .where(and(lt(authThrottle.updatedAt, dayAgo), or(isNull(authThrottle.lockedUntil), lt(authThrottle.lockedUntil, now))))
    .returning({ key: authThrottle.key });
  return { refreshTokens: tokens.length, throttle: throttle.length };
}

// ── throttling ───────────────────────────────────────────────────────────────────────────────

/**
 * Counts one attempt in its one-second bucket and answers the attempts of the buckets since
 * `since` (this one included) and the oldest of those buckets: one statement, the upsert's row
 * added to the earlier buckets, which the statement's own snapshot cannot see changed.
 */
export async function countRecentAttempts(
  db: Db,
  key: string,
  bucket: Date,
  since: Date,
  at: Date,
): Promise<{ count: number; oldest: Date }> {
  const row = await queryOne<{ count: number | string; oldest: Date | string }>(
    db,
    sql`with up as (
          insert into auth_throttle (key, window_start, count, created_at, updated_at)
          values (${key}, ${bucket.toISOString()}::timestamptz, 1, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz)
          on conflict (key, window_start) do update set count = auth_throttle.count + 1, updated_at = excluded.updated_at
          returning count
        ), earlier as (
          select coalesce(sum(count), 0) as n, min(window_start) as oldest from auth_throttle
          where key = ${key} and window_start >= ${since.toISOString()}::timestamptz and window_start < ${bucket.toISOString()}::timestamptz
        )
        select (select count from up) + earlier.n as count, coalesce(earlier.oldest, ${bucket.toISOString()}::timestamptz) as oldest from earlier`,
  );
  return { count: Number(row!.count), oldest: new Date(row!.oldest) };
}

/** Lockout state kept for a key in a single fixed window (used for sign-in names with no user). */
export async function throttleLockedUntil(db: Db, key: string, windowStart: Date): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(and(eq(authThrottle.key, key), eq(authThrottle.windowStart, windowStart)))
    .limit(1);
  return rows[0]?.lockedUntil ?? null;
}

/** One more failure: at the threshold the key locks until `lockUntil` and its count restarts. */
export async function recordThrottleFailure(db: Db, key: string, windowStart: Date, threshold: number, lockUntil: Date, at: Date): Promise<Date | null> {
  const rows = await db
    .insert(authThrottle)
    .values({ key, windowStart, count: 1, createdAt: at, updatedAt: at, lockedUntil: threshold <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: [authThrottle.key, authThrottle.windowStart],
      set: {
        count: sql`case when ${authThrottle.count} + 1 >= ${threshold} then 0 else ${authThrottle.count} + 1 end`,
        lockedUntil: sql`case when ${authThrottle.count} + 1 >= ${threshold} then ${lockUntil.toISOString()}::timestamptz else ${authThrottle.lockedUntil} end`,
        updatedAt: at,
      },
    })
    .returning({ lockedUntil: authThrottle.lockedUntil });
  return rows[0]?.lockedUntil ?? null;
}

/** The same rule for a real account, on the users row. */
export async function recordUserFailure(db: Db, userId: string, threshold: number, lockUntil: Date): Promise<Date | null> {
  const rows = await db
    .update(users)
    .set({
      failedAttempts: sql`case when ${users.failedAttempts} + 1 >= ${threshold} then 0 else ${users.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${users.failedAttempts} + 1 >= ${threshold} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return rows[0]?.lockedUntil ?? null;
}

// ── audit ────────────────────────────────────────────────────────────────────────────────────

export interface AuditInsert {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  at: Date;
}

export async function insertAudit(db: Db, entry: AuditInsert): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId,
    at: entry.at,
  });
}

export async function listAudit(db: Db, filter: { entityType: string; entityId: string; beforeId?: number | undefined; limit: number }) {
  const conditions = [eq(auditLog.entityType, filter.entityType), eq(auditLog.entityId, filter.entityId)];
  if (filter.beforeId !== undefined) conditions.push(lt(auditLog.id, filter.beforeId));
  return db
    .select({
      id: auditLog.id,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`(select a.first_name || ' ' || a.last_name from users a where a.id = ${auditLog.actorId})`,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      at: auditLog.at,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}

// ── the authenticator's view of a user ───────────────────────────────────────────────────────

export interface UserAccessState {
  userId: string;
  username: string;
  status: string;
  roles: Role[];
  orgId: string | null;
  mustChangePassword: boolean;
  tokenVersion: number;
}

/** One round trip: the user's current status, roles and organisation. */
export async function loadAccessState(db: Db, by: { userId: string } | { cognitoSub: string }): Promise<UserAccessState | undefined> {
  const where = 'userId' in by ? sql`u.id = ${by.userId}::uuid` : sql`u.cognito_sub = ${by.cognitoSub}`;
  const row = await queryOne<{
    id: string;
    username: string;
    status: string;
    org_id: string | null;
    must_change_password: boolean;
    token_version: number;
    roles: string[] | null;
  }>(
    db,
    sql`select u.id, u.username, u.status, u.org_id, u.must_change_password, u.token_version,
          array(select r.role from user_roles r where r.user_id = u.id) as roles
        from users u where ${where}`,
  );
  if (!row) return undefined;
  return {
    userId: row.id,
    username: row.username,
    status: row.status,
    roles: sortRoles(row.roles ?? []),
    orgId: row.org_id,
    mustChangePassword: row.must_change_password,
    tokenVersion: row.token_version,
  };
}
