// Settings → Email → IP pools: dedicated sending IPs, each with the SES configuration set that
// sends through it; added and removed here (a pool a sender profile uses cannot be removed).
import type { ColumnDef } from '@tanstack/react-table';
import { Network } from 'lucide-react';
import type { IpPool } from '@shared/contracts/email';
import { useDeleteIpPool, useIpPools } from '@/features/email-settings/email-settings-api';
import { IpPoolDialog } from '@/features/email-settings/ip-pool-dialog';
import { collectionList, SettingsCollection } from '@/features/email-settings/settings-collection';
import { formatDate } from '@/features/records/format';

const PURPOSE = 'Dedicated sending IPs keep one stream’s reputation apart from another’s (newsletters from cold outreach). A sender profile on Amazon SES may send through one.';

const COLUMNS: ColumnDef<IpPool, unknown>[] = [
  { id: 'name', header: 'Name', size: 200, meta: { locked: true, mono: true }, cell: ({ row }) => <span className="font-mono text-[13px] font-medium">{row.original.name}</span> },
  { id: 'description', header: 'Description', size: 320, cell: ({ row }) => <span className="truncate">{row.original.description ?? '—'}</span> },
  {
    id: 'configurationSet',
    header: 'Configuration set',
    size: 240,
    meta: { mono: true },
    cell: ({ row }) => <span className="font-mono text-[13px] text-muted-foreground">{row.original.configurationSet}</span>,
  },
  { id: 'created', header: 'Added', size: 130, cell: ({ row }) => <span className="text-[13px] text-muted-foreground">{formatDate(row.original.createdAt)}</span> },
];

export function IpPoolsTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useIpPools();
  const remove = useDeleteIpPool();

  return (
    <SettingsCollection<IpPool>
      {...collectionList(list)}
      tableId="email-ip-pools"
      label="IP pools"
      itemNames={['IP pool', 'IP pools']}
      purpose={PURPOSE}
      nameOf={(pool) => pool.name}
      columns={COLUMNS}
      add={{ label: 'Add IP pool' }}
      editor={{ dialog: ({ open, onOpenChange }) => <IpPoolDialog open={open} onOpenChange={onOpenChange} /> }}
      empty={{ icon: <Network />, title: 'No IP pools yet', description: 'Without one, mail goes out through the provider’s shared IPs.' }}
      remove={{
        title: (pool) => `Remove IP pool ${pool.name}?`,
        description: 'Its configuration set goes with it.',
        removed: (pool) => `IP pool ${pool.name} removed.`,
        run: (id) => remove.mutateAsync(id),
      }}
      canConfigure={canConfigure}
    />
  );
}
