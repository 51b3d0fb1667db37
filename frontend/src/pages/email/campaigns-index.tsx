// The campaigns list: every email campaign with its status, audience, sends and rates, filtered
// by status and searched by name; create one (C), and per row open, clone or delete a draft.
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { Copy, Mail, Search, Trash2 } from 'lucide-react';
import { CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, type CampaignStatus, type CampaignSummary } from '@shared/contracts/email';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CreateButton } from '@/components/ui/create-button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { RowAction, actionsColumn, unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { CAMPAIGNS_ROUTE, campaignHref, useCampaigns, useCloneCampaign, useDeleteCampaign } from '@/features/email/campaigns-api';
import { CampaignStatusBadge, formatNumber, formatRate, rateBase } from '@/features/email/campaign-status';
import { CreateCampaignDialog } from '@/features/email/create-campaign-dialog';
import { RelativeTime } from '@/features/records/when-column';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { useDebounced } from '@/lib/use-debounced';

const isStatus = (value: string | null): value is CampaignStatus => value !== null && (CAMPAIGN_STATUSES as readonly string[]).includes(value);

/** The moment that matters for the row: when it finished, started, is scheduled, or was created. */
function keyMoment(c: CampaignSummary): { label: string; at: string } {
  if (c.finishedAt) return { label: 'Finished', at: c.finishedAt };
  if (c.startedAt) return { label: 'Started', at: c.startedAt };
  if (c.scheduledAt) return { label: 'Scheduled', at: c.scheduledAt };
  return { label: 'Created', at: c.createdAt };
}

export function CampaignsIndex() {
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const statusParam = search.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 250);
  const campaigns = useCampaigns(status, debouncedQ);
  const clone = useCloneCampaign();
  const remove = useDeleteCampaign();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CampaignSummary | null>(null);
  useHotkeys([{ combo: 'c', handler: () => setCreating(true) }]);

  const rows = useMemo(() => campaigns.data?.pages.flatMap((p) => p.items) ?? [], [campaigns.data]);

  async function cloneCampaign(c: CampaignSummary) {
    try {
      const copy = await clone.mutateAsync(c.id);
      toast.success(`Cloned as “${copy.name}”.`, { action: { label: 'Open', onClick: () => navigate(campaignHref(copy.id)) } });
    } catch (error) {
      toast.error('The campaign could not be cloned', { description: describeError(error) });
    }
  }

  const columns = useMemo<ColumnDef<CampaignSummary, unknown>[]>(
    () =>
      unsortable<CampaignSummary>([
        {
          id: 'name',
          header: 'Name',
          size: 280,
          meta: { locked: true },
          cell: ({ row }) => (
            <Link href={campaignHref(row.original.id)} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="font-medium hover:underline">
              {row.original.name}
            </Link>
          ),
        },
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

  const filtered = status !== null || debouncedQ !== '';
  const table = (
      <DataTable
      tableId="email-campaigns"
      label="Campaigns"
      itemName="campaigns"
      columns={columns}
      rows={rows}
      getRowId={(c) => c.id}
      loading={campaigns.isLoading}
      error={campaigns.isError ? describeError(campaigns.error) : null}
      onRetry={() => void campaigns.refetch()}
      hasMore={campaigns.hasNextPage}
      onLoadMore={() => void campaigns.fetchNextPage()}
      loadingMore={campaigns.isFetchingNextPage}
      onRowOpen={(c) => navigate(campaignHref(c.id))}
      defaultDensity="compact"
      height="max(360px, calc(100dvh - 19rem))"
      toolbar={
        <div className="relative w-64 max-w-full">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input type="search" aria-label="Search campaigns" placeholder="Search campaigns…" value={q} onChange={(e) => setQ(e.target.value)} className="h-8 pl-8" />
        </div>
      }
      empty={
        filtered ? (
          <EmptyState compact title="No campaign matches" description="Try another status or search." />
        ) : (
          <EmptyState
            icon={<Mail />}
            title="No campaigns yet"
            description="Build an email, check it with pre-flight and send it to a segment, list or domain set."
            action={<CreateButton size="sm" label="New campaign" onClick={() => setCreating(true)} />}
          />
        )
      }
    />
  );
  return (
    <>
      <HeaderActionBar
        title="Campaigns"
        description="Email campaigns: build, check, schedule and follow what they did."
        actions={<CreateButton label="New campaign" shortcut="C" onClick={() => setCreating(true)} />}
      />
      <Tabs value={status ?? 'all'} onValueChange={(v) => navigate(v === 'all' ? CAMPAIGNS_ROUTE : `${CAMPAIGNS_ROUTE}?status=${v}`, { replace: true })} >
        <TabsList aria-label="Campaign status">
          <TabsTrigger value="all">All</TabsTrigger>
          {CAMPAIGN_STATUSES.map((s) => (
            <TabsTrigger key={s} value={s}>
              {CAMPAIGN_STATUS_LABELS[s]}
            </TabsTrigger>
          ))}
        </TabsList>
        {['all', ...CAMPAIGN_STATUSES].map((value) => (
          <TabsContent key={value} value={value} className="pt-3">
            {value === (status ?? 'all') && table}
          </TabsContent>
        ))}
      </Tabs>
      <CreateCampaignDialog open={creating} onOpenChange={setCreating} onCreated={(id) => navigate(campaignHref(id))} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        destructive
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="The draft and its content go. Nothing has been sent from it."
        confirmLabel="Delete draft"
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await remove.mutateAsync(deleting.id);
            toast.success(`Campaign “${deleting.name}” deleted.`);
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
    </>
  );
}
