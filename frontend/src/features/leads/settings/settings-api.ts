// Server state of Lead QA settings over /api/leads (shared/contracts/leads.ts, lead-delivery.ts):
// a campaign's QA settings, the reason-code catalogue, the clients' delivery configurations (with
// their one-time signing secrets and test sends) and the deliveries with their receipts. The
// campaigns to choose from come from the telephony and email APIs, the clients from identity.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallCampaignSummary } from '@shared/contracts/telephony';
import type { CampaignSummary } from '@shared/contracts/email';
import type { LeadCampaignSettings, LeadClient, ReasonCode, ReasonCodeCatalogue } from '@shared/contracts/leads';
import type { Delivery, DeliveryConfig, DeliveryConfigInput, DeliveryConfigWithSecret, DeliveryReceipt, DeliveryStatus } from '@shared/contracts/lead-delivery';

/** What a test send answers: one attempt's receipt, and whether the client took it (`delivery-configs/:id/test`). */
export interface DeliveryTestResult extends DeliveryReceipt {
  delivered: boolean;
}
import type { z } from 'zod';
import type { deliveryConfigUpdateSchema } from '@shared/contracts/lead-delivery';
import { api, isApiError } from '@/lib/api';
import { useCan } from '@/lib/auth';

export const LEADS_PATH = '/api/leads';
const DELIVERY_CONFIGS_PATH = `${LEADS_PATH}/delivery-configs`;
const DELIVERIES_PATH = `${LEADS_PATH}/deliveries`;
const settingsPath = (campaignId: string) => `${LEADS_PATH}/campaigns/${campaignId}/settings`;

/** Where these screens live in the SPA. */
export const LEADS_SETTINGS_ROUTE = '/leads/settings';

export const leadSettingsKeys = {
  all: ['leads', 'settings'] as const,
  campaigns: ['leads', 'settings', 'campaigns'] as const,
  clients: ['leads', 'settings', 'clients'] as const,
  campaign: (id: string) => ['leads', 'settings', 'campaign', id] as const,
  reasonCodes: ['leads', 'reason-codes'] as const,
  configs: (clientOrgId: string | null) => ['leads', 'delivery-configs', clientOrgId] as const,
  allConfigs: ['leads', 'delivery-configs'] as const,
  deliveries: (status: DeliveryStatus | null) => ['leads', 'deliveries', status] as const,
  allDeliveries: ['leads', 'deliveries'] as const,
  delivery: (id: string) => ['leads', 'deliveries', 'one', id] as const,
};

export const useCanConfigureLeads = (): boolean => useCan('leads.configure');

/** A campaign leads may come from: a call campaign or an email campaign. */
export interface CampaignOption {
  id: string;
  name: string;
  kind: 'call' | 'email';
  status: string;
}

/**
 * Both kinds of campaign, call campaigns first. Each list is read only by those its API serves
 * (call campaigns: calls.make; email: email.send); a list refused is left out, not an error.
 */
export function useCampaignOptions() {
  const canCalls = useCan('calls.make');
  const canEmail = useCan('email.send');
  return useQuery({
    queryKey: leadSettingsKeys.campaigns,
    queryFn: async ({ signal }) => {
      const [calls, emails] = await Promise.all([
        canCalls ? api.get<{ items: CallCampaignSummary[] }>('/api/telephony/campaigns', undefined, signal) : { items: [] },
        canEmail ? api.get<{ items: CampaignSummary[] }>('/api/email/campaigns', { limit: 100 }, signal) : { items: [] },
      ]);
      const options: CampaignOption[] = [
        ...calls.items.map((c) => ({ id: c.id, name: c.name, kind: 'call' as const, status: c.status })),
        ...emails.items.map((c) => ({ id: c.id, name: c.name, kind: 'email' as const, status: c.status })),
      ];
      return options;
    },
    enabled: canCalls || canEmail,
  });
}

/** Client organisations, by name (`GET /api/leads/clients`, for everyone who reads lead settings). */
export function useClientOrganisations() {
  return useQuery({
    queryKey: leadSettingsKeys.clients,
    queryFn: async ({ signal }) => (await api.get<{ items: LeadClient[] }>('/api/leads/clients', undefined, signal)).items,
  });
}

