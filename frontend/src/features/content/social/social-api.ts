// Server state of social publishing: connected accounts, the calendar's posts of a period, one post,
// and the writes (connect, disconnect, create, change, cancel, retry, delete) that refresh them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectAccountInput, CreatePostInput, SocialAccountView, SocialPostView, UpdatePostInput } from '@shared/contracts/content-social';
import { api } from '@/lib/api';
import { CONTENT_API, contentKeys } from '../content-keys';

const SOCIAL_API = `${CONTENT_API}/social`;

export const socialKeys = {
  accounts: [...contentKeys.social, 'accounts'] as const,
  posts: (from: string, to: string) => [...contentKeys.social, 'posts', from, to] as const,
  post: (id: string) => [...contentKeys.social, 'post', id] as const,
};

export function useSocialAccounts() {
  return useQuery({
    queryKey: socialKeys.accounts,
    queryFn: async ({ signal }) => (await api.get<{ items: SocialAccountView[] }>(`${SOCIAL_API}/accounts`, undefined, signal)).items,
  });
}

/** The posts of [from, to): refreshed every few seconds while one is on its way out. */
export function useSocialPosts(from: Date, to: Date) {
  const range = { from: from.toISOString(), to: to.toISOString() };
  return useQuery({
    queryKey: socialKeys.posts(range.from, range.to),
    queryFn: async ({ signal }) => (await api.get<{ items: SocialPostView[] }>(`${SOCIAL_API}/posts`, range, signal)).items,
    refetchInterval: (query) => {
      const soon = Date.now() + 10 * 60_000;
      const waiting = (query.state.data ?? []).some((p) => p.state === 'publishing' || (p.state === 'scheduled' && Date.parse(p.scheduledAt ?? '') < soon) || (p.state === 'failed' && p.nextAttemptAt));
      return waiting ? 3_000 : 30_000;
    },
  });
}

export function useSocialPost(id: string | null) {
  return useQuery({
    queryKey: socialKeys.post(id ?? ''),
    queryFn: ({ signal }) => api.get<SocialPostView>(`${SOCIAL_API}/posts/${id}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (['scheduled', 'publishing'].includes(query.state.data?.state ?? '') || query.state.data?.nextAttemptAt ? 3_000 : false),
  });
}

export const connectAccount = (input: ConnectAccountInput) => api.post<SocialAccountView>(`${SOCIAL_API}/accounts`, input);
export const disconnectAccount = (id: string) => api.delete<SocialAccountView>(`${SOCIAL_API}/accounts/${id}`);
export const createPost = (input: CreatePostInput) => api.post<SocialPostView>(`${SOCIAL_API}/posts`, input);
export const updatePost = (id: string, input: UpdatePostInput) => api.patch<SocialPostView>(`${SOCIAL_API}/posts/${id}`, input);
export const cancelPost = (id: string) => api.post<SocialPostView>(`${SOCIAL_API}/posts/${id}/cancel`);
export const retryPost = (id: string) => api.post<SocialPostView>(`${SOCIAL_API}/posts/${id}/retry`);
export const deletePost = (id: string) => api.delete<void>(`${SOCIAL_API}/posts/${id}`);

export function useSocialRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: contentKeys.social });
}
