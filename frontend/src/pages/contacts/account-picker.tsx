// Choosing a contact's account: the first accounts by name, searchable by name and domain.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AccountListResponse } from '@shared/contracts/accounts';
import { Combobox, type ComboboxOption } from '@/components/ui/combobox';
import { api } from '@/lib/api';

const PICKER_LIMIT = 200;

export function AccountPicker({
  value,
  onChange,
  currentLabel,
  ...aria
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  /** The label of the current account, when it is not among the loaded ones. */
  currentLabel?: ComboboxOption;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const accounts = useQuery({
    queryKey: ['accounts', 'list', 'picker'],
    queryFn: ({ signal }) => api.get<AccountListResponse>('/api/accounts', { sort: 'name', order: 'asc', limit: PICKER_LIMIT }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options: ComboboxOption[] = (accounts.data?.items ?? []).map((a) => ({ value: a.id, label: a.name, detail: a.domain ?? undefined }));
  if (currentLabel && !options.some((o) => o.value === currentLabel.value)) options.unshift(currentLabel);
  return (
    <Combobox
      {...aria}
      options={options}
      value={value}
      onChange={onChange}
      placeholder="No account"
      searchPlaceholder="Search accounts…"
      emptyText={accounts.isLoading ? 'Loading accounts…' : 'No account matches.'}
    />
  );
}
