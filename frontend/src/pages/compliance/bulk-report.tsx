// What a bulk upload did: added, duplicate and invalid counts, and the lines that were not added
// with their line numbers, so the file can be fixed and sent again.
import type { BulkSuppressionResponse } from '@shared/contracts/compliance';
import { cn } from '@/lib/utils';
import { LineTable } from '@/components/ui/line-table';

function Count({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-border bg-card px-3 py-2">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className={cn('font-mono text-xl font-semibold tabular', tone)} data-testid={`bulk-${label.toLowerCase()}`}>
        {value.toLocaleString('en-US')}
      </dd>
    </div>
  );
}

export function BulkReport({ report }: { report: BulkSuppressionResponse }) {
  return (
    <div className="grid gap-4" data-testid="bulk-report">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Count label="Rows" value={report.rows} />
        <Count label="Added" value={report.added} tone="text-success-text" />
        <Count label="Duplicates" value={report.duplicates} tone={report.duplicates > 0 ? 'text-warning-text' : undefined} />
        <Count label="Invalid" value={report.invalid} tone={report.invalid > 0 ? 'text-danger-text' : undefined} />
      </dl>
      {report.invalidLines.length > 0 && <h3 className="text-sm font-semibold">Invalid lines</h3>}
      <LineTable caption="Invalid lines" lines={report.invalidLines} note={(line) => line.reason ?? 'Not a valid value'} />
      {report.duplicateLines.length > 0 && <h3 className="text-sm font-semibold">Duplicates</h3>}
      <LineTable caption="Duplicate lines" lines={report.duplicateLines} note={(line) => line.reason ?? 'Already on the list or repeated in the file'} />
      {report.truncated && <p className="text-xs text-muted-foreground">Only the first lines of each kind are listed; the counts cover the whole file.</p>}
    </div>
  );
}
