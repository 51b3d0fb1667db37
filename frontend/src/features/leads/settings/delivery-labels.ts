// How delivery kinds and statuses read on screen, and the colour of each status.
import type { DeliveryKind, DeliveryStatus } from '@shared/contracts/lead-delivery';
import type { BadgeVariant } from '@/components/ui/badge';

export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = { webhook: 'Webhook', form_post: 'Form post', csv: 'CSV file' };

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: 'Pending',
  sending: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
  dead: 'Dead letter',
};

export const DELIVERY_STATUS_BADGES: Record<DeliveryStatus, BadgeVariant> = {
  pending: 'neutral',
  sending: 'info',
  delivered: 'success',
  failed: 'warning',
  dead: 'danger',
};

/** Only these may be sent again by hand. */
export const isRetryable = (status: DeliveryStatus) => status === 'failed' || status === 'dead';
