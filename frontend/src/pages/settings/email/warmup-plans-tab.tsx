// Settings → Email → Warm-up plans: daily caps by day for a new sending identity, listed with
// their length and range; created, edited (or viewed) in a dialog with the curve drawn.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Pencil, Plus, Trash2, TrendingUp } from 'lucide-react';
import type { WarmupPlan } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { useDeleteWarmupPlan, useWarmupPlans } from '@/features/email-settings/email-settings-api';
import { describeWarmupPlan } from '@/features/email-settings/warmup-curve';
import { WarmupPlanDialog } from '@/features/email-settings/warmup-plan-dialog';
import { describeError } from '@/lib/api';
import { shortTableHeight } from './table-height';

const PURPOSE = 'A new domain or IP that suddenly sends thousands of messages looks like a spammer. A plan caps each day’s sends while reputation builds.';
const nf = (n: number) => n.toLocaleString('en-US');

export function WarmupPlansTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useWarmupPlans();
  const remove = useDeleteWarmupPlan();
  const [editing, setEditing] = useState<{ plan: WarmupPlan | null } | null>(null);
  const [removing, setRemoving] = useState<WarmupPlan | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const rows = list.data ?? [];

  const columns = useMemo<ColumnDef<WarmupPlan, unknown>[]>(
    () => [
      { id: 'name', header: 'Name', size: 220, meta: { locked: true }, cell: ({ row }) => <span className="truncate font-medium">{row.original.name}</span> },
      { id: 'days', header: 'Days', size: 80, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{row.original.dailyCaps.length}</span> },
      { id: 'first', header: 'Day 1', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{nf(row.original.dailyCaps[0] ?? 0)}</span> },
      { id: 'last', header: 'Last day', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{nf(row.original.dailyCaps.at(-1) ?? 0)}</span> },
      { id: 'summary', header: 'Plan', size: 380, cell: ({ row }) => <span className="truncate text-[13px] text-muted-foreground">{describeWarmupPlan(row.original.dailyCaps)}</span> },
      ...(canConfigure
        ? [
            actionsColumn<WarmupPlan>(88, (plan) => (
              <>
                <RowAction label={`Edit ${plan.name}`} icon={<Pencil aria-hidden="true" />} onClick={() => setEditing({ plan })} />
                <RowAction
                  label={`Remove ${plan.name}`}
                  tone="danger"
                  icon={<Trash2 aria-hidden="true" />}
                  onClick={() => {
                    setRemoveError(null);
                    setRemoving(plan);
                  }}
                />
              </>
            )),
          ]
        : []),
    ],
    [canConfigure],
  );

  const addButton = canConfigure && (
    <Button size="sm" onClick={() => setEditing({ plan: null })}>
      <Plus aria-hidden="true" />
      New warm-up plan
    </Button>
  );

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted-foreground">{PURPOSE}</p>
        {addButton}
      </div>
      <DataTable
        tableId="email-warmup-plans"
        label="Warm-up plans"
        itemName={rows.length === 1 ? 'plan' : 'plans'}
        columns={columns}
        rows={rows}
        getRowId={(p) => p.id}
        loading={list.isLoading}
        error={list.error ? describeError(list.error) : null}
        onRetry={() => void list.refetch()}
        onRowOpen={(plan) => setEditing({ plan })}
        openOnRowClick
        height={shortTableHeight(rows.length)}
        empty={<EmptyState compact icon={<TrendingUp />} title="No warm-up plans yet" description={PURPOSE} action={addButton || undefined} />}
      />
      <WarmupPlanDialog open={editing !== null} onOpenChange={(next) => !next && setEditing(null)} plan={editing?.plan ?? null} readOnly={!canConfigure} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => !next && setRemoving(null)}
        destructive
        title={removing ? `Remove the plan “${removing.name}”?` : ''}
        description="Sender profiles must not follow it any more."
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
          toast.success(`Warm-up plan “${removing.name}” removed.`);
        }}
      />
    </div>
  );
}
