// A virtualized grid of record cards, the card layout's counterpart of the DataTable: only the
// cards in view are in the DOM, the next cursor page loads as the user nears the end, and the
// keyboard works the same (j/k or arrows move, x or Space selects, Enter opens). It reports the
// first card in view and can start there, so switching layouts keeps the place.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { ListStatusBar } from '@/components/ui/data-table/list-status-bar';
import { EMPTY_SELECTION, isRowSelected, toggleRow, type SelectionModel } from '@/components/ui/data-table/selection';
import { cn } from '@/lib/utils';

export interface CardState {
  selected: boolean;
  active: boolean;
  toggle: () => void;
}

export interface CardGridProps<T> {
  gridId: string;
  label: string;
  items: T[];
  getId: (item: T) => string;
  renderCard: (item: T, state: CardState) => ReactNode;
  selection: SelectionModel;
  onSelectionChange: (selection: SelectionModel) => void;
  selectable: boolean;
  onOpen: (item: T) => void;
  hasMore: boolean;
  onLoadMore: () => void;
  loadingMore: boolean;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  empty: ReactNode;
  /** Index of the card to start at. */
  initialIndex: number;
  onFirstVisibleChange: (index: number) => void;
  height: string;
  cardHeight: number;
  /** Shown in the footer: "120 of 1,204 loaded". */
  matching: number;
}

const GAP = 16;
const LOAD_AHEAD_ROWS = 4;

function columnsFor(width: number): number {
  if (width >= 1200) return 4;
  if (width >= 880) return 3;
  if (width >= 560) return 2;
  return 1;
}

