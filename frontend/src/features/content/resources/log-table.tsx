// Settings → Resources Centre → the log: every push attempt, pull page and inbound request,
// newest first, with its outcome (a refused inbound request says why), filtered by direction.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { ScrollText } from 'lucide-react';
import { LOG_DIRECTIONS, type LogDirection, type ResourcesCentreLogEntry } from '@shared/contracts/content-resources';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionCard } from '@/components/ui/section-card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { formatDateTime } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { LOG_DIRECTION_LABELS, LOG_OUTCOME_BADGES, LOG_OUTCOME_LABELS } from './labels';
import { useResourcesLog } from './resources-api';

type Filter = LogDirection | 'all';
const FILTERS: Filter[] = ['all', ...LOG_DIRECTIONS];
const FILTER_LABELS: Record<Filter, string> = { all: 'All', ...LOG_DIRECTION_LABELS };

const columns: ColumnDef<ResourcesCentreLogEntry, unknown>[] = [
  {
    id: 'at',
    header: 'When',
    size: 170,
    meta: { locked: true },
    cell: ({ row }) => (
      <time dateTime={row.original.at} className="tabular text-muted-foreground">
        {formatDateTime(row.original.at)}
      </time>
    ),
  },
  { id: 'direction', header: 'Direction', size: 96, cell: ({ row }) => LOG_DIRECTION_LABELS[row.original.direction] },
  {
    id: 'outcome',
    header: 'Outcome',
    size: 108,
    cell: ({ row }) => (
      <Badge variant={LOG_OUTCOME_BADGES[row.original.outcome]} dot>
        {LOG_OUTCOME_LABELS[row.original.outcome]}
      </Badge>
    ),
  },
  { id: 'status', header: 'HTTP', size: 64, cell: ({ row }) => <span className="tabular">{row.original.httpStatus ?? '—'}</span> },
  { id: 'duration', header: 'Time', size: 76, cell: ({ row }) => <span className="tabular text-muted-foreground">{row.original.durationMs === null ? '—' : `${row.original.durationMs} ms`}</span> },
  {
    id: 'detail',
    header: 'Detail',
    size: 420,
    cell: ({ row }) => (
      <span className="truncate" title={row.original.detail ?? undefined}>
        {row.original.detail ?? '—'}
      </span>
    ),
  },
];

export function LogCard() {
  const [filter, setFilter] = useState<Filter>('all');
  const log = useResourcesLog(filter === 'all' ? null : filter);
  const rows = useMemo(() => log.data?.items ?? [], [log.data]);
  return (
    <SectionCard id="resources-log" title="Log" description="Every push attempt, pull and inbound request, newest first. A refused request says here which check failed." flush>
      <div className="p-4">
        <Tabs value={filter} onValueChange={(next) => setFilter(next as Filter)}>
          <TabsList variant="pill" aria-label="Direction">
            {FILTERS.map((f) => (
              <TabsTrigger key={f} value={f}>
                {FILTER_LABELS[f]}
              </TabsTrigger>
            ))}
          </TabsList>
          {FILTERS.map((f) => (
            <TabsContent key={f} value={f} className="pt-3">
              {f === filter && (
                <DataTable
                  tableId="resources-centre-log"
                  label="Resources Centre log"
                  itemName={rows.length === 1 ? 'entry' : 'entries'}
                  columns={columns}
                  rows={rows}
                  getRowId={(r) => String(r.id)}
                  loading={log.isLoading}
                  error={log.isError ? describeError(log.error) : null}
                  onRetry={() => void log.refetch()}
                  height={360}
                  defaultDensity="compact"
                  empty={<EmptyState compact icon={<ScrollText />} title="Nothing logged yet" description="Pushes, pulls and inbound requests appear here." />}
                />
              )}
            </TabsContent>
          ))}
        </Tabs>
      </div>
    </SectionCard>
  );
}