/** A campaign's QA settings; a campaign without any yet starts from the defaults. */
export function useCampaignSettings(campaignId: string | null, kind: 'call' | 'email') {
  return useQuery({
    queryKey: leadSettingsKeys.campaign(campaignId ?? ''),
    queryFn: async ({ signal }): Promise<{ settings: LeadCampaignSettings; saved: boolean }> => {
      try {
        return { settings: await api.get<LeadCampaignSettings>(settingsPath(campaignId!), undefined, signal), saved: true };
      } catch (error) {
        if (isApiError(error) && error.status === 404) return { settings: defaultSettings(kind), saved: false };
        throw error;
      }
    },
    enabled: campaignId !== null,
  });
}

export function defaultSettings(kind: 'call' | 'email'): LeadCampaignSettings {
  return {
    campaignKind: kind,
    clientOrgId: null,
    checklist: [],
    criteria: { industries: [], employeeMin: null, employeeMax: null, revenueMin: null, revenueMax: null, countries: [], technologies: [] },
    autoDeliver: false,
  };
}

export function useSaveCampaignSettings(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: LeadCampaignSettings) => api.put<LeadCampaignSettings>(settingsPath(campaignId), settings),
    onSuccess: (settings) => client.setQueryData(leadSettingsKeys.campaign(campaignId), { settings, saved: true }),
  });
}

/** A list answered as `{items}` (or, tolerated, as the bare list). */
const itemsOf = <T>(body: { items: T[] } | T[]): T[] => (Array.isArray(body) ? body : body.items);

export function useReasonCodes() {
  return useQuery({
    queryKey: leadSettingsKeys.reasonCodes,
    queryFn: async ({ signal }) => (await api.get<ReasonCodeCatalogue>(`${LEADS_PATH}/reason-codes`, undefined, signal)).codes,
  });
}

export function useSaveReasonCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (codes: ReasonCode[]) => (await api.put<ReasonCodeCatalogue>(`${LEADS_PATH}/reason-codes`, { codes } satisfies ReasonCodeCatalogue)).codes,
    onSuccess: (codes) => client.setQueryData(leadSettingsKeys.reasonCodes, codes),
  });
}

export function useDeliveryConfigs(clientOrgId: string | null) {
  return useQuery({
    queryKey: leadSettingsKeys.configs(clientOrgId),
    queryFn: async ({ signal }) =>
      itemsOf(await api.get<{ items: DeliveryConfig[] } | DeliveryConfig[]>(DELIVERY_CONFIGS_PATH, { clientOrgId: clientOrgId ?? undefined }, signal)),
    placeholderData: keepPreviousData,
  });
}

function useConfigWrite<I, O>(write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSettled: () => client.invalidateQueries({ queryKey: leadSettingsKeys.allConfigs }) });
}

export type DeliveryConfigUpdate = z.infer<typeof deliveryConfigUpdateSchema>;

export const useCreateDeliveryConfig = () => useConfigWrite((input: DeliveryConfigInput) => api.post<DeliveryConfigWithSecret>(DELIVERY_CONFIGS_PATH, input));
export const useUpdateDeliveryConfig = () =>
  useConfigWrite(({ id, patch }: { id: string; patch: DeliveryConfigUpdate }) => api.patch<DeliveryConfig>(`${DELIVERY_CONFIGS_PATH}/${id}`, patch));
export const useDeleteDeliveryConfig = () => useConfigWrite((id: string) => api.delete<void>(`${DELIVERY_CONFIGS_PATH}/${id}`));
export const useRotateDeliverySecret = () =>
  useConfigWrite(async (id: string) => (await api.post<DeliveryConfigWithSecret>(`${DELIVERY_CONFIGS_PATH}/${id}/secret`)).secret);

/** Sends a sample lead through the configuration; answers the client's receipt. */
export function useSendTestDelivery() {
  return useMutation({ mutationFn: (id: string) => api.post<DeliveryTestResult>(`${DELIVERY_CONFIGS_PATH}/${id}/test`) });
}

const DELIVERIES_PAGE = 50;

export function useDeliveries(status: DeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: leadSettingsKeys.deliveries(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Delivery[]; nextCursor: string | null }>(DELIVERIES_PATH, { status: status ?? undefined, cursor: pageParam, limit: DELIVERIES_PAGE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One delivery with its receipts. */
export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: leadSettingsKeys.delivery(id ?? ''),
    queryFn: ({ signal }) => api.get<Delivery>(`${DELIVERIES_PATH}/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Delivery>(`${DELIVERIES_PATH}/${id}/retry`),
    onSettled: () => client.invalidateQueries({ queryKey: leadSettingsKeys.allDeliveries }),
  });
}
