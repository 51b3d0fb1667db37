// Server state of the client portal: who I am and my organisation, my orders (list, one, its
// match preview, pacing and leads), my leads across orders, returns, return reasons and the users
// of my organisation — and the writes (new order, targets, suppressions, return, invite,
// deactivate) that refresh them. Every call goes to /api/portal, scoped to my organisation.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MatchPreview, Order, OrderCreate, OrderCreateResult, OrderPage, OrderState, OrderTargetsResult } from '@shared/contracts/portal';
import type { OrderPacing } from '@shared/contracts/portal-pacing';
import type { PortalLead, PortalLeadPage, PortalLeadState, PortalMe, PortalUser } from '@shared/contracts/portal-leads';
import { api, apiDownload } from '@/lib/api';

export const PORTAL_API = '/api/portal';
const PAGE_SIZE = 50;

export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  orders: (filters: OrderFilters) => ['portal', 'orders', filters] as const,
  order: (id: string) => ['portal', 'order', id] as const,
  match: (id: string) => ['portal', 'order', id, 'match'] as const,
  pacing: (id: string) => ['portal', 'order', id, 'pacing'] as const,
  leads: (filters: LeadFilters) => ['portal', 'leads', filters] as const,
  reasons: ['portal', 'return-reasons'] as const,
  users: ['portal', 'users'] as const,
};

export function useMe() {
  return useQuery({ queryKey: portalKeys.me, queryFn: ({ signal }) => api.get<PortalMe>(`${PORTAL_API}/me`, undefined, signal), staleTime: 5 * 60_000 });
}

export interface OrderFilters {
  state?: OrderState;
  q?: string;
}

export function useOrders(filters: OrderFilters) {
  const query = { ...filters, q: filters.q?.trim() || undefined };
  const result = useInfiniteQuery({
    queryKey: portalKeys.orders(query),
    queryFn: ({ pageParam, signal }) => api.get<OrderPage>(`${PORTAL_API}/orders`, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows };
}

/** Every order of mine (the filters' and reports' choices): the first pages, at most 200 orders. */
export function useAllOrders() {
  return useQuery({
    queryKey: [...portalKeys.orders({}), 'all'],
    queryFn: ({ signal }) => api.get<OrderPage>(`${PORTAL_API}/orders`, { limit: 200 }, signal),
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: portalKeys.order(id), queryFn: ({ signal }) => api.get<Order>(`${PORTAL_API}/orders/${id}`, undefined, signal) });
}

export function useMatchPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.match(id),
    queryFn: ({ signal }) => api.get<MatchPreview>(`${PORTAL_API}/orders/${id}/match`, undefined, signal),
    enabled,
  });
}

export function usePacing(id: string, enabled = true) {
  return useQuery({
    queryKey: portalKeys.pacing(id),
    queryFn: ({ signal }) => api.get<OrderPacing>(`${PORTAL_API}/orders/${id}/pacing`, undefined, signal),
    enabled,
  });
}

export interface LeadFilters {
  orderId?: string;
  state?: PortalLeadState;
  q?: string;
  from?: string;
  to?: string;
}

/** At most this many leads of each order are listed; the order's CSV holds them all. */
export const LEADS_PER_ORDER = 500;

/**
 * The leads of the orders named (GET /orders/:id/leads for each; there is no list across
 * orders), merged newest first. `truncated`: an order has more than the list shows.
 */
export function usePortalLeads(orderIds: readonly string[], filters: Omit<LeadFilters, 'orderId'>) {
  const query = { ...filters, q: filters.q?.trim() || undefined, limit: LEADS_PER_ORDER };
  return useQueries({
    queries: orderIds.map((orderId) => ({
      queryKey: portalKeys.leads({ ...filters, q: query.q, orderId }),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<PortalLeadPage>(`${PORTAL_API}/orders/${orderId}/leads`, query, signal),
      placeholderData: keepPreviousData,
    })),
    combine: (results) => {
      const pages = results.map((r) => r.data);
      const failed = results.find((r) => r.isError);
      return {
        rows: pages.flatMap((page) => page?.items ?? []).sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')),
        total: pages.reduce((sum, page) => sum + (page?.total ?? 0), 0),
        truncated: pages.some((page) => page !== undefined && page.total > page.items.length),
        isLoading: results.some((r) => r.isLoading),
        isError: failed !== undefined,
        error: failed?.error ?? null,
        refetch: () => Promise.all(results.map((r) => r.refetch())),
      };
    },
  });
}

export function useReturnReasons() {
  return useQuery({
    queryKey: portalKeys.reasons,
    queryFn: ({ signal }) => api.get<{ code: string; label: string }[] | { items: { code: string; label: string }[] }>(`${PORTAL_API}/return-reasons`, undefined, signal),
    select: (data) => (Array.isArray(data) ? data : data.items),
    staleTime: 10 * 60_000,
  });
}

export function useUsers(enabled: boolean) {
  return useQuery({
    queryKey: portalKeys.users,
    queryFn: ({ signal }) => api.get<PortalUser[] | { items: PortalUser[] }>(`${PORTAL_API}/users`, undefined, signal),
    select: (data) => (Array.isArray(data) ? data : data.items),
    enabled,
  });
}

// ---------------------------------------------------------------- writes

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderCreate) => api.post<OrderCreateResult>(`${PORTAL_API}/orders`, body),
    onSuccess: (order) => {
      queryClient.setQueryData(portalKeys.order(order.id), order);
      void queryClient.invalidateQueries({ queryKey: ['portal', 'orders'] });
    },
  });
}

export function useCancelOrder(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note?: string) => api.post<Order>(`${PORTAL_API}/orders/${id}/cancel`, note ? { note } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.all }),
  });
}

export function useReplaceTargets(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { csv: string } | { domains: string[] }) => api.put<OrderTargetsResult>(`${PORTAL_API}/orders/${id}/targets`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalKeys.order(id) });
    },
  });
}

export function addSuppressions(body: { csv: string; orderId?: string }) {
  return api.post<{ added: number; duplicates: number }>(`${PORTAL_API}/suppressions`, body);
}

export function useReturnLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ leadId, reasonCode, note }: { leadId: string; reasonCode: string; note?: string }) =>
      api.post<PortalLead>(`${PORTAL_API}/leads/${leadId}/return`, note ? { reasonCode, note } : { reasonCode }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.all }),
  });
}

export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, active }: { userId: string; active: boolean }) => api.post<PortalUser>(`${PORTAL_API}/users/${userId}/${active ? 'reactivate' : 'deactivate'}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.users }),
  });
}

export const downloadUnmatched = (orderId: string, reference: string) =>
  apiDownload(`${PORTAL_API}/orders/${orderId}/targets/unmatched.csv`, undefined, `${reference}-unmatched.csv`);

export const downloadOrderLeads = (orderId: string, reference: string) => apiDownload(`${PORTAL_API}/orders/${orderId}/leads.csv`, undefined, `${reference}-leads.csv`);
