// Password hashing and the password policy. bcrypt only reads the first 72 bytes of its input,
// so the password is first reduced to a fixed-length SHA-256 (base64, no NUL bytes) and every
// character of a 128-character passphrase counts.
import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { passwordPolicyIssues } from '@shared/contracts/identity';
import type { Config } from '../../config/config';
import { AppError } from '../../core/app-error';

function prehash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('base64');
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(prehash(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash);
}

/** A stored hash made with a lower cost than configured is upgraded at the next sign-in. */
export function needsRehash(hash: string, cost: number): boolean {
  return bcrypt.getRounds(hash) < cost;
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * The hash compared against when there is no real one. Every sign-in awaits it first, so the one
 * request that has to make it is not only the first one for an unknown name (which would tell).
 */
export function dummyHash(cost: number): Promise<string> {
  let dummy = dummyHashes.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('hex'), cost);
    dummyHashes.set(cost, dummy);
  }
  return dummy;
}

/**
 * Spends the same time as a real comparison, for sign-in names that match no account, so the
 * answer's timing does not tell whether the account exists.
 */
export async function verifyAgainstDummy(password: string, cost: number): Promise<false> {
  await bcrypt.compare(prehash(password), await dummyHash(cost));
  return false;
}

/** Throws 400 naming `field` when the new password breaks the policy. */
export function assertPasswordPolicy(
  config: Pick<Config, 'ADMIN_PASSWORD'>,
  password: string,
  owner: { username: string; email: string },
  field: string,
  extra: { currentPassword?: string } = {},
): void {
  const issues = passwordPolicyIssues(password, { username: owner.username, email: owner.email, forbidden: [config.ADMIN_PASSWORD] });
  if (extra.currentPassword !== undefined && password === extra.currentPassword) issues.push('must differ from your current password');
  if (issues.length) {
    throw new AppError('invalid', { errors: issues.map((message) => ({ field, message })), detail: `${field}: ${issues.join('; ')}` });
  }
}
