// Sign-in with a username or email and a password. A name that matches no account, a wrong
// password and a deactivated account all get the same answer after the same bcrypt work; the
// account (or unknown name) locks for 15 minutes after 5 failures in a row; a source IP gets
// LOGIN_RATE_LIMIT_PER_MINUTE attempts a minute.
import type { LoginRequest } from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { AppError } from '../../core/app-error';
import { findUserByLogin, rolesOf, updateUser } from './repo';
import { dummyHash, hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './passwords';
import { logSecurityEvent } from '../../core/security-log';
import { startSession, type IssuedSession } from './sessions';
import { accountLocked, recordFailedSignIn, takeSignInSlot, unknownLoginLockedUntil } from './throttle';
import { issueAccessToken } from './tokens';
import { toSessionUser } from './views';

export function invalidCredentials(): AppError {
  return new AppError('unauthenticated', { detail: 'The username, email or password is not correct.' });
}

export async function signIn(deps: Deps, input: LoginRequest & { sourceIp: string }): Promise<IssuedSession> {
  const { config, logger } = deps;
  await takeSignInSlot(deps, input.sourceIp).catch((error: unknown) => {
    logSecurityEvent(logger, 'auth.sign_in_throttled', { sourceIp: input.sourceIp });
    throw error;
  });
  const now = deps.now();
  await dummyHash(config.PASSWORD_HASH_COST);
  const user = await findUserByLogin(deps.db, input.login);

  if (!user) {
    const lockedUntil = await unknownLoginLockedUntil(deps, input.login);
    if (lockedUntil && lockedUntil > now) {
      logSecurityEvent(logger, 'auth.sign_in_locked', { reason: 'unknown_login', sourceIp: input.sourceIp });
      throw accountLocked(lockedUntil, now);
    }
    await verifyAgainstDummy(input.password, config.PASSWORD_HASH_COST);
    const lockedNow = await recordFailedSignIn(deps, { unknownLogin: input.login });
    logSecurityEvent(logger, 'auth.sign_in_failed', { reason: 'unknown_login', sourceIp: input.sourceIp });
    if (lockedNow) throw accountLocked(lockedNow, now);
    throw invalidCredentials();
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    logSecurityEvent(logger, 'auth.sign_in_locked', { userId: user.id, sourceIp: input.sourceIp });
    throw accountLocked(user.lockedUntil, now);
  }

  const passwordOk = user.passwordHash
    ? await verifyPassword(input.password, user.passwordHash)
    : await verifyAgainstDummy(input.password, config.PASSWORD_HASH_COST);
  if (!passwordOk) {
    const lockedNow = await recordFailedSignIn(deps, { userId: user.id });
    logSecurityEvent(logger, 'auth.sign_in_failed', { userId: user.id, reason: 'wrong_password', sourceIp: input.sourceIp });
    if (lockedNow) {
      logSecurityEvent(logger, 'auth.account_locked', { userId: user.id, sourceIp: input.sourceIp });
      throw accountLocked(lockedNow, now);
    }
    throw invalidCredentials();
  }
  if (user.status !== 'active') {
    logSecurityEvent(logger, 'auth.sign_in_failed', { userId: user.id, reason: 'deactivated', sourceIp: input.sourceIp });
    throw invalidCredentials();
  }

  // Upgrade hashes made with a lower cost than configured, now that we hold the password.
  const rehash = user.passwordHash && needsRehash(user.passwordHash, config.PASSWORD_HASH_COST);
  const signedIn = await updateUser(deps.db, user.id, {
    failedAttempts: 0,
    lockedUntil: null,
    lastSignInAt: now,
    ...(rehash ? { passwordHash: await hashPassword(input.password, config.PASSWORD_HASH_COST) } : {}),
  });
  const roles = await rolesOf(deps.db, user.id);
  const session = await startSession(deps, deps.db, user.id);
  const access = await issueAccessToken(deps, {
    id: user.id,
    roles,
    orgId: user.orgId,
    tokenVersion: user.tokenVersion,
    sessionId: session.sessionId,
  });
  logSecurityEvent(logger, 'auth.signed_in', { userId: user.id, orgId: user.orgId, sourceIp: input.sourceIp });
  return {
    response: { ...access, tokenType: 'Bearer', user: toSessionUser(signedIn ?? user, roles) },
    refreshToken: session.token,
    refreshMaxAgeSeconds: session.maxAgeSeconds,
  };
}
