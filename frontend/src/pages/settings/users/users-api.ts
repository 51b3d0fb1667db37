// Server state of Settings → Users: the user list (cursor pages), organisations, each user's
// audit trail, and the admin changes, as TanStack Query hooks over the identity API.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditListResponse,
  CreateOrganisationRequest,
  CreateUserRequest,
  Organisation,
  OrganisationListResponse,
  UpdateUserRequest,
  User,
  UserListResponse,
} from '@shared/contracts/identity';
import type { Role } from '@shared/roles';
import { api } from '@/lib/api';

export interface UserFilters {
  q?: string;
  role?: Role;
  status?: User['status'];
}

const PAGE_SIZE = 50;

export const userKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  audit: (userId: string) => ['users', 'audit', userId] as const,
};
export const organisationKeys = {
  all: ['organisations'] as const,
  search: (q: string) => ['organisations', q] as const,
};

export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<UserListResponse>('/api/users', { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOrganisations(q: string) {
  return useQuery({
    queryKey: organisationKeys.search(q),
    queryFn: ({ signal }) => api.get<OrganisationListResponse>('/api/organisations', { q, limit: 100 }, signal),
  });
}

export function useUserAudit(userId: string | null) {
  return useInfiniteQuery({
    queryKey: userKeys.audit(userId ?? ''),
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditListResponse>(`/api/users/${userId}/audit`, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: userId !== null,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (request: CreateUserRequest) => api.post<User>('/api/users', request),
    onSuccess: invalidate,
  });
}

/** Saves the profile fields and, when they changed, the role set (two endpoints, in that order). */
export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async (input: { user: User; profile: UpdateUserRequest; roles: Role[] }) => {
      let saved = await api.patch<User>(`/api/users/${input.user.id}`, input.profile);
      const before = [...input.user.roles].sort().join(',');
      if ([...input.roles].sort().join(',') !== before) {
        await api.put<unknown>(`/api/users/${input.user.id}/roles`, { roles: input.roles });
        saved = { ...saved, roles: input.roles };
      }
      return saved;
    },
    onSettled: invalidate,
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: { userId: string; active: boolean }) =>
      api.post<User>(`/api/users/${input.userId}/${input.active ? 'reactivate' : 'deactivate'}`),
    onSuccess: invalidate,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateOrganisationRequest) => api.post<Organisation>('/api/organisations', request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
