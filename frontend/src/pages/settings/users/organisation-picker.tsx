// Choose a client organisation for a client user, or create one right here by name.
import { useState } from 'react';
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { useCreateOrganisation, useOrganisations } from './users-api';

export interface OrganisationPickerProps {
  value: string | null;
  onChange: (orgId: string | null) => void;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export function OrganisationPicker({ value, onChange, ...aria }: OrganisationPickerProps) {
  const organisations = useOrganisations('');
  const create = useCreateOrganisation();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');

  async function submitNew() {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const organisation = await create.mutateAsync({ name: trimmed });
      onChange(organisation.id);
      setCreating(false);
      setName('');
      toast.success(`Organisation “${organisation.name}” created.`);
    } catch (error) {
      toast.error(describeError(error));
    }
  }

  if (creating) {
    return (
      <div className="flex gap-2">
        <Input
          {...aria}
          value={name}
          autoFocus
          placeholder="Organisation name, e.g. Northwind Traders"
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void submitNew();
            }
            if (e.key === 'Escape') {
              e.stopPropagation();
              setCreating(false);
            }
          }}
        />
        <Button onClick={() => void submitNew()} loading={create.isPending} disabled={!name.trim()}>
          Create
        </Button>
        <Button variant="ghost" onClick={() => setCreating(false)}>
          Cancel
        </Button>
      </div>
    );
  }
  return (
    <div className="flex gap-2">
      <Combobox
        {...aria}
        className="flex-1"
        value={value}
        onChange={onChange}
        placeholder={organisations.isLoading ? 'Loading organisations…' : 'Choose an organisation'}
        searchPlaceholder="Search organisations"
        emptyText="No organisation by that name."
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <Button variant="outline" onClick={() => setCreating(true)}>
        <Plus aria-hidden="true" />
        New
      </Button>
    </div>
  );
}
