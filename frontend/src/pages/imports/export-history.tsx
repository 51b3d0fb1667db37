// The exports under the imports history: the last 50 CSV exports (records screens, bulk bars,
// segments), newest first, live while one runs. A finished one offers its file through a link the
// API signs afresh each time the list loads, so an export started from a bulk bar that has since
// closed is still here to download. A running export can be cancelled, a failed or cancelled one
// run again.
import { useEffect, useMemo, useRef } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, FileDown, RotateCcw, X } from 'lucide-react';
import type { ExportJob } from '@shared/contracts/imports';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { countOf } from '@/features/records/bulk-selection';
import { whenColumn } from '@/features/records/when-column';
import { api, describeError } from '@/lib/api';
import { formatDuration, formatNumber } from './format';
import { useStarterName } from '@/features/imports/imports-api';

export const exportKeys = {
  recent: ['exports', 'recent'] as const,
};

const LIVE_REFRESH_MS = 1_000;
const LIST_HEIGHT = 'max(240px, calc(40dvh - 4rem))';

const STATUS: Record<ExportJob['status'], { label: string; variant: BadgeVariant }> = {
  running: { label: 'Exporting', variant: 'default' },
  completed: { label: 'Ready', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
  cancelled: { label: 'Cancelled', variant: 'neutral' },
};

const NOUNS: Record<ExportJob['resource'], [singular: string, plural: string]> = {
  accounts: ['account', 'accounts'],
  contacts: ['contact', 'contacts'],
};

export function useRecentExports() {
  return useQuery({
    queryKey: exportKeys.recent,
    queryFn: ({ signal }) => api.get<{ items: ExportJob[] }>('/api/exports', undefined, signal),
    refetchInterval: (query) => (query.state.data?.items.some((job) => job.status === 'running') ? LIVE_REFRESH_MS : false),
    staleTime: 0,
  });
}

/** Cancel (running) or retry (failed, cancelled): the answer replaces the job in the list at once. */
function useExportAction(action: 'cancel' | 'retry') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (exportId: string) => api.post<ExportJob>(`/api/exports/${exportId}/${action}`),
    onSuccess: (job) => {
      queryClient.setQueryData<{ items: ExportJob[] }>(exportKeys.recent, (list) => list && { items: list.items.map((j) => (j.id === job.id ? job : j)) });
      void queryClient.invalidateQueries({ queryKey: exportKeys.recent });
      toast.success(action === 'cancel' ? 'Export cancelled' : 'Export started again');
    },
    onError: (error) => toast.error(action === 'cancel' ? 'The export could not be cancelled' : 'The export could not be started again', { description: describeError(error) }),
  });
}

function ExportActions({ job }: { job: ExportJob }) {
  const cancel = useExportAction('cancel');
  const retry = useExportAction('retry');
  const what = `${job.resource} export`;
  if (job.status === 'running') {
    return (
      <Button variant="ghost" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate(job.id)} aria-label={`Cancel the ${what}`}>
        <X aria-hidden="true" />
        Cancel
      </Button>
    );
  }
  if (job.status === 'failed' || job.status === 'cancelled') {
    return (
      <Button variant="outline" size="sm" loading={retry.isPending} onClick={() => retry.mutate(job.id)} aria-label={`Retry the ${what}`}>
        <RotateCcw aria-hidden="true" />
        Retry
      </Button>
    );
  }
  return null;
}

function Requester({ job }: { job: ExportJob }) {
  const name = useStarterName({ origin: 'upload', createdBy: job.createdBy });
  return <span className="truncate">{name}</span>;
}

function exportColumns(): ColumnDef<ExportJob, unknown>[] {
  return [
    {
      id: 'what',
      header: 'Export',
      size: 260,
      meta: { locked: true },
      cell: ({ row }) => {
        const job = row.original;
        return (
          <span className="flex min-w-0 items-center gap-2.5">
            <FileDown className="size-4 shrink-0 text-primary" aria-hidden="true" />
            <span className="truncate font-medium capitalize">{job.resource}</span>
            <span className="truncate text-xs text-muted-foreground" title={job.columns.join(', ')}>
              {job.columns.length} {job.columns.length === 1 ? 'column' : 'columns'}
            </span>
          </span>
        );
      },
    },
    { id: 'who', header: 'Requested by', size: 150, cell: ({ row }) => <Requester job={row.original} /> },
    whenColumn('createdAt', 'When', 140, (r) => r.createdAt),
    {
      id: 'status',
      header: 'Status',
      size: 130,
      cell: ({ row }) => {
        const { label, variant } = STATUS[row.original.status];
        return (
          <Badge variant={variant} dot={row.original.status === 'running'}>
            {label}
          </Badge>
        );
      },
    },
    {
      id: 'rows',
      header: 'Rows',
      size: 110,
      cell: ({ row }) => <span className="font-mono text-xs tabular">{formatNumber(row.original.rowCount)}</span>,
    },
    {
      id: 'took',
      header: 'Took',
      size: 100,
      cell: ({ row }) => {
        const job = row.original;
        return <span className="text-muted-foreground">{job.finishedAt ? formatDuration(new Date(job.finishedAt).getTime() - new Date(job.createdAt).getTime()) : '—'}</span>;
      },
    },
    {
      id: 'file',
      header: 'File',
      size: 240,
      cell: ({ row }) => {
        const job = row.original;
        if (job.status === 'failed') return <span className="truncate text-danger-text">{job.failureReason ?? 'The export failed.'}</span>;
        if (!job.download) return <span className="text-muted-foreground">—</span>;
        return (
          <a
            href={job.download.url}
            download={job.download.fileName}
            onClick={(e) => e.stopPropagation()}
            className="inline-flex min-w-0 items-center gap-1 rounded-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            <Download className="size-4 shrink-0" aria-hidden="true" />
            <span className="truncate">Download {countOf(job.rowCount, ...NOUNS[job.resource])}</span>
          </a>
        );
      },
    },
    { id: 'actions', header: 'Actions', size: 120, cell: ({ row }) => <ExportActions job={row.original} /> },
  ];
}

export function ExportHistory() {
  const recent = useRecentExports();
  const rows = recent.data?.items ?? [];
  const columns = useMemo(() => exportColumns(), []);
  const running = rows.filter((job) => job.status === 'running').length;
  // Reached as /imports#exports (the "export carries on" toast): brought into view.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (window.location.hash === '#exports') ref.current?.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section id="exports" ref={ref} aria-labelledby="exports-heading" className="grid scroll-mt-20 gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="exports-heading" className="text-base font-semibold">
          Exports
        </h2>
        {running > 0 && (
          <span className="text-sm text-muted-foreground" aria-live="polite">
            {running} running
          </span>
        )}
        <p className="basis-full text-sm text-muted-foreground">
          The last 50 CSV exports, from the records screens and segments. Each download link is signed when this list loads and lasts 15 minutes.
        </p>
      </div>
      <DataTable
        tableId="exports"
        label="Exports"
        itemName="exports"
        columns={columns}
        rows={rows}
        getRowId={(job) => job.id}
        loading={recent.isPending}
        error={recent.isError ? describeError(recent.error) : null}
        onRetry={() => void recent.refetch()}
        empty={
          <EmptyState
            icon={<FileDown />}
            title="No exports yet"
            description="Select accounts or contacts and choose Export CSV in the bar that appears, or export a segment from its builder."
          />
        }
        height={LIST_HEIGHT}
      />
    </section>
  );
}
