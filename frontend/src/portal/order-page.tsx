// One order at /portal/orders/:id: its counts (ordered, delivered, returned, replaced, open, in
// QA), the match preview of its target accounts, its pacing, its leads (each returnable within
// the window), what was asked for, and its history. An order not yet worked may be cancelled;
// while it is submitted its target list may be replaced (the staff dialog: checked, then confirmed).
import { useMemo, useState, type ReactNode } from 'react';
import { Download, Inbox, Upload, XCircle } from 'lucide-react';
import { DELIVERY_METHOD_LABELS, ORDER_CHANNEL_LABELS, ORDER_STATE_LABELS, type Order, type OrderCriteria } from '@shared/contracts/portal';
import type { PortalLead } from '@shared/contracts/portal-leads';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { PacingChart } from '@/features/orders/pacing-chart';
import { ReplaceTargetsDialog } from '@/features/orders/replace-targets-dialog';
import { describeError, isApiError } from '@/lib/api';
import { pagedTable } from '@/lib/paged-table';
import { NotFound, PageLoading } from '@/shell/page-states';
import { MatchPreviewCard } from './match-preview-card';
import { OrderStateBadge, PaceBadge, formatCount, formatDay, formatMoney, formatTime } from './order-badges';
import { downloadOrderLeads, downloadUnmatched, useCancelOrder, useMatchPreview, useOrder, usePacing, usePortalLeads, useReplaceTargets } from './portal-api';
import { portalLeadColumns } from './portal-lead-columns';
import { ReturnLeadDialog } from './return-lead-dialog';

const CANCELLABLE = new Set(['submitted', 'in_review']);
/** A client may replace the target list only while the order is submitted (the server says the same). */
const TARGETS_EDITABLE = new Set(['submitted']);
const PACED = new Set(['approved', 'live', 'paused', 'completed']);

const CRITERIA_LABELS: Record<keyof OrderCriteria, string> = {
  countries: 'Countries',
  industries: 'Industries',
  sizes: 'Company sizes',
  revenues: 'Revenues',
  titles: 'Job titles',
  seniorities: 'Seniorities',
  functions: 'Functions',
};

