// An order's state and pace at a glance, and how far its delivery has come (delivered of
// ordered, as a bar with the numbers beside it).
import { ORDER_STATE_LABELS, type OrderState } from '@shared/contracts/portal';
import { PACE_STATUS_LABELS, type PaceStatus } from '@shared/contracts/portal-pacing';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

const STATE_VARIANTS: Record<OrderState, BadgeVariant> = {
  submitted: 'info',
  in_review: 'warning',
  approved: 'accent',
  live: 'success',
  paused: 'neutral',
  completed: 'default',
  cancelled: 'danger',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  return (
    <Badge variant={STATE_VARIANTS[state]} dot data-state={state}>
      {ORDER_STATE_LABELS[state]}
    </Badge>
  );
}

const PACE_VARIANTS: Record<PaceStatus, BadgeVariant> = { on_pace: 'success', over: 'warning', under: 'danger' };

export function PaceBadge({ status }: { status: PaceStatus | null }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant={PACE_VARIANTS[status]} data-pace={status}>
      {PACE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Delivered of ordered, e.g. "12 / 40" with a thin bar. */
export function DeliveryProgress({ delivered, ordered, className }: { delivered: number; ordered: number; className?: string }) {
  const share = ordered > 0 ? Math.min(1, delivered / ordered) : 0;
  return (
    <div className={cn('grid min-w-0 gap-1', className)}>
      <span className="font-mono text-xs tabular-nums">
        {delivered.toLocaleString('en-US')} / {ordered.toLocaleString('en-US')}
      </span>
      <span
        className="h-1.5 overflow-hidden rounded-full bg-muted ring-1 ring-inset ring-border"
        role="progressbar"
        aria-label="Delivered of ordered"
        aria-valuemin={0}
        aria-valuemax={ordered}
        aria-valuenow={Math.min(delivered, ordered)}
      >
        <span className={cn('block h-full rounded-full', share >= 1 ? 'bg-success' : 'bg-primary')} style={{ width: `${share * 100}%` }} />
      </span>
    </div>
  );
}

export const formatMoney = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);

/** 2026-03-01 → "1 Mar 2026" (dates without a time: read as the calendar day, not shifted by the time zone). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
