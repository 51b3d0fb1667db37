// The default admin: on a database with no users, create ADMIN_USERNAME with the admin role —
// once, whatever the number of instances starting. The claim is an INSERT … ON CONFLICT DO
// NOTHING on bootstrap_tasks inside the transaction that creates the user: a second instance's
// insert waits for the first to commit and then does nothing. ADMIN_PASSWORD sits in
// configuration (and its default is documented), so it is a one-time password: the admin must
// replace it before anything else. With AUTH_MODE=cognito the user is created in the staff pool
// with ADMIN_PASSWORD as a temporary password, which Cognito itself makes them replace.
import { eq } from 'drizzle-orm';
import { rolesFor } from '@shared/access';
import { createCognitoClient, ensureCognitoUser } from '../../adapters/cognito';
import type { BootstrapTask } from '../../core/deps';
import { bootstrapTasks } from '../../db/schema';
import type { Deps } from '../../core/deps';
import { writeAudit } from './audit';
import { hashPassword } from './passwords';
import { addRoles, countUsers, insertUser } from './repo';
import { logSecurityEvent } from '../../core/security-log';
import { auditSnapshot } from './views';
import { SYSTEM_ACTOR } from '../../core/actor';

export const DEFAULT_ADMIN_TASK = 'identity.default-admin';

export async function ensureDefaultAdmin(deps: Deps): Promise<{ created: boolean; userId?: string }> {
  const { config, db } = deps;
  // Cheap early exit for every start after the first; the claim below is what guarantees once.
  const done = await db.select({ name: bootstrapTasks.name }).from(bootstrapTasks).where(eq(bootstrapTasks.name, DEFAULT_ADMIN_TASK)).limit(1);
  if (done.length) return { created: false };

  const cognito = config.AUTH_MODE === 'cognito';
  const username = config.ADMIN_USERNAME;
  const email = config.ADMIN_EMAIL.trim().toLowerCase();
  const passwordHash = cognito ? null : await hashPassword(config.ADMIN_PASSWORD, config.PASSWORD_HASH_COST);
  const now = deps.now();

  const result = await db.transaction(async (tx) => {
    const claimed = await tx
      .insert(bootstrapTasks)
      .values({ name: DEFAULT_ADMIN_TASK, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ name: bootstrapTasks.name });
    if (!claimed.length || (await countUsers(tx)) > 0) return { created: false } as const;

    const cognitoSub = cognito
      ? (
          await ensureCognitoUser(createCognitoClient(config), {
            userPoolId: config.COGNITO_STAFF_POOL_ID!,
            username,
            email,
            temporaryPassword: config.ADMIN_PASSWORD,
            firstName: config.ADMIN_FIRST_NAME,
            lastName: config.ADMIN_LAST_NAME,
          })
        ).sub
      : null;
    const row = await insertUser(tx, {
      username,
      email,
      firstName: config.ADMIN_FIRST_NAME,
      lastName: config.ADMIN_LAST_NAME,
      passwordHash,
      role: 'admin',
      // Cognito enforces its own first-sign-in change; locally we do.
      mustChangePassword: !cognito,
      cognitoSub,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) return { created: false } as const;
    // The first user must be able to administer: it gets the roles that hold the admin capability.
    const roles = [...rolesFor('admin')];
    await addRoles(tx, row.id, roles, null, now);
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      before: null,
      after: { ...auditSnapshot(row, roles), createdBy: 'bootstrap' },
      at: now,
    });
    return { created: true, userId: row.id, mustChangePassword: row.mustChangePassword } as const;
  });

  if (result.created) {
    logSecurityEvent(deps.logger, 'bootstrap.default_admin_created', { userId: result.userId, mustChangePassword: result.mustChangePassword });
    return { created: true, userId: result.userId };
  }
  return { created: false };
}

export const defaultAdminTask: BootstrapTask = {
  name: DEFAULT_ADMIN_TASK,
  run: async (deps) => {
    await ensureDefaultAdmin(deps);
  },
};
