// All my leads at /portal/leads: the leads of every order (or one), filtered by state, delivery
// date and a search, sorted by delivery date (all in the address), a page at a time as the table
// scrolls (GET /api/portal/leads), each returnable within its order's window; one order's leads
// download as CSV.
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'wouter';
import { Download, Inbox } from 'lucide-react';
import { PORTAL_LEAD_STATES, PORTAL_LEAD_STATE_LABELS, type PortalLead, type PortalLeadState } from '@shared/contracts/portal-leads';
import type { SortState } from '@/components/ui/data-table/data-table';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SearchBox } from '@/components/ui/search-box';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { pagedTable } from '@/lib/paged-table';
import { downloadOrderLeads, useAllOrders, usePortalLeads } from './portal-api';
import { portalLeadColumns } from './portal-lead-columns';
import { ReturnLeadDialog } from './return-lead-dialog';

const ALL = 'all';
const STATE_OPTIONS = [{ value: ALL, label: 'All states' }, ...labelledOptions(PORTAL_LEAD_STATES, PORTAL_LEAD_STATE_LABELS)];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day typed in a date field as the start (or the end) of that day in the viewer's zone. */
const dayBound = (day: string | null, end: boolean) => (day && DAY.test(day) ? new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString() : undefined);

/** The table's sort (the Delivered column) in the address as `sort=oldest|newest`; none: newest first. */
const SORTS = { oldest: { id: 'delivered', desc: false }, newest: { id: 'delivered', desc: true } } as const;
const sortOf = (param: string | null): SortState | null => (param === 'oldest' || param === 'newest' ? SORTS[param] : null);

export default function LeadsPage() {
  const [params, setParams] = useSearchParams();
  const orders = useAllOrders();
  const orderParam = params.get('order');
  const stateParam = params.get('state');
  const state = (PORTAL_LEAD_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as PortalLeadState) : undefined;
  const q = params.get('q') ?? '';
  const fromDay = params.get('from');
  const toDay = params.get('to');
  const orderList = orders.data?.items ?? [];
  const sort = sortOf(params.get('sort'));
  const leads = usePortalLeads({
    orderId: orderParam ?? undefined,
    state,
    q,
    from: dayBound(fromDay, false),
    to: dayBound(toDay, true),
    sort: sort && !sort.desc ? 'published_at' : '-published_at',
  });
  const [returning, setReturning] = useState<PortalLead | null>(null);
  const columns = useMemo(() => portalLeadColumns({ onReturn: setReturning, showOrder: true, sortable: ['delivered'] }), []);
  const [downloading, setDownloading] = useState(false);

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

  const chosen = orderList.find((o) => o.id === orderParam);
  async function download() {
    if (!chosen) return;
    setDownloading(true);
    try {
      await downloadOrderLeads(chosen.id, chosen.reference);
    } catch (error) {
      toast.error('The leads could not be downloaded', { description: describeError(error) });
    } finally {
      setDownloading(false);
    }
  }

  const orderOptions = [{ value: ALL, label: 'All orders' }, ...orderList.map((o) => ({ value: o.id, label: `${o.reference} · ${o.name}` }))];
  const filtered = !!orderParam || state !== undefined || q.trim() !== '' || !!fromDay || !!toDay;
  return (
    <>
      <HeaderActionBar
        title="Leads"
        description="Every lead delivered to your orders. Return one within its order's return window and we replace it."
        actions={
          <Button variant="outline" onClick={() => void download()} disabled={!chosen} loading={downloading} title={chosen ? undefined : 'Choose an order to download its leads'}>
            <Download aria-hidden="true" />
            {chosen ? `Download ${chosen.reference} CSV` : 'Download CSV'}
          </Button>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox className="w-64" value={q} onChange={(v) => set('q', v || undefined)} placeholder="Search name, email, company" label="Search leads" />
        <OptionSelect value={orderParam ?? ALL} onValueChange={(v) => set('order', v === ALL ? undefined : v)} options={orderOptions} className="h-8 w-60" aria-label="Order" />
        <OptionSelect value={state ?? ALL} onValueChange={(v) => set('state', v === ALL ? undefined : v)} options={STATE_OPTIONS} className="h-8 w-44" aria-label="State" />
        <label className="flex items-center gap-1.5 text-sm text-muted-foreground">
          Delivered from
          <Input type="date" value={fromDay ?? ''} onChange={(e) => set('from', e.target.value || undefined)} className="h-8 w-36" />
        </label>
        <label className="flex items-center gap-1.5 text-sm text-muted-foreground">
          to
          <Input type="date" value={toDay ?? ''} onChange={(e) => set('to', e.target.value || undefined)} className="h-8 w-36" />
        </label>
      </div>
      <div data-testid="portal-leads">
        <DataTable
          tableId="portal-leads"
          label="Leads"
          itemName="leads"
          columns={columns}
          rows={leads.rows}
          getRowId={(l) => l.id}
          total={leads.total}
          sort={sort}
          onSortChange={(next) => set('sort', next ? (next.desc ? 'newest' : 'oldest') : undefined)}
          {...pagedTable(leads)}
          defaultDensity="compact"
          height="max(360px, calc(100dvh - 17rem))"
          empty={
            filtered ? (
              <EmptyState compact title="No lead matches" description="Try another search, state or date." />
            ) : (
              <EmptyState icon={<Inbox />} title="No leads delivered yet" description="Leads appear here as we deliver them to your orders." />
            )
          }
        />
      </div>
      <ReturnLeadDialog lead={returning} onOpenChange={(open) => !open && setReturning(null)} />
    </>
  );
}
