// A server-paged record list (accounts or contacts) as one TanStack infinite query: cursor pages
// concatenated, the total from the first page, and the next page fetched on demand.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { ListTotal } from '@shared/contracts/accounts';
import { encodeFilter, type FilterGroup } from '@shared/contracts/filters';
import { api } from '@/lib/api';

export const PAGE_SIZE = 50;

export interface RecordListParams {
  q: string;
  filter: FilterGroup;
  sort?: string;
  order?: 'asc' | 'desc';
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: ListTotal | null;
}

/** The query string the list endpoints and `filterQueryParam` read. */
export function listQuery(params: RecordListParams): Record<string, string | undefined> {
  return {
    q: params.q.trim() || undefined,
    filter: params.filter.conditions.length > 0 ? encodeFilter(params.filter) : undefined,
    sort: params.sort,
    order: params.order,
  };
}

export function useRecordList<T>(key: readonly unknown[], path: string, params: RecordListParams, enabled = true) {
  const query = listQuery(params);
  const result = useInfiniteQuery({
    queryKey: [...key, 'list', path, query],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new filter keeps the old rows on screen until the new ones arrive (no flash of skeletons).
    placeholderData: keepPreviousData,
    enabled,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  const total = result.data?.pages[0]?.total ?? null;
  return { ...result, rows, total };
}

/** "1,204" or "about 1.2M" when the API could only estimate. */
export function formatTotal(total: ListTotal | null, loaded: number): string {
  if (!total) return loaded.toLocaleString('en-US');
  if (total.exact) return total.count.toLocaleString('en-US');
  return `about ${new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(total.count)}`;
}
