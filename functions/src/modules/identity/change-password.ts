// A signed-in user changes their password (the only thing a user with the default password may
// do). The current password is checked (failures count toward the lockout), the policy applied,
// and every earlier session ended: other refresh tokens are revoked and the token version bumped,
// so older access tokens stop working; the caller gets a fresh access token and session.
import type { ChangePasswordRequest } from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { AppError, invalid } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import { writeAudit } from './audit';
import { assertPasswordPolicy, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';
import { findUserById, revokeUserRefreshTokens, rolesOf, updateUserAndRevokeTokens } from './repo';
import { logSecurityEvent } from '../../core/security-log';
import { startSession, type IssuedSession } from './sessions';
import { accountLocked, recordFailedSignIn } from './throttle';
import { issueAccessToken } from './tokens';
import { toSessionUser } from './views';

export async function changePassword(
  deps: Deps,
  input: ChangePasswordRequest & { principal: Principal; requestId: string | null; sourceIp?: string | null },
): Promise<IssuedSession> {
  const { config, logger } = deps;
  const now = deps.now();
  const user = await findUserById(deps.db, input.principal.userId);
  if (!user) throw new AppError('unauthenticated');
  if (user.lockedUntil && user.lockedUntil > now) throw accountLocked(user.lockedUntil, now);

  const currentOk = user.passwordHash
    ? await verifyPassword(input.currentPassword, user.passwordHash)
    : await verifyAgainstDummy(input.currentPassword, config.PASSWORD_HASH_COST);
  if (!currentOk) {
    const lockedNow = await recordFailedSignIn(deps, { userId: user.id });
    logSecurityEvent(logger, 'auth.password_change_failed', { userId: user.id, reason: 'wrong_current_password', sourceIp: input.sourceIp ?? null });
    if (lockedNow) throw accountLocked(lockedNow, now);
    throw invalid('body.currentPassword', 'is not correct');
  }
  assertPasswordPolicy(config, input.newPassword, user, 'body.newPassword', { currentPassword: input.currentPassword });
  const passwordHash = await hashPassword(input.newPassword, config.PASSWORD_HASH_COST);

  const { updated, session } = await deps.db.transaction(async (tx) => {
    const updated = (await updateUserAndRevokeTokens(tx, user.id, {
      passwordHash,
      mustChangePassword: false,
      failedAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    }))!;
    await revokeUserRefreshTokens(tx, user.id, 'password_changed', now);
    const session = await startSession(deps, tx, user.id);
    await writeAudit(tx, { userId: input.principal.userId, requestId: input.requestId }, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
      at: now,
    });
    return { updated, session };
  });

  const roles = await rolesOf(deps.db, user.id);
  // The other sessions were revoked above: this container forgets what it knew of them at once.
  deps.auth.forget?.({ userId: user.id });
  const access = await issueAccessToken(deps, {
    id: user.id,
    roles,
    orgId: updated.orgId,
    tokenVersion: updated.tokenVersion,
    sessionId: session.sessionId,
  });
  logSecurityEvent(logger, 'auth.password_changed', { userId: user.id, orgId: user.orgId, sourceIp: input.sourceIp ?? null });
  return {
    response: { ...access, tokenType: 'Bearer', user: toSessionUser(updated, roles) },
    refreshToken: session.token,
    refreshMaxAgeSeconds: session.maxAgeSeconds,
  };
}
