// One asset at /content/assets/:id: its current version (a PDF's first page, the image, the text,
// the video link), its details, and tabs for the version history (view and restore), where it is
// used and its report. Writers upload a new version of a file or edit a text (a new version),
// draft with AI, push it to the Resources Centre, change its details, and archive it (confirmed,
// with an undo in the toast). `u` goes back to the library.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { Archive, ArchiveRestore, Pencil, Settings2, Upload } from 'lucide-react';
import { FILE_ASSET_TYPES, TEXT_ASSET_TYPES } from '@shared/contracts/content';
import { BackLink } from '@/components/ui/back-link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { AssetDetailsDialog } from '@/features/content/asset-details-dialog';
import { AssetTypeLabel, VersionSourceBadge, formatWhen } from '@/features/content/asset-badges';
import { VersionContent } from '@/features/content/asset-preview';
import { archiveAsset, updateAsset, useAsset, useAssetRefresh } from '@/features/content/assets-api';
import { DraftWithAiButton } from '@/features/content/drafting/draft-button';
import { PushToResourcesCentre } from '@/features/content/resources/push-button';
import { EditVersionDialog } from '@/features/content/text-asset-dialogs';
import { AssetReport } from '@/features/content/tracking/asset-report';
import { AssetUsage } from '@/features/content/tracking/asset-usage';
import { UploadDialog } from '@/features/content/upload-dialog';
import { VersionHistory } from '@/features/content/version-history';
import { describeError, isApiError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { NotFound } from '@/shell/page-states';

function DetailSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading the asset">
      <Skeleton className="h-8 w-80" />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Skeleton className="h-96" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}

