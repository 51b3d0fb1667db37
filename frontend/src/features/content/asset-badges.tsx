// Small pieces the library and the asset page share: the type badge with its icon, how a version
// came ("AI-written" stands out), file sizes and dates as people read them.
import { FileText, Image, Mail, Megaphone, PanelsTopLeft, Sparkles, Video, type LucideIcon } from 'lucide-react';
import { ASSET_TYPE_LABELS, VERSION_SOURCE_LABELS, type AssetType, type VersionSource } from '@shared/contracts/content';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

export const ASSET_TYPE_ICONS: Record<AssetType, LucideIcon> = {
  document: FileText,
  image: Image,
  video_link: Video,
  email_template: Mail,
  landing_copy: PanelsTopLeft,
  social_post: Megaphone,
};

export function AssetTypeLabel({ type }: { type: AssetType }) {
  const Icon = ASSET_TYPE_ICONS[type];
  return (
    <span className="inline-flex items-center gap-1.5 text-sm">
      <Icon className="size-4 text-muted-foreground" aria-hidden="true" />
      {ASSET_TYPE_LABELS[type]}
    </span>
  );
}

const SOURCE_VARIANTS: Record<VersionSource, BadgeVariant> = { upload: 'neutral', edit: 'info', ai: 'accent', restore: 'warning' };

/** How a version came; a first version written here reads "Written" rather than "Edited". */
export function VersionSourceBadge({ source, number }: { source: VersionSource; number?: number }) {
  return (
    <Badge variant={SOURCE_VARIANTS[source]}>
      {source === 'ai' && <Sparkles className="size-3" aria-hidden="true" />}
      {source === 'edit' && number === 1 ? 'Written' : VERSION_SOURCE_LABELS[source]}
    </Badge>
  );
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatWhen = (iso: string) => DATE_TIME.format(new Date(iso));
