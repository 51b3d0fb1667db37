// DataTable: the dense grid for CRM lists. TanStack Table v8 for columns, @tanstack/react-virtual
// so only the visible rows are in the DOM (100,000 rows scroll like 100), sorting and paging left
// to the server (sort state in, cursor pages loaded as the user nears the end), columns the user
// can hide and reorder (remembered per `tableId`), a selection that can cover every matching row,
// and keyboard control: ↑/↓ or j/k move, x or Space select (Shift extends), Enter opens (a
// focused row too); a double click opens, or a single one where the table says so.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown, Rows3, Rows4 } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Button } from '../button';
import { Checkbox } from '../checkbox';
import { EmptyState } from '../empty-state';
import { ErrorState } from '../error-state';
import { Skeleton } from '../skeleton';
import { ColumnSettings } from './column-settings';
import { ListStatusBar } from './list-status-bar';
import { SelectionBar } from './selection-bar';
import { defaultColumnState, loadColumnState, reconcileColumnState, saveColumnState, storageKey, type ColumnState, type Density } from './column-state';
import { EMPTY_SELECTION, headerCheckState, selectedCount, selectionLookup, setRows, toggleRow, type SelectionModel } from './selection';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Monospace data: ids, emails, phones, numbers. */
    mono?: boolean;
    align?: 'left' | 'right' | 'center';
    /** The column's name in the Columns menu when its header is not plain text. */
    label?: string;
    /** Always shown (cannot be hidden). */
    locked?: boolean;
  }
}

export interface SortState {
  id: string;
  desc: boolean;
}

export interface DataTableProps<T> {
  /** Remembers column layout and density under this id. */
  tableId: string;
  /** The accessible name of the grid, e.g. "Accounts". */
  label: string;
  /** Every column needs an `id` (or an `accessorKey`). Value types vary per column, hence `any`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  rows: T[];
  getRowId: (row: T) => string;
  /** How many rows match the filter on the server (for counts and "select all"). */
  total?: number;
  sort?: SortState | null;
  onSortChange?: (sort: SortState | null) => void;
  /** More cursor pages exist; `onLoadMore` is called as the user scrolls near the end. */
  hasMore?: boolean;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  /** The first page is loading: skeleton rows. */
  loading?: boolean;
  /** A load failed; with no rows the table shows an error state. */
  error?: string | null;
  onRetry?: () => void;
  /** Shown when there are no rows (and no error). */
  empty?: ReactNode;
  selection?: SelectionModel;
  onSelectionChange?: (selection: SelectionModel) => void;
  /** Actions for the current selection, shown in the bulk bar. */
  bulkActions?: (context: { selection: SelectionModel; count: number; clear: () => void }) => ReactNode;
  onRowOpen?: (row: T) => void;
  /**
   * A single click on a row opens it (not only a double click); clicks on the row's links,
   * buttons and checkbox keep their own meaning.
   */
  openOnRowClick?: boolean;
  /** Left side of the toolbar (search, filters). */
  toolbar?: ReactNode;
  /** Noun for counts: "accounts" → "1,204 accounts". */
  itemName?: string;
  /** Height of the scrolling body; the header stays visible above the rows. */
  height?: number | string;
  defaultDensity?: Density;
  className?: string;
}

const ROW_HEIGHT: Record<Density, number> = { compact: 34, comfortable: 44 };
const SELECT_COLUMN_WIDTH = 44;
/** Start loading the next page this many rows before the end. */
const LOAD_AHEAD_ROWS = 40;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function columnIdOf<T>(column: ColumnDef<T, any>): string {
  const withKey = column as { id?: string; accessorKey?: string };
  return withKey.id ?? withKey.accessorKey ?? '';
}

function browserStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const nf = (n: number) => n.toLocaleString('en-US');

/** The click landed on something inside the row with its own action (a link, a checkbox). */
function ownsClick(target: EventTarget, row: Element): boolean {
  const interactive = target instanceof Element ? target.closest('a, button, input, select, textarea, label, [role="checkbox"], [role="button"]') : null;
  return interactive !== null && interactive !== row && row.contains(interactive);
}

