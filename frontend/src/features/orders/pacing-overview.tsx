// "Live orders by pace": every live order's delivered against what its plan expected by today,
// under-paced ones first, each opening its order.
import { Link } from 'wouter';
import type { PacingOverview } from '@shared/contracts/portal-pacing';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { PaceBadge, formatDay } from './order-badges';
import { usePacingOverview } from './orders-api';

const RANK = { under: 0, over: 1, on_pace: 2 } as const;

/** Under pace first, then over, then on pace; the soonest end first within each. */
export function byUrgency(items: PacingOverview['items']): PacingOverview['items'] {
  return [...items].sort((a, b) => (a.status ? RANK[a.status] : 3) - (b.status ? RANK[b.status] : 3) || a.endsOn.localeCompare(b.endsOn));
}

const n = (value: number) => value.toLocaleString('en-US');

export function PacingOverviewCard() {
  const overview = usePacingOverview();
  const items = byUrgency(overview.data?.items ?? []);
  return (
    <SectionCard id="pacing-overview" title="Live orders by pace" flush>
      {overview.isPending ? (
        <div className="grid gap-2 p-4" aria-busy="true" aria-label="Loading the pace of live orders">
          <Skeleton className="h-6" />
          <Skeleton className="h-6" />
        </div>
      ) : overview.isError ? (
        <ErrorState compact title="The pace of live orders could not be loaded" description={describeError(overview.error)} onRetry={() => void overview.refetch()} retrying={overview.isFetching} />
      ) : items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted-foreground">No order is live.</p>
      ) : (
        <div className="max-h-64 overflow-y-auto">
          <table className="w-full text-sm">
            <thead className="sticky top-0 bg-card text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-1.5 font-medium">
                  Order
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Delivered
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  Expected by today
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  Pace
                </th>
                <th scope="col" className="px-4 py-1.5 font-medium">
                  Ends
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {items.map((item) => (
                <tr key={item.orderId}>
                  <td className="max-w-0 px-4 py-1.5">
                    <Link href={`/orders/${item.orderId}`} className="block truncate text-primary hover:underline" title={`${item.name} (${item.orgName})`}>
                      <span className="font-mono text-xs">{item.reference}</span> {item.name}
                    </Link>
                    <span className="block truncate text-xs text-muted-foreground">{item.orgName}</span>
                  </td>
                  <td className="px-2 py-1.5 text-right font-mono tabular-nums">
                    {n(item.delivered)} / {n(item.ordered)}
                  </td>
                  <td className="px-2 py-1.5 text-right font-mono tabular-nums">{n(item.expectedToDate)}</td>
                  <td className="px-2 py-1.5">
                    <PaceBadge status={item.status} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-1.5 text-xs tabular-nums">{formatDay(item.endsOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
