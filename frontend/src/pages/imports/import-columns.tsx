// The import history's columns: file, who started it, when, status, counts and duration. The API
// lists newest first and sorts nothing else, so no column sorts.
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'wouter';
import { FileSpreadsheet, FlaskConical, FolderInput } from 'lucide-react';
import type { ImportJob } from '@shared/contracts/imports';
import { Badge } from '@/components/ui/badge';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { whenColumn } from '@/features/records/when-column';
import { STATUS_LABELS, STATUS_VARIANTS, formatBytes, formatNumber, jobDuration } from './format';
import { isLive, useStarterName } from '@/features/imports/imports-api';

function Starter({ job }: { job: ImportJob }) {
  const name = useStarterName(job);
  return <span className="truncate">{name}</span>;
}

function Counts({ job }: { job: ImportJob }) {
  const c = job.counts;
  if (!job.startedAt && c.rowsRead === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className="flex items-center gap-3 font-mono text-xs tabular">
      {job.dryRun && <span className="font-sans text-muted-foreground">would</span>}
      <span title="Inserted">
        <span className="text-success-text">+{formatNumber(c.inserted)}</span>
      </span>
      <span title="Updated">~{formatNumber(c.updated)}</span>
      <span title="Failed" className={c.failed ? 'text-danger-text' : 'text-muted-foreground'}>
        ✕{formatNumber(c.failed)}
      </span>
      <span className="sr-only">
        {job.dryRun ? 'A dry run: would have ' : ''}
        {c.inserted} inserted, {c.updated} updated, {c.failed} failed, {c.skipped} skipped
      </span>
    </span>
  );
}

export function importColumns(): ColumnDef<ImportJob, unknown>[] {
  const columns: ColumnDef<ImportJob, unknown>[] = [
    {
      id: 'file',
      header: 'File',
      size: 300,
      meta: { locked: true },
      cell: ({ row }) => {
        const job = row.original;
        return (
          <span className="flex min-w-0 items-center gap-2.5">
            {job.origin === 'drop_folder' ? (
              <FolderInput className="size-4 shrink-0 text-accent-subtle-foreground" aria-label="Drop folder" />
            ) : (
              <FileSpreadsheet className="size-4 shrink-0 text-primary" aria-label="Upload" />
            )}
            <Link href={`/imports/${job.id}`} tabIndex={-1} className="truncate font-medium text-foreground hover:underline" onClick={(e) => e.stopPropagation()}>
              {job.fileName}
            </Link>
            <span className="shrink-0 text-xs text-muted-foreground">{formatBytes(job.fileSize)}</span>
          </span>
        );
      },
    },
    { id: 'who', header: 'Started by', size: 150, cell: ({ row }) => <Starter job={row.original} /> },
    whenColumn('createdAt', 'When', 150, (job) => job.createdAt),
    {
      id: 'status',
      header: 'Status',
      size: 190,
      cell: ({ row }) => {
        const job = row.original;
        return (
          <span className="flex items-center gap-1.5">
            <Badge variant={STATUS_VARIANTS[job.status]} dot={isLive(job.status)}>
              {STATUS_LABELS[job.status]}
              {job.status === 'running' && ` ${Math.floor(job.progress)}%`}
            </Badge>
            {job.dryRun && (
              <Badge variant="accent" title="Dry run">
                <FlaskConical aria-hidden="true" /> Dry run
              </Badge>
            )}
          </span>
        );
      },
    },
    { id: 'counts', header: 'Inserted · updated · failed', size: 210, meta: { label: 'Counts' }, cell: ({ row }) => <Counts job={row.original} /> },
    { id: 'duration', header: 'Duration', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => jobDuration(row.original) },
  ];
  return unsortable(columns);
}