export function AssetDetail({ id }: { id: string }) {
  const asset = useAsset(id);
  const refresh = useAssetRefresh();
  const canWrite = useCan('content.create');
  const [, navigate] = useLocation();
  const [uploading, setUploading] = useState(false);
  const [editing, setEditing] = useState(false);
  const [details, setDetails] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const dialogOpen = uploading || editing || details || archiving;
  useHotkeys([{ combo: 'u', handler: () => navigate('/content') }], !dialogOpen);

  if (asset.isPending) return <DetailSkeleton />;
  if (asset.isError) {
    if (isApiError(asset.error) && asset.error.status === 404) return <NotFound />;
    return <ErrorState title="The asset could not be loaded" description={describeError(asset.error)} onRetry={() => void asset.refetch()} retrying={asset.isFetching} />;
  }
  const a = asset.data;
  const changed = () => refresh(a.id);
  const isFile = FILE_ASSET_TYPES.includes(a.type);
  const isText = TEXT_ASSET_TYPES.includes(a.type);
  const writable = canWrite && !a.archived;

  const bringBack = async () => {
    try {
      await updateAsset(a.id, { archived: false });
      changed();
      toast.success(`${a.title} is back in the library.`);
    } catch (failure) {
      toast.error(describeError(failure));
    }
  };
  const archive = async () => {
    await archiveAsset(a.id);
    changed();
    toast(`${a.title} archived.`, { action: { label: 'Undo', onClick: () => void bringBack() } });
  };

  return (
    <div className="grid gap-4" data-testid="asset-detail">
      <div>
        <BackLink href="/content">Content</BackLink>
      </div>
      <HeaderActionBar
        className="pb-0"
        title={a.title}
        meta={
          <>
            <AssetTypeLabel type={a.type} />
            {a.current && (
              <span className="inline-flex items-center gap-1.5 text-sm">
                <span className="font-mono text-xs">v{a.current.number}</span>
                <VersionSourceBadge source={a.current.source} number={a.current.number} />
              </span>
            )}
            {a.archived && <Badge variant="neutral">Archived</Badge>}
          </>
        }
        description={a.description || undefined}
        actions={
          canWrite ? (
            <div className="flex flex-wrap gap-2" role="group" aria-label="Asset actions">
              {a.archived ? (
                <Button onClick={() => void bringBack()}>
                  <ArchiveRestore aria-hidden="true" />
                  Bring back
                </Button>
              ) : (
                <>
                  {isFile && (
                    <Button onClick={() => setUploading(true)}>
                      <Upload aria-hidden="true" />
                      Upload new version
                    </Button>
                  )}
                  {!isFile && (
                    <Button onClick={() => setEditing(true)}>
                      <Pencil aria-hidden="true" />
                      Edit
                    </Button>
                  )}
                  {isText && <DraftWithAiButton assetId={a.id} assetType={a.type} />}
                  <PushToResourcesCentre assetId={a.id} />
                  <Button variant="outline" onClick={() => setDetails(true)}>
                    <Settings2 aria-hidden="true" />
                    Details
                  </Button>
                  <Button variant="outline" className="text-danger-text" onClick={() => setArchiving(true)}>
                    <Archive aria-hidden="true" />
                    Archive
                  </Button>
                </>
              )}
            </div>
          ) : undefined
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <SectionCard title={a.current ? `Version ${a.current.number}` : 'Content'} description={a.current ? `${a.current.createdBy?.name ?? 'Unknown'} · ${formatWhen(a.current.createdAt)}` : undefined}>
          <VersionContent type={a.type} version={a.current} title={a.title} />
        </SectionCard>
        <SectionCard title="About">
          <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Tags</dt>
            <dd className="flex flex-wrap gap-1">
              {a.tags.length
                ? a.tags.map((tag) => (
                    <Badge key={tag} variant="outline" className="font-normal">
                      {tag}
                    </Badge>
                  ))
                : '—'}
            </dd>
            <dt className="text-muted-foreground">Versions</dt>
            <dd>{a.versionCount}</dd>
            <dt className="text-muted-foreground">Used by</dt>
            <dd>{a.usageCount ? `${a.usageCount} campaign${a.usageCount === 1 ? '' : 's'}` : 'No campaign yet'}</dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              {formatWhen(a.createdAt)}
              {a.createdBy && ` · ${a.createdBy.name}`}
            </dd>
            <dt className="text-muted-foreground">Last change</dt>
            <dd>
              {formatWhen(a.updatedAt)}
              {a.updatedBy && ` · ${a.updatedBy.name}`}
            </dd>
            {a.publicUrl && (
              <>
                <dt className="text-muted-foreground">Published at</dt>
                <dd className="truncate">
                  <a href={a.publicUrl} className="text-primary underline-offset-4 hover:underline" target="_blank" rel="noreferrer noopener">
                    {a.publicUrl}
                  </a>
                </dd>
              </>
            )}
          </dl>
        </SectionCard>
      </div>
      <Tabs defaultValue="versions">
        <TabsList aria-label="About the asset">
          <TabsTrigger value="versions">Versions</TabsTrigger>
          <TabsTrigger value="usage">Usage</TabsTrigger>
          <TabsTrigger value="report">Report</TabsTrigger>
        </TabsList>
        <TabsContent value="versions">
          <SectionCard title="History" description="Every version, newest first. Restoring one makes it the newest.">
            <VersionHistory asset={a} canWrite={writable} onRestored={changed} />
          </SectionCard>
        </TabsContent>
        <TabsContent value="usage">
          <AssetUsage assetId={a.id} />
        </TabsContent>
        <TabsContent value="report">
          <AssetReport assetId={a.id} />
        </TabsContent>
      </Tabs>
      {isFile && (
        <UploadDialog
          open={uploading}
          onOpenChange={setUploading}
          asset={a}
          onUploaded={(next) => {
            changed();
            toast.success(`Version ${next.current?.number ?? ''} uploaded.`);
          }}
        />
      )}
      {!isFile && (
        <EditVersionDialog
          open={editing}
          onOpenChange={setEditing}
          asset={a}
          current={a.current}
          onSaved={(version) => {
            changed();
            toast.success(`Saved as version ${version.number}.`);
          }}
        />
      )}
      <AssetDetailsDialog asset={a} open={details} onOpenChange={setDetails} onSaved={changed} />
      <ConfirmDialog
        open={archiving}
        onOpenChange={setArchiving}
        title={`Archive ${a.title}?`}
        description="It leaves the library and can no longer be changed; its versions are kept and you can bring it back."
        confirmLabel="Archive"
        destructive
        onConfirm={archive}
      />
    </div>
  );
}
