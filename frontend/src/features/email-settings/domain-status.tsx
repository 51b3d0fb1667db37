// How a domain's verification reads at a glance: pending, verified or failed, and for a sending
// domain whether DKIM passed; the same badges in the lists and the detail sheets.
import type { DomainStatus } from '@shared/contracts/email';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { formatRelative } from '@/features/records/format';

const STATUS: Record<DomainStatus, { label: string; variant: BadgeVariant }> = {
  pending: { label: 'Pending', variant: 'warning' },
  verified: { label: 'Verified', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
};

export function DomainStatusBadge({ status }: { status: DomainStatus }) {
  const { label, variant } = STATUS[status];
  return (
    <Badge variant={variant} dot>
      {label}
    </Badge>
  );
}

export function DkimBadge({ verified }: { verified: boolean }) {
  return verified ? <Badge variant="success">DKIM passing</Badge> : <Badge variant="neutral">DKIM not yet</Badge>;
}

/** "Checked 3 minutes ago" / "Never checked". */
export function lastCheckedText(lastCheckedAt: string | null): string {
  return lastCheckedAt ? `Checked ${formatRelative(lastCheckedAt)}` : 'Never checked';
}
