// The accounts list: search, filter bar, sort and a Cards / Table switch over one server-paged
// query. Filter, search, sort and layout are in the address; the selection and the scroll place
// are kept in the list's memory, so switching layouts (or opening an account and coming back)
// keeps all of them. Bulk actions work on the selection, including "all N matching".
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Building2, Plus, Search } from 'lucide-react';
import { ACCOUNT_FIELDS, ACCOUNT_SORT_KEYS, type Account } from '@shared/contracts/accounts';
import { AdvancedFilterBar } from '@/components/ui/advanced-filter-bar/advanced-filter-bar';
import { useUrlFilter } from '@/components/ui/advanced-filter-bar/use-url-filter';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { headerCheckState, selectedCount } from '@/components/ui/data-table/selection';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Kbd } from '@/components/ui/kbd';
import { BulkActions } from '@/features/records/bulk-actions';
import { toBulkSelection } from '@/features/records/bulk-selection';
import { CardGrid } from '@/features/records/card-grid';
import { SearchBox, SortSelect, ViewToggle } from '@/features/records/list-controls';
import { rememberListAddress } from '@/features/records/list-address';
import { useListMemory } from '@/features/records/list-memory';
import { sortQuery, useListUrlState } from '@/features/records/list-url-state';
import { SelectionBar } from '@/features/records/selection-bar';
import { useTableScrollMemory } from '@/features/records/table-scroll-memory';
import { formatTotal, useRecordList } from '@/features/records/use-record-list';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { ACCOUNT_CARD_HEIGHT, AccountCard } from './account-card';
import { accountColumns } from './account-columns';
import { AccountFormDialog } from './account-form-dialog';
import { useCanWriteAudience } from '@/features/audience/audience-api';
import { ACCOUNTS_PATH, accountKeys, useCanWriteRecords } from './accounts-api';

/** The fields a bulk update may set (accountBulkSetSchema), as the filter bar describes them. */
const BULK_FIELDS = ACCOUNT_FIELDS.filter((f) => ['industry', 'subIndustry', 'employeeRange', 'revenueRange', 'city', 'state', 'country', 'source'].includes(f.key));
const LIST_HEIGHT = 'max(420px, calc(100dvh - 19rem))';

