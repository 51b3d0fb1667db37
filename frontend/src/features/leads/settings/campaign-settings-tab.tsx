// Lead QA settings → QA settings: choose a call or email campaign (kept in the address as
// `?campaign=`), then edit its client, checklist, criteria and auto-delivery. Managers edit;
// quality analysts read.
import { useSearchParams } from 'wouter';
import { ClipboardList } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Combobox } from '@/components/ui/combobox';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { CampaignSettingsForm } from './campaign-settings-form';
import { useCampaignOptions, useCampaignSettings } from './settings-api';

const KIND_LABELS = { call: 'Call', email: 'Email' } as const;

export function CampaignSettingsTab({ canConfigure }: { canConfigure: boolean }) {
  const [params, setParams] = useSearchParams();
  const campaigns = useCampaignOptions();
  const chosenId = params.get('campaign');
  const campaign = campaigns.data?.find((c) => c.id === chosenId) ?? null;
  const settings = useCampaignSettings(campaign?.id ?? null, campaign?.kind ?? 'call');

  const choose = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('campaign', id);
        else next.delete('campaign');
        return next;
      },
      { replace: true },
    );

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid w-full max-w-md gap-1.5">
          <Label htmlFor="qa-campaign">Campaign</Label>
          <Combobox
            id="qa-campaign"
            value={campaign?.id ?? null}
            onChange={choose}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name, detail: `${KIND_LABELS[c.kind]} · ${c.status}` }))}
            placeholder={campaigns.isLoading ? 'Loading campaigns…' : 'Choose a campaign'}
            searchPlaceholder="Search campaigns"
            emptyText="No campaign by that name."
            disabled={!campaigns.isSuccess}
          />
        </div>
        {campaign && (
          <div className="flex items-center gap-2 pb-2">
            <Badge variant={campaign.kind === 'call' ? 'info' : 'accent'}>{KIND_LABELS[campaign.kind]} campaign</Badge>
            {settings.data && !settings.data.saved && <Badge variant="neutral">Not set up yet</Badge>}
          </div>
        )}
      </div>

      {campaigns.isError ? (
        <ErrorState compact title="The campaigns could not be loaded" description={describeError(campaigns.error)} onRetry={() => void campaigns.refetch()} />
      ) : !campaigns.isEnabled ? (
        <EmptyState
          icon={<ClipboardList />}
          title="Campaign settings are kept by campaign managers"
          description="Each lead's review page shows its campaign's checklist and criteria."
        />
      ) : !campaign ? (
        <EmptyState
          icon={<ClipboardList />}
          title={chosenId && campaigns.isSuccess ? 'That campaign is not on the list' : 'Choose a campaign'}
          description={
            campaigns.isSuccess && campaigns.data.length === 0
              ? 'There are no call or email campaigns yet. Create one first; its leads are reviewed against the settings made here.'
              : 'Each campaign has its own client, checklist and account criteria; its leads are reviewed against them.'
          }
        />
      ) : settings.isLoading ? (
        <div className="grid gap-4" aria-busy="true" aria-label="Loading QA settings">
          <Skeleton className="h-28" />
          <Skeleton className="h-52" />
          <Skeleton className="h-40" />
        </div>
      ) : settings.isError ? (
        <ErrorState compact title="The QA settings could not be loaded" description={describeError(settings.error)} onRetry={() => void settings.refetch()} />
      ) : settings.data ? (
        <CampaignSettingsForm key={campaign.id} campaign={campaign} settings={settings.data.settings} readOnly={!canConfigure} />
      ) : null}
    </div>
  );
}
