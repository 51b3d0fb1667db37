// Server state of the activity screens: record timelines, notes, tasks ("My tasks" and its
// badge), the contact policy and the gate's preview of who is reachable now.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AudienceSelection,
  MyTasksResponse,
  Note,
  PolicyPreviewResponse,
  PolicyUpdate,
  PolicyVersion,
  Task,
  TaskBucket,
  TaskCreate,
  TaskUpdate,
  TimelineKind,
  TimelineResponse,
  TouchChannel,
} from '@shared/contracts/activity';
import { api, apiRequest } from '@/lib/api';

export type RecordKind = 'contact' | 'account';
const recordPath = (kind: RecordKind, id: string) => `/api/${kind === 'contact' ? 'contacts' : 'accounts'}/${id}`;

export const activityKeys = {
  timelines: ['activity', 'timeline'] as const,
  timeline: (kind: RecordKind, id: string, kinds: readonly string[], channels: readonly string[]) => ['activity', 'timeline', kind, id, kinds, channels] as const,
  tasks: ['activity', 'tasks'] as const,
  myTasks: (bucket: TaskBucket, zone: string) => ['activity', 'tasks', 'mine', bucket, zone] as const,
  policy: ['activity', 'policy'] as const,
  policyHistory: ['activity', 'policy', 'history'] as const,
  preview: (selection: AudienceSelection, policy: number | undefined) => ['activity', 'preview', selection, policy] as const,
};

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function useTimeline(kind: RecordKind, id: string, kinds: readonly TimelineKind[], channels: readonly TouchChannel[]) {
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(kind, id, kinds, channels),
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelineResponse>(
        `${recordPath(kind, id)}/timeline`,
        { limit: 30, cursor: pageParam, kinds: kinds.length ? kinds.join(',') : undefined, channels: channels.length ? channels.join(',') : undefined },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After a write the timelines (contact and account alike) and the task lists are stale. */
function useInvalidateActivity() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: activityKeys.timelines }), client.invalidateQueries({ queryKey: activityKeys.tasks })]);
}

export function useAddNote(kind: RecordKind, id: string) {
  const invalidate = useInvalidateActivity();
  return useMutation({ mutationFn: (body: string) => api.post<Note>(`${recordPath(kind, id)}/notes`, { body }), onSuccess: invalidate });
}

export function useCreateTask() {
  const invalidate = useInvalidateActivity();
  return useMutation({ mutationFn: (task: TaskCreate) => api.post<Task>('/api/tasks', task), onSuccess: invalidate });
}

export function useUpdateTask() {
  const invalidate = useInvalidateActivity();
  return useMutation({ mutationFn: ({ id, change }: { id: string; change: TaskUpdate }) => api.patch<Task>(`/api/tasks/${id}`, change), onSuccess: invalidate });
}

export function useMyTasks(bucket: TaskBucket) {
  const zone = browserTimeZone();
  return useQuery({
    queryKey: activityKeys.myTasks(bucket, zone),
    queryFn: ({ signal }) => api.get<MyTasksResponse>('/api/tasks/mine', { bucket, timeZone: zone }, signal),
    refetchInterval: 60_000,
  });
}

export function mentionCandidates(q: string, signal?: AbortSignal) {
  return api.get<{ items: Array<{ id: string; name: string; username: string }> }>('/api/mentions', { q }, signal);
}

export function usePolicy() {
  return useQuery({ queryKey: activityKeys.policy, queryFn: ({ signal }) => api.get<PolicyVersion>('/api/policy', undefined, signal) });
}

export function usePolicyHistory(enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.policyHistory,
    queryFn: ({ signal }) => api.get<{ items: PolicyVersion[] }>('/api/policy/history', undefined, signal),
    enabled,
  });
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: PolicyUpdate) => api.put<PolicyVersion>('/api/policy', update),
    onSuccess: () => client.invalidateQueries({ queryKey: ['activity'] }),
  });
}

/** Who the gate would admit now, by email and by phone; refreshed when the policy changes. */
export function usePolicyPreview(selection: AudienceSelection | null) {
  const policy = usePolicy();
  return useQuery({
    queryKey: activityKeys.preview(selection ?? { kind: 'ids', ids: [] }, policy.data?.version),
    queryFn: ({ signal }) => apiRequest<PolicyPreviewResponse>('/api/policy/preview', { method: 'POST', body: { selection }, signal }),
    enabled: selection !== null && policy.data !== undefined,
    staleTime: 30_000,
  });
}
