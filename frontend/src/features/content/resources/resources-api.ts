// Server state of the Resources Centre screens over /api/content (shared/contracts/
// content-resources.ts): the link's settings (its secret only in the answer that made it), the log,
// reference people and their conflicts, and an asset's pushes, followed while one is pending.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConflictResolution,
  LogDirection,
  ReferenceConflict,
  ReferencePerson,
  ResourcesCentreLogEntry,
  ResourcesCentrePush,
  ResourcesCentreSettings,
  ResourcesCentreSettingsInput,
  ResourcesCentreSettingsWithSecret,
  ResourcesCentreStatus,
} from '@shared/contracts/content-resources';
import { api } from '@/lib/api';
import { CONTENT_API, contentKeys } from '../content-keys';

const BASE = `${CONTENT_API}/resources-centre`;
const FOLLOW_MS = 3_000;

export const resourcesKeys = {
  settings: [...contentKeys.resourcesCentre, 'settings'] as const,
  status: [...contentKeys.resourcesCentre, 'status'] as const,
  log: (direction: LogDirection | null) => [...contentKeys.resourcesCentre, 'log', direction] as const,
  people: [...contentKeys.resourcesCentre, 'people'] as const,
  conflicts: [...contentKeys.resourcesCentre, 'conflicts'] as const,
};

export function useResourcesSettings() {
  return useQuery({ queryKey: resourcesKeys.settings, queryFn: ({ signal }) => api.get<ResourcesCentreSettings>(`${BASE}/settings`, undefined, signal) });
}

export function useResourcesStatus() {
  return useQuery({ queryKey: resourcesKeys.status, queryFn: ({ signal }) => api.get<ResourcesCentreStatus>(`${BASE}/status`, undefined, signal) });
}

export function useResourcesLog(direction: LogDirection | null) {
  return useQuery({
    queryKey: resourcesKeys.log(direction),
    queryFn: ({ signal }) => api.get<{ items: ResourcesCentreLogEntry[] }>(`${BASE}/log`, { limit: 200, ...(direction ? { direction } : {}) }, signal),
    refetchInterval: 15_000,
  });
}

export function useReferencePeople() {
  return useQuery({ queryKey: resourcesKeys.people, queryFn: ({ signal }) => api.get<{ items: ReferencePerson[] }>(`${BASE}/people`, undefined, signal) });
}

export function useReferenceConflicts() {
  return useQuery({ queryKey: resourcesKeys.conflicts, queryFn: ({ signal }) => api.get<{ items: ReferenceConflict[] }>(`${BASE}/conflicts`, undefined, signal) });
}

/** Any write to the link refreshes everything the Resources Centre screens show. */
function useRefreshAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: contentKeys.resourcesCentre });
}

export function useSaveResourcesSettings() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: ResourcesCentreSettingsInput) => api.put<ResourcesCentreSettingsWithSecret>(`${BASE}/settings`, input),
    onSuccess: refresh,
  });
}

export function useRotateSecret() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (overlapHours: number) => api.post<ResourcesCentreSettingsWithSecret>(`${BASE}/secret/rotate`, { overlapHours }),
    onSuccess: refresh,
  });
}

export function usePullNow() {
  const refresh = useRefreshAll();
  return useMutation({ mutationFn: () => api.post<{ pages: number; error: string | null }>(`${BASE}/pull`), onSuccess: refresh });
}

export function useUpdatePerson() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: string; name?: string; data?: Record<string, string | null> }) => api.patch<ReferencePerson>(`${BASE}/people/${id}`, patch),
    onSuccess: refresh,
  });
}

export function useResolveConflict() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: ConflictResolution }) => api.post<ReferenceConflict>(`${BASE}/conflicts/${id}/resolve`, { resolution }),
    onSuccess: refresh,
  });
}

/** The asset's pushes, followed every few seconds while one is still being tried. */
export function useAssetPushes(assetId: string) {
  return useQuery({
    queryKey: contentKeys.pushes(assetId),
    queryFn: ({ signal }) => api.get<{ items: ResourcesCentrePush[] }>(`${CONTENT_API}/assets/${assetId}/pushes`, undefined, signal),
    refetchInterval: (query) => (query.state.data?.items.some((p) => p.state === 'pending') ? FOLLOW_MS : false),
  });
}

export function usePushAsset(assetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ResourcesCentrePush>(`${CONTENT_API}/assets/${assetId}/push`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: contentKeys.pushes(assetId) }),
        // The asset's public URL is set once a push is delivered.
        client.invalidateQueries({ queryKey: contentKeys.asset(assetId), exact: true }),
        client.invalidateQueries({ queryKey: contentKeys.resourcesCentre }),
      ]),
  });
}
