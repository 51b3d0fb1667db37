// Placeholder block shown while content loads (a soft shimmer, still under reduced motion).
import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/utils';

export function Skeleton({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      aria-hidden="true"
      className={cn(
        'rounded-md bg-muted bg-[linear-gradient(90deg,transparent_0%,color-mix(in_srgb,var(--card)_60%,transparent)_50%,transparent_100%)] bg-[length:200%_100%] animate-shimmer',
        className,
      )}
      {...props}
    />
  );
}

/** A report while it loads: its figure cards in their grid, and the chart below them. */
export function ReportSkeleton({ label, cards, className, gridClassName }: { label: string; cards: number; className?: string; gridClassName?: string }) {
  return (
    <div className={cn('grid', className)} aria-busy="true" aria-label={label}>
      <div className={cn('grid grid-cols-2 gap-3', gridClassName)}>
        {Array.from({ length: cards }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}
