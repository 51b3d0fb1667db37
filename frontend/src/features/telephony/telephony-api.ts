// Server state of the telephony screens: the agent console (presence, the call reserved for or
// bridged to the agent, callbacks due), calls (manual dial, wrap-up, hang-up, recording, a
// contact's previous calls), the WebRTC login token, call campaigns, the dialer's queues and
// their controls, and the reports. Every route is under /api/telephony (shared/contracts/telephony.ts).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact } from '@shared/contracts/accounts';
import { agentPresenceSchema } from '@shared/contracts/telephony';
import type {
  AgentReportRow,
  AgentStatus,
  Call,
  CallCampaign,
  CallCampaignSummary,
  CampaignReport,
  ComplianceReport,
  ConsoleState,
  DialerQueue,
  DialerSettings,
  ScriptContentLinks,
  WebrtcToken,
  WrapUp,
} from '@shared/contracts/telephony';
import { api } from '@/lib/api';

export const TELEPHONY_PATH = '/api/telephony';
export const CONSOLE_ROUTE = '/telephony/console';
export const AUTO_DIALER_ROUTE = '/telephony/auto-dialer';

export const telephonyKeys = {
  all: ['telephony'] as const,
  console: ['telephony', 'console'] as const,
  campaigns: ['telephony', 'campaigns'] as const,
  campaign: (id: string) => ['telephony', 'campaigns', id] as const,
  contact: (id: string) => ['telephony', 'contact', id] as const,
  contactCalls: (id: string) => ['telephony', 'contact', id, 'calls'] as const,
  contentLinks: (campaignId: string, contactId: string) => ['telephony', 'campaigns', campaignId, 'content-links', contactId] as const,
  recording: (callId: string) => ['telephony', 'calls', callId, 'recording'] as const,
  queues: ['telephony', 'dialer', 'queues'] as const,
  agentReport: (from: string, to: string) => ['telephony', 'reports', 'agents', from, to] as const,
  campaignReport: (id: string) => ['telephony', 'campaigns', id, 'report'] as const,
  compliance: (id: string) => ['telephony', 'campaigns', id, 'compliance'] as const,
};

/** Lists answer `{ items }`; a bare array is read the same so a list route's first version works too. */
type ListAnswer<T> = { items: T[] } | T[];
const itemsOf = <T>(answer: ListAnswer<T>): T[] => (Array.isArray(answer) ? answer : answer.items);

// ── the console ───────────────────────────────────────────────────────────────────────────────

/** Statuses in which a call can reach the agent at any moment: the console polls every second. */
const LIVE_STATUSES: readonly AgentStatus[] = ['available', 'busy'];
export const CONSOLE_POLL_MS = 1_000;
const CONSOLE_IDLE_POLL_MS = 10_000;

/**
 * The console's state. While the agent is available or on a call it is polled every second
 * (also in a background tab: the agent may be reading the account elsewhere when the dialer
 * bridges a call), so the live call shows within the 2 s the dialer has to bridge it.
 */
export function useConsoleState() {
  return useQuery({
    queryKey: telephonyKeys.console,
    queryFn: ({ signal }) => api.get<ConsoleState>(`${TELEPHONY_PATH}/console`, undefined, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.presence.status;
      return status && LIVE_STATUSES.includes(status) ? CONSOLE_POLL_MS : CONSOLE_IDLE_POLL_MS;
    },
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

export function useSetPresence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: AgentStatus) => api.put<unknown>(`${TELEPHONY_PATH}/presence`, { status }),
    onSuccess: (answer) => {
      // The new presence shows at once when the route answers it; the console is read again either way.
      const presence = agentPresenceSchema.safeParse(answer);
      if (presence.success) client.setQueryData<ConsoleState>(telephonyKeys.console, (state) => (state ? { ...state, presence: presence.data } : state));
      void client.invalidateQueries({ queryKey: telephonyKeys.console });
    },
  });
}

export function fetchWebrtcToken(): Promise<WebrtcToken> {
  return api.post<WebrtcToken>(`${TELEPHONY_PATH}/webrtc/token`);
}

export function useManualDial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { campaignId: string; contactId: string; phone?: string }) => api.post<Call>(`${TELEPHONY_PATH}/calls`, body),
    onSettled: () => client.invalidateQueries({ queryKey: telephonyKeys.console }),
  });
}

export function useWrapUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, wrapUp }: { callId: string; wrapUp: WrapUp }) => api.post<Call>(`${TELEPHONY_PATH}/calls/${callId}/wrap-up`, wrapUp),
    onSuccess: (call) => {
      void client.invalidateQueries({ queryKey: telephonyKeys.console });
      if (call?.contactId) void client.invalidateQueries({ queryKey: telephonyKeys.contactCalls(call.contactId) });
      // The disposition lands on the contact's timeline.
      void client.invalidateQueries({ queryKey: ['activity', 'timeline'] });
    },
  });
}

export function useHangupCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) => api.post<void>(`${TELEPHONY_PATH}/calls/${callId}/hangup`),
    onSettled: () => client.invalidateQueries({ queryKey: telephonyKeys.console }),
  });
}

