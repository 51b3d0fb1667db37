// Server state of the call campaign screens over /api/telephony: campaigns (list, one, edits,
// dispositions, agents, status moves, clone, delete), the users who may be assigned, and the
// merge fields a script may use. Managers (calls.manage) write; agents read their own campaigns.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  callCampaignInputSchema,
  CallCampaign,
  CallCampaignStatus,
  CallCampaignSummary,
  CallCampaignUpdate,
  DispositionInput,
  TrunkOption,
} from '@shared/contracts/telephony';
import type { MergeField } from '@shared/contracts/email-content';
import { api } from '@/lib/api';
import { useCan } from '@/lib/auth';

export const TELEPHONY_PATH = '/api/telephony';
export const CALL_CAMPAIGNS_PATH = `${TELEPHONY_PATH}/campaigns`;
const campaignPath = (id: string) => `${CALL_CAMPAIGNS_PATH}/${id}`;

/** Where the call campaign screens live in the SPA. */
export const CALL_CAMPAIGNS_ROUTE = '/telephony/campaigns';
export const callCampaignHref = (id: string) => `${CALL_CAMPAIGNS_ROUTE}/${id}`;

export const callCampaignKeys = {
  all: ['telephony', 'campaigns'] as const,
  list: (status: CallCampaignStatus | null, q: string) => ['telephony', 'campaigns', 'list', status, q] as const,
  one: (id: string) => ['telephony', 'campaigns', id] as const,
  agents: ['telephony', 'agents'] as const,
  mergeFields: (campaignId: string) => ['telephony', 'merge-fields', campaignId] as const,
};

export function useCanManageCalls(): boolean {
  return useCan('calls.manage');
}

export interface AssignableAgent {
  id: string;
  name: string;
  username: string;
}

export function useCallCampaigns(status: CallCampaignStatus | null, q: string) {
  return useQuery({
    queryKey: callCampaignKeys.list(status, q),
    queryFn: async ({ signal }) => (await api.get<{ items: CallCampaignSummary[] }>(CALL_CAMPAIGNS_PATH, { status: status ?? undefined, q: q || undefined }, signal)).items,
    placeholderData: keepPreviousData,
  });
}

export function useCallCampaign(id: string) {
  return useQuery({ queryKey: callCampaignKeys.one(id), queryFn: ({ signal }) => api.get<CallCampaign>(campaignPath(id), undefined, signal) });
}

/** A write whose answer is the campaign: it goes straight into the cache, and the lists are refreshed. */
function useCampaignWrite<I>(write: (input: I) => Promise<CallCampaign>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (campaign) => client.setQueryData(callCampaignKeys.one(campaign.id), campaign),
    onSettled: () => client.invalidateQueries({ queryKey: [...callCampaignKeys.all, 'list'] }),
  });
}

/** What creating takes: the API fills the defaults (empty script and form, recording on, a year's retention). */
export type CallCampaignCreate = z.input<typeof callCampaignInputSchema>;

export const useCreateCallCampaign = () => useCampaignWrite((input: CallCampaignCreate) => api.post<CallCampaign>(CALL_CAMPAIGNS_PATH, input));
export const useUpdateCallCampaign = (id: string) => useCampaignWrite((patch: CallCampaignUpdate) => api.patch<CallCampaign>(campaignPath(id), patch));
export const usePutDispositions = (id: string) =>
  useCampaignWrite((dispositions: DispositionInput[]) => api.put<CallCampaign>(`${campaignPath(id)}/dispositions`, { dispositions }));
export const usePutAgents = (id: string) => useCampaignWrite((userIds: string[]) => api.put<CallCampaign>(`${campaignPath(id)}/agents`, { userIds }));
export const useMoveCallCampaign = (id: string) =>
  useCampaignWrite((to: 'activate' | 'pause' | 'complete') => api.post<CallCampaign>(`${campaignPath(id)}/${to}`));
export const useCloneCallCampaign = () => useCampaignWrite((id: string) => api.post<CallCampaign>(`${campaignPath(id)}/clone`, {}));

export function useDeleteCallCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(campaignPath(id)),
    onSettled: () => client.invalidateQueries({ queryKey: callCampaignKeys.all }),
  });
}

/** The users who may be assigned to campaigns (their role makes calls). */
export function useAssignableAgents() {
  return useQuery({
    queryKey: callCampaignKeys.agents,
    queryFn: async ({ signal }) => (await api.get<{ items: AssignableAgent[] }>(`${TELEPHONY_PATH}/agents`, undefined, signal)).items,
  });
}

/** The contact and account fields a campaign's script may use, and the content linked to it (linked elsewhere: read again after a minute). */
export function useScriptMergeFields(campaignId: string) {
  return useQuery({
    queryKey: callCampaignKeys.mergeFields(campaignId),
    queryFn: async ({ signal }) => (await api.get<{ items: MergeField[] }>(`${TELEPHONY_PATH}/merge-fields`, { campaignId }, signal)).items,
    staleTime: 60_000,
  });
}

/** The trunks a campaign may call through, with their caller ids (no credentials: managers read it too). */
export function useTrunkOptions() {
  return useQuery({
    queryKey: ['telephony', 'trunk-options'] as const,
    queryFn: async ({ signal }) => (await api.get<{ items: TrunkOption[] }>(`${TELEPHONY_PATH}/trunk-options`, undefined, signal)).items,
  });
}
