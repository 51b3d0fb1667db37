// "Export CSV" for a segment: the filter as it stands goes to the export pipeline (which reads
// the audience criteria too), then the job is polled until its download link is ready.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Download, FileDown, Loader2 } from 'lucide-react';
import type { ExportJob } from '@shared/contracts/imports';
import type { FilterGroup } from '@shared/contracts/filters';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { api, describeError } from '@/lib/api';

const EXPORTS_PATH = '/api/exports';
/** A segment export is one streamed pass: a second between polls is plenty. */
const POLL_MS = 1_000;

export function SegmentExport({ filter }: { filter: FilterGroup }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const job = useQuery({
    queryKey: ['exports', jobId],
    queryFn: ({ signal }) => api.get<ExportJob>(`${EXPORTS_PATH}/${jobId}`, undefined, signal),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.status !== 'error' && (!query.state.data || query.state.data.status === 'running') ? POLL_MS : false),
  });

  async function start() {
    setStarting(true);
    try {
      const created = await api.post<ExportJob>(EXPORTS_PATH, { resource: 'contacts', selection: { filter }, bom: true });
      setJobId(created.id);
    } catch (error) {
      toast.error(describeError(error));
    } finally {
      setStarting(false);
    }
  }

  const data = jobId ? job.data : undefined;
  const running = starting || (jobId !== null && !job.isError && (!data || data.status === 'running'));
  return (
    <>
      <Button variant="outline" onClick={() => void start()} loading={starting} disabled={running}>
        <FileDown aria-hidden="true" />
        Export CSV
      </Button>
      <span role="status" className="inline-flex items-center gap-1.5 text-sm" data-testid="segment-export-status">
        {running && jobId !== null && (
          <>
            <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden="true" />
            <span className="text-muted-foreground">Exporting{data ? ` · ${data.rowCount.toLocaleString('en-US')} rows` : ''}…</span>
          </>
        )}
        {data?.status === 'completed' && data.download && (
          <a href={data.download.url} download={data.download.fileName} className="inline-flex items-center gap-1 rounded-sm font-medium text-primary underline-offset-4 hover:underline">
            <Download className="size-4" aria-hidden="true" />
            Download {data.rowCount.toLocaleString('en-US')} {data.rowCount === 1 ? 'contact' : 'contacts'}
          </a>
        )}
        {data?.status === 'failed' && <span className="text-danger-text">{data.failureReason ?? 'The export failed.'}</span>}
        {job.isError && <span className="text-danger-text">{describeError(job.error)}</span>}
      </span>
    </>
  );
}
