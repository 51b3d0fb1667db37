// One tab of Settings → Email for a collection of configured things (domains, IP pools, warm-up
// plans, sender profiles): what they are for, the "Add" button, a short table with per-row
// buttons, the empty state and removal behind a confirmation that shows the API's refusal (a 409
// says what still uses it). Admins add, open and remove; everyone else reads.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { shortTableHeight } from './table-height';

/** What a collection's list query gives the table. */
export interface CollectionList<T> {
  rows: T[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}

/** A TanStack list query as a collection's rows, loading, error and retry. */
export function collectionList<T>(query: { data?: T[]; isLoading: boolean; error: unknown; refetch: () => unknown }): CollectionList<T> {
  return { rows: query.data ?? [], loading: query.isLoading, error: query.error, onRetry: () => void query.refetch() };
}

export interface SettingsCollectionProps<T extends { id: string }> extends CollectionList<T> {
  tableId: string;
  /** "IP pools": the table's accessible name. */
  label: string;
  /** The counts' nouns: ["IP pool", "IP pools"]. */
  itemNames: readonly [one: string, other: string];
  /** One line on what these are for, above the table. */
  purpose: ReactNode;
  /** What names a row in its buttons' labels ("Remove marketing"). */
  nameOf: (item: T) => string;
  /** The data columns; the buttons column is added after them. */
  columns: ColumnDef<T, unknown>[];
  /** Above the table: e.g. why none can be added yet. */
  notice?: ReactNode;
  /** "Add IP pool"; without `onAdd` it opens the editor empty. */
  add: { label: string; onAdd?: () => void };
  /** The create dialog; with `edits`, rows open in it too ("Edit …" for admins, read-only for the rest). */
  editor?: {
    dialog: (props: { open: boolean; onOpenChange: (open: boolean) => void; item: T | null }) => ReactNode;
    edits?: boolean;
  };
  /** Opening a row (a click, Enter, or its button), when it opens something other than the editor. */
  open?: {
    onOpen: (item: T) => void;
    action: { label: (item: T) => string; icon: ReactNode };
    /** Readers get the button too (otherwise they open the row by clicking it). */
    forReaders?: boolean;
  };
  empty: { icon: ReactNode; title: string; description?: ReactNode };
  remove: {
    title: (item: T) => string;
    description: ReactNode;
    /** The toast once removed. */
    removed: (item: T) => string;
    run: (id: string) => Promise<unknown>;
    onRemoved?: (item: T) => void;
  };
  /** The row asked about, when the caller also asks from elsewhere (a detail sheet's button). */
  removing?: T | null;
  onRemovingChange?: (item: T | null) => void;
  canConfigure: boolean;
  /** The tab's dialogs and sheets. */
  children?: ReactNode;
}

// Each row button is 28px wide with a 4px gap, inside 24px of cell padding.
const actionsWidth = (buttons: number) => 24 + 32 * buttons;

export function SettingsCollection<T extends { id: string }>(props: SettingsCollectionProps<T>) {
  const { tableId, label, itemNames, purpose, nameOf, rows, loading, error, onRetry, notice, add, editor, empty, remove, canConfigure, children } = props;
  const [editing, setEditing] = useState<{ item: T | null } | null>(null);
  const open: SettingsCollectionProps<T>['open'] = editor?.edits
    ? { onOpen: (item) => setEditing({ item }), action: { label: (item) => `Edit ${nameOf(item)}`, icon: <Pencil aria-hidden="true" /> } }
    : props.open;
  const [ownRemoving, setOwnRemoving] = useState<T | null>(null);
  const removing = props.removing !== undefined ? props.removing : ownRemoving;
  const setRemoving = props.onRemovingChange ?? setOwnRemoving;
  const [removeError, setRemoveError] = useState<string | null>(null);
  // Each question starts without the last one's refusal.
  useEffect(() => {
    if (removing) setRemoveError(null);
  }, [removing]);
  const hasOpenButton = open !== undefined && (canConfigure || open.forReaders === true);
  // The cells read the latest callbacks, so the columns change only with what they show.
  const latest = useRef({ open, nameOf, setRemoving });
  latest.current = { open, nameOf, setRemoving };

  const columns = useMemo<ColumnDef<T, unknown>[]>(() => {
    const buttons = (hasOpenButton ? 1 : 0) + (canConfigure ? 1 : 0);
    if (buttons === 0) return props.columns;
    return [
      ...props.columns,
      actionsColumn<T>(actionsWidth(buttons), (item) => (
        <>
          {hasOpenButton && latest.current.open && (
            <RowAction label={latest.current.open.action.label(item)} icon={latest.current.open.action.icon} onClick={() => latest.current.open?.onOpen(item)} />
          )}
          {canConfigure && (
            <RowAction
              label={`Remove ${latest.current.nameOf(item)}`}
              tone="danger"
              icon={<Trash2 aria-hidden="true" />}
              onClick={() => latest.current.setRemoving(item)}
            />
          )}
        </>
      )),
    ];
  }, [props.columns, canConfigure, hasOpenButton]);

  const addButton = canConfigure && (
    <Button size="sm" onClick={add.onAdd ?? (() => setEditing({ item: null }))}>
      <Plus aria-hidden="true" />
      {add.label}
    </Button>
  );

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted-foreground">{purpose}</p>
        {addButton}
      </div>
      {notice}
      <DataTable
        tableId={tableId}
        label={label}
        itemName={rows.length === 1 ? itemNames[0] : itemNames[1]}
        columns={columns}
        rows={rows}
        getRowId={(item) => item.id}
        loading={loading}
        error={error ? describeError(error) : null}
        onRetry={onRetry}
        onRowOpen={open?.onOpen}
        openOnRowClick={open !== undefined}
        height={shortTableHeight(rows.length)}
        empty={<EmptyState compact icon={empty.icon} title={empty.title} description={empty.description ?? purpose} action={addButton || undefined} />}
      />
      {editor?.dialog({ open: editing !== null, onOpenChange: (next) => !next && setEditing(null), item: editing?.item ?? null })}
      {children}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => !next && setRemoving(null)}
        destructive
        title={removing ? remove.title(removing) : ''}
        description={remove.description}
        confirmLabel="Remove"
        error={removeError}
        onConfirm={async () => {
          if (!removing) return;
          setRemoveError(null);
          try {
            await remove.run(removing.id);
          } catch (e) {
            setRemoveError(describeError(e));
            throw e;
          }
          remove.onRemoved?.(removing);
          toast.success(remove.removed(removing));
        }}
      />
    </div>
  );
}
