// The imports history at /imports: every job newest first (uploads and drop-folder files), live
// while one runs; a row opens the job's results. With none yet, it says how to start one. The
// recent exports follow.
import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { Upload } from 'lucide-react';
import type { ImportJob } from '@shared/contracts/imports';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { ExportHistory } from './export-history';
import { importColumns } from './import-columns';
import { isLive, useImportHistory } from '@/features/imports/imports-api';

/** Room for the exports below it to show on a laptop screen. */
const LIST_HEIGHT = 'max(300px, calc(60dvh - 10rem))';

export function ImportHistory() {
  const [, navigate] = useLocation();
  const history = useImportHistory();
  const rows = useMemo(() => history.data?.pages.flatMap((page) => page.items) ?? [], [history.data]);
  const columns = useMemo(() => importColumns(), []);
  const running = rows.filter((job) => isLive(job.status)).length;
  const open = useCallback((job: ImportJob) => navigate(`/imports/${job.id}`), [navigate]);
  const loadMore = useCallback(() => void history.fetchNextPage(), [history]);

  useHotkeys([{ combo: 'n', handler: () => navigate('/imports/new') }]);

  const empty = (
    <EmptyState
      icon={<Upload />}
      title="No imports yet"
      description={
        <>
          Two ways in: upload a CSV here and map its columns, or drop a CSV into the storage bucket’s drop folder{' '}
          <span className="font-mono text-foreground">imports/inbox/&lt;profile&gt;/</span> — it imports by itself with that mapping profile (or with the
          template headers when dropped straight into <span className="font-mono text-foreground">imports/inbox/</span>) and shows up here.
        </>
      }
      action={
        <Button onClick={() => navigate('/imports/new')}>
          <Upload aria-hidden="true" /> Import a CSV
        </Button>
      }
    />
  );

  return (
    <div className="grid gap-10">
      <div className="grid">
        <HeaderActionBar
          title="Imports"
          meta={
            running > 0 ? (
              <span className="text-sm text-muted-foreground" aria-live="polite">
                {running} running
              </span>
            ) : undefined
          }
          description={
            <>
              Every CSV import, uploaded here or dropped into <span className="font-mono">imports/inbox/</span>. Open one to see its results. Your CSV exports are listed below.
            </>
          }
          actions={
            <Button onClick={() => navigate('/imports/new')}>
              <Upload aria-hidden="true" /> New import
            </Button>
          }
        />
        <DataTable
          tableId="imports"
          label="Imports"
          itemName="imports"
          columns={columns}
          rows={rows}
          getRowId={(job) => job.id}
          loading={history.isPending}
          error={history.isError ? describeError(history.error) : null}
          onRetry={() => void history.refetch()}
          hasMore={history.hasNextPage}
          onLoadMore={loadMore}
          loadingMore={history.isFetchingNextPage}
          onRowOpen={open}
          empty={empty}
          height={LIST_HEIGHT}
        />
      </div>
      <ExportHistory />
    </div>
  );
}
