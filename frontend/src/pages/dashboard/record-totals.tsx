// Accounts and contacts in the workspace, for people whose roles open those pages: the list
// endpoints' own totals (exact up to a cap, else the database's estimate, shown as such).
import { useQuery } from '@tanstack/react-query';
import { Building2, Contact } from 'lucide-react';
import type { ListTotal } from '@shared/contracts/accounts';
import type { Role } from '@shared/roles';
import { StatCard } from '@/components/ui/stat-card';
import { api } from '@/lib/api';
import { entriesFor } from '@/shell/navigation';

function useTotal(path: string, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'total', path],
    enabled,
    queryFn: async ({ signal }) => (await api.get<{ total: ListTotal | null }>(path, { limit: 1 }, signal)).total,
  });
}

const hintOf = (total: ListTotal | null | undefined, noun: string) =>
  total && !total.exact ? `about this many ${noun} (estimate)` : `${noun} in the workspace`;

export function canSeeRecordTotals(roles: readonly Role[]): boolean {
  return entriesFor(roles).some((entry) => entry.id === 'accounts' || entry.id === 'contacts');
}

/** The cards only (a fragment): the page places them in its own grid. */
export function RecordTotals({ roles }: { roles: readonly Role[] }) {
  const ids = new Set(entriesFor(roles).map((entry) => entry.id));
  const accounts = useTotal('/api/accounts', ids.has('accounts'));
  const contacts = useTotal('/api/contacts', ids.has('contacts'));
  return (
    <>
      {ids.has('accounts') && !accounts.isError && (
        <StatCard label="Accounts" value={accounts.data?.count ?? 0} loading={accounts.isLoading} icon={<Building2 />} hint={hintOf(accounts.data, 'accounts')} />
      )}
      {ids.has('contacts') && !contacts.isError && (
        <StatCard label="Contacts" value={contacts.data?.count ?? 0} loading={contacts.isLoading} icon={<Contact />} hint={hintOf(contacts.data, 'contacts')} />
      )}
    </>
  );
}
