// A small meter for a 0–100 confidence score (emails, phones, enrichment): a bar whose colour
// says good, fair or poor, and the number beside it for those who read rather than look.
import { cn } from '@/lib/utils';

export function confidenceTone(score: number): 'good' | 'fair' | 'poor' {
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'poor';
}

const FILL = { good: 'bg-success', fair: 'bg-warning', poor: 'bg-danger' } as const;

export function ConfidenceMeter({ score, label, className }: { score: number | null; label: string; className?: string }) {
  if (score === null) return <span className="text-muted-foreground">—</span>;
  const clamped = Math.max(0, Math.min(100, score));
  const tone = confidenceTone(clamped);
  return (
    <span className={cn('inline-flex items-center gap-1.5', className)}>
      <span
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        aria-valuetext={`${clamped}%, ${tone}`}
        className="relative h-1.5 w-10 overflow-hidden rounded-full bg-muted ring-1 ring-inset ring-border"
      >
        <span className={cn('absolute inset-y-0 left-0 rounded-full', FILL[tone])} style={{ width: `${clamped}%` }} />
      </span>
      <span className="font-mono text-[11.5px] tabular text-muted-foreground" aria-hidden="true">
        {clamped}
      </span>
    </span>
  );
}
