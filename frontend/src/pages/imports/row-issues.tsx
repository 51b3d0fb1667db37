// The first row issues of an import (errors, warnings, duplicates, suppressions) in file order;
// the error file carries every failed row in full. Rows filed under an account whose name they
// contradict are listed on their own too, so merges the file did not intend are not buried.
import { COMPANY_NAME_WARNING, type RowIssue } from '@shared/contracts/imports';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { useRowIssues, useRowWarnings } from '@/features/imports/imports-api';
import { TableHeadings } from '@/components/ui/table-headings';

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
          <TableHeadings headings={['Row', 'Kind', 'Column', 'Reason']} className="px-4 py-2" />
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

/** Rows whose company name contradicts the account their domain filed them under; nothing when none. */
export function CompanyNameWarnings({ jobId }: { jobId: string }) {
  const warnings = useRowWarnings(jobId, true);
  const items = warnings.data?.items.filter((w) => w.reason.startsWith(COMPANY_NAME_WARNING)) ?? [];
  if (!items.length) return null;
  return (
    <div className="rounded-lg border border-warning/40 bg-warning-subtle px-4 py-3 text-sm text-warning-text" data-testid="company-name-warnings">
      <p className="font-semibold">
        {items.length} {items.length === 1 ? 'row was' : 'rows were'} filed under a company with another name
      </p>
      <ul className="mt-1 grid gap-0.5">
        {items.map((w) => (
          <li key={w.row}>
            <span className="font-mono tabular">Row {w.row}</span>: {w.reason.slice(COMPANY_NAME_WARNING.length + 2)}
          </li>
        ))}
      </ul>
    </div>
  );
}
