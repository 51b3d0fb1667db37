// Server state of the audience screens: segments (and the live preview), static lists and their
// members, domain sets and their match reports. Query keys are grouped so a write refreshes
// exactly what it changed.
import { useQuery } from '@tanstack/react-query';
import type { DomainSet, DomainSetReport, Segment, SegmentPreview, StaticList } from '@shared/contracts/audience';
import type { FilterGroup } from '@shared/contracts/filters';
import { api, apiRequest } from '@/lib/api';
import { useCan } from '@/lib/auth';

export const SEGMENTS_PATH = '/api/segments';
export const LISTS_PATH = '/api/lists';
export const DOMAIN_SETS_PATH = '/api/domain-sets';

export const audienceKeys = {
  segments: ['audience', 'segments'] as const,
  segment: (id: string) => ['audience', 'segments', id] as const,
  preview: (filter: FilterGroup) => ['audience', 'preview', filter] as const,
  lists: ['audience', 'lists'] as const,
  list: (id: string) => ['audience', 'lists', id] as const,
  members: (id: string) => ['audience', 'lists', id, 'members'] as const,
  domainSets: ['audience', 'domain-sets'] as const,
  domainSet: (id: string) => ['audience', 'domain-sets', id] as const,
};

/** Audiences change under the API's record write capability; the others read them. */
export function useCanWriteAudience(): boolean {
  return useCan('records.write');
}

export function useSegments() {
  return useQuery({ queryKey: audienceKeys.segments, queryFn: ({ signal }) => api.get<{ items: Segment[] }>(SEGMENTS_PATH, undefined, signal) });
}

export function useSegment(id: string | null) {
  return useQuery({
    queryKey: audienceKeys.segment(id ?? 'new'),
    queryFn: ({ signal }) => api.get<Segment>(`${SEGMENTS_PATH}/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export const PREVIEW_ROWS = 50;

/** Count and first rows of what a filter selects; aborted when the user edits again. */
export function previewSegment(filter: FilterGroup, signal?: AbortSignal): Promise<SegmentPreview> {
  return apiRequest<SegmentPreview>(`${SEGMENTS_PATH}/preview`, { method: 'POST', body: { filter, limit: PREVIEW_ROWS }, signal });
}

export function useLists() {
  return useQuery({ queryKey: audienceKeys.lists, queryFn: ({ signal }) => api.get<{ items: StaticList[] }>(LISTS_PATH, undefined, signal) });
}

export function useList(id: string) {
  return useQuery({ queryKey: audienceKeys.list(id), queryFn: ({ signal }) => api.get<StaticList>(`${LISTS_PATH}/${id}`, undefined, signal) });
}

export function useDomainSets(enabled = true) {
  return useQuery({
    queryKey: audienceKeys.domainSets,
    queryFn: ({ signal }) => api.get<{ items: DomainSet[] }>(DOMAIN_SETS_PATH, undefined, signal),
    enabled,
  });
}

export function useDomainSetReport(id: string) {
  return useQuery({
    queryKey: audienceKeys.domainSet(id),
    queryFn: ({ signal }) => api.get<DomainSetReport>(`${DOMAIN_SETS_PATH}/${id}`, undefined, signal),
  });
}
