// The contacts list: a dense table with search, the filter bar and sort in the address, the
// selection kept in the list's memory, and bulk actions (set a field, delete with undo, export).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Plus, Search, UserRound } from 'lucide-react';
import { CONTACT_FIELDS, CONTACT_SORT_KEYS, type Contact } from '@shared/contracts/accounts';
import { AdvancedFilterBar } from '@/components/ui/advanced-filter-bar/advanced-filter-bar';
import { useUrlFilter } from '@/components/ui/advanced-filter-bar/use-url-filter';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Kbd } from '@/components/ui/kbd';
import { BulkActions } from '@/features/records/bulk-actions';
import { toBulkSelection } from '@/features/records/bulk-selection';
import { SearchBox, SortSelect } from '@/features/records/list-controls';
import { rememberListAddress } from '@/features/records/list-address';
import { useListMemory } from '@/features/records/list-memory';
import { sortQuery, useListUrlState } from '@/features/records/list-url-state';
import { useTableScrollMemory } from '@/features/records/table-scroll-memory';
import { useRecordList } from '@/features/records/use-record-list';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { useCanWriteRecords } from '../accounts/accounts-api';
import { useCanWriteAudience } from '@/features/audience/audience-api';
import { contactColumns } from './contact-columns';
import { ContactFormDialog } from './contact-form-dialog';
import { CONTACTS_PATH, contactKeys } from './contacts-api';

/** The fields a bulk update may set (contactBulkSetSchema), as the filter bar describes them. */
const BULK_FIELDS = CONTACT_FIELDS.filter((f) =>
  ['jobFunction', 'seniority', 'emailStatus', 'city', 'state', 'country', 'timezone', 'consentStatus', 'source'].includes(f.key),
);
const LIST_HEIGHT = 'max(420px, calc(100dvh - 19rem))';

export function ContactsList() {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [filter, setFilter] = useUrlFilter();
  const { q, setQ, sort, setSort } = useListUrlState({ sortKeys: CONTACT_SORT_KEYS, defaultView: 'table' });
  const scope = useMemo(() => JSON.stringify([filter, q.trim()]), [filter, q]);
  const memory = useListMemory('contacts', scope);
  const list = useRecordList<Contact>(contactKeys.lists, CONTACTS_PATH, { q, filter, ...sortQuery(sort) });
  const canWrite = useCanWriteRecords();
  const canAddToList = useCanWriteAudience();
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableWrapper = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => contactColumns(), []);

  useEffect(() => rememberListAddress('/contacts', search), [search]);
  useHotkeys([
    { combo: '/', handler: () => searchRef.current?.focus() },
    { combo: 'c', handler: () => canWrite && setCreating(true) },
  ]);
  useTableScrollMemory(tableWrapper, { loaded: list.rows.length, getFirstVisible: memory.getFirstVisible, setFirstVisible: memory.setFirstVisible });

  const matching = list.total?.count ?? list.rows.length;
  const filtered = filter.conditions.length > 0 || q.trim() !== '';
  const open = useCallback((contact: Contact) => navigate(`/contacts/${contact.id}`), [navigate]);
  const clearFilters = () => {
    setFilter({ type: 'and', conditions: [] });
    setQ('');
  };

  return (
    <>
      <HeaderActionBar
        title="Contacts"
        description="The people at your accounts, with how sure we are of their email and phone, and their consent."
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} title="New contact (C)">
              <Plus aria-hidden="true" />
              New contact
              <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">C</Kbd>
            </Button>
          )
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox ref={searchRef} value={q} onChange={setQ} placeholder="Search name, email or phone" label="Search contacts" />
        <SortSelect fields={CONTACT_FIELDS} value={sort} onChange={setSort} defaultLabel="Newest first" />
      </div>
      <div ref={tableWrapper}>
        <DataTable
          tableId="contacts"
          label="Contacts"
          itemName="matching"
          columns={columns}
          rows={list.rows}
          getRowId={(contact) => contact.id}
          total={matching}
          sort={sort}
          onSortChange={setSort}
          hasMore={list.hasNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          loadingMore={list.isFetchingNextPage}
          loading={list.isLoading}
          error={list.isError ? describeError(list.error) : null}
          onRetry={() => void list.refetch()}
          selection={canWrite ? memory.selection : undefined}
          onSelectionChange={canWrite ? memory.setSelection : undefined}
          bulkActions={({ count, clear }) => (
            <BulkActions
              basePath={CONTACTS_PATH}
              queryKey={contactKeys.all}
              nouns={{ singular: 'contact', plural: 'contacts' }}
              selection={toBulkSelection(memory.selection, { filter, q })}
              count={count}
              clear={clear}
              updatableFields={BULK_FIELDS}
              canWrite={canWrite}
              exportAs="contacts"
              addToList={canAddToList}
            />
          )}
          onRowOpen={open}
          toolbar={<AdvancedFilterBar fields={CONTACT_FIELDS} value={filter} onChange={setFilter} />}
          height={LIST_HEIGHT}
          defaultDensity="compact"
          empty={
            filtered ? (
              <EmptyState
                icon={<Search />}
                title="No contact matches"
                description="Try removing a filter or another search."
                action={
                  <Button variant="outline" size="sm" onClick={clearFilters}>
                    Clear filters and search
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<UserRound />}
                title="No contacts yet"
                description={
                  <>
                    Import a CSV of contacts, or create one by hand. On a local install, <code className="font-mono text-xs">npm start -- --demo</code> starts with a demo data set.
                  </>
                }
                action={
                  canWrite ? (
                    <Button size="sm" onClick={() => setCreating(true)}>
                      <Plus aria-hidden="true" />
                      New contact
                    </Button>
                  ) : undefined
                }
              />
            )
          }
        />
      </div>
      <ContactFormDialog open={creating} onOpenChange={setCreating} contact={null} />
    </>
  );
}
