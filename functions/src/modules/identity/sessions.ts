// Refresh-token sessions: a sign-in starts a family; each refresh revokes the token used and
// issues its successor in the same family; a revoked token presented again means it was copied,
// so the whole family is revoked (the thief and the user both have to sign in again).
import { randomUUID } from 'node:crypto';
import type { TokenResponse } from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { AppError } from '../../core/app-error';
import {
  consumeRefreshToken,
  findRefreshToken,
  findUserById,
  insertRefreshToken,
  revokeRefreshFamily,
  rolesOf,
  setReplacedBy,
  type Db,
} from './repo';
import { logSecurityEvent } from '../../core/security-log';
import { clearedRefreshCookie, hashRefreshToken, issueAccessToken, newRefreshToken } from './tokens';
import { toSessionUser } from './views';

export interface IssuedSession {
  response: TokenResponse;
  refreshToken: string;
  refreshMaxAgeSeconds: number;
}

/** Starts a new refresh-token family for the user. */
export async function startSession(
  deps: Pick<Deps, 'config' | 'now'>,
  db: Db,
  userId: string,
): Promise<{ token: string; maxAgeSeconds: number; sessionId: string }> {
  const now = deps.now();
  const { token, hash } = newRefreshToken();
  const maxAgeSeconds = deps.config.REFRESH_TOKEN_TTL_SECONDS;
  const sessionId = randomUUID();
  await insertRefreshToken(db, {
    userId,
    familyId: sessionId,
    tokenHash: hash,
    expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
    at: now,
  });
  return { token, maxAgeSeconds, sessionId };
}

function refreshRefused(deps: Pick<Deps, 'config'>): AppError {
  // No WWW-Authenticate: this endpoint authenticates with the cookie, not a bearer token.
  return new AppError('unauthenticated', {
    detail: 'Your session has ended: sign in again.',
    headers: { 'set-cookie': clearedRefreshCookie(deps.config) },
  });
}

/**
 * How long after its rotation a refresh token presented again counts as a race, not a theft. Tabs
 * of one browser share the cookie, and a page can be left while its refresh is on the way: the
 * cookie the browser sends may be one the server has just rotated, its successor never received.
 * Within the grace such a token gets a successor of its own (a second branch of the same family);
 * later, a replay is a theft and revokes the whole family.
 */
export const REFRESH_RACE_GRACE_MS = 30_000;

type RotateOutcome =
  | { kind: 'rotated'; userId: string; sessionId: string; token: string; maxAgeSeconds: number }
  | { kind: 'refused'; reason: 'unknown' | 'expired' | 'reused' | 'inactive'; userId?: string; familyId?: string };

/** Exchanges a refresh token for a new access token and a new refresh token. */
export async function refreshSession(deps: Deps, input: { refreshToken: string | null; sourceIp?: string | null }): Promise<IssuedSession> {
  if (!input.refreshToken) {
    logSecurityEvent(deps.logger, 'auth.refresh_failed', { reason: 'missing', sourceIp: input.sourceIp ?? null });
    throw refreshRefused(deps);
  }
  const presented = hashRefreshToken(input.refreshToken);
  const now = deps.now();

  // Refusals that must persist (a family revoked for reuse) are decided inside the transaction
  // and thrown after it commits.
  const outcome = await deps.db.transaction(async (tx): Promise<RotateOutcome> => {
    let used = await consumeRefreshToken(tx, presented, now);
    let raced = false;
    if (!used) {
      const known = await findRefreshToken(tx, presented);
      if (!known) return { kind: 'refused', reason: 'unknown' };
      if (!known.revokedAt) return { kind: 'refused', reason: 'expired', userId: known.userId };
      raced = known.revokedReason === 'rotated' && now.getTime() - known.revokedAt.getTime() < REFRESH_RACE_GRACE_MS;
      if (!raced) {
        await revokeRefreshFamily(tx, known.familyId, 'reuse_detected', now);
        return { kind: 'refused', reason: 'reused', userId: known.userId, familyId: known.familyId };
      }
      used = known;
    }
    const user = await findUserById(tx, used.userId);
    if (!user || user.status !== 'active') {
      await revokeRefreshFamily(tx, used.familyId, 'user_inactive', now);
      return { kind: 'refused', reason: 'inactive', userId: used.userId };
    }
    const { token, hash } = newRefreshToken();
    const maxAgeSeconds = deps.config.REFRESH_TOKEN_TTL_SECONDS;
    const next = await insertRefreshToken(tx, {
      userId: used.userId,
      familyId: used.familyId,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
      at: now,
    });
    // A raced token keeps its first successor on record.
    if (!raced) await setReplacedBy(tx, used.id, next.id);
    return { kind: 'rotated', userId: used.userId, sessionId: used.familyId, token, maxAgeSeconds };
  });

  if (outcome.kind === 'refused') {
    logSecurityEvent(deps.logger, outcome.reason === 'reused' ? 'auth.refresh_token_reused' : 'auth.refresh_failed', {
      userId: outcome.userId ?? null,
      reason: outcome.reason,
      sourceIp: input.sourceIp ?? null,
    });
    throw refreshRefused(deps);
  }

  const user = (await findUserById(deps.db, outcome.userId))!;
  const roles = await rolesOf(deps.db, user.id);
  const access = await issueAccessToken(deps, {
    id: user.id,
    roles,
    orgId: user.orgId,
    tokenVersion: user.tokenVersion,
    sessionId: outcome.sessionId,
  });
  logSecurityEvent(deps.logger, 'auth.refreshed', { userId: user.id, orgId: user.orgId });
  return {
    response: { ...access, tokenType: 'Bearer', user: toSessionUser(user, roles) },
    refreshToken: outcome.token,
    refreshMaxAgeSeconds: outcome.maxAgeSeconds,
  };
}

/**
 * Signs out: revokes the presented token's whole family (this browser's session). Its access tokens
 * stop working at once here and, through the authenticator's session check, within a minute on
 * every other container.
 */
export async function endSession(deps: Deps, input: { refreshToken: string | null; sourceIp?: string | null }): Promise<void> {
  if (!input.refreshToken) return;
  const known = await findRefreshToken(deps.db, hashRefreshToken(input.refreshToken));
  if (!known) return;
  await revokeRefreshFamily(deps.db, known.familyId, 'signed_out', deps.now());
  deps.auth.forget?.({ sessionId: known.familyId });
  logSecurityEvent(deps.logger, 'auth.signed_out', { userId: known.userId, sourceIp: input.sourceIp ?? null });
}
