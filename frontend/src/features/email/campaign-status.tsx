// A campaign's status as a badge (a live dot while it sends) and the rates the list and the
// report show, worked out the same way in both places.
import { CAMPAIGN_STATUS_LABELS, type CampaignCounts, type CampaignStatus } from '@shared/contracts/email';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

const VARIANTS: Record<CampaignStatus, BadgeVariant> = {
  draft: 'neutral',
  scheduled: 'info',
  sending: 'default',
  paused: 'warning',
  sent: 'success',
  cancelled: 'danger',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge variant={VARIANTS[status]} dot={status === 'sending'} data-testid="campaign-status">
      {CAMPAIGN_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A share of a whole as "12.5%", or a dash when there is no whole yet. */
export function formatRate(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

export const formatNumber = (n: number) => n.toLocaleString('en-US');

/** Opens and clicks are counted against the delivered (or, before delivery events, the sent). */
export function rateBase(counts: Pick<CampaignCounts, 'delivered' | 'sent'>): number {
  return counts.delivered > 0 ? counts.delivered : counts.sent;
}
