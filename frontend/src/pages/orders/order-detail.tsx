// One order at /orders/:id: its state with the moves the API offers this user (`nextStates`),
// each confirmed (cancelling takes a note); the counts; what was ordered and how it is run; the
// match preview of its target list; the bridge (its audience and linked campaigns); its pacing;
// its leads; and its history. `u` goes back to the list.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { Ban, Check, Pause, Play, RotateCcw, Search, SquareCheck } from 'lucide-react';
import type { OrderState } from '@shared/contracts/portal';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError, isApiError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { NotFound } from '@/shell/page-states';
import { BridgePanel } from '@/features/orders/bridge-panel';
import { MatchPreviewCard } from '@/features/orders/match-preview-card';
import { OrderStateBadge, PaceBadge, formatDay } from '@/features/orders/order-badges';
import { OrderCounts, OrderHistory, OrderLeadsCard, PacingCard } from '@/features/orders/order-detail-cards';
import { OrderSummaryCard } from '@/features/orders/order-summary-card';
import { useOrder, useOrderRefresh } from '@/features/orders/orders-api';
import { MOVE_LABELS, TransitionDialog } from '@/features/orders/transition-dialog';

const MOVE_ICONS: Record<OrderState, typeof Check> = {
  submitted: RotateCcw,
  in_review: Search,
  approved: Check,
  live: Play,
  paused: Pause,
  completed: SquareCheck,
  cancelled: Ban,
};

/** The forward move leads; going back and cancelling are secondary. */
const PRIMARY: readonly OrderState[] = ['in_review', 'approved', 'live'];

function DetailSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading the order">
      <Skeleton className="h-8 w-80" />
      <Skeleton className="h-16" />
      <div className="grid gap-4 xl:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}

export function OrderDetail({ id }: { id: string }) {
  const order = useOrder(id);
  const refresh = useOrderRefresh();
  const canManage = useCan('orders.manage');
  const [, navigate] = useLocation();
  const [moveTo, setMoveTo] = useState<OrderState | null>(null);
  useHotkeys([{ combo: 'u', handler: () => navigate('/orders') }], moveTo === null);

  if (order.isPending) return <DetailSkeleton />;
  if (order.isError) {
    if (isApiError(order.error) && order.error.status === 404) return <NotFound />;
    return <ErrorState title="The order could not be loaded" description={describeError(order.error)} onRetry={() => void order.refetch()} retrying={order.isFetching} />;
  }
  const o = order.data;
  const changed = () => refresh(o.id);

  return (
    <div className="grid gap-4" data-testid="order-detail">
      <div>
        <BackLink href="/orders">Orders</BackLink>
      </div>
      <HeaderActionBar
        className="pb-0"
        eyebrow={o.reference}
        title={o.name}
        meta={
          <>
            <OrderStateBadge state={o.state} />
            {o.paceStatus && <PaceBadge status={o.paceStatus} />}
          </>
        }
        description={`${o.orgName} · ${formatDay(o.startsOn)} – ${formatDay(o.endsOn)}`}
        actions={
          canManage && o.nextStates.length > 0 ? (
            <div className="flex flex-wrap gap-2" role="group" aria-label="Move the order">
              {o.nextStates.map((to) => {
                const Icon = MOVE_ICONS[to];
                return (
                  <Button
                    key={to}
                    variant={to === 'cancelled' ? 'outline' : PRIMARY.includes(to) ? 'default' : 'secondary'}
                    className={to === 'cancelled' ? 'text-danger-text' : undefined}
                    onClick={() => setMoveTo(to)}
                  >
                    <Icon aria-hidden="true" />
                    {MOVE_LABELS[to]}
                  </Button>
                );
              })}
            </div>
          ) : undefined
        }
      />
      <OrderCounts order={o} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <OrderSummaryCard order={o} canManage={canManage} onSaved={changed} />
        <div className="grid gap-4">
          <MatchPreviewCard order={o} canManage={canManage} onTargetsChanged={changed} />
          <BridgePanel order={o} canManage={canManage} onChanged={changed} />
        </div>
      </div>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <PacingCard order={o} />
        <OrderHistory order={o} />
      </div>
      <OrderLeadsCard order={o} />
      <TransitionDialog order={o} to={moveTo} onOpenChange={(open) => !open && setMoveTo(null)} onDone={changed} />
    </div>
  );
}
