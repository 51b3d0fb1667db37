// Server state of the suppression screens: the searchable, cursor-paged list per tab, and the
// write calls (add one, bulk add, check, remove) that refresh it.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type {
  AddSuppressionRequest,
  AddSuppressionResponse,
  BulkSuppressionRequest,
  BulkSuppressionResponse,
  SuppressionCheckRequest,
  SuppressionCheckResponse,
  SuppressionList,
  SuppressionListResponse,
  SuppressionReason,
  SuppressionType,
} from '@shared/contracts/compliance';
import { api } from '@/lib/api';
import { useAuth } from '@/lib/auth';

export const SUPPRESSIONS_PATH = '/api/suppressions';
const PAGE_SIZE = 50;

export const suppressionKeys = {
  all: ['suppressions'] as const,
};

/** Who may add entries and who may lift them: the capabilities the API's routes declare. */
export function useSuppressionPermissions() {
  const { can } = useAuth();
  return { canAdd: can('records.write'), canRemove: can('suppressions.remove') };
}

export interface SuppressionSearch {
  list: SuppressionList;
  type?: SuppressionType;
  reason?: SuppressionReason;
  q: string;
}

export function useSuppressions(search: SuppressionSearch) {
  const query = { list: search.list, type: search.type, reason: search.reason, q: search.q.trim() || undefined };
  const result = useInfiniteQuery({
    queryKey: [...suppressionKeys.all, 'list', query],
    queryFn: ({ pageParam, signal }) => api.get<SuppressionListResponse>(SUPPRESSIONS_PATH, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows };
}

export const addSuppression = (request: AddSuppressionRequest) => api.post<AddSuppressionResponse>(SUPPRESSIONS_PATH, request);
export const bulkAddSuppressions = (request: BulkSuppressionRequest) => api.post<BulkSuppressionResponse>(`${SUPPRESSIONS_PATH}/bulk`, request);
export const checkSuppressions = (request: SuppressionCheckRequest) => api.post<SuppressionCheckResponse>(`${SUPPRESSIONS_PATH}/check`, request);
export const removeSuppression = (id: string) => api.delete<void>(`${SUPPRESSIONS_PATH}/${id}`);

/**
 * A file too big to send inline goes to the data bucket through a presigned PUT; the bulk call
 * then names its key.
 */
export async function uploadSuppressionFile(file: File): Promise<string> {
  const { key, url } = await api.post<{ key: string; url: string }>(`${SUPPRESSIONS_PATH}/uploads`);
  const response = await fetch(url, { method: 'PUT', body: file, headers: { 'content-type': 'text/csv' } });
  if (!response.ok) throw new Error(`The file could not be uploaded (storage answered ${response.status}). Try again.`);
  return key;
}
