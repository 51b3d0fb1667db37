// An asset's history: each version's number, how it came (uploaded, edited, AI-written,
// restored from another), who and when, which is current; an old one can be viewed, and restored
// after a confirmation (a new version copying it).
import { useState } from 'react';
import { Eye, History } from 'lucide-react';
import type { AssetVersionSummary, AssetView } from '@shared/contracts/content';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { VersionContent } from './asset-preview';
import { VersionSourceBadge, formatWhen } from './asset-badges';
import { restoreVersion, useAssetVersion, useAssetVersions } from './assets-api';

function ViewVersionDialog({ asset, version, onOpenChange }: { asset: AssetView; version: AssetVersionSummary | null; onOpenChange: (open: boolean) => void }) {
  const detail = useAssetVersion(asset.id, version?.id ?? null);
  return (
    <Dialog open={version !== null} onOpenChange={onOpenChange}>
      <DialogContent size="lg">
        <DialogHeader>
          <DialogTitle>Version {version?.number}</DialogTitle>
          <DialogDescription>{version && `${version.createdBy?.name ?? 'Unknown'} · ${formatWhen(version.createdAt)}`}</DialogDescription>
        </DialogHeader>
        {detail.isPending ? <Skeleton className="h-48" /> : detail.isError ? <ErrorState title="The version could not be loaded" description={describeError(detail.error)} /> : <VersionContent type={asset.type} version={detail.data} title={asset.title} />}
      </DialogContent>
    </Dialog>
  );
}

export function VersionHistory({ asset, canWrite, onRestored }: { asset: AssetView; canWrite: boolean; onRestored: () => void }) {
  const versions = useAssetVersions(asset.id);
  const [viewing, setViewing] = useState<AssetVersionSummary | null>(null);
  const [restoring, setRestoring] = useState<AssetVersionSummary | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  if (versions.isPending) return <Skeleton className="h-40" aria-label="Loading the history" />;
  if (versions.isError) return <ErrorState title="The history could not be loaded" description={describeError(versions.error)} onRetry={() => void versions.refetch()} />;

  const restore = async () => {
    if (!restoring) return;
    setRestoreError(null);
    try {
      const made = await restoreVersion(asset.id, restoring.id);
      toast.success(`Version ${restoring.number} restored as version ${made.number}.`);
      onRestored();
    } catch (failure) {
      setRestoreError(describeError(failure));
      throw failure;
    }
  };

  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Versions" data-testid="version-history">
          <thead className="text-left text-xs text-muted-foreground">
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3 font-medium">
                Version
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                How
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Who
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                When
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Note
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.data.items.map((v) => (
              <tr key={v.id} className="border-b border-border last:border-0" data-testid="version-row">
                <td className="py-2 pr-3 font-mono text-xs">
                  v{v.number}
                  {v.current && (
                    <Badge variant="success" className="ml-2 font-sans">
                      Current
                    </Badge>
                  )}
                </td>
                <td className="py-2 pr-3">
                  <span className="inline-flex items-center gap-1.5">
                    <VersionSourceBadge source={v.source} number={v.number} />
                    {v.restoredFrom && <span className="text-xs text-muted-foreground">from v{v.restoredFrom.number}</span>}
                    {v.aiModel && <span className="text-xs text-muted-foreground">{v.aiModel}</span>}
                  </span>
                </td>
                <td className="py-2 pr-3">{v.createdBy?.name ?? '—'}</td>
                <td className="py-2 pr-3 whitespace-nowrap text-muted-foreground">{formatWhen(v.createdAt)}</td>
                <td className="max-w-56 truncate py-2 pr-3 text-muted-foreground" title={v.note ?? undefined}>
                  {v.note ?? v.fileName ?? ''}
                </td>
                <td className="py-2 text-right whitespace-nowrap">
                  <Button variant="ghost" size="sm" onClick={() => setViewing(v)} aria-label={`View version ${v.number}`}>
                    <Eye aria-hidden="true" />
                    View
                  </Button>
                  {canWrite && !v.current && !asset.archived && (
                    <Button variant="ghost" size="sm" onClick={() => setRestoring(v)} aria-label={`Restore version ${v.number}`}>
                      <History aria-hidden="true" />
                      Restore
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ViewVersionDialog asset={asset} version={viewing} onOpenChange={(open) => !open && setViewing(null)} />
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRestoring(null);
            setRestoreError(null);
          }
        }}
        title={`Restore version ${restoring?.number ?? ''}?`}
        description="Its content becomes a new, current version. Nothing is deleted: the versions in between stay in the history."
        confirmLabel="Restore"
        onConfirm={restore}
        error={restoreError}
      />
    </>
  );
}
