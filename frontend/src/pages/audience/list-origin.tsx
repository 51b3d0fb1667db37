// Where a static list came from, as a badge: made by hand, snapshotted from a segment, built from
// a domain set's matches, or filled by an import.
import type { StaticList } from '@shared/contracts/audience';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

const ORIGINS: Record<StaticList['origin'], { label: string; variant: BadgeVariant }> = {
  manual: { label: 'Manual', variant: 'neutral' },
  segment: { label: 'From segment', variant: 'default' },
  domain_set: { label: 'From domain set', variant: 'accent' },
  import: { label: 'Import', variant: 'info' },
};

export function ListOriginBadge({ origin }: { origin: StaticList['origin'] }) {
  const o = ORIGINS[origin];
  return <Badge variant={o.variant}>{o.label}</Badge>;
}
