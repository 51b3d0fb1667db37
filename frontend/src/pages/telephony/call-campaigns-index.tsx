// The call campaigns list: status, agents, contacts queued, calls made, when it last changed;
// filtered by status and searched by name; create one (C), open one (click or Enter).
import { useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { Copy, PhoneOutgoing, Search } from 'lucide-react';
import { CALL_CAMPAIGN_STATUSES, type CallCampaignStatus, type CallCampaignSummary } from '@shared/contracts/telephony';
import { CreateButton } from '@/components/ui/create-button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { RowAction, actionsColumn, unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { CALL_CAMPAIGNS_ROUTE, callCampaignHref, useCallCampaigns, useCloneCallCampaign } from '@/features/telephony/campaigns-api';
import { CALL_CAMPAIGN_STATUS_LABELS, CallCampaignStatusBadge } from '@/features/telephony/call-campaign-status';
import { CreateCallCampaignDialog } from '@/features/telephony/create-call-campaign-dialog';
import { RelativeTime } from '@/features/records/when-column';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { useDebounced } from '@/lib/use-debounced';

const isStatus = (value: string | null): value is CallCampaignStatus => value !== null && (CALL_CAMPAIGN_STATUSES as readonly string[]).includes(value);
const nf = (n: number) => n.toLocaleString('en-US');

export function CallCampaignsIndex() {
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const statusParam = search.get('status');
  const status = isStatus(statusParam) ? statusParam : null;
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 250);
  const campaigns = useCallCampaigns(status, debouncedQ);
  const clone = useCloneCallCampaign();
  const [creating, setCreating] = useState(false);
  useHotkeys([{ combo: 'c', handler: () => setCreating(true) }]);

  const columns = useMemo<ColumnDef<CallCampaignSummary, unknown>[]>(() => {
    async function cloneIt(c: CallCampaignSummary) {
      try {
        const copy = await clone.mutateAsync(c.id);
        toast.success(`Cloned as “${copy.name}”.`, { action: { label: 'Open', onClick: () => navigate(callCampaignHref(copy.id)) } });
      } catch (error) {
        toast.error('The campaign could not be cloned', { description: describeError(error) });
      }
    }
    return unsortable<CallCampaignSummary>([
      {
        id: 'name',
        header: 'Name',
        size: 300,
        meta: { locked: true },
        cell: ({ row }) => (
          <Link href={callCampaignHref(row.original.id)} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="truncate font-medium hover:underline">
            {row.original.name}
          </Link>
        ),
      },
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

  const filtered = status !== null || debouncedQ !== '';
  const table = (
    <DataTable
      tableId="call-campaigns"
      label="Call campaigns"
      itemName="call campaigns"
      columns={columns}
      rows={campaigns.data ?? []}
      getRowId={(c) => c.id}
      loading={campaigns.isLoading}
      error={campaigns.isError ? describeError(campaigns.error) : null}
      onRetry={() => void campaigns.refetch()}
      onRowOpen={(c) => navigate(callCampaignHref(c.id))}
      defaultDensity="compact"
      height="max(360px, calc(100dvh - 19rem))"
      toolbar={
        <div className="relative w-64 max-w-full">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input type="search" aria-label="Search call campaigns" placeholder="Search campaigns…" value={q} onChange={(e) => setQ(e.target.value)} className="h-8 pl-8" />
        </div>
      }
      empty={
        filtered ? (
          <EmptyState compact title="No call campaign matches" description="Try another status or search." />
        ) : (
          <EmptyState
            icon={<PhoneOutgoing />}
            title="No call campaigns yet"
            description="Choose who to call, write the script, build the qualification form, pick dispositions and agents, then activate it."
            action={<CreateButton size="sm" label="New call campaign" onClick={() => setCreating(true)} />}
          />
        )
      }
    />
  );

  return (
    <>
      <HeaderActionBar
        title="Call campaigns"
        description="Telemarketing campaigns: audience, script, qualification form, dispositions and the agents who call."
        actions={<CreateButton label="New call campaign" shortcut="C" onClick={() => setCreating(true)} />}
      />
      <Tabs value={status ?? 'all'} onValueChange={(v) => navigate(v === 'all' ? CALL_CAMPAIGNS_ROUTE : `${CALL_CAMPAIGNS_ROUTE}?status=${v}`, { replace: true })}>
        <TabsList aria-label="Campaign status">
          <TabsTrigger value="all">All</TabsTrigger>
          {CALL_CAMPAIGN_STATUSES.map((s) => (
            <TabsTrigger key={s} value={s}>
              {CALL_CAMPAIGN_STATUS_LABELS[s]}
            </TabsTrigger>
          ))}
        </TabsList>
        {['all', ...CALL_CAMPAIGN_STATUSES].map((value) => (
          <TabsContent key={value} value={value} className="pt-3">
            {value === (status ?? 'all') && table}
          </TabsContent>
        ))}
      </Tabs>
      <CreateCallCampaignDialog open={creating} onOpenChange={setCreating} onCreated={(id) => navigate(callCampaignHref(id))} />
    </>
  );
}