export function useRecordingUrl(callId: string | null) {
  return useQuery({
    queryKey: telephonyKeys.recording(callId ?? ''),
    queryFn: ({ signal }) => api.get<{ url: string; expiresAt: string }>(`${TELEPHONY_PATH}/calls/${callId}/recording`, undefined, signal),
    enabled: callId !== null,
    // Signed URLs expire: fetch one when asked, never from the cache.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useContactCalls(contactId: string | null) {
  return useQuery({
    queryKey: telephonyKeys.contactCalls(contactId ?? ''),
    queryFn: async ({ signal }) => itemsOf(await api.get<ListAnswer<Call>>(`${TELEPHONY_PATH}/contacts/${contactId}/calls`, undefined, signal)),
    enabled: contactId !== null,
  });
}

/** The contact on the line, read through the records API (scoped to the agent's campaigns). */
export function useCallContact(contactId: string | null) {
  return useQuery({
    queryKey: telephonyKeys.contact(contactId ?? ''),
    queryFn: ({ signal }) => api.get<Contact>(`/api/contacts/${contactId}`, undefined, signal),
    enabled: contactId !== null,
    staleTime: 60_000,
  });
}

/** Whether a script uses `{{ content.<key> }}`: only then are the contact's content links read. */
export const usesContentLinks = (script: string) => /\{\{\s*content\./.test(script);

/**
 * The script's content links as the contact's own tracking URLs (made on first read, then the
 * same), through the same reach as the contact: one out of the agent's reach is a 404.
 */
export function useScriptContentLinks(campaignId: string | null, contactId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: telephonyKeys.contentLinks(campaignId ?? '', contactId ?? ''),
    queryFn: async ({ signal }) =>
      (await api.get<ScriptContentLinks>(`${TELEPHONY_PATH}/campaigns/${campaignId}/content-links`, { contactId: contactId ?? undefined }, signal)).items,
    enabled: enabled && campaignId !== null && contactId !== null,
    staleTime: 10 * 60_000,
  });
}

// ── campaigns ─────────────────────────────────────────────────────────────────────────────────

export function useCallCampaigns() {
  return useQuery({
    queryKey: telephonyKeys.campaigns,
    queryFn: async ({ signal }) => itemsOf(await api.get<ListAnswer<CallCampaignSummary>>(`${TELEPHONY_PATH}/campaigns`, undefined, signal)),
  });
}

/** A campaign with its script, form and dispositions (agents may read the campaigns they work on). */
export function useCallCampaign(id: string | null) {
  return useQuery({
    queryKey: telephonyKeys.campaign(id ?? ''),
    queryFn: ({ signal }) => api.get<CallCampaign>(`${TELEPHONY_PATH}/campaigns/${id}`, undefined, signal),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

// ── the dialer ────────────────────────────────────────────────────────────────────────────────

export const QUEUES_POLL_MS = 2_000;

/** Every queue with its live counts, refreshed every 2 s while the control centre is open. */
export function useDialerQueues() {
  return useQuery({
    queryKey: telephonyKeys.queues,
    queryFn: async ({ signal }) => itemsOf(await api.get<ListAnswer<DialerQueue>>(`${TELEPHONY_PATH}/dialer/queues`, undefined, signal)),
    refetchInterval: QUEUES_POLL_MS,
    staleTime: 0,
  });
}

function useQueueAction(action: 'fill' | 'start' | 'pause') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (campaignId: string) => api.post<DialerQueue | undefined>(`${TELEPHONY_PATH}/dialer/queues/${campaignId}/${action}`),
    onSettled: () => client.invalidateQueries({ queryKey: telephonyKeys.queues }),
  });
}

export const useFillQueue = () => useQueueAction('fill');
export const useStartQueue = () => useQueueAction('start');
export const usePauseQueue = () => useQueueAction('pause');

export function useUpdateQueueSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ campaignId, settings }: { campaignId: string; settings: Partial<DialerSettings> }) =>
      api.patch<DialerQueue | undefined>(`${TELEPHONY_PATH}/dialer/queues/${campaignId}`, settings),
    onSettled: () => client.invalidateQueries({ queryKey: telephonyKeys.queues }),
  });
}

// ── reports ───────────────────────────────────────────────────────────────────────────────────

export function useAgentReport(from: string, to: string) {
  return useQuery({
    queryKey: telephonyKeys.agentReport(from, to),
    queryFn: async ({ signal }) => itemsOf(await api.get<ListAnswer<AgentReportRow>>(`${TELEPHONY_PATH}/reports/agents`, { from, to }, signal)),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignCallReport(campaignId: string | null) {
  return useQuery({
    queryKey: telephonyKeys.campaignReport(campaignId ?? ''),
    queryFn: ({ signal }) => api.get<CampaignReport>(`${TELEPHONY_PATH}/campaigns/${campaignId}/report`, undefined, signal),
    enabled: campaignId !== null,
  });
}

export function useComplianceReport(campaignId: string | null) {
  return useQuery({
    queryKey: telephonyKeys.compliance(campaignId ?? ''),
    queryFn: ({ signal }) => api.get<ComplianceReport>(`${TELEPHONY_PATH}/campaigns/${campaignId}/compliance`, undefined, signal),
    enabled: campaignId !== null,
  });
}
