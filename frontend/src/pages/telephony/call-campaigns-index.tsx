// The call campaigns list: status, agents, contacts queued, calls made, when it last changed;
// filtered by status and searched by name; create one (C), open one (click or Enter).
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { Copy, PhoneOutgoing } from 'lucide-react';
import { CALL_CAMPAIGN_STATUSES, type CallCampaignSummary } from '@shared/contracts/telephony';
import { RowAction, actionsColumn, unsortable } from '@/components/ui/data-table/row-actions';
import { cloneCampaignWithToast } from '@/features/campaigns-shared/campaign-actions';
import { CampaignsListPage, campaignNameColumn, useCampaignListFilter } from '@/features/campaigns-shared/campaigns-list';
import { CALL_CAMPAIGNS_ROUTE, callCampaignHref, useCallCampaigns, useCloneCallCampaign } from '@/features/telephony/campaigns-api';
import { CALL_CAMPAIGN_STATUS_LABELS, CallCampaignStatusBadge } from '@/features/telephony/call-campaign-status';
import { CreateCallCampaignDialog } from '@/features/telephony/create-call-campaign-dialog';
import { RelativeTime } from '@/features/records/when-column';
import { useHotkeys } from '@/lib/hotkeys';

const nf = (n: number) => n.toLocaleString('en-US');

export function CallCampaignsIndex() {
  const [, navigate] = useLocation();
  const filter = useCampaignListFilter(CALL_CAMPAIGN_STATUSES);
  const campaigns = useCallCampaigns(filter.status, filter.debouncedQ);
  const clone = useCloneCallCampaign();
  const [creating, setCreating] = useState(false);
  useHotkeys([{ combo: 'c', handler: () => setCreating(true) }]);

  const columns = useMemo<ColumnDef<CallCampaignSummary, unknown>[]>(() => {
    const cloneIt = (c: CallCampaignSummary) => cloneCampaignWithToast(() => clone.mutateAsync(c.id), (id) => navigate(callCampaignHref(id)));
    return unsortable<CallCampaignSummary>([
      campaignNameColumn<CallCampaignSummary>(callCampaignHref, 300, 'truncate font-medium hover:underline'),
      { id: 'status', header: 'Status', size: 120, cell: ({ row }) => <CallCampaignStatusBadge status={row.original.status} /> },
      { id: 'agents', header: 'Agents', size: 90, meta: { mono: true, align: 'right' }, cell: ({ row }) => nf(row.original.agents) },
      { id: 'queued', header: 'Queued', size: 90, meta: { mono: true, align: 'right' }, cell: ({ row }) => nf(row.original.queued) },
      { id: 'calls', header: 'Calls', size: 90, meta: { mono: true, align: 'right' }, cell: ({ row }) => nf(row.original.calls) },
      {
        id: 'updated',
        header: 'Changed',
        size: 160,
        cell: ({ row }) => (
          <span className="text-muted-foreground">
            <RelativeTime iso={row.original.updatedAt} />
          </span>
        ),
      },
      actionsColumn(56, (c) => <RowAction label={`Clone ${c.name}`} icon={<Copy aria-hidden="true" />} onClick={() => void cloneIt(c)} />),
    ]);
  }, [navigate, clone]);

  return (
    <CampaignsListPage
      title="Call campaigns"
      description="Telemarketing campaigns: audience, script, qualification form, dispositions and the agents who call."
      createLabel="New call campaign"
      onCreate={() => setCreating(true)}
      route={CALL_CAMPAIGNS_ROUTE}
      statuses={CALL_CAMPAIGN_STATUSES}
      statusLabels={CALL_CAMPAIGN_STATUS_LABELS}
      filter={filter}
      tableId="call-campaigns"
      label="Call campaigns"
      itemName="call campaigns"
      searchLabel="Search call campaigns"
      columns={columns}
      rows={campaigns.data ?? []}
      query={campaigns}
      onRowOpen={(c) => navigate(callCampaignHref(c.id))}
      noMatchTitle="No call campaign matches"
      emptyIcon={<PhoneOutgoing />}
      emptyTitle="No call campaigns yet"
      emptyDescription="Choose who to call, write the script, build the qualification form, pick dispositions and agents, then activate it."
    >
      <CreateCallCampaignDialog open={creating} onOpenChange={setCreating} onCreated={(id) => navigate(callCampaignHref(id))} />
    </CampaignsListPage>
  );
}
