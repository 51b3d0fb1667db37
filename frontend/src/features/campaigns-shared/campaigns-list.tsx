// What the email and call campaign lists share: the status filter in the URL and the name search,
// and the page itself (header, status tabs, the table with its search box and empty states). Each
// list brings its own columns, statuses and words.
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { CreateButton } from '@/components/ui/create-button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { SearchBox } from '@/components/ui/search-box';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { describeError } from '@/lib/api';
import { useDebounced } from '@/lib/use-debounced';

/** The list's filter: the status from `?status=` (anything unknown is no filter) and the debounced name search. */
export function useCampaignListFilter<S extends string>(statuses: readonly S[]) {
  const search = new URLSearchParams(useSearch());
  const statusParam = search.get('status');
  const status = statusParam !== null && (statuses as readonly string[]).includes(statusParam) ? (statusParam as S) : null;
  const [q, setQ] = useState('');
  const debouncedQ = useDebounced(q.trim(), 250);
  return { status, q, setQ, debouncedQ, filtered: status !== null || debouncedQ !== '' };
}

/**
 * The list's Name column: a link to the campaign, out of the tab order (the row opens it) and not
 * a second row click.
 */
export function campaignNameColumn<T extends { id: string; name: string }>(
  href: (id: string) => string,
  size: number,
  className = 'font-medium hover:underline',
): ColumnDef<T, unknown> {
  return {
    id: 'name',
    header: 'Name',
    size,
    meta: { locked: true },
    cell: ({ row }) => (
      <Link href={href(row.original.id)} tabIndex={-1} onClick={(e) => e.stopPropagation()} className={className}>
        {row.original.name}
      </Link>
    ),
  };
}

interface ListQuery {
  isLoading: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface CampaignsListPageProps<T extends { id: string }, S extends string> {
  title: string;
  description: string;
  /** The create button's label, in the header (with its C shortcut) and in the first-run empty state. */
  createLabel: string;
  onCreate: () => void;
  /** The list's route: the status tabs navigate to it with `?status=`. */
  route: string;
  statuses: readonly S[];
  statusLabels: Record<S, string>;
  filter: { status: S | null; q: string; setQ: (q: string) => void; filtered: boolean };
  tableId: string;
  label: string;
  itemName: string;
  searchLabel: string;
  columns: ColumnDef<T, unknown>[];
  rows: T[];
  query: ListQuery;
  /** Where the list is paged, the table's "load more". */
  paging?: { hasMore: boolean; onLoadMore: () => void; loadingMore: boolean };
  onRowOpen: (row: T) => void;
  /** What the table says when the filter matches nothing, and when there is nothing at all yet. */
  noMatchTitle: string;
  emptyIcon: ReactNode;
  emptyTitle: string;
  emptyDescription: string;
  /** Dialogs the page owns (create, confirm). */
  children?: ReactNode;
}

export function CampaignsListPage<T extends { id: string }, S extends string>(props: CampaignsListPageProps<T, S>) {
  const [, navigate] = useLocation();
  const { filter, query, paging, route, statuses, statusLabels } = props;
  const table = (
    <DataTable
      tableId={props.tableId}
      label={props.label}
      itemName={props.itemName}
      columns={props.columns}
      rows={props.rows}
      getRowId={(c) => c.id}
      loading={query.isLoading}
      error={query.isError ? describeError(query.error) : null}
      onRetry={() => void query.refetch()}
      hasMore={paging?.hasMore}
      onLoadMore={paging?.onLoadMore}
      loadingMore={paging?.loadingMore}
      onRowOpen={props.onRowOpen}
      defaultDensity="compact"
      height="max(360px, calc(100dvh - 19rem))"
      toolbar={
        <SearchBox className="w-64" label={props.searchLabel} placeholder="Search campaigns…" value={filter.q} onChange={filter.setQ} />
      }
      empty={
        filter.filtered ? (
          <EmptyState compact title={props.noMatchTitle} description="Try another status or search." />
        ) : (
          <EmptyState
            icon={props.emptyIcon}
            title={props.emptyTitle}
            description={props.emptyDescription}
            action={<CreateButton size="sm" label={props.createLabel} onClick={props.onCreate} />}
          />
        )
      }
    />
  );
  return (
    <>
      <HeaderActionBar title={props.title} description={props.description} actions={<CreateButton label={props.createLabel} shortcut="C" onClick={props.onCreate} />} />
      <Tabs value={filter.status ?? 'all'} onValueChange={(v) => navigate(v === 'all' ? route : `${route}?status=${v}`, { replace: true })}>
        <TabsList aria-label="Campaign status">
          <TabsTrigger value="all">All</TabsTrigger>
          {statuses.map((s) => (
            <TabsTrigger key={s} value={s}>
              {statusLabels[s]}
            </TabsTrigger>
          ))}
        </TabsList>
        {['all', ...statuses].map((value) => (
          <TabsContent key={value} value={value} className="pt-3">
            {value === (filter.status ?? 'all') && table}
          </TabsContent>
        ))}
      </Tabs>
      {props.children}
    </>
  );
}
