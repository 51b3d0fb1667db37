// Server state of the staff order screens (`/api/orders`): every organisation's orders (filtered,
// cursor-paged), one order with its counts, campaigns, next states and history, its match
// preview, pacing and leads, the live orders' pace overview, the choices the forms offer (client
// organisations, campaigns, delivery configurations) and the writes that refresh them.
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignSummary } from '@shared/contracts/email';
import type { UserListResponse } from '@shared/contracts/identity';
import type { LeadClient } from '@shared/contracts/leads';
import type { CallCampaignSummary } from '@shared/contracts/telephony';
import type { MatchPreview, Order, OrderPage, OrderState, OrderTargets, OrderTargetsResult, OrderUpdate, staffOrderCreateSchema } from '@shared/contracts/portal';
import type { OrderBridgeResult, OrderPacing, PacingOverview } from '@shared/contracts/portal-pacing';
import type { PortalLeadPage } from '@shared/contracts/portal-leads';
import type { z } from 'zod';
import { api, apiRequest } from '@/lib/api';
import { useAuth, useCan } from '@/lib/auth';

export const ORDERS_API = '/api/orders';
const PAGE_SIZE = 50;

export type StaffOrderCreate = z.input<typeof staffOrderCreateSchema>;

/** The list's filters as the address holds them (every one optional). */
export interface OrderFilters {
  state?: OrderState;
  orgId?: string;
  q?: string;
}

export const orderKeys = {
  all: ['orders'] as const,
  list: (filters: OrderFilters) => ['orders', 'list', filters] as const,
  order: (id: string) => ['orders', 'order', id] as const,
  match: (id: string) => ['orders', 'match', id] as const,
  pacing: (id: string) => ['orders', 'pacing', id] as const,
  leads: (id: string) => ['orders', 'leads', id] as const,
  overview: ['orders', 'pacing-overview'] as const,
  clients: ['orders', 'clients'] as const,
  campaigns: ['orders', 'campaigns'] as const,
  deliveryConfigs: (orgId: string) => ['orders', 'delivery-configs', orgId] as const,
  managers: ['orders', 'managers'] as const,
};

export function useOrders(filters: OrderFilters) {
  const query = { ...filters, q: filters.q?.trim() || undefined };
  const result = useInfiniteQuery({
    queryKey: orderKeys.list(query),
    queryFn: ({ pageParam, signal }) => api.get<OrderPage>(ORDERS_API, { ...query, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows };
}

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.order(id), queryFn: ({ signal }) => api.get<Order>(`${ORDERS_API}/${id}`, undefined, signal) });
}

export function useMatchPreview(id: string, enabled = true) {
  return useQuery({ queryKey: orderKeys.match(id), queryFn: ({ signal }) => api.get<MatchPreview>(`${ORDERS_API}/${id}/match`, undefined, signal), enabled });
}

export function useOrderPacing(id: string, enabled = true) {
  return useQuery({ queryKey: orderKeys.pacing(id), queryFn: ({ signal }) => api.get<OrderPacing>(`${ORDERS_API}/${id}/pacing`, undefined, signal), enabled });
}

