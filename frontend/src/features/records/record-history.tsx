// A record's field history, newest first, from GET /api/{accounts|contacts}/:id/history: who
// changed what, from which value to which, and when (bulk changes say so).
import { useInfiniteQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import type { HistoryEntry, HistoryResponse } from '@shared/contracts/accounts';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { api, describeError } from '@/lib/api';
import { formatDateTime, formatHistoryValue, formatRelative } from './format';

const ACTION_LABELS: Record<HistoryEntry['action'], { label: string; variant: BadgeVariant }> = {
  create: { label: 'Created', variant: 'success' },
  update: { label: 'Edited', variant: 'info' },
  merge: { label: 'Merged', variant: 'accent' },
  delete: { label: 'Deleted', variant: 'danger' },
  restore: { label: 'Restored', variant: 'neutral' },
};

/** Changes listed per entry before the rest is folded away (a create lists every field). */
const MAX_CHANGES_SHOWN = 8;

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}

export interface RecordHistoryProps {
  path: string;
  queryKey: readonly unknown[];
  /** API field key → label. */
  labels: Record<string, string>;
  /** Reads a field's value for people (country codes, record ids); undefined: the default. */
  formatValue?: (field: string, value: unknown) => string | undefined;
}

export function RecordHistory({ path, queryKey, labels, formatValue }: RecordHistoryProps) {
  const show = (field: string, value: unknown) => formatValue?.(field, value) ?? formatHistoryValue(value);
  const history = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api.get<HistoryResponse>(path, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  if (history.isLoading) {
    return (
      <div className="grid gap-4" aria-busy="true" aria-label="Loading history">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="grid gap-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3.5 w-64" />
          </div>
        ))}
      </div>
    );
  }
  if (history.isError) return <ErrorState compact description={describeError(history.error)} onRetry={() => void history.refetch()} retrying={history.isFetching} />;
  if (entries.length === 0) return <EmptyState compact icon={<History />} title="No changes yet" description="Edits to this record will be listed here." />;

  return (
    <div>
      <ol className="relative grid gap-5 border-l border-border pl-5" aria-label="Field history">
        {entries.map((entry) => {
          const action = ACTION_LABELS[entry.action];
          // A create lists the fields it set; the ones left empty say nothing.
          const changes = Object.entries(entry.changes).filter(([, change]) => entry.action !== 'create' || !isEmptyValue(change.to));
          return (
            <li key={entry.id} className="relative">
              <span className="absolute -left-[25px] top-1.5 size-2.5 rounded-full border-2 border-card bg-primary ring-1 ring-border" aria-hidden="true" />
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <Badge variant={action.variant}>{action.label}</Badge>
                <span className="font-medium">{entry.actorName ?? 'System'}</span>
                {entry.bulkId && <span className="text-xs text-muted-foreground">in a bulk change</span>}
                <time dateTime={entry.at} title={formatDateTime(entry.at)} className="ml-auto text-xs text-muted-foreground">
                  {formatRelative(entry.at)}
                </time>
              </div>
              {changes.length > 0 && entry.action !== 'delete' && entry.action !== 'restore' && (
                <ul className="mt-2 grid gap-1 text-[13px]">
                  {changes.slice(0, MAX_CHANGES_SHOWN).map(([field, change]) => (
                    <li key={field} className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
                      <span className="text-muted-foreground">{labels[field] ?? field}</span>
                      {entry.action !== 'create' && (
                        <>
                          <span className="max-w-56 truncate text-muted-foreground line-through decoration-muted-foreground/50">{show(field, change.from)}</span>
                          <span className="text-muted-foreground" aria-label="changed to">
                            →
                          </span>
                        </>
                      )}
                      <span className="max-w-72 truncate font-medium">{show(field, change.to)}</span>
                    </li>
                  ))}
                  {changes.length > MAX_CHANGES_SHOWN && <li className="text-xs text-muted-foreground">and {changes.length - MAX_CHANGES_SHOWN} more fields</li>}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {history.hasNextPage && (
        <Button variant="outline" size="sm" className="mt-4" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          Show older changes
        </Button>
      )}
    </div>
  );
}
