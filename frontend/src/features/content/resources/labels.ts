// How the Resources Centre's states and outcomes read and look.
import type { LogDirection, LogOutcome, PushState } from '@shared/contracts/content-resources';
import type { BadgeVariant } from '@/components/ui/badge';

export const PUSH_STATE_LABELS: Record<PushState, string> = { pending: 'Retrying', delivered: 'Delivered', failed: 'Failed' };
export const PUSH_STATE_BADGES: Record<PushState, BadgeVariant> = { pending: 'warning', delivered: 'success', failed: 'danger' };

export const LOG_DIRECTION_LABELS: Record<LogDirection, string> = { push: 'Push', pull: 'Pull', inbound: 'Inbound' };
export const LOG_OUTCOME_LABELS: Record<LogOutcome, string> = { delivered: 'Delivered', accepted: 'Accepted', refused: 'Refused', failed: 'Failed' };
export const LOG_OUTCOME_BADGES: Record<LogOutcome, BadgeVariant> = { delivered: 'success', accepted: 'success', refused: 'danger', failed: 'warning' };
