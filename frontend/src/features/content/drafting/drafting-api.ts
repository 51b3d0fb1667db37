// Server state of AI drafting: whether it is configured (its model), and the two drafts — a new
// AI-written version of an asset, or a new text asset from a brief. Both refresh the library.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { DraftingStatus } from '@shared/contracts/content';
import type { CreateDraftInput, DraftBriefInput, DraftResult } from '@shared/contracts/content-drafting';
import { api } from '@/lib/api';
import { CONTENT_API, contentKeys } from '../content-keys';

export function useDraftingStatus(enabled = true) {
  return useQuery({
    queryKey: contentKeys.drafting,
    queryFn: ({ signal }) => api.get<DraftingStatus>(`${CONTENT_API}/drafting`, undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

export const rewriteAsset = (assetId: string, brief: DraftBriefInput) => api.post<DraftResult>(`${CONTENT_API}/assets/${assetId}/draft`, brief);
export const createDraft = (input: CreateDraftInput) => api.post<DraftResult>(`${CONTENT_API}/drafts`, input);

/** After a draft: the asset, its versions and the library show it. */
export function useDraftRefresh() {
  const client = useQueryClient();
  return (assetId: string) => {
    void client.invalidateQueries({ queryKey: contentKeys.asset(assetId) });
    void client.invalidateQueries({ queryKey: contentKeys.versions(assetId) });
    void client.invalidateQueries({ queryKey: contentKeys.assets, exact: true });
  };
}
