// Lead QA settings → Deliveries: every delivery of a lead to a client, filtered by status — the
// dead letters (retries exhausted) first among the problems — each opened to its receipts, one
// per attempt; a failed or dead one can be sent again now.
import { useMemo, useRef, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { RotateCw, Send } from 'lucide-react';
import type { Delivery, DeliveryStatus } from '@shared/contracts/lead-delivery';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { pagedTable } from '@/lib/paged-table';
import { DELIVERY_KIND_LABELS, DELIVERY_STATUS_BADGES, DELIVERY_STATUS_LABELS, isRetryable } from './delivery-labels';
import { DeliveryReceiptCard } from './delivery-receipt';
import { useDeliveries, useDelivery, useRetryDelivery } from './settings-api';

type Filter = DeliveryStatus | 'all';
const FILTERS: Filter[] = ['all', 'dead', 'failed', 'pending', 'sending', 'delivered'];
const FILTER_LABELS: Record<Filter, string> = { all: 'All', ...DELIVERY_STATUS_LABELS, dead: 'Dead letters' };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge variant={DELIVERY_STATUS_BADGES[status]} dot>
      {DELIVERY_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Retrying needs only leads.review, which every reader of this page holds. */
export function DeliveriesTab(_props: { canConfigure: boolean }) {
  const [filter, setFilter] = useState<Filter>('all');
  const deliveries = useDeliveries(filter === 'all' ? null : filter);
  const retry = useRetryDelivery();
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = useMemo(() => deliveries.data?.pages.flatMap((p) => p.items) ?? [], [deliveries.data]);

  async function retryNow(d: Delivery) {
    try {
      await retry.mutateAsync(d.id);
      toast.success(`Delivery of ${d.leadName ?? 'the lead'} to ${d.clientName} is being sent again.`);
    } catch (error) {
      toast.error('The delivery was not retried', { description: describeError(error) });
    }
  }

  // The cells call the latest retry, so the columns are made once.
  const latestRetry = useRef(retryNow);
  latestRetry.current = retryNow;

  const columns = useMemo<ColumnDef<Delivery, unknown>[]>(
    () => [
      { id: 'lead', header: 'Lead', size: 160, meta: { locked: true }, cell: ({ row }) => <span className="truncate font-medium">{row.original.leadName ?? 'Unnamed lead'}</span> },
      { id: 'client', header: 'Client', size: 140, cell: ({ row }) => <span className="truncate">{row.original.clientName}</span> },
      {
        id: 'config',
        header: 'Configuration',
        size: 190,
        cell: ({ row }) => (
          <span className="truncate">
            {row.original.configName} <span className="text-muted-foreground">· {DELIVERY_KIND_LABELS[row.original.kind]}</span>
          </span>
        ),
      },
      { id: 'status', header: 'Status', size: 115, cell: ({ row }) => <DeliveryStatusBadge status={row.original.status} /> },
      { id: 'attempts', header: 'Attempts', size: 84, cell: ({ row }) => <span className="tabular">{row.original.attempts}</span> },
      {
        id: 'lastError',
        header: 'Last error',
        size: 200,
        cell: ({ row }) =>
          row.original.lastError ? (
            <span className="truncate text-danger-text" title={row.original.lastError}>
              {row.original.lastError}
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          ),
      },
      {
        id: 'when',
        header: 'When',
        size: 120,
        cell: ({ row }) => {
          const at = row.original.deliveredAt ?? row.original.createdAt;
          return (
            <time dateTime={at} title={formatDateTime(at)} className="text-muted-foreground">
              {formatRelative(at)}
            </time>
          );
        },
      },
      actionsColumn<Delivery>(48, (d) =>
        isRetryable(d.status) ? <RowAction label={`Retry delivery of ${d.leadName ?? 'lead'} to ${d.clientName}`} icon={<RotateCw aria-hidden="true" />} onClick={() => void latestRetry.current(d)} /> : null,
      ),
    ],
    [],
  );

  return (
    <div className="grid gap-3">
      <p className="max-w-3xl text-sm text-muted-foreground">
        Each approved lead is sent to every matching configuration, with retries and backoff. A delivery that ran out of retries is a dead letter: look at its receipts, fix the cause, and retry it.
      </p>
      <Tabs value={filter} onValueChange={(next) => setFilter(next as Filter)}>
        <TabsList variant="pill" aria-label="Delivery status">
          {FILTERS.map((f) => (
            <TabsTrigger key={f} value={f}>
              {FILTER_LABELS[f]}
            </TabsTrigger>
          ))}
        </TabsList>
        {FILTERS.map((f) => (
          <TabsContent key={f} value={f} className="pt-3">
            {f === filter && (
              <DataTable
                tableId="lead-deliveries"
                label="Deliveries"
                itemName={rows.length === 1 ? 'delivery' : 'deliveries'}
                columns={columns}
                rows={rows}
                getRowId={(d) => d.id}
                {...pagedTable(deliveries)}
                onRowOpen={(d) => setOpenId(d.id)}
                openOnRowClick
                height={520}
                empty={
                  <EmptyState
                    compact
                    icon={<Send />}
                    title={filter === 'dead' ? 'No dead letters' : filter === 'all' ? 'No deliveries yet' : `No ${FILTER_LABELS[filter].toLowerCase()} deliveries`}
                    description={filter === 'dead' ? 'Every delivery either reached its client or is still being retried.' : 'Approved leads appear here as they are sent to clients.'}
                  />
                }
              />
            )}
          </TabsContent>
        ))}
      </Tabs>
      <DeliverySheet id={openId} onClose={() => setOpenId(null)} onRetry={(d) => void retryNow(d)} retrying={retry.isPending} />
    </div>
  );
}

function DeliverySheet({ id, onClose, onRetry, retrying }: { id: string | null; onClose: () => void; onRetry: (d: Delivery) => void; retrying: boolean }) {
  const delivery = useDelivery(id);
  const d = delivery.data;
  const receipts = [...(d?.receipts ?? [])].sort((a, b) => b.attempt - a.attempt);
  return (
    <Sheet open={id !== null} onOpenChange={(open) => !open && onClose()}>
      <SheetContent width="lg">
        <SheetHeader>
          <SheetTitle>{d ? `Delivery of ${d.leadName ?? 'a lead'}` : 'Delivery'}</SheetTitle>
          <SheetDescription>{d ? `${d.configName} (${DELIVERY_KIND_LABELS[d.kind]}) to ${d.clientName}` : 'Loading…'}</SheetDescription>
          {d && (
            <div className="flex flex-wrap items-center gap-2 pt-1 text-xs text-muted-foreground">
              <DeliveryStatusBadge status={d.status} />
              <span>
                {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
              </span>
              {d.nextAttemptAt && <span>· next try {formatDateTime(d.nextAttemptAt)}</span>}
              {d.deliveredAt && <span>· delivered {formatDateTime(d.deliveredAt)}</span>}
            </div>
          )}
        </SheetHeader>
        <SheetBody className="grid content-start gap-3">
          {delivery.isLoading ? (
            <div className="grid gap-3" aria-busy="true" aria-label="Loading receipts">
              <Skeleton className="h-20" />
              <Skeleton className="h-20" />
            </div>
          ) : delivery.isError ? (
            <ErrorState compact title="The delivery could not be loaded" description={describeError(delivery.error)} onRetry={() => void delivery.refetch()} />
          ) : receipts.length === 0 ? (
            <p className="text-sm text-muted-foreground">No attempt yet.</p>
          ) : (
            <>
              <h3 className="text-sm font-semibold">Receipts</h3>
              {receipts.map((r) => (
                <DeliveryReceiptCard key={r.attempt} receipt={r} title={`Attempt ${r.attempt}`} />
              ))}
            </>
          )}
        </SheetBody>
        {d && isRetryable(d.status) && (
          <SheetFooter>
            <Button loading={retrying} onClick={() => onRetry(d)}>
              <RotateCw aria-hidden="true" /> Retry now
            </Button>
          </SheetFooter>
        )}
      </SheetContent>
    </Sheet>
  );
}
