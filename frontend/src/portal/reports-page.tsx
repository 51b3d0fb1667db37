// Pacing reports at /portal/reports: one order's pacing chart (the order chosen in the address,
// else the first one being worked) and every order's delivered against ordered, returned,
// replaced and pace in one table.
import { useSearchParams } from 'wouter';
import { BarChart3 } from 'lucide-react';
import { ORDER_WORKING_STATES, type OrderSummary } from '@shared/contracts/portal';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { OptionSelect } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { PacingChart } from '@/features/orders/pacing-chart';
import { describeError } from '@/lib/api';
import { DeliveryProgress, OrderStateBadge, PaceBadge, formatCount } from './order-badges';
import { useAllOrders, usePacing } from './portal-api';

const PACED = new Set(['approved', 'live', 'paused', 'completed']);

function OrderPacing({ order }: { order: OrderSummary }) {
  const pacing = usePacing(order.id);
  if (pacing.isLoading) return <Skeleton className="h-64" />;
  if (pacing.isError) return <ErrorState compact description={describeError(pacing.error)} onRetry={() => void pacing.refetch()} />;
  return pacing.data ? <PacingChart pacing={pacing.data} /> : null;
}

export default function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const orders = useAllOrders();
  const all = orders.data?.items ?? [];
  const paced = all.filter((o) => PACED.has(o.state));
  const chosen = paced.find((o) => o.id === params.get('order')) ?? paced.find((o) => ORDER_WORKING_STATES.includes(o.state)) ?? paced[0];
  const totals = all.reduce(
    (t, o) => ({ ordered: t.ordered + o.counts.ordered, delivered: t.delivered + o.counts.delivered, returned: t.returned + o.counts.returned, replaced: t.replaced + o.counts.replaced, open: t.open + o.counts.open }),
    { ordered: 0, delivered: 0, returned: 0, replaced: 0, open: 0 },
  );

  return (
    <>
      <HeaderActionBar title="Reports" description="Delivery against your orders: the pace of each, and delivered against ordered across them." />
      {orders.isLoading ? (
        <Skeleton className="h-80" />
      ) : orders.isError ? (
        <ErrorState description={describeError(orders.error)} onRetry={() => void orders.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState icon={<BarChart3 />} title="Nothing to report yet" description="Reports fill in once you have placed an order." />
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
          <SectionCard
            id="report-pacing"
            title={chosen ? `Pacing of ${chosen.reference}` : 'Pacing'}
            description={chosen?.name}
            actions={
              paced.length > 0 && (
                <OptionSelect
                  value={chosen?.id}
                  onValueChange={(v) => setParams({ order: v }, { replace: true })}
                  options={paced.map((o) => ({ value: o.id, label: `${o.reference} · ${o.name}` }))}
                  className="h-8 w-64"
                  aria-label="Order"
                />
              )
            }
          >
            {chosen ? <OrderPacing key={chosen.id} order={chosen} /> : <EmptyState compact title="No order is being worked yet" description="Pacing starts once an order is approved." />}
          </SectionCard>
          <SectionCard id="report-delivery" title="Delivered against ordered" flush>
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="delivery-report">
                <caption className="sr-only">Delivered against ordered, by order</caption>
                <thead className="border-b border-border text-left text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">Order</th>
                    <th scope="col" className="px-4 py-2 font-medium">State</th>
                    <th scope="col" className="w-48 px-4 py-2 font-medium">Delivered / ordered</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Returned</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Replaced</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Open</th>
                    <th scope="col" className="px-4 py-2 font-medium">Pace</th>
                  </tr>
                </thead>
                <tbody>
                  {all.map((o) => (
                    <tr key={o.id} className="border-b border-border last:border-0">
                      <th scope="row" className="px-4 py-1.5 text-left font-normal">
                        <span className="font-mono text-xs text-muted-foreground">{o.reference}</span> {o.name}
                      </th>
                      <td className="px-4 py-1.5">
                        <OrderStateBadge state={o.state} />
                      </td>
                      <td className="px-4 py-1.5">
                        <DeliveryProgress delivered={o.counts.delivered} ordered={o.counts.ordered} />
                      </td>
                      <td className="px-4 py-1.5 text-right font-mono tabular">{formatCount(o.counts.returned)}</td>
                      <td className="px-4 py-1.5 text-right font-mono tabular">{formatCount(o.counts.replaced)}</td>
                      <td className="px-4 py-1.5 text-right font-mono tabular">{formatCount(o.counts.open)}</td>
                      <td className="px-4 py-1.5">
                        <PaceBadge status={o.paceStatus} />
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t border-border font-medium">
                  <tr>
                    <th scope="row" className="px-4 py-2 text-left">
                      All orders
                    </th>
                    <td />
                    <td className="px-4 py-2 font-mono text-xs tabular">
                      {formatCount(totals.delivered)} / {formatCount(totals.ordered)}
                    </td>
                    <td className="px-4 py-2 text-right font-mono tabular">{formatCount(totals.returned)}</td>
                    <td className="px-4 py-2 text-right font-mono tabular">{formatCount(totals.replaced)}</td>
                    <td className="px-4 py-2 text-right font-mono tabular">{formatCount(totals.open)}</td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          </SectionCard>
        </div>
      )}
    </>
  );
}
