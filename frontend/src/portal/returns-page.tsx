// My returns at /portal/returns: every lead sent back across my orders, why and when (newest or
// oldest return first, a page at a time as the table scrolls), and — once found — the lead that
// replaced it.
import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { Undo2 } from 'lucide-react';
import type { PortalLead, PortalLeadState } from '@shared/contracts/portal-leads';
import { DataTable, type SortState } from '@/components/ui/data-table/data-table';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { pagedTable } from '@/lib/paged-table';
import { PortalLeadStateBadge, formatCount, formatTime } from './order-badges';
import { usePortalLead, usePortalLeads, usePortalLeadTotal } from './portal-api';
import { portalLeadName } from './return-lead-dialog';

const RETURNED: PortalLeadState[] = ['returned', 'replaced'];

/** The lead that replaced a returned one, by name once loaded (only the rows on screen ask). */
function Replacement({ id }: { id: string | null }) {
  const replacement = usePortalLead(id);
  if (!id) return <span className="text-xs text-muted-foreground">Replacement in progress</span>;
  if (replacement.data) return <span className="truncate">{portalLeadName(replacement.data)}</span>;
  return <span className="font-mono text-xs">{id.slice(0, 8)}</span>;
}

function returnColumns(): ColumnDef<PortalLead, unknown>[] {
  const columns = unsortable<PortalLead>([
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
      cell: ({ row }) => <Replacement id={row.original.replacedById} />,
    },
  ]);
  // The server sorts by return date.
  return columns.map((column) => (column.id === 'returned' ? { ...column, enableSorting: true } : column));
}

/** The table's sort (the Returned column) in the address as `sort=oldest|newest`; none: newest first. */
const sortOf = (param: string | null): SortState | null => (param === 'oldest' ? { id: 'returned', desc: false } : param === 'newest' ? { id: 'returned', desc: true } : null);

export default function ReturnsPage() {
  const [params, setParams] = useSearchParams();
  const sort = sortOf(params.get('sort'));
  const leads = usePortalLeads({ state: RETURNED, sort: sort && !sort.desc ? 'returned_at' : '-returned_at' });
  const replaced = usePortalLeadTotal({ state: ['replaced'] });
  const columns = useMemo(() => returnColumns(), []);
  const returned = leads.total ?? 0;
  return (
    <>
      <HeaderActionBar
        title="Returns"
        description={
          returned > 0 && replaced.data !== undefined
            ? `${formatCount(returned)} returned, ${formatCount(replaced.data)} replaced so far. Each return reopens one unit of its order.`
            : 'Leads you sent back, why, and the leads that replaced them.'
        }
      />
      <div data-testid="portal-returns">
        <DataTable
          tableId="portal-returns"
          label="Returned leads"
          itemName="returns"
          columns={columns}
          rows={leads.rows}
          getRowId={(l) => l.id}
          total={leads.total}
          sort={sort}
          onSortChange={(next) =>
            setParams(
              (prev) => {
                const query = new URLSearchParams(prev);
                if (next) query.set('sort', next.desc ? 'newest' : 'oldest');
                else query.delete('sort');
                return query;
              },
              { replace: true },
            )
          }
          {...pagedTable(leads)}
          defaultDensity="compact"
          height="max(360px, calc(100dvh - 15rem))"
          empty={<EmptyState icon={<Undo2 />} title="No returns" description="Leads you return from the Leads page or an order appear here with their replacements." />}
        />
      </div>
    </>
  );
}
