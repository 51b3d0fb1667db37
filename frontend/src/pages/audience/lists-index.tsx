// The lists index: every static list with its member count and last change; create, rename and
// delete (with confirmation) for campaign staff. Enter opens a list.
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { ListChecks, PencilLine, Trash2 } from 'lucide-react';
import type { StaticList } from '@shared/contracts/audience';
import { RowAction, actionsColumn } from '@/components/ui/data-table/row-actions';
import { toast } from '@/components/ui/toast';
import { DeleteNamedDialog } from '@/features/named-index/delete-named-dialog';
import { NamedIndexPage, descriptionColumn } from '@/features/named-index/named-index-page';
import { whenColumn } from '@/features/records/when-column';
import { api } from '@/lib/api';
import { LISTS_PATH, audienceKeys, useCanWriteAudience, useLists } from '@/features/audience/audience-api';
import { ListOriginBadge } from './list-origin';
import { NameDialog } from './name-dialog';

const hrefOf = (list: StaticList) => `/lists/${list.id}`;

export function ListsIndex() {
  const [, navigate] = useLocation();
  const lists = useLists();
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<StaticList | null>(null);
  const [deleting, setDeleting] = useState<StaticList | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });

  const columns = useMemo<ColumnDef<StaticList, unknown>[]>(() => {
    const cols: ColumnDef<StaticList, unknown>[] = [
      { id: 'origin', header: 'Origin', size: 150, cell: ({ row }) => <ListOriginBadge origin={row.original.origin} /> },
      {
        id: 'memberCount',
        header: 'Members',
        size: 120,
        meta: { mono: true, align: 'right' },
        cell: ({ row }) => row.original.memberCount.toLocaleString('en-US'),
      },
      whenColumn('updatedAt', 'Updated', 160, (r) => r.updatedAt),
      descriptionColumn(280),
    ];
    if (canWrite) {
      cols.push(
        actionsColumn(110, (list) => (
          <>
            <RowAction label={`Rename ${list.name}`} icon={<PencilLine aria-hidden="true" />} onClick={() => setRenaming(list)} />
            <RowAction label={`Delete ${list.name}`} icon={<Trash2 aria-hidden="true" />} tone="danger" onClick={() => setDeleting(list)} />
          </>
        )),
      );
    }
    return cols;
  }, [canWrite]);

  return (
    <NamedIndexPage
      title="Lists"
      description="Fixed sets of contacts: a campaign's audience, a snapshot of a segment, the contacts at a domain set's accounts."
      tableId="lists"
      itemName="lists"
      query={lists}
      hrefOf={hrefOf}
      columns={columns}
      createLabel="New list"
      onCreate={() => setCreating(true)}
      canCreate={canWrite}
      empty={{
        icon: <ListChecks />,
        title: 'No lists yet',
        description: 'Create an empty list and add contacts from the contacts table, or turn a segment or a domain set into a list.',
      }}
    >
      <NameDialog
        open={creating}
        onOpenChange={setCreating}
        title="New list"
        submitLabel="Create list"
        onSubmit={async (values) => {
          const list = await api.post<StaticList>(LISTS_PATH, values);
          refresh();
          toast.success(`List “${list.name}” created.`);
          navigate(hrefOf(list));
        }}
      />
      <NameDialog
        open={renaming !== null}
        onOpenChange={(open) => !open && setRenaming(null)}
        title="Rename list"
        submitLabel="Save"
        initial={renaming ? { name: renaming.name, description: renaming.description } : undefined}
        onSubmit={async (values) => {
          if (!renaming) return;
          await api.patch<StaticList>(`${LISTS_PATH}/${renaming.id}`, values);
          refresh();
          toast.success('List renamed.');
        }}
      />
      <DeleteNamedDialog
        item={deleting}
        onClose={() => setDeleting(null)}
        noun="List"
        pathOf={(list) => `${LISTS_PATH}/${list.id}`}
        description="The contacts stay; only the list goes, and segments that use it stop matching it."
        onDeleted={refresh}
      />
    </NamedIndexPage>
  );
}
