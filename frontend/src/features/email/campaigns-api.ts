// Server state of the email screens: campaigns (list, one, its variants, preview, test send,
// pre-flight, schedule and the sending controls), the report and its recipients, sender
// profiles, merge fields. Every route is under /api/email and needs `email.send`; every list
// answers `{ items }` (campaigns and recipients with a `nextCursor`).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Campaign,
  CampaignCreate,
  CampaignReport,
  CampaignSchedule,
  CampaignStatus,
  CampaignSummary,
  CampaignUpdate,
  Preview,
  PreviewRequest,
  RecipientListQuery,
  Recipient,
  SenderProfile,
  TestSendRequest,
} from '@shared/contracts/email';
import { preflightItemSchema, type MergeField, type PreflightItem, type SaveEmailContentInput } from '@shared/contracts/email-content';
import { api, apiDownload, isApiError } from '@/lib/api';
import { useCan } from '@/lib/auth';

export const EMAIL_PATH = '/api/email';
export const CAMPAIGNS_PATH = `${EMAIL_PATH}/campaigns`;
const campaignPath = (id: string) => `${CAMPAIGNS_PATH}/${id}`;

/** Where the campaign screens live in the SPA. */
export const CAMPAIGNS_ROUTE = '/email/campaigns';
export const campaignHref = (id: string) => `${CAMPAIGNS_ROUTE}/${id}`;

export const emailKeys = {
  all: ['email'] as const,
  campaigns: ['email', 'campaigns'] as const,
  campaignList: (status: CampaignStatus | null, q: string) => ['email', 'campaigns', 'list', status, q] as const,
  campaign: (id: string) => ['email', 'campaigns', id] as const,
  report: (id: string) => ['email', 'campaigns', id, 'report'] as const,
  recipients: (id: string, filter: RecipientFilter) => ['email', 'campaigns', id, 'recipients', filter] as const,
  preview: (id: string, variantId: string, contactId: string | null, stamp: string) => ['email', 'campaigns', id, 'preview', variantId, contactId, stamp] as const,
  senderProfiles: ['email', 'sender-profiles'] as const,
  mergeFields: ['email', 'merge-fields'] as const,
};

export function useCanSendEmail(): boolean {
  return useCan('email.send');
}

// ── campaigns ─────────────────────────────────────────────────────────────────────────────────

export const LIVE_STATUSES: readonly CampaignStatus[] = ['scheduled', 'sending', 'paused'];

export function useCampaigns(status: CampaignStatus | null, q: string) {
  return useInfiniteQuery({
    queryKey: emailKeys.campaignList(status, q),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: CampaignSummary[]; nextCursor: string | null }>(CAMPAIGNS_PATH, { status: status ?? undefined, q: q || undefined, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // A sending campaign's counts move: refresh the list while one is on it.
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.items.some((c) => c.status === 'sending')) ? 5_000 : false),
  });
}

/** One campaign; refreshed every few seconds while it is sending so the progress moves. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: emailKeys.campaign(id),
    queryFn: ({ signal }) => api.get<Campaign>(campaignPath(id), undefined, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'sending' ? 3_000 : status === 'scheduled' ? 15_000 : false;
    },
  });
}

function useInvalidateCampaigns() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: emailKeys.campaigns });
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (body: CampaignCreate) => api.post<Campaign>(CAMPAIGNS_PATH, body), onSuccess: invalidate });
}

/** PATCH with the version the edit was made on; a 409 means someone else saved first. */
export function useUpdateCampaign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignUpdate) => api.patch<Campaign>(campaignPath(id), body),
    onSuccess: (campaign) => {
      client.setQueryData(emailKeys.campaign(id), campaign);
      void client.invalidateQueries({ queryKey: emailKeys.campaigns, refetchType: 'none' });
    },
  });
}

export function useDeleteCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (id: string) => api.delete<void>(campaignPath(id)), onSuccess: invalidate });
}

export function useCloneCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: (id: string) => api.post<Campaign>(`${campaignPath(id)}/clone`), onSuccess: invalidate });
}

// ── variants (content) ────────────────────────────────────────────────────────────────────────

/**
 * Saves one variant's content (compiled on the server; a 400 names `subject`, `document.…`,
 * `mjml`, …). The answer is the whole campaign: a saved variant moves the campaign's version on.
 */
export function useSaveVariant(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ variantId, content }: { variantId: string; content: SaveEmailContentInput }) => api.put<Campaign>(`${campaignPath(campaignId)}/variants/${variantId}`, content),
    onSuccess: (campaign) => {
      client.setQueryData(emailKeys.campaign(campaignId), campaign);
      void client.invalidateQueries({ queryKey: emailKeys.campaigns, refetchType: 'none' });
    },
  });
}

/** A new variant, a copy of the first as last saved (the route takes no body). */
export function useAddVariant(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Campaign>(`${campaignPath(campaignId)}/variants`),
    onSuccess: (campaign) => client.setQueryData(emailKeys.campaign(campaignId), campaign),
  });
}

