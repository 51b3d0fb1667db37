// The campaigns list: every email campaign with its status, audience, sends and rates, filtered
// by status and searched by name; create one (C), and per row open, clone or delete a draft.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { Copy, Mail, Trash2 } from 'lucide-react';
import { CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, type CampaignSummary } from '@shared/contracts/email';
import { RowAction, actionsColumn, unsortable } from '@/components/ui/data-table/row-actions';
import { DeleteCampaignDialog, cloneCampaignWithToast } from '@/features/campaigns-shared/campaign-actions';
import { CampaignsListPage, campaignNameColumn, useCampaignListFilter } from '@/features/campaigns-shared/campaigns-list';
import { CAMPAIGNS_ROUTE, campaignHref, useCampaigns, useCloneCampaign, useDeleteCampaign } from '@/features/email/campaigns-api';
import { CampaignStatusBadge, formatNumber, formatRate, rateBase } from '@/features/email/campaign-status';
import { CreateCampaignDialog } from '@/features/email/create-campaign-dialog';
import { RelativeTime } from '@/features/records/when-column';
import { useHotkeys } from '@/lib/hotkeys';

/** The moment that matters for the row: when it finished, started, is scheduled, or was created. */
function keyMoment(c: CampaignSummary): { label: string; at: string } {
  if (c.finishedAt) return { label: 'Finished', at: c.finishedAt };
  if (c.startedAt) return { label: 'Started', at: c.startedAt };
  if (c.scheduledAt) return { label: 'Scheduled', at: c.scheduledAt };
  return { label: 'Created', at: c.createdAt };
}

export function CampaignsIndex() {
  const [, navigate] = useLocation();
  const filter = useCampaignListFilter(CAMPAIGN_STATUSES);
  const campaigns = useCampaigns(filter.status, filter.debouncedQ);
  const clone = useCloneCampaign();
  const remove = useDeleteCampaign();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CampaignSummary | null>(null);
  useHotkeys([{ combo: 'c', handler: () => setCreating(true) }]);

  const rows = useMemo(() => campaigns.data?.pages.flatMap((p) => p.items) ?? [], [campaigns.data]);

  const cloneCampaign = (c: CampaignSummary) => cloneCampaignWithToast(() => clone.mutateAsync(c.id), (id) => navigate(campaignHref(id)));

  const columns = useMemo<ColumnDef<CampaignSummary, unknown>[]>(
    () =>
      unsortable<CampaignSummary>([
        campaignNameColumn<CampaignSummary>(campaignHref, 280),
        { id: 'status', header: 'Status', size: 120, cell: ({ row }) => <CampaignStatusBadge status={row.original.status} /> },
        { id: 'audience', header: 'Audience', size: 200, cell: ({ row }) => row.original.audienceName ?? <span className="text-muted-foreground">—</span> },
        { id: 'sent', header: 'Sent', size: 80, meta: { mono: true, align: 'right' }, cell: ({ row }) => (row.original.counts.sent ? formatNumber(row.original.counts.sent) : '—') },
        {
          id: 'openRate',
          header: 'Opens',
          size: 80,
          meta: { mono: true, align: 'right', label: 'Open rate' },
          cell: ({ row }) => formatRate(row.original.counts.opened, rateBase(row.original.counts)),
        },
        {
          id: 'clickRate',
          header: 'Clicks',
          size: 80,
          meta: { mono: true, align: 'right', label: 'Click rate' },
          cell: ({ row }) => formatRate(row.original.counts.clicked, rateBase(row.original.counts)),
        },
        {
          id: 'when',
          header: 'When',
          size: 188,
          cell: ({ row }) => {
            const moment = keyMoment(row.original);
            return (
              <span className="text-muted-foreground">
                {moment.label} <RelativeTime iso={moment.at} />
              </span>
            );
          },
        },
        // The row itself opens the campaign (click, Enter); its actions are the two that do something else.
        actionsColumn(92, (c) => (
          <>
            <RowAction label={`Clone ${c.name}`} icon={<Copy aria-hidden="true" />} onClick={() => void cloneCampaign(c)} />
            {c.status === 'draft' && <RowAction label={`Delete ${c.name}`} icon={<Trash2 aria-hidden="true" />} tone="danger" onClick={() => setDeleting(c)} />}
          </>
        )),
      ]),
    // cloneCampaign reads only stable hooks.
    [navigate],
  );

  return (
    <CampaignsListPage
      title="Campaigns"
      description="Email campaigns: build, check, schedule and follow what they did."
      createLabel="New campaign"
      onCreate={() => setCreating(true)}
      route={CAMPAIGNS_ROUTE}
      statuses={CAMPAIGN_STATUSES}
      statusLabels={CAMPAIGN_STATUS_LABELS}
      filter={filter}
      tableId="email-campaigns"
      label="Campaigns"
      itemName="campaigns"
      searchLabel="Search campaigns"
      columns={columns}
      rows={rows}
      query={campaigns}
      paging={{ hasMore: campaigns.hasNextPage, onLoadMore: () => void campaigns.fetchNextPage(), loadingMore: campaigns.isFetchingNextPage }}
      onRowOpen={(c) => navigate(campaignHref(c.id))}
      noMatchTitle="No campaign matches"
      emptyIcon={<Mail />}
      emptyTitle="No campaigns yet"
      emptyDescription="Build an email, check it with pre-flight and send it to a segment, list or domain set."
    >
      <CreateCampaignDialog open={creating} onOpenChange={setCreating} onCreated={(id) => navigate(campaignHref(id))} />
      <DeleteCampaignDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        name={deleting?.name ?? ''}
        description="The draft and its content go. Nothing has been sent from it."
        confirmLabel="Delete draft"
        deletedMessage={`Campaign “${deleting?.name ?? ''}” deleted.`}
        remove={deleting ? () => remove.mutateAsync(deleting.id) : null}
      />
    </CampaignsListPage>
  );
}
