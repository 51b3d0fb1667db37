// "Export CSV" and its status line: while the job runs "Exporting · N rows…", then a link
// "Download N contacts", or why it failed. The state comes from `useCsvExport`.
import type { ReactNode } from 'react';
import { Download, FileDown, Loader2 } from 'lucide-react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { countOf } from './bulk-selection';
import type { CsvExport, ExportResource } from './use-csv-export';

const NOUNS: Record<ExportResource, [singular: string, plural: string]> = {
  accounts: ['account', 'accounts'],
  contacts: ['contact', 'contacts'],
};

export function CsvExportButton({ csvExport, ...props }: { csvExport: CsvExport } & Omit<ButtonProps, 'loading' | 'disabled' | 'children'>) {
  return (
    <Button variant="outline" {...props} loading={csvExport.starting} disabled={csvExport.running}>
      <FileDown aria-hidden="true" />
      Export CSV
    </Button>
  );
}

/** Always rendered (empty when idle), so screen readers hear each change of the live region. */
export function CsvExportStatus({ csvExport, className, testId }: { csvExport: CsvExport; className?: string; testId?: string }) {
  const { job, running, starting, error } = csvExport;
  let content: ReactNode = null;
  if (error) content = <span className="text-danger-text">{describeError(error)}</span>;
  else if (running && !starting)
    content = (
      <>
        <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />
        <span className="text-muted-foreground">Exporting{job ? ` · ${job.rowCount.toLocaleString('en-US')} rows` : ''}…</span>
      </>
    );
  else if (job?.status === 'completed' && job.download)
    content = (
      <a href={job.download.url} download={job.download.fileName} className="inline-flex items-center gap-1 rounded-sm font-medium text-primary underline-offset-4 hover:underline">
        <Download className="size-4" aria-hidden="true" />
        Download {countOf(job.rowCount, ...NOUNS[job.resource])}
      </a>
    );
  else if (job?.status === 'failed') content = <span className="text-danger-text">{job.failureReason ?? 'The export failed.'}</span>;
  return (
    <span role="status" className={cn('inline-flex items-center gap-1.5 text-sm', className)} data-testid={testId}>
      {content}
    </span>
  );
}
