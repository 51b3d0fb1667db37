// A call campaign's status as a badge, the same everywhere it shows.
import { type CallCampaignStatus } from '@shared/contracts/telephony';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

export const CALL_CAMPAIGN_STATUS_LABELS: Record<CallCampaignStatus, string> = { draft: 'Draft', active: 'Active', paused: 'Paused', completed: 'Completed' };
const VARIANTS: Record<CallCampaignStatus, BadgeVariant> = { draft: 'neutral', active: 'success', paused: 'warning', completed: 'info' };

export function CallCampaignStatusBadge({ status }: { status: CallCampaignStatus }) {
  return (
    <Badge variant={VARIANTS[status]} dot data-testid="call-campaign-status">
      {CALL_CAMPAIGN_STATUS_LABELS[status]}
    </Badge>
  );
}
