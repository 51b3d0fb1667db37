// One import at /imports/:id: while it runs, a live progress bar and counts with a cancel; once
// it settles, the results — counts, the error file, a dry run's report (and running it for
// real), revert — and the first row issues.
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Download, FlaskConical, FolderInput, Play, RotateCcw, Square, Upload } from 'lucide-react';
import type { ImportJob } from '@shared/contracts/imports';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { DetailBackButton, DetailPageError, DetailPageLoading } from '@/features/records/detail-page-states';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { formatDateTime } from '@/features/records/format';
import { describeError, isApiError } from '@/lib/api';
import { DryRunReport } from './dry-run-report';
import { STATUS_LABELS, STATUS_VARIANTS, formatBytes, formatNumber, jobDuration } from './format';
import { ImportCounts } from './import-counts';
import { errorFileLink, isLive, useCancelImport, useImportJob, useRevertImport, useStartImport, useStarterName } from '@/features/imports/imports-api';
import { ProgressBar } from '@/components/ui/progress-bar';
import { CompanyNameWarnings, RowIssues } from './row-issues';

export function ImportJobPage({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const query = useImportJob(id);
  const back = <DetailBackButton href="/imports">Imports</DetailBackButton>;
  if (query.isPending) return <DetailPageLoading label="Loading the import" back={back} blocks={['h-40', 'h-64']} />;
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <DetailPageError back={back} title="Import">
        {missing ? (
          <EmptyState title="There is no such import" description="It may have been removed, or the address is mistyped." action={<Button onClick={() => navigate('/imports')}>Back to imports</Button>} />
        ) : (
          <ErrorState title="This import could not be loaded" description={describeError(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        )}
      </DetailPageError>
    );
  }
  return <JobView job={query.data} back={back} />;
}

function JobView({ job, back }: { job: ImportJob; back: ReactNode }) {
  const [, navigate] = useLocation();
  const starter = useStarterName(job);
  const live = isLive(job.status);
  return (
    <div className="grid gap-6">
      <HeaderActionBar
        eyebrow={back}
        title={<span className="break-all">{job.fileName}</span>}
        meta={
          <span className="flex items-center gap-2">
            <Badge variant={STATUS_VARIANTS[job.status]} dot={live} data-testid="job-status">
              {STATUS_LABELS[job.status]}
            </Badge>
            {job.dryRun && (
              <Badge variant="accent">
                <FlaskConical aria-hidden="true" /> Dry run
              </Badge>
            )}
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className="inline-flex items-center gap-1.5">
              {job.origin === 'drop_folder' ? <FolderInput className="size-4" aria-hidden="true" /> : <Upload className="size-4" aria-hidden="true" />}
              {job.origin === 'drop_folder' ? 'From the drop folder' : `Uploaded by ${starter === 'You' ? 'you' : starter}`}
            </span>
            <span>{formatBytes(job.fileSize)}</span>
            <span>Created {formatDateTime(job.createdAt)}</span>
            {job.startedAt && <span>Ran {jobDuration(job)}</span>}
          </span>
        }
        actions={<JobActions job={job} />}
      />

      {job.status === 'analysed' && (
        <SectionCard title="Waiting for a mapping" description="The file is uploaded and analysed but the import has not been started.">
          <Button onClick={() => navigate(`/imports/new?job=${job.id}`)}>
            <Play aria-hidden="true" /> Continue to the mapping
          </Button>
        </SectionCard>
      )}
      {job.status === 'uploading' && (
        <SectionCard title="Upload not finished" description="The file never finished uploading. Start a new import to upload it again.">
          <Button onClick={() => navigate('/imports/new')}>New import</Button>
        </SectionCard>
      )}

      {(live || job.startedAt || job.counts.rowsRead > 0 || job.status === 'completed') && <RunPanel job={job} />}

      {job.failureReason && (
        <div role="alert" className="rounded-lg border border-danger/40 bg-danger-subtle px-4 py-3 text-sm text-danger-text" data-testid="failure-reason">
          <p className="font-semibold">{job.status === 'failed' ? 'The import failed' : 'Note'}</p>
          <p className="mt-0.5">{job.failureReason}</p>
        </div>
      )}

      {job.dryRun && job.report && job.status === 'completed' && (
        <SectionCard title="Dry-run report" description="What this file would do, with sample rows of each outcome.">
          <DryRunReport report={job.report} />
        </SectionCard>
      )}

      {!live && job.startedAt && (job.counts.failed > 0 || job.counts.warnings > 0 || job.counts.duplicates > 0 || job.counts.suppressed > 0) && (
        <SectionCard title="Row issues" description="Why rows were refused, skipped or flagged, in file order." flush>
          <div className="grid gap-4 p-5">
            {job.counts.warnings > 0 && <CompanyNameWarnings jobId={job.id} />}
            <RowIssues jobId={job.id} />
          </div>
        </SectionCard>
      )}
    </div>
  );
}

function RunPanel({ job }: { job: ImportJob }) {
  const live = isLive(job.status);
  const total = job.counts.rowsTotal;
  const done = job.status === 'completed';
  const value = done ? 100 : job.status === 'queued' && job.progress === 0 ? null : job.progress;
  const rowsText = total ? `${formatNumber(job.counts.rowsRead)} of ${formatNumber(total)} rows` : `${formatNumber(job.counts.rowsRead)} rows read`;
  return (
    <SectionCard
      title={live ? (job.dryRun ? 'Dry run in progress' : 'Import in progress') : 'Results'}
      description={
        live
          ? 'The counts update as the file is processed. You can leave this page: the import carries on.'
          : done
            ? `Finished ${job.finishedAt ? formatDateTime(job.finishedAt) : ''} after ${jobDuration(job)}.`
            : `${STATUS_LABELS[job.status]}${job.finishedAt ? ` ${formatDateTime(job.finishedAt)}` : ''}.`
      }
    >
      <div className="grid gap-5">
        <div className="grid gap-1.5">
          <ProgressBar
            value={value}
            label={job.dryRun ? 'Dry-run progress' : 'Import progress'}
            valueText={done ? `Finished: ${rowsText}` : `${Math.floor(job.progress)}%, ${rowsText}`}
            tone={job.status === 'failed' ? 'danger' : job.status === 'cancelled' ? 'warning' : done ? 'success' : 'primary'}
          />
          <p className="text-xs text-muted-foreground" aria-live="polite" data-testid="progress-text">
            {done ? `Finished — ${rowsText}` : job.status === 'queued' ? 'Queued: starting shortly…' : rowsText}
            {job.chunksTotal ? ` · chunk ${formatNumber(job.chunksDone)} of ${formatNumber(job.chunksTotal)}` : ''}
          </p>
        </div>
        <ImportCounts counts={job.counts} dryRun={job.dryRun} />
      </div>
    </SectionCard>
  );
}

function JobActions({ job }: { job: ImportJob }) {
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState<'cancel' | 'revert' | null>(null);
  const [downloading, setDownloading] = useState(false);
  const cancel = useCancelImport();
  const revert = useRevertImport(job.id);
  const runForReal = useStartImport(job.id);
  const live = isLive(job.status);
  const cancellable = live || job.status === 'analysed';
  const revertable = !job.dryRun && (job.status === 'completed' || job.status === 'cancelled' || job.status === 'failed') && (job.counts.inserted > 0 || job.counts.updated > 0);

  async function downloadErrors() {
    setDownloading(true);
    try {
      const link = await errorFileLink(job.id);
      // A presigned link that answers with Content-Disposition: attachment, so the page stays.
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.download = link.fileName;
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    } catch (error) {
      toast.error('The error file could not be downloaded', { description: describeError(error) });
    } finally {
      setDownloading(false);
    }
  }

  async function startForReal() {
    if (!job.mapping) return;
    try {
      await runForReal.mutateAsync({ mapping: job.mapping, options: job.options, dryRun: false });
      toast.success('Import started', { description: job.fileName });
    } catch (error) {
      toast.error('The import did not start', { description: describeError(error) });
    }
  }

  return (
    <>
      {job.hasErrorFile && (
        <Button variant="outline" onClick={() => void downloadErrors()} loading={downloading}>
          {!downloading && <Download aria-hidden="true" />} Download error file
        </Button>
      )}
      {job.dryRun && job.status === 'completed' && (
        <Button onClick={() => void startForReal()} loading={runForReal.isPending}>
          {!runForReal.isPending && <Play aria-hidden="true" />} Run it for real
        </Button>
      )}
      {revertable && (
        <Button variant="outline" onClick={() => setConfirming('revert')}>
          <RotateCcw aria-hidden="true" /> Revert import
        </Button>
      )}
      {cancellable && (
        <Button variant="outline" onClick={() => setConfirming('cancel')}>
          <Square aria-hidden="true" /> Cancel import
        </Button>
      )}
      {!live && job.status !== 'analysed' && (
        <Button variant={job.dryRun && job.status === 'completed' ? 'outline' : 'default'} onClick={() => navigate('/imports/new')}>
          <Upload aria-hidden="true" /> New import
        </Button>
      )}

      <ConfirmDialog
        open={confirming === 'cancel'}
        onOpenChange={(open) => !open && setConfirming(null)}
        title="Cancel this import?"
        description="Processing stops after the rows in flight. Rows already imported stay; revert the import afterwards to undo them."
        confirmLabel="Cancel import"
        cancelLabel="Keep running"
        destructive
        onConfirm={async () => {
          try {
            await cancel.mutateAsync(job.id);
            toast.success('Import cancelled');
          } catch (error) {
            toast.error('The import could not be cancelled', { description: describeError(error) });
          }
        }}
      />
      <ConfirmDialog
        open={confirming === 'revert'}
        onOpenChange={(open) => !open && setConfirming(null)}
        title="Revert this import?"
        description={`The ${formatNumber(job.counts.inserted)} contacts it created are deleted and the ${formatNumber(job.counts.updated)} it updated get their previous values back. Changes made to them since are lost.`}
        confirmLabel="Revert import"
        destructive
        onConfirm={async () => {
          try {
            const result = await revert.mutateAsync();
            toast.success('Import reverted', { description: `${formatNumber(result.deleted)} contacts removed, ${formatNumber(result.restored)} restored.` });
          } catch (error) {
            toast.error('The import could not be reverted', { description: describeError(error) });
          }
        }}
      />
    </>
  );
}
