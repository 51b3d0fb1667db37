// The TanStack Query client: server state is cached briefly and refetched on focus; a request
// the API refused (4xx) is not retried, since asking again would get the same answer.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failures < MAX_RETRIES;
        },
      },
      mutations: { retry: false },
    },
  });
}
