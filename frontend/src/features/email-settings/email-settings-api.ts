// Server state of Settings → Email: sending and tracking domains, IP pools, warm-up plans and
// sender profiles, as TanStack Query hooks over /api/email. Reads need `email.send`, writes
// `email.configure` (admins).
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  IpPool,
  ipPoolCreateSchema,
  SenderProfile,
  SenderProfileInput,
  SendingDomain,
  TrackingDomain,
  WarmupPlan,
  WarmupPlanInput,
} from '@shared/contracts/email';
import { emailKeys } from '@/features/email/campaigns-api';
import { api } from '@/lib/api';
import { useCan } from '@/lib/auth';

export type IpPoolCreate = z.infer<typeof ipPoolCreateSchema>;

const PATHS = {
  domains: '/api/email/domains',
  trackingDomains: '/api/email/tracking-domains',
  ipPools: '/api/email/ip-pools',
  warmupPlans: '/api/email/warmup-plans',
  senderProfiles: '/api/email/sender-profiles',
} as const;

export const emailSettingsKeys = {
  all: ['email', 'settings'] as const,
  domains: ['email', 'settings', 'domains'] as const,
  trackingDomains: ['email', 'settings', 'tracking-domains'] as const,
  ipPools: ['email', 'settings', 'ip-pools'] as const,
  warmupPlans: ['email', 'settings', 'warmup-plans'] as const,
  /** The campaign screens' key: a profile saved here shows in their sender picker at once. */
  senderProfiles: emailKeys.senderProfiles,
};

/** Admins change deliverability settings; campaign managers read them. */
export function useCanConfigureEmail(): boolean {
  return useCan('email.configure');
}

function useList<T>(key: QueryKey, path: string) {
  return useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => (await api.get<{ items: T[] }>(path, undefined, signal)).items,
  });
}

export const useSendingDomains = () => useList<SendingDomain>(emailSettingsKeys.domains, PATHS.domains);
export const useTrackingDomains = () => useList<TrackingDomain>(emailSettingsKeys.trackingDomains, PATHS.trackingDomains);
export const useIpPools = () => useList<IpPool>(emailSettingsKeys.ipPools, PATHS.ipPools);
export const useWarmupPlans = () => useList<WarmupPlan>(emailSettingsKeys.warmupPlans, PATHS.warmupPlans);
/** The campaign screens' own hook: one cache entry for the profiles wherever they show. */
export { useSenderProfiles } from '@/features/email/campaigns-api';

/**
 * A write and what it makes stale: its own list and the sender profiles (which show each
 * domain's state, pool, tracking domain and plan by reference).
 */
function useSettingsWrite<I, O>(key: QueryKey, write: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: key }), client.invalidateQueries({ queryKey: emailSettingsKeys.senderProfiles })]),
  });
}

// ── sending domains ─────────────────────────────────────────────────────────────────────────
export const useAddSendingDomain = () => useSettingsWrite(emailSettingsKeys.domains, (domain: string) => api.post<SendingDomain>(PATHS.domains, { domain }));
export const useRefreshSendingDomain = () => useSettingsWrite(emailSettingsKeys.domains, (id: string) => api.post<SendingDomain>(`${PATHS.domains}/${id}/refresh`));
export const useDeleteSendingDomain = () => useSettingsWrite(emailSettingsKeys.domains, (id: string) => api.delete<void>(`${PATHS.domains}/${id}`));

// ── tracking domains ────────────────────────────────────────────────────────────────────────
export const useAddTrackingDomain = () =>
  useSettingsWrite(emailSettingsKeys.trackingDomains, (domain: string) => api.post<TrackingDomain>(PATHS.trackingDomains, { domain }));
export const useRefreshTrackingDomain = () =>
  useSettingsWrite(emailSettingsKeys.trackingDomains, (id: string) => api.post<TrackingDomain>(`${PATHS.trackingDomains}/${id}/refresh`));
export const useDeleteTrackingDomain = () => useSettingsWrite(emailSettingsKeys.trackingDomains, (id: string) => api.delete<void>(`${PATHS.trackingDomains}/${id}`));

// ── IP pools ────────────────────────────────────────────────────────────────────────────────
export const useCreateIpPool = () => useSettingsWrite(emailSettingsKeys.ipPools, (input: IpPoolCreate) => api.post<IpPool>(PATHS.ipPools, input));
export const useDeleteIpPool = () => useSettingsWrite(emailSettingsKeys.ipPools, (id: string) => api.delete<void>(`${PATHS.ipPools}/${id}`));

// ── warm-up plans ───────────────────────────────────────────────────────────────────────────
export const useSaveWarmupPlan = () =>
  useSettingsWrite(emailSettingsKeys.warmupPlans, ({ id, input }: { id: string | null; input: WarmupPlanInput }) =>
    id ? api.put<WarmupPlan>(`${PATHS.warmupPlans}/${id}`, input) : api.post<WarmupPlan>(PATHS.warmupPlans, input),
  );
export const useDeleteWarmupPlan = () => useSettingsWrite(emailSettingsKeys.warmupPlans, (id: string) => api.delete<void>(`${PATHS.warmupPlans}/${id}`));

// ── sender profiles ─────────────────────────────────────────────────────────────────────────
export const useSaveSenderProfile = () =>
  useSettingsWrite(emailSettingsKeys.senderProfiles, ({ id, input }: { id: string | null; input: SenderProfileInput }) =>
    id ? api.put<SenderProfile>(`${PATHS.senderProfiles}/${id}`, input) : api.post<SenderProfile>(PATHS.senderProfiles, input),
  );
export const useDeleteSenderProfile = () => useSettingsWrite(emailSettingsKeys.senderProfiles, (id: string) => api.delete<void>(`${PATHS.senderProfiles}/${id}`));
