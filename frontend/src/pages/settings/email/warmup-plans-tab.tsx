// Settings → Email → Warm-up plans: daily caps by day for a new sending identity, listed with
// their length and range; created, edited (or viewed) in a dialog with the curve drawn.
import type { ColumnDef } from '@tanstack/react-table';
import { TrendingUp } from 'lucide-react';
import type { WarmupPlan } from '@shared/contracts/email';
import { useDeleteWarmupPlan, useWarmupPlans } from '@/features/email-settings/email-settings-api';
import { collectionList, SettingsCollection } from '@/features/email-settings/settings-collection';
import { describeWarmupPlan } from '@/features/email-settings/warmup-curve';
import { WarmupPlanDialog } from '@/features/email-settings/warmup-plan-dialog';

const PURPOSE = 'A new domain or IP that suddenly sends thousands of messages looks like a spammer. A plan caps each day’s sends while reputation builds.';
const nf = (n: number) => n.toLocaleString('en-US');

const COLUMNS: ColumnDef<WarmupPlan, unknown>[] = [
  { id: 'name', header: 'Name', size: 220, meta: { locked: true }, cell: ({ row }) => <span className="truncate font-medium">{row.original.name}</span> },
  { id: 'days', header: 'Days', size: 80, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{row.original.dailyCaps.length}</span> },
  { id: 'first', header: 'Day 1', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{nf(row.original.dailyCaps[0] ?? 0)}</span> },
  { id: 'last', header: 'Last day', size: 110, meta: { mono: true, align: 'right' }, cell: ({ row }) => <span className="font-mono text-[13px]">{nf(row.original.dailyCaps.at(-1) ?? 0)}</span> },
  { id: 'summary', header: 'Plan', size: 380, cell: ({ row }) => <span className="truncate text-[13px] text-muted-foreground">{describeWarmupPlan(row.original.dailyCaps)}</span> },
];

export function WarmupPlansTab({ canConfigure }: { canConfigure: boolean }) {
  const list = useWarmupPlans();
  const remove = useDeleteWarmupPlan();

  return (
    <SettingsCollection<WarmupPlan>
      {...collectionList(list)}
      tableId="email-warmup-plans"
      label="Warm-up plans"
      itemNames={['plan', 'plans']}
      purpose={PURPOSE}
      nameOf={(plan) => plan.name}
      columns={COLUMNS}
      add={{ label: 'New warm-up plan' }}
      editor={{
        edits: true,
        dialog: ({ open, onOpenChange, item }) => <WarmupPlanDialog open={open} onOpenChange={onOpenChange} plan={item} readOnly={!canConfigure} />,
      }}
      empty={{ icon: <TrendingUp />, title: 'No warm-up plans yet' }}
      remove={{
        title: (plan) => `Remove the plan “${plan.name}”?`,
        description: 'Sender profiles must not follow it any more.',
        removed: (plan) => `Warm-up plan “${plan.name}” removed.`,
        run: (id) => remove.mutateAsync(id),
      }}
      canConfigure={canConfigure}
    />
  );
}