/** A drag that selected text is a copy, not a click to open. */
function selectingText(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

export function DataTable<T>({
  tableId,
  label,
  columns,
  rows,
  getRowId,
  total,
  sort,
  onSortChange,
  hasMore,
  onLoadMore,
  loadingMore,
  loading,
  error,
  onRetry,
  empty,
  selection,
  onSelectionChange,
  bulkActions,
  onRowOpen,
  openOnRowClick = false,
  toolbar,
  itemName = 'rows',
  height = 560,
  defaultDensity = 'comfortable',
  className,
}: DataTableProps<T>) {
  const selectable = selection !== undefined && onSelectionChange !== undefined;
  const currentSelection = selection ?? EMPTY_SELECTION;
  const columnIds = useMemo(() => columns.map(columnIdOf), [columns]);
  const lockedIds = useMemo(() => columns.filter((c) => c.meta?.locked).map(columnIdOf), [columns]);
  const labels = useMemo(
    () =>
      Object.fromEntries(
        columns.map((c) => [columnIdOf(c), c.meta?.label ?? (typeof c.header === 'string' ? c.header : columnIdOf(c))]),
      ) as Record<string, string>,
    [columns],
  );

  const [columnState, setColumnState] = useState<ColumnState>(() => {
    const saved = browserStore()?.getItem(storageKey(tableId));
    const loaded = loadColumnState(browserStore(), tableId, columnIds, lockedIds);
    return saved ? loaded : { ...loaded, density: defaultDensity };
  });
  // Columns can change under a mounted table (a feature adds one): fold them into the layout.
  const columnKey = columnIds.join('|');
  useEffect(() => {
    setColumnState((prev) => reconcileColumnState(prev, columnIds, lockedIds));
  }, [columnKey]); // columnIds/lockedIds are read through this key, not by identity
  const updateColumnState = useCallback(
    (next: ColumnState) => {
      setColumnState(next);
      saveColumnState(browserStore(), tableId, next);
    },
    [tableId],
  );
  const density = columnState.density;
  const rowHeight = ROW_HEIGHT[density];

  const table = useReactTable<T>({
    data: rows,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    state: {
      columnOrder: columnState.order,
      columnVisibility: Object.fromEntries(columnState.hidden.map((id) => [id, false])),
      sorting: sort ? [sort] : [],
    },
  });
  const tableRows = table.getRowModel().rows;
  const visibleColumns = table.getVisibleLeafColumns();

  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);
  const virtualRows = virtualizer.getVirtualItems();
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualRows.length > 0 ? virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0) : 0;

  // Cursor paging: ask for the next page once the rendered window nears the loaded end.
  const lastRendered = virtualRows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && !error && onLoadMore && tableRows.length > 0 && lastRendered >= tableRows.length - LOAD_AHEAD_ROWS) {
      onLoadMore();
    }
  }, [hasMore, loadingMore, error, onLoadMore, lastRendered, tableRows.length]);

  // Keyboard: the active row (a cursor, separate from the selection).
  const [active, setActive] = useState<number | null>(null);
  const anchor = useRef<number | null>(null);
  useEffect(() => {
    if (active !== null && active >= tableRows.length) setActive(tableRows.length > 0 ? tableRows.length - 1 : null);
  }, [active, tableRows.length]);

  const moveTo = useCallback(
    (index: number) => {
      if (tableRows.length === 0) return;
      const next = Math.max(0, Math.min(tableRows.length - 1, index));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [tableRows.length, virtualizer],
  );

  const loadedIds = useMemo(() => tableRows.map((r) => r.id), [tableRows]);
  const isSelected = useMemo(() => selectionLookup(currentSelection), [currentSelection]);
  const count = selectable ? selectedCount(currentSelection, total ?? rows.length) : 0;

  const toggleAt = useCallback(
    (index: number, extend: boolean) => {
      if (!selectable || !onSelectionChange) return;
      const row = tableRows[index];
      if (!row) return;
      if (extend && anchor.current !== null) {
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        const range = loadedIds.slice(from, to + 1);
        onSelectionChange(setRows(currentSelection, range, !isSelected(row.id) || index === anchor.current));
      } else {
        onSelectionChange(toggleRow(currentSelection, row.id));
      }
      anchor.current = index;
    },
    [selectable, onSelectionChange, tableRows, loadedIds, currentSelection, isSelected],
  );

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (event.target !== event.currentTarget || event.metaKey || event.ctrlKey || event.altKey) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const current = active ?? -1;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(current + 1);
        break;
      case 'ArrowUp':
      case 'k':
        moveTo(current < 0 ? 0 : current - 1);
        break;
      case 'PageDown':
        moveTo(current + pageRows);
        break;
      case 'PageUp':
        moveTo(current - pageRows);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(tableRows.length - 1);
        break;
      case 'x':
      case 'X':
      case ' ':
        if (active === null) return;
        toggleAt(active, event.shiftKey);
        break;
      case 'Enter': {
        const row = active !== null ? tableRows[active] : undefined;
        if (!row || !onRowOpen) return;
        onRowOpen(row.original);
        break;
      }
      case 'Escape':
        if (!selectable || count === 0) return;
        onSelectionChange?.(EMPTY_SELECTION);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const rowDomId = (index: number) => `${tableId}-row-${index}`;
  const activeRendered = active !== null && virtualRows.some((v) => v.index === active);
  const headerState = useMemo(() => (selectable ? headerCheckState(currentSelection, loadedIds) : false), [selectable, currentSelection, loadedIds]);
  const matching = total ?? rows.length;
  const clearSelection = () => onSelectionChange?.(EMPTY_SELECTION);
  const colCount = visibleColumns.length + (selectable ? 1 : 0);
  const showSkeleton = loading && rows.length === 0;
  const showError = !loading && !!error && rows.length === 0;
  const showEmpty = !loading && !error && rows.length === 0;

  function sortColumn(id: string) {
    if (!onSortChange) return;
    if (!sort || sort.id !== id) onSortChange({ id, desc: false });
    else if (!sort.desc) onSortChange({ id, desc: true });
    else onSortChange(null);
  }

  return (
    <div className={cn('flex flex-col overflow-hidden rounded-lg border border-border bg-card shadow-xs', className)} data-table-id={tableId}>
        <div className="flex min-h-13 flex-wrap items-center gap-2 border-b border-border px-3 py-2">
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{toolbar}</div>
          <span className="px-1 text-sm text-muted-foreground" aria-live="polite">
            <span className="font-mono tabular text-foreground">{nf(matching)}</span> {itemName}
          </span>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label={density === 'compact' ? 'Comfortable rows' : 'Compact rows'}
            title={density === 'compact' ? 'Comfortable rows' : 'Compact rows'}
            onClick={() => updateColumnState({ ...columnState, density: density === 'compact' ? 'comfortable' : 'compact' })}
          >
            {density === 'compact' ? <Rows3 aria-hidden="true" /> : <Rows4 aria-hidden="true" />}
          </Button>
          <ColumnSettings
            state={columnState}
            labels={labels}
            locked={lockedIds}
            onChange={updateColumnState}
            onReset={() => updateColumnState(defaultColumnState(columnIds, density))}
          />
        </div>
      <SelectionBar
        selection={currentSelection}
        count={count}
        matching={matching}
        loadedCount={loadedIds.length}
        allLoadedSelected={headerState === true}
        onSelectionChange={(next) => onSelectionChange?.(next)}
        actions={bulkActions?.({ selection: currentSelection, count, clear: clearSelection })}
      />

      <div ref={scrollRef} className="relative overflow-auto overscroll-contain [&:has(>table:focus-visible)]:outline-2 [&:has(>table:focus-visible)]:-outline-offset-2 [&:has(>table:focus-visible)]:outline-ring" style={{ height }}>
        <table
          ref={gridRef}
          role="grid"
          aria-label={label}
          aria-rowcount={matching + 1}
          aria-colcount={colCount}
          aria-multiselectable={selectable || undefined}
          aria-activedescendant={activeRendered && active !== null ? rowDomId(active) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            // A row taking focus itself sets the active row; only the grid's own focus picks the first.
            if (event.target === event.currentTarget && active === null && tableRows.length > 0) setActive(Math.max(0, virtualRows[0]?.index ?? 0));
          }}
          className="w-full table-fixed border-separate border-spacing-0 text-sm outline-none focus-visible:outline-none [&:focus-visible_[data-active=true]>td]:shadow-[inset_0_1px_0_var(--ring),inset_0_-1px_0_var(--ring)] [&:focus-visible_[data-active=true]>td:first-child]:shadow-[inset_2px_0_0_var(--ring),inset_0_1px_0_var(--ring),inset_0_-1px_0_var(--ring)]"
          style={{ minWidth: visibleColumns.reduce((sum, c) => sum + c.getSize(), selectable ? SELECT_COLUMN_WIDTH : 0) }}
          data-testid="data-table"
        >
          <colgroup>
            {selectable && <col style={{ width: SELECT_COLUMN_WIDTH }} />}
            {visibleColumns.map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} role="row" aria-rowindex={1}>
                {selectable && (
                  <th role="columnheader" className="sticky top-0 z-10 h-10 border-b border-border bg-muted px-3 text-left">
                    <Checkbox
                      aria-label={headerState === true ? 'Unselect loaded rows' : 'Select loaded rows'}
                      checked={headerState}
                      onCheckedChange={() =>
                        onSelectionChange?.(headerState === true ? EMPTY_SELECTION : setRows(currentSelection, loadedIds, true))
                      }
                    />
                  </th>
                )}
                {group.headers.map((header) => {
                  const meta = header.column.columnDef.meta;
                  const sortable = !!onSortChange && header.column.columnDef.enableSorting !== false;
                  const sorted = sort?.id === header.column.id ? (sort.desc ? 'descending' : 'ascending') : undefined;
                  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      role="columnheader"
                      aria-sort={sortable ? (sorted ?? 'none') : undefined}
                      className={cn(
                        'sticky top-0 z-10 h-10 truncate border-b border-border bg-muted px-3 text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground',
                        meta?.align === 'right' && 'text-right',
                        meta?.align === 'center' && 'text-center',
                      )}
                    >
                      {sortable ? (
                        <button
                          type="button"
                          onClick={() => sortColumn(header.column.id)}
                          className={cn(
                            'flex max-w-full items-center gap-1 rounded-sm align-middle uppercase tracking-wide hover:text-foreground',
                            sorted && 'text-foreground',
                            meta?.align === 'right' && 'ml-auto flex-row-reverse',
                            meta?.align === 'center' && 'mx-auto',
                          )}
                        >
                          <span className="truncate">{content}</span>
                          {sorted === 'ascending' ? (
                            <ArrowUp className="size-3.5 shrink-0" aria-hidden="true" />
                          ) : sorted === 'descending' ? (
                            <ArrowDown className="size-3.5 shrink-0" aria-hidden="true" />
                          ) : (
                            <ChevronsUpDown className="size-3.5 shrink-0 opacity-50" aria-hidden="true" />
                          )}
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {showSkeleton &&
              Array.from({ length: 10 }, (_, i) => (
                <tr key={`skeleton-${i}`} aria-hidden="true" style={{ height: rowHeight }}>
                  {Array.from({ length: colCount }, (_, j) => (
                    <td key={j} className="border-b border-border px-3">
                      <Skeleton className={cn('h-3.5', j === 0 && selectable ? 'w-4' : j % 3 === 0 ? 'w-3/4' : 'w-1/2')} />
                    </td>
                  ))}
                </tr>
              ))}
            {paddingTop > 0 && (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={colCount} />
              </tr>
            )}
            {virtualRows.map((virtualRow) => {
              const row = tableRows[virtualRow.index];
              if (!row) return null;
              const selected = selectable && isSelected(row.id);
              const isActive = active === virtualRow.index;
              return (
                <tr
                  key={row.id}
                  id={rowDomId(virtualRow.index)}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  aria-selected={selectable ? selected : undefined}
                  data-active={isActive || undefined}
                  data-state={selected ? 'selected' : undefined}
                  style={{ height: rowHeight }}
                  tabIndex={-1}
                  onClick={(event) => {
                    setActive(virtualRow.index);
                    // Keep the keyboard where the pointer left off.
                    gridRef.current?.focus({ preventScroll: true });
                    if (!onRowOpen || ownsClick(event.target, event.currentTarget)) return;
                    if (event.detail === 2 || (openOnRowClick && event.detail === 1 && !selectingText())) onRowOpen(row.original);
                  }}
                  onFocus={(event) => {
                    if (event.target === event.currentTarget) setActive(virtualRow.index);
                  }}
                  onKeyDown={(event) => {
                    // A row focused on its own (by a pointer or a script) opens with Enter like the active row.
                    if (event.target !== event.currentTarget || event.key !== 'Enter' || !onRowOpen) return;
                    event.preventDefault();
                    onRowOpen(row.original);
                  }}
                  className={cn(
                    'group/row transition-colors [&>td]:border-b [&>td]:border-border',
                    selected ? 'bg-primary-subtle/70' : isActive ? 'bg-muted/80' : 'hover:bg-muted/50',
                    onRowOpen && 'cursor-pointer',
                  )}
                >
                  {selectable && (
                    <td role="gridcell" className="px-3" onClick={(event) => event.stopPropagation()}>
                      <Checkbox
                        tabIndex={-1}
                        aria-label={`Select row ${virtualRow.index + 1}`}
                        checked={selected}
                        onClick={(event) => {
                          event.preventDefault();
                          setActive(virtualRow.index);
                          toggleAt(virtualRow.index, event.shiftKey);
                          gridRef.current?.focus({ preventScroll: true });
                        }}
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return (
                      <td
                        key={cell.id}
                        role="gridcell"
                        className={cn(
                          'truncate px-3',
                          meta?.mono && 'font-mono text-[12.5px] tabular',
                          meta?.align === 'right' && 'text-right',
                          meta?.align === 'center' && 'text-center',
                        )}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={colCount} />
              </tr>
            )}
          </tbody>
        </table>
        {showError && <ErrorState description={error} onRetry={onRetry} compact />}
        {showEmpty && (empty ?? <EmptyState title={`No ${itemName} match`} description="Try removing a filter or widening the search." compact />)}
      </div>

      <ListStatusBar loaded={rows.length} matching={matching} loadingMore={loadingMore} error={error} onRetry={onRetry} selectable={selectable} openable={!!onRowOpen} statusId="table-status" />
    </div>
  );
}
