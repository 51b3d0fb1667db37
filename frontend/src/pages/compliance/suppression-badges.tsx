// How a suppression reason and entry type read: a coloured badge per reason, so bounces and
// complaints stand out from entries added by hand.
import { SUPPRESSION_REASON_LABELS, type SuppressionReason, type SuppressionType } from '@shared/contracts/compliance';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

const REASON_VARIANTS: Record<SuppressionReason, BadgeVariant> = {
  unsubscribe: 'warning',
  bounce: 'danger',
  complaint: 'danger',
  manual: 'neutral',
  dnc_registry: 'info',
  client_request: 'accent',
};

export const SUPPRESSION_TYPE_LABELS: Record<SuppressionType, string> = {
  email: 'Address',
  domain: 'Domain',
  phone: 'Phone',
};

export function ReasonBadge({ reason }: { reason: SuppressionReason }) {
  return (
    <Badge variant={REASON_VARIANTS[reason]} dot>
      {SUPPRESSION_REASON_LABELS[reason]}
    </Badge>
  );
}

export function TypeBadge({ type }: { type: SuppressionType }) {
  return <Badge variant={type === 'domain' ? 'accent' : 'outline'}>{SUPPRESSION_TYPE_LABELS[type]}</Badge>;
}
