// The lead's deliveries to the client, newest first, each with its status and attempts; Deliver
// publishes an approved lead to every matching delivery configuration in one click.
import { useState } from 'react';
import { ChevronDown, ChevronRight, Send } from 'lucide-react';
import type { LeadDetail } from '@shared/contracts/leads';
import type { DeliveryStatus } from '@shared/contracts/lead-delivery';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { RelativeTime } from '@/features/records/when-column';
import { Skeleton } from '@/components/ui/skeleton';
import { TableHeadings } from '@/components/ui/table-headings';
import { deliverLead, useDeliveryReceipts } from '../leads-api';

const STATUS: Record<DeliveryStatus, { label: string; variant: BadgeVariant }> = {
  pending: { label: 'Pending', variant: 'neutral' },
  sending: { label: 'Sending', variant: 'info' },
  delivered: { label: 'Delivered', variant: 'success' },
  failed: { label: 'Failed, retrying', variant: 'warning' },
  dead: { label: 'Dead letter', variant: 'danger' },
};
const KINDS: Record<string, string> = { webhook: 'Webhook', form_post: 'Form post', csv: 'CSV' };

/** Each attempt's receipt: when, the client's HTTP status, how long it took, what it answered. */
function Receipts({ deliveryId }: { deliveryId: string }) {
  const delivery = useDeliveryReceipts(deliveryId, true);
  if (delivery.isPending) return <Skeleton className="h-12 w-full" />;
  if (delivery.isError) return <p className="text-xs text-danger-text">{describeError(delivery.error)}</p>;
  const receipts = delivery.data.receipts ?? [];
  if (receipts.length === 0) return <p className="text-xs text-muted-foreground">No attempt yet.</p>;
  return (
    <table className="w-full text-xs" data-testid="delivery-receipts">
      <caption className="sr-only">Receipts of the delivery's attempts</caption>
      <thead className="text-left uppercase tracking-wide text-muted-foreground">
        <TableHeadings headings={['#', 'When', 'HTTP', 'Took', 'Response']} className="py-1 pr-3 font-medium" />
      </thead>
      <tbody>
        {receipts.map((r) => (
          <tr key={r.attempt} className="border-t border-border align-top">
            <td className="py-1 pr-3 font-mono tabular-nums">{r.attempt}</td>
            <td className="py-1 pr-3 whitespace-nowrap">
              <RelativeTime iso={r.at} />
            </td>
            <td className={`py-1 pr-3 font-mono font-semibold tabular-nums ${r.httpStatus !== null && r.httpStatus < 300 ? 'text-success-text' : 'text-danger-text'}`} data-testid="receipt-status">
              {r.httpStatus ?? '—'}
            </td>
            <td className="py-1 pr-3 font-mono tabular-nums whitespace-nowrap">{r.durationMs !== null ? `${r.durationMs} ms` : '—'}</td>
            <td className="max-w-[14rem] truncate py-1 font-mono text-muted-foreground" title={r.error ?? r.responseExcerpt ?? undefined}>
              {r.error ?? r.responseExcerpt ?? '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeliveriesPanel({ lead, canDeliver, onDelivered }: { lead: LeadDetail; canDeliver: boolean; onDelivered: () => void }) {
  const [pending, setPending] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  // The API delivers approved leads only (a published one has been delivered).
  const deliverable = lead.state === 'approved';

  async function deliver() {
    setPending(true);
    try {
      await deliverLead(lead.id);
      toast.success('Delivery started.');
      onDelivered();
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <SectionCard
      id="lead-deliveries"
      title="Deliveries"
      description={lead.clientName ? `To ${lead.clientName}` : 'The campaign has no client yet.'}
      actions={
        canDeliver && (
          <Button size="sm" onClick={() => void deliver()} loading={pending} disabled={!deliverable} title={deliverable ? 'Send to the client' : 'Approve the lead first'}>
            <Send aria-hidden="true" />
            Deliver
          </Button>
        )
      }
      flush
    >
      {lead.deliveries.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted-foreground">{deliverable ? 'Not delivered yet.' : 'A lead can be delivered once approved.'}</p>
      ) : (
        <ul className="divide-y divide-border text-sm" aria-label="Deliveries" data-testid="deliveries">
          {lead.deliveries.map((d) => {
            const status = STATUS[d.status as DeliveryStatus] ?? { label: d.status, variant: 'neutral' as const };
            return (
              <li key={d.id} className="grid gap-0.5 px-4 py-2" data-delivery-status={d.status}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <button
                    type="button"
                    className="inline-flex min-w-0 items-center gap-1 truncate rounded-sm font-medium hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                    aria-expanded={open === d.id}
                    onClick={() => setOpen(open === d.id ? null : d.id)}
                  >
                    {open === d.id ? <ChevronDown className="size-3.5" aria-hidden="true" /> : <ChevronRight className="size-3.5" aria-hidden="true" />}
                    {d.configName}
                    <span className="sr-only"> (receipts)</span>
                  </button>
                  <Badge variant={status.variant}>{status.label}</Badge>
                </div>
                <p className="text-xs text-muted-foreground">
                  {KINDS[d.kind] ?? d.kind} · {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                  {d.deliveredAt && (
                    <>
                      {' '}
                      · delivered <RelativeTime iso={d.deliveredAt} />
                    </>
                  )}
                </p>
                {d.lastError && d.status !== 'delivered' && <p className="text-xs text-danger-text">{d.lastError}</p>}
                {open === d.id && (
                  <div className="mt-1">
                    <Receipts deliveryId={d.id} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}
