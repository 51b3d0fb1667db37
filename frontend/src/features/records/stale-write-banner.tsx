// Said when a save was refused because someone else saved the record first (409 stale_write):
// nothing was overwritten, and reloading shows their version to edit from.
import { RotateCw, TriangleAlert } from 'lucide-react';
import { Button } from '@/components/ui/button';

export function StaleWriteBanner({ noun, onReload }: { noun: string; onReload: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-warning/40 bg-warning-subtle px-4 py-3 text-sm text-warning-text" data-testid="stale-write">
      <TriangleAlert className="size-4 shrink-0" aria-hidden="true" />
      <p className="min-w-0 flex-1">
        <span className="font-semibold">This {noun} was changed by someone else</span> since you opened it. Your last edit was not saved, so nothing of theirs was
        overwritten. Reload to see the current version, then make your change again.
      </p>
      <Button variant="outline" size="sm" onClick={onReload} className="bg-card">
        <RotateCw aria-hidden="true" />
        Reload
      </Button>
    </div>
  );
}
