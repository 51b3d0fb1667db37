// How an order's state, pace and delivery read at a glance: a state badge, a pace badge and a
// small delivered-of-ordered bar with its counts.
import { ORDER_STATE_LABELS, type OrderState } from '@shared/contracts/portal';
import { PACE_STATUS_LABELS, type PaceStatus } from '@shared/contracts/portal-pacing';
import { PORTAL_LEAD_STATE_LABELS, type PortalLeadState } from '@shared/contracts/portal-leads';
import { Badge, type BadgeVariant } from '@/components/ui/badge';

const STATE_VARIANTS: Record<OrderState, BadgeVariant> = {
  submitted: 'info',
  in_review: 'info',
  approved: 'accent',
  live: 'success',
  paused: 'warning',
  completed: 'neutral',
  cancelled: 'danger',
};

export function OrderStateBadge({ state }: { state: OrderState }) {
  return (
    <Badge variant={STATE_VARIANTS[state]} dot>
      {ORDER_STATE_LABELS[state]}
    </Badge>
  );
}

const PACE_VARIANTS: Record<PaceStatus, BadgeVariant> = { on_pace: 'success', over: 'info', under: 'warning' };

export function PaceBadge({ status }: { status: PaceStatus | null }) {
  if (!status) return <span className="text-xs text-muted-foreground">Not started</span>;
  return <Badge variant={PACE_VARIANTS[status]}>{PACE_STATUS_LABELS[status]}</Badge>;
}

const LEAD_VARIANTS: Record<PortalLeadState, BadgeVariant> = { published: 'success', returned: 'warning', replaced: 'neutral' };

export function PortalLeadStateBadge({ state }: { state: PortalLeadState }) {
  return <Badge variant={LEAD_VARIANTS[state]}>{PORTAL_LEAD_STATE_LABELS[state]}</Badge>;
}

const nf = new Intl.NumberFormat('en-US');

/** "120 / 500" over a thin bar; the bar is decoration, the numbers are the content. */
export function DeliveryProgress({ delivered, ordered }: { delivered: number; ordered: number }) {
  const share = ordered > 0 ? Math.min(1, delivered / ordered) : 0;
  return (
    <div className="grid min-w-0 gap-1">
      <span className="font-mono text-xs tabular">
        {nf.format(delivered)} / {nf.format(ordered)}
      </span>
      <span className="h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
        <span className="block h-full rounded-full bg-primary" style={{ width: `${share * 100}%` }} />
      </span>
    </div>
  );
}

export const formatCount = (n: number) => nf.format(n);

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
/** A calendar day ("2026-12-07") as "Dec 7, 2026", whatever the viewer's zone. */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dateFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}
