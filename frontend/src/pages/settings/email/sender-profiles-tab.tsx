// Settings → Email → Sender profiles: who campaigns are from, each with whether its domain is
// verified and today's warm-up cap; created, edited (or viewed) in a dialog.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Pencil, Plus, Send, Trash2 } from 'lucide-react';
import { EMAIL_PROVIDER_LABELS, type SenderProfile } from '@shared/contracts/email';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { useDeleteSenderProfile, useIpPools, useSenderProfiles, useTrackingDomains, useWarmupPlans } from '@/features/email-settings/email-settings-api';
import { SenderProfileDialog } from '@/features/email-settings/sender-profile-dialog';
import { describeError } from '@/lib/api';
import { shortTableHeight } from './table-height';

const PURPOSE = 'Who campaigns are from: the from name and address, reply-to, postal address and how mail is sent. A campaign picks one.';
const nf = (n: number) => n.toLocaleString('en-US');

export function SenderProfilesTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useSenderProfiles();
  const pools = useIpPools();
  const tracking = useTrackingDomains();
  const plans = useWarmupPlans();
  const remove = useDeleteSenderProfile();
  const [editing, setEditing] = useState<{ profile: SenderProfile | null } | null>(null);
  const [removing, setRemoving] = useState<SenderProfile | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const rows = list.data ?? [];

  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const p of pools.data ?? []) byId.set(p.id, p.name);
    for (const t of tracking.data ?? []) byId.set(t.id, t.domain);
    for (const w of plans.data ?? []) byId.set(w.id, w.name);
    return byId;
  }, [pools.data, tracking.data, plans.data]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? '…') : '—');

  const columns = useMemo<ColumnDef<SenderProfile, unknown>[]>(
    () => [
      { id: 'name', header: 'Name', size: 200, meta: { locked: true }, cell: ({ row }) => <span className="truncate font-medium">{row.original.name}</span> },
      {
        id: 'from',
        header: 'From',
        size: 300,
        cell: ({ row }) => (
          <span className="truncate text-[13px]">
            {row.original.fromName} <span className="font-mono text-muted-foreground">&lt;{row.original.fromAddress}&gt;</span>
          </span>
        ),
      },
      {
        id: 'domain',
        header: 'Domain',
        size: 130,
        cell: ({ row }) =>
          row.original.domainVerified ? (
            <Badge variant="success" dot>
              Verified
            </Badge>
          ) : (
            <Badge variant="warning" dot>
              Not verified
            </Badge>
          ),
      },
      {
        id: 'capToday',
        header: 'Today’s cap',
        size: 120,
        meta: { mono: true, align: 'right' },
        cell: ({ row }) => <span className="font-mono text-[13px]">{row.original.dailyCapToday === null ? 'No cap' : nf(row.original.dailyCapToday)}</span>,
      },
      { id: 'rate', header: 'Rate/s', size: 80, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{nf(row.original.ratePerSecond)}</span> },
      { id: 'provider', header: 'Provider', size: 120, cell: ({ row }) => <span className="text-[13px]">{EMAIL_PROVIDER_LABELS[row.original.provider]}</span> },
      { id: 'pool', header: 'IP pool', size: 130, cell: ({ row }) => <span className="truncate font-mono text-[13px] text-muted-foreground">{nameOf(row.original.ipPoolId)}</span> },
      { id: 'tracking', header: 'Tracking domain', size: 180, cell: ({ row }) => <span className="truncate font-mono text-[13px] text-muted-foreground">{nameOf(row.original.trackingDomainId)}</span> },
      { id: 'plan', header: 'Warm-up plan', size: 160, cell: ({ row }) => <span className="truncate text-[13px] text-muted-foreground">{nameOf(row.original.warmupPlanId)}</span> },
      ...(canConfigure
        ? [
            actionsColumn<SenderProfile>(88, (profile) => (
              <>
                <RowAction label={`Edit ${profile.name}`} icon={<Pencil aria-hidden="true" />} onClick={() => setEditing({ profile })} />
                <RowAction
                  label={`Remove ${profile.name}`}
                  tone="danger"
                  icon={<Trash2 aria-hidden="true" />}
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(profile);
                  }}
                />
              </>
            )),
          ]
        : []),
    ],
    // `nameOf` reads `names`.
    [canConfigure, names],
  );

  const addButton = canConfigure && (
    <Button size="sm" onClick={() => setEditing({ profile: null })}>
      <Plus aria-hidden="true" />
      New sender profile
    </Button>
  );

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted-foreground">{PURPOSE}</p>
        {addButton}
      </div>
      <DataTable
        tableId="email-sender-profiles"
        label="Sender profiles"
        itemName={rows.length === 1 ? 'profile' : 'profiles'}
        columns={columns}
        rows={rows}
        getRowId={(p) => p.id}
        loading={list.isLoading}
        error={list.error ? describeError(list.error) : null}
        onRetry={() => void list.refetch()}
        onRowOpen={(profile) => setEditing({ profile })}
        openOnRowClick
        height={shortTableHeight(rows.length)}
        empty={<EmptyState compact icon={<Send />} title="No sender profiles yet" description={PURPOSE} action={addButton || undefined} />}
      />
      <SenderProfileDialog open={editing !== null} onOpenChange={(next) => !next && setEditing(null)} profile={editing?.profile ?? null} readOnly={!canConfigure} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => !next && setRemoving(null)}
        destructive
        title={removing ? `Remove the sender profile “${removing.name}”?` : ''}
        description="Campaigns can no longer choose it. It cannot be removed while an unfinished campaign sends from it."
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
          toast.success(`Sender profile “${removing.name}” removed.`);
        }}
      />
    </div>
  );
}
