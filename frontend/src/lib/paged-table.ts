// What a DataTable shows of a paged (infinite) query's state: the first load, the error with a
// retry, and the next pages as the user scrolls. Spread onto the table: `{...pagedTable(query)}`.
import { describeError } from './api';

/** The part of a TanStack infinite query a table reads. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isLoading: boolean;
  isError: boolean;
  error: unknown;
  fetchNextPage(): Promise<unknown>;
  refetch(): Promise<unknown>;
}

export function pagedTable(query: PagedQuery) {
  return {
    hasMore: query.hasNextPage,
    onLoadMore: () => void query.fetchNextPage(),
    loadingMore: query.isFetchingNextPage,
    loading: query.isLoading,
    error: query.isError ? describeError(query.error) : null,
    onRetry: () => void query.refetch(),
  };
}
