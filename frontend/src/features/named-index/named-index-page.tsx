// An index page of named things (lists, segments, domain sets): the header with its "New …"
// button and C shortcut, a table whose first column links to each item, and an empty state that
// offers the same first step. The caller adds its own columns and dialogs.
import { useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { CreateButton } from '@/components/ui/create-button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';

export interface NamedItem {
  id: string;
  name: string;
}

export interface NamedIndexPageProps<T extends NamedItem> {
  /** The page heading and the table's accessible name. */
  title: string;
  description: ReactNode;
  tableId: string;
  /** Noun for the table's counts. */
  itemName: string;
  query: UseQueryResult<{ items: T[] }>;
  /** Where an item opens. */
  hrefOf: (item: T) => string;
  /** The columns after the name. */
  columns: ColumnDef<T, unknown>[];
  /** "New list"; offered only to those who may create. */
  createLabel: string;
  onCreate: () => void;
  canCreate: boolean;
  empty: { icon: ReactNode; title: string; description: ReactNode };
  /** The page's dialogs. */
  children?: ReactNode;
}

export function NamedIndexPage<T extends NamedItem>({
  title,
  description,
  tableId,
  itemName,
  query,
  hrefOf,
  columns,
  createLabel,
  onCreate,
  canCreate,
  empty,
  children,
}: NamedIndexPageProps<T>) {
  const [, navigate] = useLocation();
  useHotkeys([{ combo: 'c', handler: () => canCreate && onCreate() }]);

  const allColumns = useMemo(() => unsortable<T>([nameColumn(hrefOf), ...columns]), [hrefOf, columns]);

  return (
    <>
      <HeaderActionBar title={title} description={description} actions={canCreate && <CreateButton label={createLabel} shortcut="C" onClick={onCreate} />} />
      <DataTable
        tableId={tableId}
        label={title}
        itemName={itemName}
        columns={allColumns}
        rows={query.data?.items ?? []}
        getRowId={(item) => item.id}
        loading={query.isLoading}
        error={query.isError ? describeError(query.error) : null}
        onRetry={() => void query.refetch()}
        onRowOpen={(item) => navigate(hrefOf(item))}
        height="max(360px, calc(100dvh - 16rem))"
        empty={
          <EmptyState
            icon={empty.icon}
            title={empty.title}
            description={empty.description}
            action={canCreate ? <CreateButton size="sm" label={createLabel} onClick={onCreate} /> : undefined}
          />
        }
      />
      {children}
    </>
  );
}

function nameColumn<T extends NamedItem>(hrefOf: (item: T) => string): ColumnDef<T, unknown> {
  return {
    id: 'name',
    header: 'Name',
    size: 300,
    meta: { locked: true },
    cell: ({ row }) => (
      // Out of the tab order: the row itself is the keyboard target (Enter opens it).
      <Link href={hrefOf(row.original)} tabIndex={-1} onClick={(e) => e.stopPropagation()} className="font-medium hover:underline">
        {row.original.name}
      </Link>
    ),
  };
}

/** The optional description, a dash when there is none. */
export function descriptionColumn<T extends { description: string | null }>(size: number): ColumnDef<T, unknown> {
  return {
    id: 'description',
    header: 'Description',
    size,
    cell: ({ row }) => row.original.description ?? <span className="text-muted-foreground">—</span>,
  };
}
