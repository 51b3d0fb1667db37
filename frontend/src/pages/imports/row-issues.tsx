// The first row issues of an import (errors, warnings, duplicates, suppressions) in file order;
// the error file carries every failed row in full.
import type { RowIssue } from '@shared/contracts/imports';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { useRowIssues } from '@/features/imports/imports-api';

const SEVERITY: Record<RowIssue['severity'], { label: string; variant: BadgeVariant }> = {
  error: { label: 'Error', variant: 'danger' },
  warning: { label: 'Warning', variant: 'warning' },
  duplicate: { label: 'Duplicate', variant: 'neutral' },
  suppressed: { label: 'Suppressed', variant: 'info' },
};

export function RowIssues({ jobId }: { jobId: string }) {
  const issues = useRowIssues(jobId, true);
  if (issues.isPending) return <Skeleton className="h-32" />;
  if (issues.isError) return <ErrorState compact title="Row issues could not be loaded" description={describeError(issues.error)} onRetry={() => void issues.refetch()} />;
  const items = issues.data.items;
  if (!items.length) return <p className="text-sm text-muted-foreground">Every row went in without a remark.</p>;
  return (
    <div className="max-h-96 overflow-auto rounded-lg border border-border">
      <table className="w-full text-sm" aria-label="Row issues">
        <thead className="sticky top-0 bg-muted text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2">
              Row
            </th>
            <th scope="col" className="px-4 py-2">
              Kind
            </th>
            <th scope="col" className="px-4 py-2">
              Column
            </th>
            <th scope="col" className="px-4 py-2">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((issue, i) => (
            <tr key={`${issue.row}-${i}`} className="border-t border-border">
              <td className="px-4 py-2 font-mono tabular">{issue.row}</td>
              <td className="px-4 py-2">
                <Badge variant={SEVERITY[issue.severity].variant}>{SEVERITY[issue.severity].label}</Badge>
              </td>
              <td className="px-4 py-2">{issue.column ?? '—'}</td>
              <td className="px-4 py-2">{issue.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.data.nextCursor && <p className="border-t border-border px-4 py-2 text-xs text-muted-foreground">Showing the first {items.length}; the error file has every failed row.</p>}
    </div>
  );
}
