// The shape of a record page while it loads: header, details grid and a side panel.
import { Skeleton } from '@/components/ui/skeleton';

export function RecordDetailSkeleton({ label }: { label: string }) {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label={label}>
      <div className="flex items-center gap-3">
        <Skeleton className="size-14 rounded-xl" />
        <div className="grid gap-2">
          <Skeleton className="h-6 w-64" />
          <Skeleton className="h-4 w-40" />
        </div>
      </div>
      <div className="grid gap-6 xl:grid-cols-[2fr_1fr]">
        <div className="grid gap-4 rounded-lg border border-border bg-card p-5 sm:grid-cols-3">
          {Array.from({ length: 12 }, (_, i) => (
            <div key={i} className="grid gap-1.5">
              <Skeleton className="h-3 w-20" />
              <Skeleton className="h-5 w-32" />
            </div>
          ))}
        </div>
        <Skeleton className="h-72 rounded-lg" />
      </div>
    </div>
  );
}