function Counts({ order }: { order: Order }) {
  const items = [
    ['Ordered', order.counts.ordered],
    ['Delivered', order.counts.delivered],
    ['Returned', order.counts.returned],
    ['Replaced', order.counts.replaced],
    ['Open', order.counts.open],
    ['In QA', order.counts.inQa],
  ] as const;
  return (
    <dl className="mb-4 grid grid-cols-3 gap-2 md:grid-cols-6" data-testid="order-counts">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-border bg-card px-3 py-2">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="font-mono text-xl font-semibold tabular" data-testid={`count-${label.toLowerCase().replace(' ', '-')}`}>
            {formatCount(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function paceText(order: Order): string {
  if (order.pace.kind === 'weekly_cap') return `At most ${formatCount(order.pace.weeklyCap)} a week`;
  return order.pace.kind === 'front_loaded' ? 'Front-loaded' : 'Even';
}

function Summary({ order }: { order: Order }) {
  const criteria = (Object.keys(CRITERIA_LABELS) as (keyof OrderCriteria)[]).filter((k) => order.criteria[k].length > 0);
  return (
    <SectionCard id="order-summary" title="What you ordered">
      <dl className="divide-y divide-border">
        <Detail label="Channel">{ORDER_CHANNEL_LABELS[order.channel]}</Detail>
        <Detail label="Volume">{formatCount(order.volume)} leads</Detail>
        <Detail label="Cost per lead">{formatMoney(order.costPerLeadCents, order.currency)}</Detail>
        <Detail label="Window">
          {formatDay(order.startsOn)} – {formatDay(order.endsOn)}
        </Detail>
        <Detail label="Pace">{paceText(order)}</Detail>
        <Detail label="Delivery">{DELIVERY_METHOD_LABELS[order.deliveryMethod]}</Detail>
        <Detail label="Return window">{order.returnWindowDays} days</Detail>
        <Detail label="Target accounts">{formatCount(order.targetCount)} domains</Detail>
        {criteria.length === 0 ? (
          <Detail label="Criteria">Anyone at the target accounts</Detail>
        ) : (
          criteria.map((k) => (
            <Detail key={k} label={CRITERIA_LABELS[k]}>
              {order.criteria[k].join(', ')}
            </Detail>
          ))
        )}
        {order.questions.length > 0 && (
          <Detail label="Questions">
            <ol className="list-decimal pl-4">
              {order.questions.map((q) => (
                <li key={q.id}>
                  {q.text}
                  {!q.required && <span className="text-muted-foreground"> (optional)</span>}
                </li>
              ))}
            </ol>
          </Detail>
        )}
        {order.notes && <Detail label="Notes">{order.notes}</Detail>}
        {order.managerName && <Detail label="Your manager">{order.managerName}</Detail>}
      </dl>
    </SectionCard>
  );
}

function History({ order }: { order: Order }) {
  return (
    <SectionCard id="order-history" title="History">
      {order.history.length === 0 ? (
        <p className="text-sm text-muted-foreground">No changes yet.</p>
      ) : (
        <ol className="grid gap-2 text-sm">
          {[...order.history].reverse().map((h, i) => (
            <li key={`${h.at}-${i}`} className="grid gap-0.5 border-l-2 border-border pl-3">
              <span>
                {h.from ? `${ORDER_STATE_LABELS[h.from]} → ` : ''}
                <span className="font-medium">{ORDER_STATE_LABELS[h.to]}</span>
                {h.by && <span className="text-muted-foreground"> by {h.by}</span>}
              </span>
              <span className="text-xs text-muted-foreground">{formatTime(h.at)}</span>
              {h.note && <span className="text-xs">{h.note}</span>}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}

function OrderLeads({ order }: { order: Order }) {
  const leads = usePortalLeads({ orderId: order.id });
  const [returning, setReturning] = useState<PortalLead | null>(null);
  const columns = useMemo(() => portalLeadColumns({ onReturn: setReturning }), []);
  const [downloading, setDownloading] = useState(false);
  async function download() {
    setDownloading(true);
    try {
      await downloadOrderLeads(order.id, order.reference);
    } catch (error) {
      toast.error('The leads could not be downloaded', { description: describeError(error) });
    } finally {
      setDownloading(false);
    }
  }
  return (
    <SectionCard
      id="order-leads"
      title="Leads"
      description={`Delivered and returned leads of this order. A lead may be returned within ${order.returnWindowDays} days of delivery.`}
      actions={
        <Button variant="outline" size="sm" onClick={() => void download()} loading={downloading} disabled={leads.rows.length === 0}>
          <Download aria-hidden="true" />
          Download CSV
        </Button>
      }
      flush
    >
      <div data-testid="order-leads" className="p-2">
        <DataTable
          tableId="portal-order-leads"
          label={`Leads of ${order.reference}`}
          itemName="leads"
          columns={columns}
          rows={leads.rows}
          getRowId={(l) => l.id}
          total={leads.total}
          {...pagedTable(leads)}
          defaultDensity="compact"
          height="min(420px, 60dvh)"
          empty={<EmptyState compact icon={<Inbox />} title="No leads delivered yet" description="Approved leads appear here as they are delivered." />}
        />
      </div>
      <ReturnLeadDialog lead={returning} onOpenChange={(open) => !open && setReturning(null)} />
    </SectionCard>
  );
}

function Pacing({ order }: { order: Order }) {
  const pacing = usePacing(order.id);
  return (
    <SectionCard id="order-pacing" title="Pacing" description="Delivered against the plan, with the forecast at the current rate." actions={<PaceBadge status={pacing.data ? pacing.data.status : order.paceStatus} />}>
      {pacing.isLoading ? (
        <Skeleton className="h-64" />
      ) : pacing.isError ? (
        <ErrorState compact description={describeError(pacing.error)} onRetry={() => void pacing.refetch()} />
      ) : pacing.data ? (
        <PacingChart pacing={pacing.data} />
      ) : null}
    </SectionCard>
  );
}

export default function OrderPage({ id }: { id: string }) {
  const order = useOrder(id);
  const hasTargets = (order.data?.targetCount ?? 0) > 0;
  const match = useMatchPreview(id, hasTargets);
  const cancel = useCancelOrder(id);
  const replaceTargets = useReplaceTargets(id);
  const [replacing, setReplacing] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);

  if (order.isLoading) return <PageLoading />;
  if (order.isError) {
    if (isApiError(order.error) && order.error.status === 404) return <NotFound />;
    return <ErrorState description={describeError(order.error)} onRetry={() => void order.refetch()} />;
  }
  const o = order.data;
  if (!o) return <NotFound />;
  const replaceButton = TARGETS_EDITABLE.has(o.state) && (
    <Button size="sm" variant="outline" onClick={() => setReplacing(true)}>
      <Upload aria-hidden="true" />
      Replace target list
    </Button>
  );

  return (
    <div data-testid="order-page">
      <HeaderActionBar
        eyebrow={
          <span className="flex items-center gap-3">
            <BackLink href="/portal">Orders</BackLink>
            <span className="font-mono">{o.reference}</span>
          </span>
        }
        title={o.name}
        meta={<OrderStateBadge state={o.state} />}
        description={`${ORDER_CHANNEL_LABELS[o.channel]} · ${formatCount(o.volume)} leads · ${formatDay(o.startsOn)} – ${formatDay(o.endsOn)}`}
        actions={
          CANCELLABLE.has(o.state) && (
            <Button
              variant="outline"
              onClick={() => {
                setCancelError(null);
                setConfirmCancel(true);
              }}
            >
              <XCircle aria-hidden="true" />
              Cancel order
            </Button>
          )
        }
      />
      <Counts order={o} />
      {/* One column that may shrink: the chart measures its container, never widens it. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
        {hasTargets ? (
          <MatchPreviewCard
            preview={match.data}
            loading={match.isLoading}
            error={match.error}
            onRetry={() => void match.refetch()}
            onDownloadUnmatched={() => downloadUnmatched(o.id, o.reference)}
            actions={replaceButton}
          />
        ) : (
          <SectionCard id="match-preview" title="Match preview" actions={replaceButton}>
            <EmptyState compact title="No target accounts" description="This order is open to any account that fits the criteria." />
          </SectionCard>
        )}
        {PACED.has(o.state) && <Pacing order={o} />}
        <OrderLeads order={o} />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Summary order={o} />
          <History order={o} />
        </div>
      </div>
      <ReplaceTargetsDialog open={replacing} onOpenChange={setReplacing} currentCount={o.targetCount} send={(body) => replaceTargets.mutateAsync(body)} onReplaced={() => undefined} />
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title={`Cancel ${o.reference}?`}
        description="The order will not be worked. This cannot be undone; you can place a new order."
        confirmLabel="Cancel order"
        cancelLabel="Keep order"
        destructive
        error={cancelError}
        onConfirm={async () => {
          try {
            await cancel.mutateAsync(undefined);
            toast.success(`${o.reference} cancelled`);
          } catch (error) {
            setCancelError(describeError(error));
            throw error;
          }
        }}
      />
    </div>
  );
}
