// Settings → Email → IP pools: dedicated sending IPs, each with the SES configuration set that
// sends through it; added and removed here (a pool a sender profile uses cannot be removed).
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Network, Plus, Trash2 } from 'lucide-react';
import type { IpPool } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { useDeleteIpPool, useIpPools } from '@/features/email-settings/email-settings-api';
import { IpPoolDialog } from '@/features/email-settings/ip-pool-dialog';
import { formatDate } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { shortTableHeight } from './table-height';

const PURPOSE = 'Dedicated sending IPs keep one stream’s reputation apart from another’s (newsletters from cold outreach). A sender profile on Amazon SES may send through one.';

export function IpPoolsTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useIpPools();
  const remove = useDeleteIpPool();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<IpPool | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const rows = list.data ?? [];

  const columns = useMemo<ColumnDef<IpPool, unknown>[]>(
    () => [
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
      ...(canConfigure
        ? [
            actionsColumn<IpPool>(56, (pool) => (
              <RowAction
                label={`Remove ${pool.name}`}
                tone="danger"
                icon={<Trash2 aria-hidden="true" />}
                onClick={() => {
                  setRemoveError(null);
                  setRemoving(pool);
                }}
              />
            )),
          ]
        : []),
    ],
    [canConfigure],
  );

  const addButton = canConfigure && (
    <Button size="sm" onClick={() => setAdding(true)}>
      <Plus aria-hidden="true" />
      Add IP pool
    </Button>
  );

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted-foreground">{PURPOSE}</p>
        {addButton}
      </div>
      <DataTable
        tableId="email-ip-pools"
        label="IP pools"
        itemName={rows.length === 1 ? 'IP pool' : 'IP pools'}
        columns={columns}
        rows={rows}
        getRowId={(p) => p.id}
        loading={list.isLoading}
        error={list.error ? describeError(list.error) : null}
        onRetry={() => void list.refetch()}
        height={shortTableHeight(rows.length)}
        empty={<EmptyState compact icon={<Network />} title="No IP pools yet" description="Without one, mail goes out through the provider’s shared IPs." action={addButton || undefined} />}
      />
      <IpPoolDialog open={adding} onOpenChange={setAdding} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => !next && setRemoving(null)}
        destructive
        title={removing ? `Remove IP pool ${removing.name}?` : ''}
        description="Its configuration set goes with it."
        confirmLabel="Remove"
        error={removeError}
        onConfirm={async () => {
          if (!removing) return;
          try {
            await remove.mutateAsync(removing.id);
          } catch (e) {
            setRemoveError(describeError(e));
            throw e;
          }
          toast.success(`IP pool ${removing.name} removed.`);
        }}
      />
    </div>
  );
}
