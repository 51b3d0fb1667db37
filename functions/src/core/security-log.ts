// Security events (sign-ins, failures, lockouts, token reuse, denials, role and status changes,
// exports, rate limits)
// as structured JSON: who, what, when, tenant. Never tokens, passwords, emails or phone numbers.
import type { Logger } from '@aws-lambda-powertools/logger';

export type SecurityEvent =
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_in_locked'
  | 'auth.sign_in_throttled'
  | 'auth.account_locked'
  | 'auth.refreshed'
  | 'auth.refresh_failed'
  | 'auth.refresh_token_reused'
  | 'auth.signed_out'
  | 'auth.password_changed'
  | 'auth.password_change_failed'
  | 'auth.token_rejected'
  | 'user.created'
  | 'user.updated'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.roles_changed'
  | 'user.roles_migrated'
  | 'organisation.created'
  | 'bootstrap.default_admin_created'
  | 'data.exported'
  | 'rate.limited';

export interface SecurityEventFields {
  /** The acting user, when known. */
  actorId?: string | null;
  /** The user the event is about, when different from the actor (or when there is no actor). */
  userId?: string | null;
  orgId?: string | null;
  sourceIp?: string | null;
  reason?: string;
  [key: string]: unknown;
}

const FAILURES = new Set<SecurityEvent>([
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'auth.sign_in_throttled',
  'auth.account_locked',
  'auth.refresh_failed',
  'auth.refresh_token_reused',
  'auth.password_change_failed',
  'rate.limited',
]);

export function logSecurityEvent(logger: Logger, event: SecurityEvent, fields: SecurityEventFields = {}): void {
  const entry = { securityEvent: event, ...fields };
  if (FAILURES.has(event)) logger.warn(`security: ${event}`, entry);
  else logger.info(`security: ${event}`, entry);
}
