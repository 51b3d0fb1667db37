// The lists index: every static list with its member count and last change; create, rename and
// delete (with confirmation) for campaign staff. Enter opens a list.
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { ListChecks, PencilLine, Plus, Trash2 } from 'lucide-react';
import type { StaticList } from '@shared/contracts/audience';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Kbd } from '@/components/ui/kbd';
import { toast } from '@/components/ui/toast';
import { whenColumn } from '@/features/records/when-column';
import { api, describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { LISTS_PATH, audienceKeys, useCanWriteAudience, useLists } from '@/features/audience/audience-api';
import { ListOriginBadge } from './list-origin';
import { NameDialog } from './name-dialog';

export function ListsIndex() {
  const [, navigate] = useLocation();
  const lists = useLists();
  const canWrite = useCanWriteAudience();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<StaticList | null>(null);
  const [deleting, setDeleting] = useState<StaticList | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });

  useHotkeys([{ combo: 'c', handler: () => canWrite && setCreating(true) }]);

  const columns = useMemo<ColumnDef<StaticList, unknown>[]>(() => {
    const cols: ColumnDef<StaticList, unknown>[] = [
      {
        id: 'name',
        header: 'Name',
        size: 300,
        meta: { locked: true },
        cell: ({ row }) => (
          <Link href={`/lists/${row.original.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="font-medium hover:underline">
            {row.original.name}
          </Link>
        ),
      },
      { id: 'origin', header: 'Origin', size: 150, cell: ({ row }) => <ListOriginBadge origin={row.original.origin} /> },
      {
        id: 'memberCount',
        header: 'Members',
        size: 120,
        meta: { mono: true, align: 'right' },
        cell: ({ row }) => row.original.memberCount.toLocaleString('en-US'),
      },
      whenColumn('updatedAt', 'Updated', 160, (r) => r.updatedAt),
      {
        id: 'description',
        header: 'Description',
        size: 280,
        cell: ({ row }) => row.original.description ?? <span className="text-muted-foreground">—</span>,
      },
    ];
    if (canWrite) {
      cols.push({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        size: 110,
        meta: { label: 'Actions', align: 'right', locked: true },
        cell: ({ row }) => (
          <span className="inline-flex gap-1">
            <Button variant="ghost" size="icon-sm" className="size-7" aria-label={`Rename ${row.original.name}`} onClick={(e) => (e.stopPropagation(), setRenaming(row.original))}>
              <PencilLine aria-hidden="true" />
            </Button>
            <Button
              variant="ghost"
              size="icon-sm"
              className="size-7 text-danger-text hover:bg-danger-subtle"
              aria-label={`Delete ${row.original.name}`}
              onClick={(e) => (e.stopPropagation(), setDeleting(row.original))}
            >
              <Trash2 aria-hidden="true" />
            </Button>
          </span>
        ),
      });
    }
    return cols.map((c) => ({ ...c, enableSorting: false }));
  }, [canWrite]);

  return (
    <>
      <HeaderActionBar
        title="Lists"
        description="Fixed sets of contacts: a campaign's audience, a snapshot of a segment, the contacts at a domain set's accounts."
        actions={
          canWrite && (
            <Button onClick={() => setCreating(true)} title="New list (C)">
              <Plus aria-hidden="true" />
              New list
              <Kbd className="ml-1 border-white/25 bg-white/10 text-primary-foreground">C</Kbd>
            </Button>
          )
        }
      />
      <DataTable
        tableId="lists"
        label="Lists"
        itemName="lists"
        columns={columns}
        rows={lists.data?.items ?? []}
        getRowId={(list) => list.id}
        loading={lists.isLoading}
        error={lists.isError ? describeError(lists.error) : null}
        onRetry={() => void lists.refetch()}
        onRowOpen={(list) => navigate(`/lists/${list.id}`)}
        height="max(360px, calc(100dvh - 16rem))"
        empty={
          <EmptyState
            icon={<ListChecks />}
            title="No lists yet"
            description="Create an empty list and add contacts from the contacts table, or turn a segment or a domain set into a list."
            action={
              canWrite ? (
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus aria-hidden="true" />
                  New list
                </Button>
              ) : undefined
            }
          />
        }
      />
      <NameDialog
        open={creating}
        onOpenChange={setCreating}
        title="New list"
        submitLabel="Create list"
        onSubmit={async (values) => {
          const list = await api.post<StaticList>(LISTS_PATH, values);
          refresh();
          toast.success(`List “${list.name}” created.`);
          navigate(`/lists/${list.id}`);
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
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        destructive
        title={`Delete “${deleting?.name ?? ''}”?`}
        description="The contacts stay; only the list goes, and segments that use it stop matching it."
        confirmLabel="Delete list"
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await api.delete(`${LISTS_PATH}/${deleting.id}`);
            refresh();
            toast.success(`List “${deleting.name}” deleted.`);
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
    </>
  );
}
