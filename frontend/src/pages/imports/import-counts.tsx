// The counts of an import as a grid of figures that add up — rows = inserted + updated +
// unchanged + skipped + failed — with what the skipped were (suppressed, duplicates) beside them,
// live while it runs.
import type { ImportCounts as Counts } from '@shared/contracts/imports';
import { cn } from '@/lib/utils';
import { formatNumber } from './format';

interface Figure {
  key: string;
  label: string;
  value: number;
  tone?: 'success' | 'danger' | 'warning';
}

/** A dry run counts what it would do: the same figures, worded so nobody thinks they were written. */
export function importFigures(counts: Counts, dryRun = false): Figure[] {
  return [
    { key: 'read', label: 'Rows read', value: counts.rowsRead },
    { key: 'inserted', label: dryRun ? 'Would insert' : 'Inserted', value: counts.inserted, tone: 'success' },
    { key: 'updated', label: dryRun ? 'Would update' : 'Updated', value: counts.updated, tone: 'success' },
    { key: 'unchanged', label: 'Unchanged', value: counts.unchanged },
    { key: 'skipped', label: 'Skipped', value: counts.skipped, tone: counts.suppressed ? 'warning' : undefined },
    { key: 'failed', label: 'Failed', value: counts.failed, tone: counts.failed ? 'danger' : undefined },
  ];
}

const TONES = { success: 'text-success-text', danger: 'text-danger-text', warning: 'text-warning-text' } as const;

export function ImportCounts({ counts, dryRun, className }: { counts: Counts; dryRun?: boolean; className?: string }) {
  const extra = [
    counts.suppressed ? `${formatNumber(counts.suppressed)} suppressed` : null,
    counts.duplicates ? `${formatNumber(counts.duplicates)} duplicates in the file` : null,
    counts.warnings ? `${formatNumber(counts.warnings)} warnings` : null,
    counts.accountsCreated ? `${formatNumber(counts.accountsCreated)} companies created` : null,
  ].filter(Boolean);
  return (
    <div className={cn('grid gap-2', className)}>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="import-counts">
        {importFigures(counts, dryRun).map((f) => (
          <div key={f.key} className="rounded-lg border border-border bg-card px-4 py-3">
            <dt className="text-xs font-medium text-muted-foreground">{f.label}</dt>
            <dd className={cn('mt-1 font-mono text-xl font-semibold tabular', f.tone && f.value > 0 && TONES[f.tone])} data-testid={`count-${f.key}`}>
              {formatNumber(f.value)}
            </dd>
          </div>
        ))}
      </dl>
      {extra.length > 0 && (
        <p className="text-xs text-muted-foreground" data-testid="import-counts-detail">
          Of these: {extra.join(' · ')}.
        </p>
      )}
    </div>
  );
}