export function CardGrid<T>(props: CardGridProps<T>) {
  const { gridId, label, items, getId, renderCard, selection, onSelectionChange, selectable, onOpen, hasMore, onLoadMore, loadingMore, loading, error, onRetry, empty, initialIndex, onFirstVisibleChange, height, cardHeight, matching } =
    props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [columns, setColumns] = useState(3);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setColumns(columnsFor(entry.contentRect.width)));
    observer.observe(element);
    setColumns(columnsFor(element.clientWidth));
    return () => observer.disconnect();
  }, []);

  const rowCount = Math.ceil(items.length / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight + GAP,
    overscan: 3,
    paddingStart: GAP,
    paddingEnd: GAP,
  });
  const virtualRows = virtualizer.getVirtualItems();

  // Start where the other layout left off, once that card is loaded and the columns are known.
  // The pane may not have its height for a frame or two after mounting (it cannot scroll yet), so
  // the restore retries each frame until the pane has scrolled, for about a second at most.
  const restored = useRef(false);
  const columnsRef = useRef(columns);
  columnsRef.current = columns;
  const restoreFrame = useRef(0);
  // On unmount (or React's development double mount) stop a pending restore and allow a new one.
  useEffect(
    () => () => {
      cancelAnimationFrame(restoreFrame.current);
      restored.current = false;
    },
    [],
  );
  useEffect(() => {
    if (restored.current || items.length === 0) return;
    restored.current = true;
    if (!(initialIndex > 0 && initialIndex < items.length)) return;
    let attempts = 0;
    const apply = () => {
      const row = Math.floor(initialIndex / columnsRef.current);
      virtualizer.scrollToIndex(row, { align: 'start' });
      attempts += 1;
      if (row > 0 && (scrollRef.current?.scrollTop ?? 0) === 0 && attempts < 60) restoreFrame.current = requestAnimationFrame(apply);
    };
    apply();
  }, [items.length, initialIndex, columns, virtualizer]);

  const firstRow = virtualizer.range?.startIndex ?? 0;
  // Reported from scroll events (the user's and the restore's own), never from a first render
  // that has not scrolled yet, which would overwrite the place being restored.
  const onScroll = () => {
    const top = scrollRef.current?.scrollTop ?? 0;
    onFirstVisibleChange(Math.max(0, Math.floor((top - GAP) / (cardHeight + GAP) + 0.5)) * columns);
  };

  const lastRow = virtualRows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && !error && rowCount > 0 && lastRow >= rowCount - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, loadingMore, error, rowCount, lastRow, onLoadMore]);

  const [active, setActive] = useState<number | null>(null);
  const moveTo = useCallback(
    (index: number) => {
      if (items.length === 0) return;
      const next = Math.max(0, Math.min(items.length - 1, index));
      setActive(next);
      virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
    },
    [items.length, columns, virtualizer],
  );

  function toggleAt(index: number) {
    const item = items[index];
    if (!selectable || item === undefined) return;
    onSelectionChange(toggleRow(selection, getId(item)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget || event.metaKey || event.ctrlKey || event.altKey) return;
    const current = active ?? -1;
    switch (event.key) {
      case 'ArrowRight':
      case 'j':
        moveTo(current + 1);
        break;
      case 'ArrowLeft':
      case 'k':
        moveTo(current < 0 ? 0 : current - 1);
        break;
      case 'ArrowDown':
        moveTo(current < 0 ? 0 : current + columns);
        break;
      case 'ArrowUp':
        moveTo(current - columns);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(items.length - 1);
        break;
      case 'x':
      case 'X':
      case ' ':
        if (active === null) return;
        toggleAt(active);
        break;
      case 'Enter': {
        const item = active !== null ? items[active] : undefined;
        if (item === undefined) return;
        onOpen(item);
        break;
      }
      case 'Escape':
        if (!selectable || (selection.allMatching === false && selection.ids.length === 0)) return;
        onSelectionChange(EMPTY_SELECTION);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const cardDomId = (index: number) => `${gridId}-card-${index}`;
  const activeRendered = active !== null && virtualRows.some((row) => Math.floor(active / columns) === row.index);
  const showSkeleton = loading && items.length === 0;
  // A grid only while it has cards (or is busy loading them): an empty or failed list is a
  // message with its own buttons, and a grid must hold rows, never a bare button.
  const isGrid = showSkeleton || items.length > 0;

  return (
    <>
      <div
        ref={scrollRef}
        {...(isGrid && {
          role: 'grid',
          'aria-label': label,
          'aria-rowcount': Math.ceil(matching / columns),
          'aria-colcount': columns,
          'aria-multiselectable': selectable || undefined,
          'aria-activedescendant': activeRendered && active !== null ? cardDomId(active) : undefined,
          'aria-busy': showSkeleton || undefined,
          tabIndex: 0,
          onKeyDown,
          onFocus: (event: FocusEvent<HTMLDivElement>) => {
            if (event.target === event.currentTarget && active === null && items.length > 0) setActive(Math.max(0, firstRow * columns));
          },
        })}
        onScroll={onScroll}
        className="relative overflow-auto overscroll-contain bg-background/40 px-4 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
        style={{ height }}
        data-testid="card-grid"
      >
        {showSkeleton && (
          <div className="grid gap-4 py-4" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }} aria-hidden="true">
            {Array.from({ length: columns * 3 }, (_, i) => (
              <Skeleton key={i} style={{ height: cardHeight }} className="rounded-lg" />
            ))}
          </div>
        )}
        {!showSkeleton && items.length > 0 && (
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((row) => {
              const start = row.index * columns;
              const rowItems = items.slice(start, start + columns);
              return (
                <div
                  key={row.key}
                  role="row"
                  aria-rowindex={row.index + 1}
                  className="absolute inset-x-0 grid gap-4"
                  style={{ top: row.start, height: cardHeight, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
                >
                  {rowItems.map((item, offset) => {
                    const index = start + offset;
                    const id = getId(item);
                    const selected = selectable && isRowSelected(selection, id);
                    const isActive = active === index;
                    return (
                      <div
                        key={id}
                        id={cardDomId(index)}
                        role="gridcell"
                        aria-colindex={offset + 1}
                        aria-selected={selectable ? selected : undefined}
                        data-active={isActive || undefined}
                        onClick={() => setActive(index)}
                        className={cn('min-w-0 rounded-lg', isActive && 'outline-2 outline-offset-2 outline-ring')}
                      >
                        {renderCard(item, { selected, active: isActive, toggle: () => toggleAt(index) })}
                      </div>
                    );
                  })}
                </div>
              );
            })}
          </div>
        )}
        {!loading && error && items.length === 0 && <ErrorState description={error} onRetry={onRetry} compact />}
        {!loading && !error && items.length === 0 && empty}
      </div>
      <ListStatusBar loaded={items.length} matching={matching} loadingMore={loadingMore} error={error} onRetry={onRetry} selectable={selectable} openable statusId="cards-status" />
    </>
  );
}

