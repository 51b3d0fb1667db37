// Server state of the lead QA screens: the queue (cursor-paged, filtered), one lead with
// everything the review needs, the reason-code catalogue, the recording's short-lived link, and
// the writes (verdicts, checklist, field corrections, bulk approve, delivery) that refresh them.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkApproveResult,
  LeadDetail,
  LeadListQuery,
  LeadListPage,
  LeadRecordingLink,
  ReasonCodeCatalogue,
  TransitionRequest,
  UpdateLead,
} from '@shared/contracts/leads';
import type { Delivery } from '@shared/contracts/lead-delivery';
import { api } from '@/lib/api';

/** The module's API: the leads themselves at its root (`/api/leads/:id`), delivery at `/api/leads/:id/deliver`. */
export const LEADS_API = '/api/leads';
const PAGE_SIZE = 50;
const QUEUE_REFRESH_MS = 30_000;

export const leadKeys = {
  all: ['leads'] as const,
  queue: (filters: QueueFilters) => ['leads', 'queue', filters] as const,
  lead: (id: string) => ['leads', 'lead', id] as const,
  recording: (id: string) => ['leads', 'recording', id] as const,
  reasonCodes: ['leads', 'reason-codes'] as const,
  delivery: (id: string) => ['leads', 'delivery', id] as const,
};

/** The queue's filters as the address holds them (every one optional). */
export type QueueFilters = Pick<LeadListQuery, 'state' | 'campaignId' | 'suggestedVerdict' | 'overdue' | 'q' | 'pipelineStatus'>;

export function useLeadQueue(filters: QueueFilters) {
  const query = { ...filters, q: filters.q?.trim() || undefined };
  const result = useInfiniteQuery({
    queryKey: leadKeys.queue(query),
    queryFn: ({ pageParam, signal }) => api.get<LeadListPage>(LEADS_API, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // New leads arrive as the pipeline queues them.
    refetchInterval: QUEUE_REFRESH_MS,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows };
}

const FOLLOW_MS = 3_000;

/** The pipeline is still at work on the lead, or a delivery is on its way. */
export function settling(lead: LeadDetail | undefined): boolean {
  if (!lead) return false;
  const pipelineBusy = lead.pipelineStatus !== 'queued' && lead.pipelineStatus !== 'needs_review';
  const deliveryBusy = lead.deliveries.some((d) => d.status === 'pending' || d.status === 'sending' || d.status === 'failed');
  return pipelineBusy || deliveryBusy;
}

/** One lead, followed every few seconds while it is settling. */
export function useLead(id: string) {
  return useQuery({
    queryKey: leadKeys.lead(id),
    queryFn: ({ signal }) => api.get<LeadDetail>(`${LEADS_API}/${id}`, undefined, signal),
    refetchInterval: (query) => (settling(query.state.data) ? FOLLOW_MS : false),
  });
}

/** The recording's link expires: fetched when the review opens, never served stale from the cache. */
export function useLeadRecording(id: string, enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.recording(id),
    queryFn: ({ signal }) => api.get<LeadRecordingLink>(`${LEADS_API}/${id}/recording`, undefined, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useReasonCodes() {
  return useQuery({
    queryKey: leadKeys.reasonCodes,
    queryFn: async ({ signal }) => (await api.get<ReasonCodeCatalogue>(`${LEADS_API}/reason-codes`, undefined, signal)).codes,
    staleTime: 5 * 60_000,
  });
}

export const transitionLead = (id: string, request: TransitionRequest) => api.post<LeadDetail>(`${LEADS_API}/${id}/transition`, request);
export const updateLead = (id: string, request: UpdateLead) => api.patch<LeadDetail>(`${LEADS_API}/${id}`, request);
export const putChecklist = (id: string, items: Record<string, boolean>) => api.put<LeadDetail>(`${LEADS_API}/${id}/checklist`, items);
export const bulkApprove = (ids: string[]) => api.post<BulkApproveResult>(`${LEADS_API}/bulk-approve`, { ids });
/** One-click publish to every matching delivery configuration (`/api/leads/:id/deliver`). */
export const deliverLead = (id: string) => api.post<unknown>(`${LEADS_API}/${id}/deliver`);

/** One delivery with its receipts (status, response excerpt, time of each attempt). */
export function useDeliveryReceipts(id: string, enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.delivery(id),
    queryFn: ({ signal }) => api.get<Delivery>(`${LEADS_API}/deliveries/${id}`, undefined, signal),
    enabled,
  });
}

/** Refreshes the lead and every queue page after a write. */
export function useLeadRefresh() {
  const queryClient = useQueryClient();
  return (id?: string) => {
    if (id) void queryClient.invalidateQueries({ queryKey: leadKeys.lead(id) });
    void queryClient.invalidateQueries({ queryKey: ['leads', 'delivery'] });
    void queryClient.invalidateQueries({ queryKey: ['leads', 'queue'] });
  };
}
