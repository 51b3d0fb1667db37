// The agents who work a campaign: only active users holding a role that may make calls
// (calls.make in the access policy) can be assigned; the list is replaced whole.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rolesFor } from '@shared/access';
import { AppError } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { campaignAgents, userRoles, users } from '../../../db/schema';

/** Of these users, the ones who may be assigned: active, with a role holding calls.make. */
export async function callers(db: Database, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(inArray(users.id, [...userIds]), eq(users.status, 'active'), inArray(userRoles.role, [...rolesFor('calls.make')])));
  return new Set(rows.map((r) => r.id));
}

/** Replaces the campaign's agents (400 naming each user who cannot make calls). */
export async function replaceAgents(tx: Database, campaignId: string, userIds: readonly string[], now: Date): Promise<void> {
  const wanted = [...new Set(userIds)];
  const allowed = await callers(tx, wanted);
  const refused = userIds.map((id, i) => ({ id, i })).filter(({ id }) => !allowed.has(id));
  if (refused.length) {
    throw new AppError('invalid', {
      detail: 'Only active users whose role makes calls can be assigned to a call campaign.',
      errors: refused.map(({ i }) => ({ field: `body.userIds.${i}`, message: 'is not a user who makes calls' })),
    });
  }
  await tx.delete(campaignAgents).where(and(eq(campaignAgents.campaignId, campaignId), wanted.length ? sql`${campaignAgents.userId} <> all(${sql.param(wanted)}::uuid[])` : undefined));
  if (wanted.length) await tx.insert(campaignAgents).values(wanted.map((userId) => ({ campaignId, userId, createdAt: now }))).onConflictDoNothing();
}

export interface AssignableAgent {
  id: string;
  name: string;
  username: string;
}

/** Everyone who may be assigned, by name: the agents picker's choices. */
export async function assignableAgents(db: Database): Promise<AssignableAgent[]> {
  const rows = await db
    .selectDistinct({ id: users.id, firstName: users.firstName, lastName: users.lastName, username: users.username })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.status, 'active'), inArray(userRoles.role, [...rolesFor('calls.make')])))
    .orderBy(asc(users.firstName), asc(users.lastName), asc(users.username));
  return rows.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}`.trim(), username: r.username }));
}
