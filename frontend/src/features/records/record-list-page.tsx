// A record list from its spec: search, the filter bar and sort in the address, a dense table (and
// optionally a Cards view) over one server-paged query, the selection and scroll place kept in
// the list's memory, bulk actions on the selection (including "all N matching"), `/` to search
// and `c` to create. A click on a row, or Enter on it, opens the record.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { ColumnDef } from '@tanstack/react-table';
import { Plus, Search } from 'lucide-react';
import { AdvancedFilterBar } from '@/components/ui/advanced-filter-bar/advanced-filter-bar';
import { useUrlFilter } from '@/components/ui/advanced-filter-bar/use-url-filter';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { headerCheckState, selectedCount } from '@/components/ui/data-table/selection';
import { SelectionBar } from '@/components/ui/data-table/selection-bar';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Kbd } from '@/components/ui/kbd';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { BulkActions } from './bulk-actions';
import { toBulkSelection } from './bulk-selection';
import { CardGrid, type CardState } from './card-grid';
import { SearchBox, SortSelect, ViewToggle } from './list-controls';
import { rememberListAddress } from './list-address';
import { useListMemory } from './list-memory';
import { sortQuery, useListUrlState } from './list-url-state';
import { RecordFormDialog } from './record-form-dialog';
import { filterFieldsOf, type RecordBase, type RecordSpec } from './record-spec';
import { useTableScrollMemory } from './table-scroll-memory';
import { formatTotal, useRecordList } from './use-record-list';

const LIST_HEIGHT = 'max(420px, calc(100dvh - 19rem))';

export interface RecordCards<T> {
  render: (record: T, state: CardState & { selectable: boolean; open: () => void }) => ReactNode;
  /** Each card's height in pixels (the grid is virtual). */
  height: number;
}

export interface RecordListPageProps<T extends RecordBase> {
  spec: RecordSpec<T>;
  columns: ColumnDef<T, unknown>[];
  /** The empty list's icon. */
  icon: ReactNode;
  canWrite: boolean;
  /** Offer "Add to list" on the selection. */
  canAddToList?: boolean;
  /** A Cards view beside the table; the list opens in it unless the address says otherwise. */
  cards?: RecordCards<T>;
}

