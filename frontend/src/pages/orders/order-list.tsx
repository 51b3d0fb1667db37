// The staff order list at /orders: every client organisation's orders, filtered by state,
// organisation and a search (in the address, so a view can be shared), the live orders' pace
// above it, and "New order" on a client's behalf for those who manage orders. `/` searches,
// `n` makes an order, j focuses the list, Enter opens.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { pickParam, useAddressParams } from '@/lib/use-address-params';
import { ClipboardList } from 'lucide-react';
import { ORDER_STATES, ORDER_STATE_LABELS, type OrderSummary } from '@shared/contracts/portal';
import { Combobox } from '@/components/ui/combobox';
import { CreateButton } from '@/components/ui/create-button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SearchBox } from '@/features/records/list-controls';
import { NewOrderDialog } from '@/features/orders/new-order-dialog';
import { orderColumns } from '@/features/orders/order-columns';
import { useClientOrganisations, useOrders, type OrderFilters } from '@/features/orders/orders-api';
import { PacingOverviewCard } from '@/features/orders/pacing-overview';
import { useCan } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { pagedTable } from '@/lib/paged-table';

const ALL = 'all';
const TABLE_HEIGHT = 'max(360px, calc(100dvh - 26rem))';
const STATE_OPTIONS = [{ value: ALL, label: 'All states' }, ...labelledOptions(ORDER_STATES, ORDER_STATE_LABELS)];

function useListAddress() {
  const { params, set } = useAddressParams();
  const filters: OrderFilters = {
    state: pickParam(params.get('state'), ORDER_STATES),
    orgId: params.get('org') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  return { filters, set };
}

export function OrderList() {
  const { filters, set } = useListAddress();
  const orders = useOrders(filters);
  const clients = useClientOrganisations();
  const canManage = useCan('orders.manage');
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const columns = useMemo(() => orderColumns(), []);
  const open = useCallback((order: OrderSummary) => navigate(`/orders/${order.id}`), [navigate]);

  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'n', handler: () => canManage && setCreating(true) },
    { combo: 'j', handler: () => document.querySelector<HTMLElement>('[data-testid="order-list"] [role="grid"]')?.focus() },
  ]);

  const filtered = filters.state !== undefined || filters.orgId !== undefined || (filters.q ?? '') !== '';
  return (
    <>
      <HeaderActionBar
        title="Orders"
        description="What clients have ordered, from intake and review to delivery against the pace of each order."
        actions={canManage ? <CreateButton label="New order" onClick={() => setCreating(true)} shortcut="N" /> : undefined}
      />
      <div className="mb-4">
        <PacingOverviewCard />
      </div>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <div className="w-64">
          <SearchBox ref={searchRef} value={filters.q ?? ''} onChange={(q) => set({ q: q || undefined })} placeholder="Search reference, name, client" label="Search orders" />
        </div>
        <OptionSelect value={filters.state ?? ALL} onValueChange={(v) => set({ state: v === ALL ? undefined : v })} options={STATE_OPTIONS} className="h-9 w-36" aria-label="State" />
        <div className="w-56">
          <Combobox
            options={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={filters.orgId ?? null}
            onChange={(v) => set({ org: v ?? undefined })}
            placeholder="All clients"
            searchPlaceholder="Search clients"
            emptyText="No client by that name."
            aria-label="Client"
          />
        </div>
      </div>
      <div data-testid="order-list">
        <DataTable
          tableId="orders"
          label="Orders"
          itemName={orders.hasNextPage ? 'orders loaded' : 'orders'}
          columns={columns}
          rows={orders.rows}
          getRowId={(order) => order.id}
          {...pagedTable(orders)}
          onRowOpen={open}
          openOnRowClick
          height={TABLE_HEIGHT}
          defaultDensity="compact"
          empty={
            filtered ? (
              <EmptyState compact title="No order matches" description="Try another search or clear the filters." />
            ) : (
              <EmptyState
                icon={<ClipboardList />}
                title="No orders yet"
                description="Orders arrive here as clients send them from the portal, or as you make them on a client’s behalf."
                action={canManage ? <CreateButton size="sm" label="New order" onClick={() => setCreating(true)} /> : undefined}
              />
            )
          }
        />
      </div>
      <NewOrderDialog open={creating} onOpenChange={setCreating} onCreated={(order) => navigate(`/orders/${order.id}`)} />
    </>
  );
}
