// The part of a list view that belongs in the address (so it can be bookmarked and shared): the
// search text `q`, the sort (`sort` + `order`) and, for lists with several layouts, the `view`.
// The filter has its own hook (useUrlFilter). Changes replace the history entry.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import type { SortState } from '@/components/ui/data-table/data-table';

export type ListView = 'cards' | 'table';

export interface ListUrlState {
  q: string;
  setQ: (q: string) => void;
  /** null: the API's default order (newest first). */
  sort: SortState | null;
  setSort: (sort: SortState | null) => void;
  view: ListView;
  setView: (view: ListView) => void;
}

export function useListUrlState(options: { sortKeys: readonly string[]; defaultView: ListView }): ListUrlState {
  const [params, setParams] = useSearchParams();
  const { sortKeys, defaultView } = options;

  const q = params.get('q') ?? '';
  const sortKey = params.get('sort');
  const order = params.get('order');
  const viewParam = params.get('view');
  const sort = useMemo<SortState | null>(
    () => (sortKey && sortKeys.includes(sortKey) ? { id: sortKey, desc: order !== 'asc' } : null),
    [sortKey, order, sortKeys],
  );
  const view: ListView = viewParam === 'cards' || viewParam === 'table' ? viewParam : defaultView;

  const update = useCallback(
    (change: (copy: URLSearchParams) => void) =>
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          change(copy);
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setQ = useCallback((next: string) => update((p) => (next ? p.set('q', next) : p.delete('q'))), [update]);
  const setSort = useCallback(
    (next: SortState | null) =>
      update((p) => {
        if (next) {
          p.set('sort', next.id);
          p.set('order', next.desc ? 'desc' : 'asc');
        } else {
          p.delete('sort');
          p.delete('order');
        }
      }),
    [update],
  );
  const setView = useCallback((next: ListView) => update((p) => p.set('view', next)), [update]);

  return { q, setQ, sort, setSort, view, setView };
}

/** The list query the API takes for a sort state (the API's default when null). */
export function sortQuery(sort: SortState | null): { sort?: string; order?: 'asc' | 'desc' } {
  return sort ? { sort: sort.id, order: sort.desc ? 'desc' : 'asc' } : {};
}
