// Settings → Email → Sender profiles: who campaigns are from, each with whether its domain is
// verified and today's warm-up cap; created, edited (or viewed) in a dialog.
import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Send } from 'lucide-react';
import { EMAIL_PROVIDER_LABELS, type SenderProfile } from '@shared/contracts/email';
import { Badge } from '@/components/ui/badge';
import { useDeleteSenderProfile, useIpPools, useSenderProfiles, useTrackingDomains, useWarmupPlans } from '@/features/email-settings/email-settings-api';
import { SenderProfileDialog } from '@/features/email-settings/sender-profile-dialog';
import { collectionList, SettingsCollection } from '@/features/email-settings/settings-collection';

const PURPOSE = 'Who campaigns are from: the from name and address, reply-to, postal address and how mail is sent. A campaign picks one.';
const nf = (n: number) => n.toLocaleString('en-US');

export function SenderProfilesTab({ canConfigure }: { canConfigure: boolean }) {
  const pools = useIpPools();
  const tracking = useTrackingDomains();
  const plans = useWarmupPlans();
  const list = useSenderProfiles();
  const remove = useDeleteSenderProfile();

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
    ],
    // `nameOf` reads `names`.
    [names],
  );

  return (
    <SettingsCollection<SenderProfile>
      {...collectionList(list)}
      tableId="email-sender-profiles"
      label="Sender profiles"
      itemNames={['profile', 'profiles']}
      purpose={PURPOSE}
      nameOf={(profile) => profile.name}
      columns={columns}
      add={{ label: 'New sender profile' }}
      editor={{
        edits: true,
        dialog: ({ open, onOpenChange, item }) => <SenderProfileDialog open={open} onOpenChange={onOpenChange} profile={item} readOnly={!canConfigure} />,
      }}
      empty={{ icon: <Send />, title: 'No sender profiles yet' }}
      remove={{
        title: (profile) => `Remove the sender profile “${profile.name}”?`,
        description: 'Campaigns can no longer choose it. It cannot be removed while an unfinished campaign sends from it.',
        removed: (profile) => `Sender profile “${profile.name}” removed.`,
        run: (id) => remove.mutateAsync(id),
      }}
      canConfigure={canConfigure}
    />
  );
}
