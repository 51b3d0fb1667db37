// The filter of a list view, kept in the URL (`?filter=`, base64url JSON) so the view can be
// bookmarked and shared. Replaces the history entry on change rather than piling one per click.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { EMPTY_FILTER, decodeFilter, encodeFilter, type FilterGroup } from '@shared/contracts/filters';

export const FILTER_PARAM = 'filter';

export function useUrlFilter(): [FilterGroup, (filter: FilterGroup) => void] {
  const [params, setParams] = useSearchParams();
  const encoded = params.get(FILTER_PARAM);
  const filter = useMemo(() => decodeFilter(encoded) ?? EMPTY_FILTER, [encoded]);
  const setFilter = useCallback(
    (next: FilterGroup) => {
      setParams(
        (prev) => {
          const copy = new URLSearchParams(prev);
          if (next.conditions.length === 0) copy.delete(FILTER_PARAM);
          else copy.set(FILTER_PARAM, encodeFilter(next));
          return copy;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filter, setFilter];
}
