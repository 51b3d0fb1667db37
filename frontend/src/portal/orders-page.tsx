// My orders at /portal: each with its state, delivered of ordered as a bar, its pace and window,
// filtered by state and a search (both in the address); Enter or a click opens one, "n" starts a
// new order.
import { useCallback, useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { PackagePlus, Plus } from 'lucide-react';
import { ORDER_CHANNEL_LABELS, ORDER_STATES, ORDER_STATE_LABELS, type OrderState, type OrderSummary } from '@shared/contracts/portal';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SearchBox } from '@/components/ui/search-box';
import { useHotkeys } from '@/lib/hotkeys';
import { pagedTable } from '@/lib/paged-table';
import { DeliveryProgress, OrderStateBadge, PaceBadge, formatCount, formatDay } from './order-badges';
import { useOrders } from './portal-api';

const ALL = 'all';
const STATE_OPTIONS = [{ value: ALL, label: 'All states' }, ...labelledOptions(ORDER_STATES, ORDER_STATE_LABELS)];

function orderColumns(): ColumnDef<OrderSummary, unknown>[] {
  return unsortable<OrderSummary>([
    {
      id: 'order',
      header: 'Order',
      size: 260,
      meta: { locked: true },
      cell: ({ row }) => (
        <div className="grid min-w-0 leading-tight">
          <Link href={`/portal/orders/${row.original.id}`} className="truncate font-medium hover:underline">
            {row.original.name}
          </Link>
          <span className="font-mono text-xs text-muted-foreground">{row.original.reference}</span>
        </div>
      ),
    },
    { id: 'state', header: 'State', size: 120, cell: ({ row }) => <OrderStateBadge state={row.original.state} /> },
    { id: 'channel', header: 'Channel', size: 150, cell: ({ row }) => ORDER_CHANNEL_LABELS[row.original.channel] },
    {
      id: 'delivered',
      header: 'Delivered',
      size: 140,
      cell: ({ row }) => <DeliveryProgress delivered={row.original.counts.delivered} ordered={row.original.counts.ordered} />,
    },
    { id: 'pace', header: 'Pace', size: 110, cell: ({ row }) => <PaceBadge status={row.original.paceStatus} /> },
    {
      id: 'returned',
      header: 'Returned',
      size: 90,
      meta: { align: 'right', mono: true },
      cell: ({ row }) => formatCount(row.original.counts.returned),
    },
    {
      id: 'window',
      header: 'Window',
      size: 200,
      cell: ({ row }) => (
        <span className="text-xs">
          {formatDay(row.original.startsOn)} – {formatDay(row.original.endsOn)}
        </span>
      ),
    },
    { id: 'targets', header: 'Targets', size: 90, meta: { align: 'right', mono: true }, cell: ({ row }) => formatCount(row.original.targetCount) },
  ]);
}

export default function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const [, navigate] = useLocation();
  const stateParam = params.get('state');
  const state = (ORDER_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as OrderState) : undefined;
  const q = params.get('q') ?? '';
  const orders = useOrders({ state, q });
  const columns = useMemo(() => orderColumns(), []);
  // The counts per state come with every page (of the search, whatever the state filter).
  const stateCounts = orders.data?.pages[0]?.counts;
  const stateOptions = STATE_OPTIONS.map((o) => (o.value !== ALL && stateCounts ? { ...o, label: `${o.label} (${formatCount(stateCounts[o.value as OrderState] ?? 0)})` } : o));
  const set = useCallback(
    (key: string, value: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useHotkeys([{ combo: 'n', handler: () => navigate('/portal/orders/new') }]);
  const filtered = state !== undefined || q.trim() !== '';

  return (
    <>
      <HeaderActionBar
        title="Orders"
        description="What you have ordered, how much has been delivered and whether delivery keeps pace with the plan."
        actions={
          <Button asChild>
            <Link href="/portal/orders/new" title="New order (n)">
              <Plus aria-hidden="true" />
              New order
            </Link>
          </Button>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox className="w-64" value={q} onChange={(v) => set('q', v || undefined)} placeholder="Search name or reference" label="Search orders" />
        <OptionSelect value={state ?? ALL} onValueChange={(v) => set('state', v === ALL ? undefined : v)} options={stateOptions} className="h-8 w-44" aria-label="State" />
      </div>
      <DataTable
        tableId="portal-orders"
        label="Orders"
        itemName="orders"
        columns={columns}
        rows={orders.rows}
        getRowId={(o) => o.id}
        {...pagedTable(orders)}
        onRowOpen={(o) => navigate(`/portal/orders/${o.id}`)}
        openOnRowClick
        defaultDensity="compact"
        height="max(360px, calc(100dvh - 16rem))"
        empty={
          filtered ? (
            <EmptyState compact title="No order matches" description="Try another search or state." />
          ) : (
            <EmptyState
              icon={<PackagePlus />}
              title="No orders yet"
              description="Order leads: say who you want, upload your target accounts, and see at once how many we can reach."
              action={
                <Button asChild>
                  <Link href="/portal/orders/new">New order</Link>
                </Button>
              }
            />
          )
        }
      />
    </>
  );
}
