// StatCard: one headline number with its label, an optional trend and icon. The number counts up
// when it appears (not under reduced motion).
import type { ReactNode } from 'react';
import { ArrowDownRight, ArrowUpRight } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Card } from './card';
import { Skeleton } from './skeleton';
import { useCountUp } from './count-up';

export interface StatCardProps {
  label: string;
  value: number;
  /** Formats the (animated) value, e.g. as a percentage or currency. */
  format?: (value: number) => string;
  icon?: ReactNode;
  /** Change against the previous period, in percent; positive is shown as good unless `invertTrend`. */
  trend?: number;
  trendLabel?: string;
  invertTrend?: boolean;
  hint?: ReactNode;
  loading?: boolean;
  /** Brand gradient surface for the one stat a page leads with. */
  highlight?: boolean;
  className?: string;
}

const defaultFormat = (value: number) => Math.round(value).toLocaleString('en-US');

export function StatCard({ label, value, format = defaultFormat, icon, trend, trendLabel, invertTrend, hint, loading, highlight, className }: StatCardProps) {
  const animated = useCountUp(loading ? 0 : value);
  const good = trend === undefined ? undefined : invertTrend ? trend < 0 : trend >= 0;
  return (
    <Card
      interactive
      className={cn('group relative overflow-hidden p-5', highlight && 'bg-brand-gradient border-transparent text-white', className)}
    >
      <div className="flex items-start justify-between gap-3">
        <p className={cn('text-sm font-medium', highlight ? 'text-white/85' : 'text-muted-foreground')}>{label}</p>
        {icon && (
          <span
            className={cn(
              'icon-pop grid size-9 place-items-center rounded-lg [&_svg]:size-[18px]',
              highlight ? 'bg-white/15 text-white' : 'bg-primary-subtle text-primary-subtle-foreground',
            )}
            aria-hidden="true"
          >
            {icon}
          </span>
        )}
      </div>
      {loading ? (
        <Skeleton className="mt-2 h-8 w-28" />
      ) : (
        <p className="mt-1 font-mono text-[28px] font-semibold leading-9 tracking-tight tabular" aria-live="polite">
          <span className="sr-only">{format(value)}</span>
          <span aria-hidden="true">{format(animated)}</span>
        </p>
      )}
      {(trend !== undefined || hint) && (
        <div className={cn('mt-2 flex items-center gap-2 text-xs', highlight ? 'text-white/85' : 'text-muted-foreground')}>
          {trend !== undefined && (
            <span
              className={cn(
                'inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 font-medium',
                highlight ? 'bg-white/15 text-white' : good ? 'bg-success-subtle text-success-text' : 'bg-danger-subtle text-danger-text',
              )}
            >
              {trend >= 0 ? <ArrowUpRight className="size-3" aria-hidden="true" /> : <ArrowDownRight className="size-3" aria-hidden="true" />}
              {Math.abs(trend).toFixed(1)}%
            </span>
          )}
          {trendLabel && <span>{trendLabel}</span>}
          {hint}
        </div>
      )}
    </Card>
  );
}
