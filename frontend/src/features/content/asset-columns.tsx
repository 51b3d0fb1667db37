// The library table's columns: title (with its type's icon and the description beneath), type,
// tags, the current version and how it came, uses by campaigns, the last change and who made it.
import type { ColumnDef } from '@tanstack/react-table';
import type { AssetListItem } from '@shared/contracts/content';
import { Badge } from '@/components/ui/badge';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { ASSET_TYPE_ICONS, AssetTypeLabel, VersionSourceBadge, formatWhen } from './asset-badges';

export function assetColumns(): ColumnDef<AssetListItem, unknown>[] {
  return unsortable<AssetListItem>([
    {
      id: 'title',
      header: 'Title',
      size: 320,
      meta: { locked: true },
      cell: ({ row }) => {
        const Icon = ASSET_TYPE_ICONS[row.original.type];
        return (
          <span className="flex min-w-0 items-center gap-2" title={row.original.description || row.original.title}>
            <Icon className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
            <span className="truncate font-medium">{row.original.title}</span>
            {row.original.archived && <Badge variant="neutral">Archived</Badge>}
          </span>
        );
      },
    },
    { id: 'type', header: 'Type', size: 140, cell: ({ row }) => <AssetTypeLabel type={row.original.type} /> },
    {
      id: 'tags',
      header: 'Tags',
      size: 200,
      cell: ({ row }) => (
        <span className="flex min-w-0 gap-1 overflow-hidden">
          {row.original.tags.map((tag) => (
            <Badge key={tag} variant="outline" className="font-normal">
              {tag}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      id: 'version',
      header: 'Version',
      size: 150,
      cell: ({ row }) =>
        row.original.currentVersion ? (
          <span className="inline-flex items-center gap-1.5">
            <span className="font-mono text-xs">v{row.original.currentVersion.number}</span>
            <VersionSourceBadge source={row.original.currentVersion.source} number={row.original.currentVersion.number} />
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    { id: 'usage', header: 'Used by', size: 90, cell: ({ row }) => <span className="tabular-nums">{row.original.usageCount ? `${row.original.usageCount} campaign${row.original.usageCount === 1 ? '' : 's'}` : '—'}</span> },
    {
      id: 'updated',
      header: 'Last change',
      size: 200,
      cell: ({ row }) => (
        <span className="truncate text-muted-foreground">
          {formatWhen(row.original.updatedAt)}
          {row.original.updatedBy && ` · ${row.original.updatedBy.name}`}
        </span>
      ),
    },
  ]);
}
