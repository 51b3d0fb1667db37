// Where an asset is used: the email and call campaigns it is attached to, with attach (a campaign
// picker over both kinds) and detach (after confirmation) for those who may change content.
import { useState } from 'react';
import { Link } from 'wouter';
import { Link2, Mail, Phone, Plus, Unlink } from 'lucide-react';
import { CAMPAIGN_KIND_LABELS, type AssetUsageItem } from '@shared/contracts/content-tracking';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { formatDateTime } from '@/features/records/format';
import { CampaignPicker } from './campaign-picker';
import { useAssetUsage, useAttachAsset, useCanLinkContent, useDetachAsset, type CampaignOption } from './tracking-api';

export interface AssetUsageProps {
  assetId: string;
}

/** The page of a campaign of either kind. */
export const campaignHref = (kind: 'email' | 'call', id: string) => (kind === 'email' ? `/email/campaigns/${id}` : `/telephony/campaigns/${id}`);

export function AssetUsage({ assetId }: AssetUsageProps) {
  const usage = useAssetUsage(assetId);
  const canLink = useCanLinkContent();
  const attach = useAttachAsset(assetId);
  const detach = useDetachAsset(assetId);
  const [picked, setPicked] = useState<CampaignOption | null>(null);
  const [removing, setRemoving] = useState<AssetUsageItem | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const items = usage.data ?? [];
  const attached = new Set(items.map((i) => `${i.campaignKind}:${i.campaignId}`));

  const onAttach = () => {
    if (!picked) return;
    attach.mutate(
      { campaignKind: picked.kind, campaignId: picked.id },
      {
        onSuccess: () => {
          toast.success(`Attached to ${picked.name}.`);
          setPicked(null);
        },
        onError: (error) => toast.error(describeError(error)),
      },
    );
  };

  return (
    <SectionCard id="asset-usage" title="Used by campaigns" description="The email and call campaigns this asset is attached to. Their emails and scripts can carry its tracking links.">
      <div className="grid gap-3">
        {canLink && (
          <div className="flex flex-wrap items-center gap-2">
            <div className="min-w-64 flex-1">
              <CampaignPicker value={picked} onChange={setPicked} exclude={attached} label="Campaign to attach" />
            </div>
            <Button size="sm" onClick={onAttach} disabled={!picked || attach.isPending}>
              <Plus aria-hidden="true" />
              {attach.isPending ? 'Attaching…' : 'Attach'}
            </Button>
          </div>
        )}
        {usage.isLoading ? (
          <div className="grid gap-2" aria-busy="true" aria-label="Loading campaigns">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
          </div>
        ) : usage.isError ? (
          <ErrorState compact description={describeError(usage.error)} onRetry={() => void usage.refetch()} retrying={usage.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState compact icon={<Link2 />} title="Not used by any campaign" description={canLink ? 'Attach it to an email or call campaign above.' : 'No email or call campaign uses it yet.'} />
        ) : (
          <ul className="divide-y divide-border rounded-md border border-border" aria-label="Campaigns using this asset">
            {items.map((item) => {
              const Icon = item.campaignKind === 'email' ? Mail : Phone;
              return (
                <li key={`${item.campaignKind}:${item.campaignId}`} className="flex items-center gap-3 px-3 py-2 text-sm">
                  <Icon className="size-4 shrink-0 text-muted-foreground" aria-label={CAMPAIGN_KIND_LABELS[item.campaignKind]} />
                  <div className="min-w-0 flex-1">
                    <Link href={campaignHref(item.campaignKind, item.campaignId)} className="block truncate font-medium text-primary underline-offset-4 hover:underline">
                      {item.campaignName}
                    </Link>
                    <p className="truncate text-xs text-muted-foreground">
                      {CAMPAIGN_KIND_LABELS[item.campaignKind]} · attached {formatDateTime(item.linkedAt)}
                      {item.linkedBy ? ` by ${item.linkedBy.name}` : ''}
                    </p>
                  </div>
                  {canLink && (
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Detach from ${item.campaignName}`}
                      onClick={() => {
                        setRemoveError(null);
                        setRemoving(item);
                      }}
                    >
                      <Unlink aria-hidden="true" />
                      Detach
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title="Detach this asset?"
        description={removing ? `${removing.campaignName} will no longer list it; links already sent keep working and keep counting.` : undefined}
        confirmLabel="Detach"
        destructive
        error={removeError}
        onConfirm={async () => {
          if (!removing) return;
          try {
            await detach.mutateAsync({ campaignKind: removing.campaignKind, campaignId: removing.campaignId });
            toast.success(`Detached from ${removing.campaignName}.`);
          } catch (error) {
            setRemoveError(describeError(error));
            throw error;
          }
        }}
      />
    </SectionCard>
  );
}