export function AccountsList() {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [filter, setFilter] = useUrlFilter();
  const { q, setQ, sort, setSort, view, setView } = useListUrlState({ sortKeys: ACCOUNT_SORT_KEYS, defaultView: 'cards' });
  const scope = useMemo(() => JSON.stringify([filter, q.trim()]), [filter, q]);
  const memory = useListMemory('accounts', scope);
  const list = useRecordList<Account>(accountKeys.lists, ACCOUNTS_PATH, { q, filter, ...sortQuery(sort) });
  const canWrite = useCanWriteRecords();
  const canAddToList = useCanWriteAudience();
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableWrapper = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => accountColumns(), []);

  useEffect(() => rememberListAddress('/accounts', search), [search]);

  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'c', handler: () => canWrite && setCreating(true) },
  ]);

  useTableScrollMemory(tableWrapper, { loaded: view === 'table' ? list.rows.length : 0, getFirstVisible: memory.getFirstVisible, setFirstVisible: memory.setFirstVisible });

  const matching = list.total?.count ?? list.rows.length;
  const filtered = filter.conditions.length > 0 || q.trim() !== '';
  const open = useCallback((account: Account) => navigate(`/accounts/${account.id}`), [navigate]);
  const loadMore = useCallback(() => void list.fetchNextPage(), [list]);
  const clearFilters = () => {
    setFilter({ type: 'and', conditions: [] });
    setQ('');
  };
  const error = list.isError ? describeError(list.error) : null;

  const empty = filtered ? (
    <EmptyState
      icon={<Search />}
      title="No account matches"
      description="Try removing a filter or another search."
      action={
        <Button variant="outline" size="sm" onClick={clearFilters}>
          Clear filters and search
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={<Building2 />}
      title="No accounts yet"
      description={
        <>
          Import a CSV of companies, or create one by hand. On a local install, <code className="font-mono text-xs">npm start -- --demo</code> starts with a demo data set.
        </>
      }
      action={
        canWrite ? (
          <Button size="sm" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" />
            New account
          </Button>
        ) : undefined
      }
    />
  );

  const bulkActions = ({ count, clear }: { count: number; clear: () => void }) => (
    <BulkActions
      basePath={ACCOUNTS_PATH}
      queryKey={accountKeys.all}
      nouns={{ singular: 'account', plural: 'accounts' }}
      selection={toBulkSelection(memory.selection, { filter, q })}
      count={count}
      clear={clear}
      updatableFields={BULK_FIELDS}
      canWrite={canWrite}
      exportAs="accounts"
      addToList={canAddToList}
    />
  );

  const filterBar = <AdvancedFilterBar fields={ACCOUNT_FIELDS} value={filter} onChange={setFilter} />;
  const selectedInCards = selectedCount(memory.selection, matching);
  const loadedIds = list.rows.map((a) => a.id);

  return (
    <>
      <HeaderActionBar
        title="Accounts"
        description="The companies you market and sell to, with their firmographics and contacts."
        actions={
          <>
            <ViewToggle value={view} onChange={setView} />
            {canWrite && (
              <Button onClick={() => setCreating(true)} title="New account (C)">
                <Plus aria-hidden="true" />
                New account
                <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">C</Kbd>
              </Button>
            )}
          </>
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox ref={searchRef} value={q} onChange={setQ} placeholder="Search name, domain or phone" label="Search accounts" />
        <SortSelect fields={ACCOUNT_FIELDS} value={sort} onChange={setSort} defaultLabel="Newest first" />
      </div>

      {view === 'table' ? (
        <div ref={tableWrapper}>
          <DataTable
            tableId="accounts"
            label="Accounts"
            itemName="matching"
            columns={columns}
            rows={list.rows}
            getRowId={(account) => account.id}
            total={matching}
            sort={sort}
            onSortChange={setSort}
            hasMore={list.hasNextPage}
            onLoadMore={loadMore}
            loadingMore={list.isFetchingNextPage}
            loading={list.isLoading}
            error={error}
            onRetry={() => void list.refetch()}
            empty={empty}
            selection={canWrite ? memory.selection : undefined}
            onSelectionChange={canWrite ? memory.setSelection : undefined}
            bulkActions={({ count, clear }) => bulkActions({ count, clear })}
            onRowOpen={open}
            toolbar={filterBar}
            height={LIST_HEIGHT}
            defaultDensity="compact"
          />
        </div>
      ) : (
        <div className="flex flex-col overflow-hidden rounded-lg border border-border bg-card shadow-xs" data-testid="accounts-cards">
          <div className="flex min-h-13 flex-wrap items-center gap-2 border-b border-border px-3 py-2">
            <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{filterBar}</div>
            <span className="px-1 text-sm text-muted-foreground" aria-live="polite">
              <span className="font-mono tabular text-foreground">{formatTotal(list.total, list.rows.length)}</span> matching
            </span>
            {canWrite && list.rows.length > 0 && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => memory.setSelection(headerCheckState(memory.selection, loadedIds) === true ? { allMatching: false, ids: [] } : { allMatching: false, ids: loadedIds })}
              >
                {headerCheckState(memory.selection, loadedIds) === true ? 'Unselect loaded' : 'Select loaded'}
              </Button>
            )}
          </div>
          <SelectionBar
            selection={memory.selection}
            count={selectedInCards}
            matching={matching}
            loadedCount={list.rows.length}
            allLoadedSelected={headerCheckState(memory.selection, loadedIds) === true}
            onSelectionChange={memory.setSelection}
            actions={bulkActions({ count: selectedInCards, clear: () => memory.setSelection({ allMatching: false, ids: [] }) })}
          />
          <CardGrid
            gridId="accounts"
            label="Accounts"
            items={list.rows}
            getId={(account) => account.id}
            renderCard={(account, state) => <AccountCard account={account} selected={state.selected} selectable={canWrite} onToggle={state.toggle} onOpen={() => open(account)} />}
            selection={memory.selection}
            onSelectionChange={memory.setSelection}
            selectable={canWrite}
            onOpen={open}
            hasMore={list.hasNextPage}
            onLoadMore={loadMore}
            loadingMore={list.isFetchingNextPage}
            loading={list.isLoading}
            error={error}
            onRetry={() => void list.refetch()}
            empty={empty}
            initialIndex={memory.getFirstVisible()}
            onFirstVisibleChange={memory.setFirstVisible}
            height={LIST_HEIGHT}
            cardHeight={ACCOUNT_CARD_HEIGHT}
            matching={matching}
          />
        </div>
      )}

      <AccountFormDialog open={creating} onOpenChange={setCreating} account={null} />
    </>
  );
}
