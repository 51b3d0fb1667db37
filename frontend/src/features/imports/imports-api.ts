// Server state of the imports screens: query keys, the history (refreshed while a job runs), one
// job (polled until it settles), mapping profiles, and the start, cancel and revert calls.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DownloadLink,
  ImportJob,
  ImportListResponse,
  ImportStatus,
  MappingProfile,
  RevertResult,
  RowIssue,
  StartImportRequest,
} from '@shared/contracts/imports';
import type { User } from '@shared/contracts/identity';
import { api } from '@/lib/api';
import { useAuth } from '@/lib/auth';

export const IMPORTS_PATH = '/api/imports';
export const PROFILES_PATH = '/api/import-profiles';

/** How often a running job (and a history showing one) is asked again. */
export const LIVE_REFRESH_MS = 1000;
const HISTORY_PAGE = 25;

export const importKeys = {
  all: ['imports'] as const,
  history: ['imports', 'history'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
  issues: (id: string) => ['imports', 'job', id, 'issues'] as const,
  profiles: ['imports', 'profiles'] as const,
  user: (id: string) => ['imports', 'user', id] as const,
};

/** Queued and running jobs still change on their own; the others wait for a person. */
export function isLive(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function useImportHistory() {
  return useInfiniteQuery({
    queryKey: importKeys.history,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<ImportListResponse>(IMPORTS_PATH, { limit: HISTORY_PAGE, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Live while any loaded job runs; a drop-folder job appears within seconds either way.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((job) => isLive(job.status))) ? LIVE_REFRESH_MS : 5000,
    staleTime: 0,
  });
}

/** One job, polled while it runs; no request without an id. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => api.get<ImportJob>(`${IMPORTS_PATH}/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isLive(query.state.data.status) ? LIVE_REFRESH_MS : false),
    staleTime: 0,
  });
}

export function useRowIssues(id: string, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.issues(id),
    queryFn: ({ signal }) => api.get<{ items: RowIssue[]; nextCursor: string | null }>(`${IMPORTS_PATH}/${id}/issues`, { limit: 100 }, signal),
    enabled,
  });
}

/** The job's warnings (up to 500), for the company-name ones the job page lists on their own. */
export function useRowWarnings(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...importKeys.issues(id), 'warning'],
    queryFn: ({ signal }) => api.get<{ items: RowIssue[]; nextCursor: string | null }>(`${IMPORTS_PATH}/${id}/issues`, { severity: 'warning', limit: 500 }, signal),
    enabled,
  });
}

export function useMappingProfiles() {
  return useQuery({
    queryKey: importKeys.profiles,
    queryFn: ({ signal }) => api.get<{ items: MappingProfile[] }>(PROFILES_PATH, undefined, signal),
  });
}

/**
 * Who started a job, in words. Only admins may read other users, so everyone else sees "You" or
 * "A colleague"; a drop-folder job was started by the bucket, not a person.
 */
export function useStarterName(job: Pick<ImportJob, 'origin' | 'createdBy'>): string {
  const { user, can } = useAuth();
  const other = job.createdBy !== null && job.createdBy !== user?.id;
  const admin = can('admin');
  const query = useQuery({
    queryKey: importKeys.user(job.createdBy ?? ''),
    queryFn: ({ signal }) => api.get<User>(`/api/users/${job.createdBy}`, undefined, signal),
    enabled: other && admin,
    staleTime: 5 * 60_000,
  });
  if (job.origin === 'drop_folder') return 'Drop folder';
  if (!job.createdBy) return '—';
  if (!other) return 'You';
  if (query.data) return `${query.data.firstName} ${query.data.lastName}`.trim() || query.data.username;
  return 'A colleague';
}

export function useStartImport(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: StartImportRequest) => api.post<ImportJob>(`${IMPORTS_PATH}/${jobId}/start`, request),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.history });
      void queryClient.invalidateQueries({ queryKey: importKeys.profiles });
    },
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => api.post<ImportJob>(`${IMPORTS_PATH}/${jobId}/cancel`),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.history });
    },
  });
}

export function useRevertImport(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RevertResult>(`${IMPORTS_PATH}/${jobId}/revert`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: importKeys.job(jobId) });
      void queryClient.invalidateQueries({ queryKey: importKeys.history });
      // Contacts and accounts changed under every list that shows them.
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
}

export function errorFileLink(jobId: string): Promise<DownloadLink> {
  return api.get<DownloadLink>(`${IMPORTS_PATH}/${jobId}/error-file`);
}
