// Server state of campaign links, tracking URLs and the asset report (TanStack Query).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssetReport,
  AssetUsageResponse,
  CampaignAssetsResponse,
  CampaignKind,
  CampaignRef,
  CreateLinkRequest,
  TrackingLinkView,
} from '@shared/contracts/content-tracking';
import type { AssetListItem } from '@shared/contracts/content';
import { api, apiRequest, isApiError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { CONTENT_API, contentKeys } from '../content-keys';

const assetPath = (assetId: string) => `${CONTENT_API}/assets/${assetId}`;

export function useCanLinkContent(): boolean {
  return useCan('content.create');
}

export function useCanReadContent(): boolean {
  return useCan('content.read');
}

export function useAssetUsage(assetId: string) {
  return useQuery({
    queryKey: contentKeys.usage(assetId),
    queryFn: async ({ signal }) => (await api.get<AssetUsageResponse>(`${assetPath(assetId)}/usage`, undefined, signal)).items,
  });
}

/** Attaching or detaching changes the asset's usage, its report and the asset's usage count. */
function useInvalidateUsage(assetId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: contentKeys.usage(assetId) });
    void client.invalidateQueries({ queryKey: contentKeys.report(assetId) });
    void client.invalidateQueries({ queryKey: contentKeys.asset(assetId), exact: true });
    void client.invalidateQueries({ queryKey: ['content', 'campaigns'] });
  };
}

export function useAttachAsset(assetId: string) {
  const invalidate = useInvalidateUsage(assetId);
  return useMutation({ mutationFn: (ref: CampaignRef) => api.post<AssetUsageResponse>(`${assetPath(assetId)}/usage`, ref), onSuccess: invalidate });
}

export function useDetachAsset(assetId: string) {
  const invalidate = useInvalidateUsage(assetId);
  return useMutation({
    mutationFn: (ref: CampaignRef) => apiRequest<void>(`${assetPath(assetId)}/usage`, { method: 'DELETE', query: ref }),
    onSuccess: invalidate,
  });
}

export function useAssetReport(assetId: string) {
  return useQuery({
    queryKey: contentKeys.report(assetId),
    queryFn: ({ signal }) => api.get<AssetReport>(`${assetPath(assetId)}/report`, undefined, signal),
  });
}

export function useCampaignAssets(kind: CampaignKind, campaignId: string) {
  return useQuery({
    queryKey: ['content', 'campaigns', kind, campaignId, 'assets'] as const,
    queryFn: async ({ signal }) => (await api.get<CampaignAssetsResponse>(`${CONTENT_API}/campaigns/${kind}/${campaignId}/assets`, undefined, signal)).items,
  });
}

export function useCreateTrackingLink() {
  return useMutation({
    mutationFn: ({ assetId, ...body }: CreateLinkRequest & { assetId: string }) => api.post<TrackingLinkView>(`${assetPath(assetId)}/links`, body),
  });
}

export interface CampaignOption {
  kind: CampaignKind;
  id: string;
  name: string;
  status: string;
}

type CampaignList = { items: Array<{ id: string; name: string; status: string }> };

/** A user who may not list one kind of campaign sees the other kind only. */
function unlessForbidden(error: unknown): CampaignList {
  if (isApiError(error) && error.status === 403) return { items: [] };
  throw error;
}

/** Email and call campaigns matching `q`, for the pickers (the email and telephony modules' lists). */
export function useCampaignOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['content', 'campaign-options', q] as const,
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<CampaignOption[]> => {
      const query = { q: q || undefined, limit: 20 };
      const [email, call] = await Promise.all([
        api.get<CampaignList>('/api/email/campaigns', query, signal).catch(unlessForbidden),
        api.get<CampaignList>('/api/telephony/campaigns', { q: q || undefined }, signal).catch(unlessForbidden),
      ]);
      return [...email.items.map((c) => ({ kind: 'email' as const, ...c })), ...call.items.slice(0, 20).map((c) => ({ kind: 'call' as const, ...c }))];
    },
  });
}

/** Live assets matching `q`, for the contact page's link dialog (the asset library's list). */
export function useAssetOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...contentKeys.assets, 'options', q] as const,
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => (await api.get<{ items: AssetListItem[] }>(`${CONTENT_API}/assets`, { q: q || undefined, limit: 20 }, signal)).items,
  });
}
