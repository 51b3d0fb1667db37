// One CSV export from request to download link: the job is created (always with a BOM, so Excel
// reads accents right), then polled until it completes or fails. The segment builder and the
// lists' bulk bars share it; `CsvExportStatus` shows its state. Left while it runs, it says where
// the file will be.
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import type { BulkSelection } from '@shared/contracts/accounts';
import type { CreateExportRequest, ExportJob, ExportSelection } from '@shared/contracts/imports';
import { toast } from '@/components/ui/toast';
import { api, describeError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { IMPORTER_ROLES } from '@/features/imports/imports-api';

const EXPORTS_PATH = '/api/exports';
/** An export is one streamed pass: a second between polls is plenty. */
const POLL_MS = 1_000;

export type ExportResource = CreateExportRequest['resource'];

export interface CsvExport {
  /** Starts an export; a refused request (403, 429, a bad filter) is a toast. */
  start(request: { resource: ExportResource; selection: ExportSelection }): Promise<void>;
  /** The request is on its way. */
  starting: boolean;
  /** Started and not settled yet (the button stays disabled meanwhile). */
  running: boolean;
  /** The job as last polled. */
  job: ExportJob | undefined;
  /** Polling failed: the job's state is unknown. */
  error: unknown;
}

export function useCsvExport(): CsvExport {
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const query = useQuery({
    queryKey: ['exports', jobId],
    queryFn: ({ signal }) => api.get<ExportJob>(`${EXPORTS_PATH}/${jobId}`, undefined, signal),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.status !== 'error' && (!q.state.data || q.state.data.status === 'running') ? POLL_MS : false),
  });

  async function start(request: { resource: ExportResource; selection: ExportSelection }) {
    // A new export replaces the last one's link, which would otherwise show beside the spinner.
    setJobId(null);
    setStarting(true);
    try {
      const created = await api.post<ExportJob>(EXPORTS_PATH, { ...request, bom: true } satisfies CreateExportRequest);
      setJobId(created.id);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setStarting(false);
    }
  }

  const job = jobId ? query.data : undefined;
  const running = starting || (jobId !== null && !query.isError && (!job || job.status === 'running'));

  // The status line goes with its screen (a bulk bar closes when the selection is cleared); the
  // export carries on, and the imports page lists it with its file.
  const [, navigate] = useLocation();
  const leaving = useRef({ running, navigate });
  leaving.current = { running, navigate };
  useEffect(
    () => () => {
      if (!leaving.current.running) return;
      toast.info('Your export carries on', {
        description: 'Its file will be under Imports › Exports.',
        action: { label: 'Open', onClick: () => leaving.current.navigate('/imports#exports') },
      });
    },
    [],
  );

  return {
    start,
    starting,
    running,
    job,
    error: jobId !== null && query.isError ? query.error : null,
  };
}

/** The API's export routes take the importer roles (imports/routes.ts). */
export function useCanExport(): boolean {
  return useAuth().hasAnyRole(IMPORTER_ROLES);
}

/** A bulk bar's selection as an export's: the same ids, or the same filter, search and exceptions. */
export function toExportSelection(selection: BulkSelection): ExportSelection {
  if ('ids' in selection) return { ids: selection.ids };
  return {
    filter: selection.filter,
    ...(selection.q ? { q: selection.q } : {}),
    ...(selection.except?.length ? { except: selection.except } : {}),
  };
}