export function RecordListPage<T extends RecordBase>({ spec, columns, icon, canWrite, canAddToList = false, cards }: RecordListPageProps<T>) {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [filter, setFilter] = useUrlFilter();
  const { q, setQ, sort, setSort, view: addressView, setView } = useListUrlState({ sortKeys: spec.sortKeys, defaultView: cards ? 'cards' : 'table' });
  const view = cards ? addressView : 'table';
  const scope = useMemo(() => JSON.stringify([filter, q.trim()]), [filter, q]);
  const memory = useListMemory(spec.nouns.plural, scope);
  const list = useRecordList<T>(spec.keys.lists, spec.apiPath, { q, filter, ...sortQuery(sort) });
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableWrapper = useRef<HTMLDivElement>(null);
  const filterFields = filterFieldsOf(spec);
  const { singular, plural } = spec.nouns;

  useEffect(() => rememberListAddress(spec.route, search), [spec.route, search]);
  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'c', handler: () => canWrite && setCreating(true) },
  ]);
  useTableScrollMemory(tableWrapper, { loaded: view === 'table' ? list.rows.length : 0, getFirstVisible: memory.getFirstVisible, setFirstVisible: memory.setFirstVisible });

  const matching = list.total?.count ?? list.rows.length;
  const filtered = filter.conditions.length > 0 || q.trim() !== '';
  const open = useCallback((record: T) => navigate(`${spec.route}/${record.id}`), [navigate, spec.route]);
  const loadMore = useCallback(() => void list.fetchNextPage(), [list]);
  const clearFilters = () => {
    setFilter({ type: 'and', conditions: [] });
    setQ('');
  };
  const error = list.isError ? describeError(list.error) : null;

  const empty = filtered ? (
    <EmptyState
      icon={<Search />}
      title={`No ${singular} matches`}
      description="Try removing a filter or another search."
      action={
        <Button variant="outline" size="sm" onClick={clearFilters}>
          Clear filters and search
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={icon}
      title={`No ${plural} yet`}
      description={spec.copy.emptyDescription}
      action={
        canWrite ? (
          <Button size="sm" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" />
            New {singular}
          </Button>
        ) : undefined
      }
    />
  );

  const bulkActions = ({ count, clear }: { count: number; clear: () => void }) => (
    <BulkActions
      basePath={spec.apiPath}
      queryKey={spec.keys.all}
      nouns={spec.nouns}
      selection={toBulkSelection(memory.selection, { filter, q })}
      count={count}
      clear={clear}
      updatableFields={spec.bulkFields ?? []}
      canWrite={canWrite}
      exportAs={spec.exportAs}
      addToList={canAddToList}
    />
  );

  // What the table and the cards show of the query's state: the same for both.
  const paging = {
    hasMore: list.hasNextPage,
    onLoadMore: loadMore,
    loadingMore: list.isFetchingNextPage,
    loading: list.isLoading,
    error,
    onRetry: () => void list.refetch(),
    empty,
  };
  const filterBar = <AdvancedFilterBar fields={filterFields} value={filter} onChange={setFilter} />;
  const loadedIds = list.rows.map((r) => r.id);
  const allLoadedSelected = headerCheckState(memory.selection, loadedIds) === true;
  const selectedInCards = selectedCount(memory.selection, matching);

  return (
    <>
      <HeaderActionBar
        title={spec.title}
        description={spec.copy.listDescription}
        actions={
          <>
            {cards && <ViewToggle value={view} onChange={setView} />}
            {canWrite && (
              <Button onClick={() => setCreating(true)} title={`New ${singular} (C)`}>
                <Plus aria-hidden="true" />
                New {singular}
                <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">C</Kbd>
              </Button>
            )}
          </>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox ref={searchRef} value={q} onChange={setQ} placeholder={spec.copy.searchPlaceholder} label={`Search ${plural}`} />
        <SortSelect fields={filterFields} value={sort} onChange={setSort} defaultLabel="Newest first" />
      </div>

      {view === 'table' || !cards ? (
        <div ref={tableWrapper}>
          <DataTable
            tableId={plural}
            label={spec.title}
            itemName="matching"
            columns={columns}
            rows={list.rows}
            getRowId={(record) => record.id}
            total={matching}
            sort={sort}
            onSortChange={setSort}
            {...paging}
            selection={canWrite ? memory.selection : undefined}
            onSelectionChange={canWrite ? memory.setSelection : undefined}
            bulkActions={bulkActions}
            onRowOpen={open}
            openOnRowClick
            toolbar={filterBar}
            height={LIST_HEIGHT}
            defaultDensity="compact"
          />
        </div>
      ) : (
        <div className="flex flex-col overflow-hidden rounded-lg border border-border bg-card shadow-xs" data-testid={`${plural}-cards`}>
          <div className="flex min-h-13 flex-wrap items-center gap-2 border-b border-border px-3 py-2">
            <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{filterBar}</div>
            <span className="px-1 text-sm text-muted-foreground" aria-live="polite">
              <span className="font-mono tabular text-foreground">{formatTotal(list.total, list.rows.length)}</span> matching
            </span>
            {canWrite && list.rows.length > 0 && (
              <Button variant="ghost" size="sm" onClick={() => memory.setSelection({ allMatching: false, ids: allLoadedSelected ? [] : loadedIds })}>
                {allLoadedSelected ? 'Unselect loaded' : 'Select loaded'}
              </Button>
            )}
          </div>
          <SelectionBar
            selection={memory.selection}
            count={selectedInCards}
            matching={matching}
            loadedCount={list.rows.length}
            allLoadedSelected={allLoadedSelected}
            onSelectionChange={memory.setSelection}
            actions={bulkActions({ count: selectedInCards, clear: () => memory.setSelection({ allMatching: false, ids: [] }) })}
          />
          <CardGrid
            gridId={plural}
            label={spec.title}
            items={list.rows}
            getId={(record) => record.id}
            renderCard={(record, state) => cards.render(record, { ...state, selectable: canWrite, open: () => open(record) })}
            selection={memory.selection}
            onSelectionChange={memory.setSelection}
            selectable={canWrite}
            onOpen={open}
            {...paging}
            initialIndex={memory.getFirstVisible()}
            onFirstVisibleChange={memory.setFirstVisible}
            height={LIST_HEIGHT}
            cardHeight={cards.height}
            matching={matching}
          />
        </div>
      )}

      <RecordFormDialog spec={spec} open={creating} onOpenChange={setCreating} record={null} />
    </>
  );
}
