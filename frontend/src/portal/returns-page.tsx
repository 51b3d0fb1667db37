// My returns at /portal/returns: every lead sent back, why and when, and — once found — the
// lead that replaced it.
import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Undo2 } from 'lucide-react';
import type { PortalLead } from '@shared/contracts/portal-leads';
import { DataTable } from '@/components/ui/data-table/data-table';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { describeError } from '@/lib/api';
import { PortalLeadStateBadge, formatCount, formatTime } from './order-badges';
import { useAllOrders, usePortalLeads } from './portal-api';
import { portalLeadName } from './return-lead-dialog';

function returnColumns(byId: Map<string, PortalLead>): ColumnDef<PortalLead, unknown>[] {
  return unsortable<PortalLead>([
    {
      id: 'contact',
      header: 'Lead',
      size: 200,
      meta: { locked: true },
      cell: ({ row }) => (
        <div className="grid min-w-0 leading-tight">
          <span className="truncate font-medium">{portalLeadName(row.original)}</span>
          <span className="truncate text-xs text-muted-foreground">{row.original.fields.company ?? row.original.fields.email ?? '—'}</span>
        </div>
      ),
    },
    { id: 'order', header: 'Order', size: 100, meta: { mono: true }, cell: ({ row }) => row.original.orderReference },
    { id: 'returned', header: 'Returned', size: 160, cell: ({ row }) => <span className="text-xs">{formatTime(row.original.returnedAt)}</span> },
    {
      id: 'reason',
      header: 'Reason',
      size: 260,
      cell: ({ row }) => (
        <div className="grid min-w-0 leading-tight">
          <span className="truncate">{row.original.returnReason?.label ?? '—'}</span>
          {row.original.returnReason?.note && <span className="truncate text-xs text-muted-foreground">{row.original.returnReason.note}</span>}
        </div>
      ),
    },
    { id: 'state', header: 'State', size: 150, cell: ({ row }) => <PortalLeadStateBadge state={row.original.state} /> },
    {
      id: 'replacedBy',
      header: 'Replaced by',
      size: 200,
      cell: ({ row }) => {
        const id = row.original.replacedById;
        if (!id) return <span className="text-xs text-muted-foreground">Replacement in progress</span>;
        const replacement = byId.get(id);
        return replacement ? <span className="truncate">{portalLeadName(replacement)}</span> : <span className="font-mono text-xs">{id.slice(0, 8)}</span>;
      },
    },
  ]);
}

export default function ReturnsPage() {
  const orders = useAllOrders();
  const orderIds = useMemo(() => (orders.data?.items ?? []).filter((o) => o.counts.returned > 0 || o.counts.replaced > 0).map((o) => o.id), [orders.data]);
  const leads = usePortalLeads(orderIds, {});
  const byId = useMemo(() => new Map(leads.rows.map((l) => [l.id, l])), [leads.rows]);
  const returned = useMemo(
    () => leads.rows.filter((l) => l.state !== 'published').sort((a, b) => (b.returnedAt ?? '').localeCompare(a.returnedAt ?? '')),
    [leads.rows],
  );
  const columns = useMemo(() => returnColumns(byId), [byId]);
  const replaced = returned.filter((l) => l.state === 'replaced').length;
  return (
    <>
      <HeaderActionBar
        title="Returns"
        description={
          returned.length > 0
            ? `${formatCount(returned.length)} returned, ${formatCount(replaced)} replaced so far. Each return reopens one unit of its order.`
            : 'Leads you sent back, why, and the leads that replaced them.'
        }
      />
      <div data-testid="portal-returns">
        <DataTable
          tableId="portal-returns"
          label="Returned leads"
          itemName="returns"
          columns={columns}
          rows={returned}
          getRowId={(l) => l.id}
          loading={orders.isLoading || leads.isLoading}
          error={orders.isError ? describeError(orders.error) : leads.isError ? describeError(leads.error) : null}
          onRetry={() => void (orders.isError ? orders.refetch() : leads.refetch())}
          defaultDensity="compact"
          height="max(360px, calc(100dvh - 15rem))"
          empty={<EmptyState icon={<Undo2 />} title="No returns" description="Leads you return from the Leads page or an order appear here with their replacements." />}
        />
      </div>
    </>
  );
}
