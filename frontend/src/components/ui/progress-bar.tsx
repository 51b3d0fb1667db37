// A labelled progress bar (upload, import run): the bar, the percentage beside it, and an
// indeterminate shimmer while the total is not known yet.
import { cn } from '@/lib/utils';

export interface ProgressBarProps {
  /** 0–100, or null while the total is unknown. */
  value: number | null;
  label: string;
  /** What the screen reader hears besides the number ("1,200 of 5,000 rows"). */
  valueText?: string;
  tone?: 'primary' | 'success' | 'danger' | 'warning';
  className?: string;
}

const FILL = { primary: 'bg-primary', success: 'bg-success', danger: 'bg-danger', warning: 'bg-warning' } as const;

export function ProgressBar({ value, label, valueText, tone = 'primary', className }: ProgressBarProps) {
  const clamped = value === null ? null : Math.max(0, Math.min(100, value));
  return (
    <div className={cn('flex items-center gap-3', className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped === null ? undefined : Math.round(clamped)}
        aria-valuetext={valueText ?? (clamped === null ? 'Starting' : `${Math.round(clamped)}%`)}
        className="relative h-2.5 flex-1 overflow-hidden rounded-full bg-muted ring-1 ring-inset ring-border"
      >
        {clamped === null ? (
          <div className="absolute inset-0 animate-shimmer bg-[linear-gradient(90deg,transparent_0%,var(--primary)_50%,transparent_100%)] bg-[length:200%_100%] opacity-40" />
        ) : (
          <div className={cn('absolute inset-y-0 left-0 rounded-full transition-[width] duration-500 ease-out', FILL[tone])} style={{ width: `${clamped}%` }} />
        )}
      </div>
      <span className="w-12 text-right font-mono text-sm font-semibold tabular" aria-hidden="true">
        {clamped === null ? '…' : `${Math.floor(clamped)}%`}
      </span>
    </div>
  );
}