export function useOrderLeads(id: string) {
  const result = useInfiniteQuery({
    queryKey: orderKeys.leads(id),
    queryFn: ({ pageParam, signal }) => api.get<PortalLeadPage>(`${ORDERS_API}/${id}/leads`, { limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => result.data?.pages.flatMap((page) => page.items) ?? [], [result.data]);
  return { ...result, rows, total: result.data?.pages[0]?.total };
}

/** Every live order's pace, for the overview beside the list. */
export function usePacingOverview() {
  return useQuery({ queryKey: orderKeys.overview, queryFn: ({ signal }) => api.get<PacingOverview>(`${ORDERS_API}/pacing`, undefined, signal), refetchInterval: 60_000 });
}

/** Client organisations by name (the leads module's list, read by everyone who reads orders). */
export function useClientOrganisations() {
  return useQuery({
    queryKey: orderKeys.clients,
    queryFn: async ({ signal }) => (await api.get<{ items: LeadClient[] }>('/api/leads/clients', undefined, signal)).items,
    staleTime: 5 * 60_000,
  });
}

export interface CampaignChoice {
  id: string;
  name: string;
  kind: 'call' | 'email';
  status: string;
}

/** Call and email campaigns an order may be linked to; a list its reader may not read is left out. */
export function useCampaignChoices(enabled: boolean) {
  const canCalls = useCan('calls.manage');
  const canEmail = useCan('email.send');
  return useQuery({
    queryKey: orderKeys.campaigns,
    queryFn: async ({ signal }): Promise<CampaignChoice[]> => {
      const [calls, emails] = await Promise.all([
        canCalls ? api.get<{ items: CallCampaignSummary[] }>('/api/telephony/campaigns', undefined, signal) : { items: [] },
        canEmail ? api.get<{ items: CampaignSummary[] }>('/api/email/campaigns', { limit: 100 }, signal) : { items: [] },
      ]);
      return [
        ...calls.items.map((c) => ({ id: c.id, name: c.name, kind: 'call' as const, status: c.status })),
        ...emails.items.map((c) => ({ id: c.id, name: c.name, kind: 'email' as const, status: c.status })),
      ];
    },
    enabled: enabled && (canCalls || canEmail),
  });
}

interface DeliveryConfigChoice {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

/** The client's lead delivery configurations (leads.configure reads them). */
export function useDeliveryConfigChoices(orgId: string, enabled: boolean) {
  const canRead = useCan('leads.configure');
  return useQuery({
    queryKey: orderKeys.deliveryConfigs(orgId),
    queryFn: async ({ signal }) => {
      const answer = await api.get<{ items: DeliveryConfigChoice[] } | DeliveryConfigChoice[]>('/api/leads/delivery-configs', { clientOrgId: orgId }, signal);
      return Array.isArray(answer) ? answer : answer.items;
    },
    enabled: enabled && canRead,
  });
}

/**
 * Who may run an order: admins see every active campaign manager and admin (the user list is
 * theirs); anyone else may name themselves. The current manager stays a choice either way.
 */
export function useManagerChoices(current: { id: string | null; name: string | null }, enabled: boolean) {
  const { user, can } = useAuth();
  const isAdmin = can('admin');
  const users = useQuery({
    queryKey: orderKeys.managers,
    queryFn: ({ signal }) => api.get<UserListResponse>('/api/users', { status: 'active', limit: 200 }, signal),
    enabled: enabled && isAdmin,
    staleTime: 5 * 60_000,
  });
  return useMemo(() => {
    const choices = new Map<string, string>();
    if (current.id) choices.set(current.id, current.name ?? 'The current manager');
    if (user) choices.set(user.id, `${user.firstName} ${user.lastName} (me)`);
    for (const u of users.data?.items ?? []) {
      if (u.roles.includes('campaign_manager') || u.roles.includes('admin')) choices.set(u.id, `${u.firstName} ${u.lastName}`);
    }
    return [...choices].map(([value, label]) => ({ value, label }));
  }, [current.id, current.name, user, users.data]);
}

export const createOrder = (input: StaffOrderCreate) => api.post<Order>(ORDERS_API, input);
export const updateOrder = (id: string, patch: OrderUpdate) => api.patch<Order>(`${ORDERS_API}/${id}`, patch);
export const transitionOrder = (id: string, to: OrderState, note?: string) => api.post<Order>(`${ORDERS_API}/${id}/transition`, { to, ...(note ? { note } : {}) });
export const putOrderTargets = (id: string, targets: OrderTargets) => api.put<OrderTargetsResult>(`${ORDERS_API}/${id}/targets`, targets);
export const buildAudience = (id: string) => api.post<OrderBridgeResult>(`${ORDERS_API}/${id}/bridge`, {});
export const linkCampaign = (id: string, campaignId: string, campaignKind: 'call' | 'email') => api.post<unknown>(`${ORDERS_API}/${id}/campaigns`, { campaignId, campaignKind });
export const unlinkCampaign = (id: string, campaignId: string, campaignKind: 'call' | 'email') =>
  apiRequest<unknown>(`${ORDERS_API}/${id}/campaigns`, { method: 'DELETE', body: { campaignId, campaignKind } });

/** Refreshes one order (and what hangs off it) and every list after a write. */
export function useOrderRefresh() {
  const queryClient = useQueryClient();
  return (id?: string) => {
    if (id) {
      for (const key of [orderKeys.order(id), orderKeys.match(id), orderKeys.pacing(id), orderKeys.leads(id)]) void queryClient.invalidateQueries({ queryKey: key });
    }
    void queryClient.invalidateQueries({ queryKey: ['orders', 'list'] });
    void queryClient.invalidateQueries({ queryKey: orderKeys.overview });
  };
}