export function useDeleteVariant(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variantId: string) => api.delete<Campaign>(`${campaignPath(campaignId)}/variants/${variantId}`),
    onSuccess: (campaign) => client.setQueryData(emailKeys.campaign(campaignId), campaign),
  });
}

// ── preview, test send, pre-flight, schedule ─────────────────────────────────────────────────

/**
 * Some routes the screens call come later than the screens (preview and test send with the
 * sending engine, the report with tracking); until a server has them it answers 404 "No route for
 * POST /api/…", which the screens say plainly instead of as a failure.
 */
export const isRouteMissing = (error: unknown): boolean => isApiError(error, 'not_found') && (error.detail ?? '').startsWith('No route for ');

/** The rendered email as a contact (or the sample values) would get it. `stamp` refreshes it after edits. */
export function usePreview(campaignId: string, variantId: string | null, contactId: string | null, stamp: string, enabled: boolean) {
  return useQuery({
    queryKey: emailKeys.preview(campaignId, variantId ?? '', contactId, stamp),
    queryFn: () => api.post<Preview>(`${campaignPath(campaignId)}/preview`, { ...(variantId ? { variantId } : {}), contactId } satisfies PreviewRequest),
    enabled: enabled && variantId !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useTestSend(campaignId: string) {
  return useMutation({
    mutationFn: (body: TestSendRequest) => api.post<unknown>(`${campaignPath(campaignId)}/test-send`, body),
  });
}

export function usePreflight(campaignId: string) {
  return useMutation({
    mutationFn: async () => (await api.post<{ items: PreflightItem[] }>(`${campaignPath(campaignId)}/preflight`)).items,
  });
}

/** The red items a refused schedule (409 conflict) carries, or null when the refusal was something else. */
export function refusedPreflightItems(error: unknown): PreflightItem[] | null {
  if (!isApiError(error, 'conflict')) return null;
  const items = preflightItemSchema.array().safeParse(error.extra.items);
  return items.success ? items.data : null;
}

export function useScheduleCampaign(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { schedule: CampaignSchedule; version: number }) => api.post<Campaign>(`${campaignPath(campaignId)}/schedule`, body),
    onSuccess: (campaign) => {
      if (campaign && typeof campaign === 'object' && 'id' in campaign) client.setQueryData(emailKeys.campaign(campaignId), campaign);
      void client.invalidateQueries({ queryKey: emailKeys.campaigns });
    },
  });
}

export type CampaignControl = 'pause' | 'resume' | 'cancel';

export function useCampaignControl(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: CampaignControl) => api.post<Campaign>(`${campaignPath(campaignId)}/${action}`),
    onSuccess: (campaign) => client.setQueryData(emailKeys.campaign(campaignId), campaign),
    onSettled: () => client.invalidateQueries({ queryKey: emailKeys.campaigns }),
  });
}

export function useFollowUp(campaignId: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (kind: 'failed' | 'non_openers') => api.post<Campaign>(`${campaignPath(campaignId)}/follow-ups`, { kind }),
    onSuccess: invalidate,
  });
}

export function usePickWinner(campaignId: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (variantId: string) => api.post<Campaign>(`${campaignPath(campaignId)}/winner`, { variantId }),
    onSuccess: invalidate,
  });
}

// ── report and recipients ─────────────────────────────────────────────────────────────────────

export function useCampaignReport(campaignId: string, live: boolean) {
  return useQuery({
    queryKey: emailKeys.report(campaignId),
    queryFn: ({ signal }) => api.get<CampaignReport>(`${campaignPath(campaignId)}/report`, undefined, signal),
    refetchInterval: live ? 10_000 : false,
  });
}

export type RecipientFilter = Pick<RecipientListQuery, 'status' | 'event' | 'q'>;

export function useRecipients(campaignId: string, filter: RecipientFilter) {
  return useInfiniteQuery({
    queryKey: emailKeys.recipients(campaignId, filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Recipient[]; nextCursor: string | null }>(`${campaignPath(campaignId)}/recipients`, { ...filter, cursor: pageParam, limit: 100 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The recipients matching the filter as a CSV file. */
export function downloadRecipientsCsv(campaignId: string, filter: RecipientFilter) {
  return apiDownload(`${campaignPath(campaignId)}/recipients/export`, { ...filter }, `campaign-${campaignId}-recipients.csv`);
}

// ── sender profiles, merge fields ─────────────────────────────────────────────────────────────

export function useSenderProfiles() {
  return useQuery({
    queryKey: emailKeys.senderProfiles,
    queryFn: async ({ signal }) => (await api.get<{ items: SenderProfile[] }>(`${EMAIL_PATH}/sender-profiles`, undefined, signal)).items,
    staleTime: 5 * 60_000,
  });
}

/** The email catalog; `enabled: false` when a picker is given another catalog (a call script's). */
export function useMergeFields({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: emailKeys.mergeFields,
    queryFn: async ({ signal }) => (await api.get<{ items: MergeField[] }>(`${EMAIL_PATH}/merge-fields`, undefined, signal)).items,
    staleTime: 10 * 60_000,
    enabled,
  });
}
