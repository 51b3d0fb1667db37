// Sign-in throttling, kept in Postgres so it holds across Lambda containers as well as locally:
// attempts per source IP over a sliding minute (one-second buckets, so no more than the limit in
// any 60 s, a minute boundary included), and the account lockout rule (5 failures
// → locked 15 minutes) applied to sign-in names that match no user exactly as to real accounts,
// so a lockout does not reveal whether an account exists.
import { createHash } from 'node:crypto';
import type { Deps } from '../../core/deps';
import { AppError } from '../../core/app-error';
import { countRecentAttempts, recordThrottleFailure, recordUserFailure, throttleLockedUntil } from './repo';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
const WINDOW_MS = 60 * 1000;
const BUCKET_MS = 1000;
/** Lockout state of unknown sign-in names lives in one fixed "window". */
const LOCKOUT_WINDOW = new Date(0);

const keyOf = (kind: string, value: string) => `${kind}:${createHash('sha256').update(value, 'utf8').digest('base64url')}`;

export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

export function accountLocked(until: Date, now: Date): AppError {
  const seconds = retryAfterSeconds(until, now);
  const minutes = Math.ceil(seconds / 60);
  return new AppError('rate_limited', {
    detail: `Too many failed sign-ins: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    headers: { 'retry-after': String(seconds) },
  });
}

/**
 * Counts this attempt against the caller's IP; 429 with Retry-After past the limit in the last
 * 60 s. Refused attempts count too: an address that keeps trying stays refused.
 */
export async function takeSignInSlot(deps: Pick<Deps, 'db' | 'config' | 'now'>, sourceIp: string): Promise<void> {
  const now = deps.now();
  const bucket = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
  // Every bucket that may hold an attempt of the last 60 s: the window's oldest bucket started up
  // to a second before it, so the count errs towards refusing.
  const since = new Date(bucket.getTime() - WINDOW_MS);
  const { count, oldest } = await countRecentAttempts(deps.db, keyOf('ip', sourceIp), bucket, since, now);
  if (count > deps.config.LOGIN_RATE_LIMIT_PER_MINUTE) {
    throw new AppError('rate_limited', {
      detail: 'Too many sign-in attempts from your network: wait a minute and try again.',
      headers: { 'retry-after': String(retryAfterSeconds(new Date(oldest.getTime() + WINDOW_MS + BUCKET_MS), now)) },
    });
  }
}

export async function unknownLoginLockedUntil(deps: Pick<Deps, 'db'>, login: string): Promise<Date | null> {
  return throttleLockedUntil(deps.db, keyOf('login', login.trim().toLowerCase()), LOCKOUT_WINDOW);
}

/** Records a failure; answers the lock's end when this failure locked the name (or account). */
export async function recordFailedSignIn(
  deps: Pick<Deps, 'db' | 'now'>,
  target: { userId: string } | { unknownLogin: string },
): Promise<Date | null> {
  const now = deps.now();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const lockedUntil =
    'userId' in target
      ? await recordUserFailure(deps.db, target.userId, MAX_FAILED_SIGN_INS, lockUntil)
      : await recordThrottleFailure(deps.db, keyOf('login', target.unknownLogin.trim().toLowerCase()), LOCKOUT_WINDOW, MAX_FAILED_SIGN_INS, lockUntil, now);
  return lockedUntil && lockedUntil.getTime() > now.getTime() ? lockedUntil : null;
}
