// The order page's smaller cards: the counts (ordered, delivered, returned, replaced, open, in QA),
// the pacing chart with its status, forecast and throttle, the order's leads (each opening its
// review), and the history of its states.
import type { ColumnDef } from '@tanstack/react-table';
import { Link, useLocation } from 'wouter';
import { Inbox } from 'lucide-react';
import { ORDER_STATE_LABELS, type Order } from '@shared/contracts/portal';
import { PORTAL_LEAD_STATE_LABELS, type PortalLead, type PortalLeadState } from '@shared/contracts/portal-leads';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table/data-table';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { pagedTable } from '@/lib/paged-table';
import { RelativeTime } from '@/features/records/when-column';
import { PaceBadge, formatDay } from './order-badges';
import { PacingChart } from './pacing-chart';
import { useOrderLeads, useOrderPacing } from './orders-api';

const n = (value: number) => value.toLocaleString('en-US');

export function OrderCounts({ order }: { order: Order }) {
  const c = order.counts;
  const figures: { label: string; value: number; tone?: string }[] = [
    { label: 'Ordered', value: c.ordered },
    { label: 'Delivered', value: c.delivered },
    { label: 'Returned', value: c.returned, tone: c.returned ? 'text-warning-text' : undefined },
    { label: 'Replaced', value: c.replaced },
    { label: 'Open', value: c.open },
    { label: 'In QA', value: c.inQa },
  ];
  return (
    <dl className="grid grid-cols-3 gap-2 sm:grid-cols-6" aria-label="Counts" data-testid="order-counts">
      {figures.map((f) => (
        <div key={f.label} className="grid gap-0.5 rounded-lg border border-border bg-card px-3 py-2">
          <dt className="text-xs text-muted-foreground">{f.label}</dt>
          <dd className={`font-mono text-xl font-semibold tabular-nums ${f.tone ?? ''}`}>{n(f.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function PacingCard({ order }: { order: Order }) {
  const started = order.state !== 'submitted' && order.state !== 'in_review' && order.state !== 'cancelled';
  const pacing = useOrderPacing(order.id, started);
  const p = pacing.data;
  return (
    <SectionCard
      id="order-pacing"
      title="Pacing"
      description={p ? `${Math.round(p.elapsed * 100)}% of the window elapsed${p.forecastDoneOn ? ` · volume reached by ${formatDay(p.forecastDoneOn)} at this rate` : ''}` : undefined}
      actions={p ? <PaceBadge status={p.status} /> : undefined}
    >
      {!started ? (
        <p className="text-sm text-muted-foreground">Pacing starts once the order is approved.</p>
      ) : pacing.isPending ? (
        <Skeleton className="h-56" aria-label="Loading the pacing" />
      ) : pacing.isError ? (
        <ErrorState compact title="The pacing could not be loaded" description={describeError(pacing.error)} onRetry={() => void pacing.refetch()} retrying={pacing.isFetching} />
      ) : (
        p && (
          <div className="grid gap-2">
            <PacingChart pacing={p} />
            {p.throttle < 1 && (
              <p className="text-xs text-warning-text">
                Over pace: its dialer queues and email sends run at {Math.round(p.throttle * 100)}% speed.
              </p>
            )}
          </div>
        )
      )}
    </SectionCard>
  );
}

const LEAD_VARIANTS: Record<PortalLeadState, BadgeVariant> = { published: 'success', returned: 'warning', replaced: 'neutral' };

function leadName(lead: PortalLead): string {
  return [lead.fields.firstName, lead.fields.lastName].filter(Boolean).join(' ') || lead.fields.email || 'Unnamed lead';
}

const LEAD_COLUMNS: ColumnDef<PortalLead, unknown>[] = unsortable<PortalLead>([
  {
    id: 'contact',
    header: 'Contact',
    size: 200,
    meta: { locked: true },
    cell: ({ row }) => (
      <div className="grid min-w-0 leading-tight">
        <Link href={`/leads/${row.original.id}`} className="truncate font-medium text-primary hover:underline">
          {leadName(row.original)}
        </Link>
        <span className="truncate text-xs text-muted-foreground">{row.original.fields.title ?? row.original.fields.email ?? '—'}</span>
      </div>
    ),
  },
  { id: 'company', header: 'Company', size: 160, cell: ({ row }) => <span className="truncate">{row.original.fields.company ?? '—'}</span> },
  {
    id: 'state',
    header: 'State',
    size: 140,
    cell: ({ row }) => <Badge variant={LEAD_VARIANTS[row.original.state]}>{PORTAL_LEAD_STATE_LABELS[row.original.state]}</Badge>,
  },
  {
    id: 'reason',
    header: 'Return reason',
    size: 200,
    cell: ({ row }) => <span className="truncate text-xs">{row.original.returnReason ? `${row.original.returnReason.label}${row.original.returnReason.note ? ` — ${row.original.returnReason.note}` : ''}` : '—'}</span>,
  },
  { id: 'published', header: 'Published', size: 110, cell: ({ row }) => (row.original.publishedAt ? <RelativeTime iso={row.original.publishedAt} /> : '—') },
]);

export function OrderLeadsCard({ order }: { order: Order }) {
  const leads = useOrderLeads(order.id);
  const [, navigate] = useLocation();
  return (
    <SectionCard id="order-leads" title="Leads" description="Delivered and returned leads of the order; each opens its review." flush>
      <DataTable
        tableId="order-leads"
        label={`Leads of ${order.reference}`}
        itemName="leads"
        columns={LEAD_COLUMNS}
        rows={leads.rows}
        total={leads.total}
        getRowId={(lead) => lead.id}
        {...pagedTable(leads)}
        onRowOpen={(lead) => navigate(`/leads/${lead.id}`)}
        height={320}
        defaultDensity="compact"
        empty={<EmptyState compact icon={<Inbox />} title="No leads delivered yet" description="Approved leads of the order’s campaigns appear here once published." />}
      />
    </SectionCard>
  );
}

export function OrderHistory({ order }: { order: Order }) {
  const history = [...order.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard id="order-history" title="History" flush>
      {history.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted-foreground">No changes yet.</p>
      ) : (
        <ol className="divide-y divide-border text-sm" aria-label="State changes">
          {history.map((t, i) => (
            <li key={`${t.at}-${i}`} className="grid gap-0.5 px-4 py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span>
                  {t.from ? `${ORDER_STATE_LABELS[t.from]} → ` : 'Created as '}
                  <span className="font-medium">{ORDER_STATE_LABELS[t.to]}</span>
                </span>
                <span className="text-xs text-muted-foreground">
                  {t.by ?? 'System'} · <RelativeTime iso={t.at} />
                </span>
              </div>
              {t.note && <p className="text-xs text-muted-foreground">{t.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
