// Server state of the accounts screens: query keys, one account, its contacts, and who may write.
import { useQuery } from '@tanstack/react-query';
import type { Account } from '@shared/contracts/accounts';
import { recordKeys } from '@/features/records/record-spec';
import { api } from '@/lib/api';
import { useCan } from '@/lib/auth';

export const ACCOUNTS_PATH = '/api/accounts';

export const accountKeys = {
  ...recordKeys('accounts'),
  contacts: (id: string) => ['accounts', 'detail', id, 'contacts'] as const,
};

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => api.get<Account>(`${ACCOUNTS_PATH}/${id}`, undefined, signal),
  });
}

/** The capability of the API's record write routes; everyone else reads. */
export function useCanWriteRecords(): boolean {
  return useCan('records.write');
}

/**
 * How many contacts an account has. The list endpoint does not count them, so a card asks for
 * its own (one first page of one row: the API answers the total with it); only cards in view
 * exist, so this is a handful of requests, each cached.
 */
export function useAccountContactCount(account: Account): number | undefined {
  const known = account.contactCount;
  const query = useQuery({
    queryKey: [...accountKeys.contacts(account.id), 'count'],
    queryFn: ({ signal }) => api.get<{ total: { count: number } | null }>(`${ACCOUNTS_PATH}/${account.id}/contacts`, { limit: 1 }, signal),
    enabled: known === undefined,
    staleTime: 60_000,
  });
  return known ?? query.data?.total?.count;
}
