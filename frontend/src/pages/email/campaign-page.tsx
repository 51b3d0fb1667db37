// One campaign at /email/campaigns/:id: the builder while it is a draft, the sending panel and
// the report afterwards. Loading, a missing campaign, a failed load and "changed by someone
// else" each have their own state.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { DetailBackButton, DetailPageFallback } from '@/features/records/detail-page-states';
import { CampaignHeader, CloneCampaignButton, DeleteCampaignButton, DeleteCampaignDialog, RefusalBanner, cloneCampaignWithToast } from '@/features/campaigns-shared/campaign-actions';
import { CAMPAIGNS_ROUTE, campaignHref, useCampaign, useCloneCampaign, useDeleteCampaign } from '@/features/email/campaigns-api';
import { CampaignStatusBadge } from '@/features/email/campaign-status';
import { StaleWriteBanner } from '@/features/records/stale-write-banner';
import { PreflightList } from '@/features/email/preflight-list';
import { CampaignBuilder, type ScheduleRefusal } from './campaign-builder';
import { CampaignMonitor } from './campaign-monitor';

export function CampaignPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const query = useCampaign(id);
  const clone = useCloneCampaign();
  const remove = useDeleteCampaign();
  const [stale, setStale] = useState(false);
  const [conflict, setConflict] = useState<ScheduleRefusal | null>(null);
  const [deleting, setDeleting] = useState(false);
  // Bumped on reload after a conflict: the editors start again from the server's version.
  const [generation, setGeneration] = useState(0);

  const back = <DetailBackButton href={CAMPAIGNS_ROUTE}>Campaigns</DetailBackButton>;

  if (query.isPending || query.isError) {
    return <DetailPageFallback query={query} back={back} loadingLabel="Loading the campaign" blocks={['h-10', 'h-96']} title="Campaign" noun="campaign" />;
  }

  const campaign = query.data;
  async function reload() {
    await query.refetch();
    setStale(false);
    setConflict(null);
    setGeneration((g) => g + 1);
  }

  const cloneIt = () => cloneCampaignWithToast(() => clone.mutateAsync(campaign.id), (copyId) => navigate(campaignHref(copyId)), { openNow: true });

  return (
    <div className="grid gap-5">
      <CampaignHeader
        back={back}
        name={campaign.name}
        status={<CampaignStatusBadge status={campaign.status} />}
        facts={
          <>
            <span>{campaign.audienceName ? `To ${campaign.audienceName}` : 'No audience yet'}</span>
            {campaign.followUp && <span>Follow-up: {campaign.followUp === 'failed' ? 'resend to failed' : 'non-openers'}</span>}
            {campaign.createdByName && <span>Created by {campaign.createdByName}</span>}
          </>
        }
        actions={
          <>
            <CloneCampaignButton pending={clone.isPending} onClick={() => void cloneIt()} />
            {campaign.status === 'draft' && <DeleteCampaignButton label="Delete draft" onClick={() => setDeleting(true)} />}
          </>
        }
      />
      {stale && <StaleWriteBanner noun="campaign" onReload={() => void reload()} />}
      {conflict && !stale && (
        <RefusalBanner testId="schedule-refused" onDismiss={() => setConflict(null)}>
          <div>
            <p className="font-semibold">The campaign was not scheduled</p>
            <p className="mt-0.5">{conflict.message}</p>
          </div>
          {conflict.items.length > 0 && <PreflightList items={conflict.items} />}
        </RefusalBanner>
      )}
      {campaign.status === 'draft' ? (
        <CampaignBuilder key={generation} campaign={campaign} onStale={() => setStale(true)} onConflict={setConflict} />
      ) : (
        <CampaignMonitor campaign={campaign} />
      )}
      <DeleteCampaignDialog
        open={deleting}
        onOpenChange={setDeleting}
        name={campaign.name}
        description="The draft and its content go. Nothing has been sent from it."
        confirmLabel="Delete draft"
        deletedMessage={`Campaign “${campaign.name}” deleted.`}
        remove={() => remove.mutateAsync(campaign.id)}
        onDeleted={() => navigate(CAMPAIGNS_ROUTE)}
      />
    </div>
  );
}
