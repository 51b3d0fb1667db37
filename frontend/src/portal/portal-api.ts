// Server state of the client portal: who I am and my organisation, my orders (list, one, its
// match preview, pacing and leads), my leads across orders, returns, return reasons and the users
// of my organisation — and the writes (new order, targets, suppressions, return, invite,
// deactivate) that refresh them. Every call goes to /api/portal, scoped to my organisation.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MatchPreview, Order, OrderCreate, OrderCreateResult, OrderPage, OrderState, OrderTargets, OrderTargetsResult } from '@shared/contracts/portal';
import type { OrderPacing } from '@shared/contracts/portal-pacing';
import type { PortalLead, PortalLeadPage, PortalLeadSort, PortalLeadState, PortalMe, PortalUser } from '@shared/contracts/portal-leads';
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
  leads: (filters: Record<string, unknown>) => ['portal', 'leads', filters] as const,
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
  state?: PortalLeadState | PortalLeadState[];
  q?: string;
  from?: string;
  to?: string;
  sort?: PortalLeadSort;
}

/** The query string of a lead list: states comma-separated, a blank search left out. */
const leadQuery = (filters: LeadFilters) => ({
  ...filters,
  state: Array.isArray(filters.state) ? filters.state.join(',') : filters.state,
  q: filters.q?.trim() || undefined,
});

/** My leads across every order of my organisation (or one order's), a cursor page at a time. */
export function usePortalLeads(filters: LeadFilters) {
  const query = leadQuery(filters);
  const result = useInfiniteQuery({
    queryKey: portalKeys.leads(query),
    queryFn: ({ pageParam, signal }) => api.get<PortalLeadPage>(`${PORTAL_API}/leads`, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows, total: result.data?.pages[0]?.total };
}

/** How many of my leads match the filters (one row fetched, the total read). */
export function usePortalLeadTotal(filters: LeadFilters) {
  const query = leadQuery(filters);
  return useQuery({
    queryKey: [...portalKeys.leads(query), 'total'],
    queryFn: ({ signal }) => api.get<PortalLeadPage>(`${PORTAL_API}/leads`, { ...query, limit: 1 }, signal),
    select: (page) => page.total,
  });
}

/** One of my leads (a returned lead's replacement). */
export function usePortalLead(id: string | null) {
  return useQuery({
    queryKey: ['portal', 'lead', id],
    queryFn: ({ signal }) => api.get<PortalLead>(`${PORTAL_API}/leads/${id}`, undefined, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
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

/** Replaces (or, with `dryRun`, checks) my order's target list; a real replacement refreshes the order and its match preview. */
export function useReplaceTargets(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderTargets) => api.put<OrderTargetsResult>(`${PORTAL_API}/orders/${id}/targets`, body),
    onSuccess: (_result, body) => {
      if (body.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: portalKeys.order(id) });
      void queryClient.invalidateQueries({ queryKey: portalKeys.match(id) });
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
