// One static list: its members in the contacts table (search, filter, sort, cursor pages), and
// for campaign staff rename, delete and "remove the selected members" — each asked first.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { PencilLine, Trash2, UserMinus, Users } from 'lucide-react';
import type { ListMembersResult, StaticList } from '@shared/contracts/audience';
import { CONTACT_FIELDS, CONTACT_SORT_KEYS, type BulkSelection, type Contact } from '@shared/contracts/accounts';
import { AdvancedFilterBar } from '@/components/ui/advanced-filter-bar/advanced-filter-bar';
import { useUrlFilter } from '@/components/ui/advanced-filter-bar/use-url-filter';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EMPTY_SELECTION, type SelectionModel } from '@/components/ui/data-table/selection';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { ReachableNow } from '@/features/activity/reachable-now';
import { toast } from '@/components/ui/toast';
import { DeleteNamedDialog } from '@/features/named-index/delete-named-dialog';
import { countOf } from '@/features/records/bulk-selection';
import { DetailLoadError } from '@/features/records/detail-load-error';
import { formatDateTime } from '@/features/records/format';
import { SearchBox, SortSelect } from '@/features/records/list-controls';
import { sortQuery, useListUrlState } from '@/features/records/list-url-state';
import { RecordDetailSkeleton } from '@/features/records/record-detail-skeleton';
import { useRecordList } from '@/features/records/use-record-list';
import { api, describeError } from '@/lib/api';
import { contactColumns } from '../contacts/contact-columns';
import { LISTS_PATH, audienceKeys, useCanWriteAudience, useList } from '@/features/audience/audience-api';
import { ListOriginBadge } from './list-origin';
import { memberSelection } from './member-selection';
import { NameDialog } from './name-dialog';
import { pagedTable } from '@/lib/paged-table';

export function ListDetail({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const list = useList(id);
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useUrlFilter();
  const { q, setQ, sort, setSort } = useListUrlState({ sortKeys: CONTACT_SORT_KEYS, defaultView: 'table' });
  const members = useRecordList<Contact>(audienceKeys.members(id), `${LISTS_PATH}/${id}/members`, { q, filter, ...sortQuery(sort) });
  const [selection, setSelection] = useState<SelectionModel>(EMPTY_SELECTION);
  const [removing, setRemoving] = useState<{ selection: BulkSelection; count: number } | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const columns = useMemo(() => contactColumns(), []);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });
  };

  if (list.isLoading) return <RecordDetailSkeleton label="Loading list" />;
  if (list.isError || !list.data) return <DetailLoadError noun="list" query={list} />;
  const record = list.data;
  const matching = members.total?.count ?? members.rows.length;

  async function removeMembers(target: BulkSelection) {
    try {
      const result = await api.post<ListMembersResult>(`${LISTS_PATH}/${id}/members/remove`, { selection: target });
      toast.success(`${countOf(result.changed, 'contact', 'contacts')} removed from the list.`);
      setSelection(EMPTY_SELECTION);
      refresh();
    } catch (error) {
      toast.error(describeError(error));
      throw error;
    }
  }

  return (
    <>
      <HeaderActionBar
        eyebrow={<BackLink href="/lists">Lists</BackLink>}
        title={record.name}
        meta={
          <>
            <ListOriginBadge origin={record.origin} />
            <span className="text-sm text-muted-foreground" data-testid="member-count">
              <span className="font-mono tabular text-foreground">{record.memberCount.toLocaleString('en-US')}</span> members
            </span>
            <ReachableNow selection={{ kind: 'list', listId: record.id }} />
          </>
        }
        description={record.description ?? `Updated ${formatDateTime(record.updatedAt)}.`}
        actions={
          canWrite && (
            <>
              <Button variant="outline" onClick={() => setRenaming(true)}>
                <PencilLine aria-hidden="true" />
                Rename
              </Button>
              <Button variant="outline" className="text-danger-text hover:bg-danger-subtle" onClick={() => setDeleting(true)}>
                <Trash2 aria-hidden="true" />
                Delete
              </Button>
            </>
          )
        }
      />
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox value={q} onChange={setQ} placeholder="Search name, email or phone" label="Search members" />
        <SortSelect fields={CONTACT_FIELDS} value={sort} onChange={setSort} defaultLabel="Newest first" />
      </div>
      <DataTable
        tableId="list-members"
        label="List members"
        itemName="members"
        columns={columns}
        rows={members.rows}
        getRowId={(contact) => contact.id}
        total={matching}
        sort={sort}
        onSortChange={setSort}
        {...pagedTable(members)}
        selection={canWrite ? selection : undefined}
        onSelectionChange={canWrite ? setSelection : undefined}
        bulkActions={({ count }) => {
          const target = memberSelection(id, selection, { filter, q });
          return (
            target && (
              <Button variant="outline" size="sm" className="text-danger-text hover:bg-danger-subtle" onClick={() => setRemoving({ selection: target, count })}>
                <UserMinus aria-hidden="true" />
                Remove from list
              </Button>
            )
          );
        }}
        onRowOpen={(contact) => navigate(`/contacts/${contact.id}`)}
        toolbar={<AdvancedFilterBar fields={CONTACT_FIELDS} value={filter} onChange={setFilter} />}
        height="max(380px, calc(100dvh - 20rem))"
        defaultDensity="compact"
        empty={
          filter.conditions.length > 0 || q.trim() ? (
            <EmptyState compact title="No member matches" description="Try removing a filter or another search." />
          ) : (
            <EmptyState
              icon={<Users />}
              title="This list has no members"
              description="Select contacts in the contacts table and add them to this list, or build a segment and turn it into a list."
            />
          )
        }
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        destructive
        title={`Remove ${countOf(removing?.count ?? 0, 'contact', 'contacts')} from “${record.name}”?`}
        description="The contacts themselves are kept; they only leave this list."
        confirmLabel="Remove from list"
        onConfirm={() => (removing ? removeMembers(removing.selection) : undefined)}
      />
      <NameDialog
        open={renaming}
        onOpenChange={setRenaming}
        title="Rename list"
        submitLabel="Save"
        initial={{ name: record.name, description: record.description }}
        onSubmit={async (values) => {
          await api.patch<StaticList>(`${LISTS_PATH}/${id}`, values);
          refresh();
          toast.success('List renamed.');
        }}
      />
      <DeleteNamedDialog
        item={deleting ? record : null}
        onClose={() => setDeleting(false)}
        noun="List"
        pathOf={(list) => `${LISTS_PATH}/${list.id}`}
        description="The contacts stay; only the list goes, and segments that use it stop matching it."
        onDeleted={() => {
          void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });
          navigate('/lists');
        }}
      />
    </>
  );
}
