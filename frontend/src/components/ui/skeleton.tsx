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
