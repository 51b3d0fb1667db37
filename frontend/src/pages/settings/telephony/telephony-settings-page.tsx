// Settings → Telephony (admins): the SIP trunks calls are placed on — each with its SIP identity,
// the hint of its sealed password, its caller ids, and switches for default and active right in
// the table — added and edited in a dialog, removed behind a confirmation that shows why not when a
// running campaign still calls through it.
import { useMemo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { PhoneCall } from 'lucide-react';
import type { Trunk } from '@shared/contracts/telephony';
import { Badge } from '@/components/ui/badge';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Switch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { collectionList, SettingsCollection } from '@/features/email-settings/settings-collection';
import { TrunkDialog } from '@/features/telephony/trunk-dialog';
import { useCanConfigureTelephony, useDeleteTrunk, useTrunks, useUpdateTrunk } from '@/features/telephony/trunks-api';
import { describeError } from '@/lib/api';

const PURPOSE = 'The Telnyx connections calls are placed on. Campaigns call through their own trunk or, without one, the default. Passwords are sealed at rest and never shown.';

export default function TelephonySettingsPage() {
  const canConfigure = useCanConfigureTelephony();
  const list = useTrunks();
  const update = useUpdateTrunk();
  const remove = useDeleteTrunk();

  const columns = useMemo<ColumnDef<Trunk, unknown>[]>(() => {
    async function toggle(trunk: Trunk, patch: { isDefault?: boolean; active?: boolean }, done: string) {
      try {
        await update.mutateAsync({ id: trunk.id, patch });
        toast.success(done);
      } catch (error) {
        toast.error(`${trunk.name} was not changed`, { description: describeError(error) });
      }
    }
    // The switches act on their own: a click or Space on one must not also open the row.
    const stop = { onClick: (e: React.MouseEvent) => e.stopPropagation(), onKeyDown: (e: React.KeyboardEvent) => e.stopPropagation() };
    return [
      {
        id: 'name',
        header: 'Name',
        size: 230,
        meta: { locked: true },
        cell: ({ row }) => (
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-medium">{row.original.name}</span>
            {row.original.isDefault && <Badge variant="accent">Default</Badge>}
            {!row.original.active && <Badge variant="neutral">Inactive</Badge>}
          </span>
        ),
      },
      {
        id: 'sip',
        header: 'SIP user',
        size: 260,
        cell: ({ row }) => (
          <span className="truncate font-mono text-[13px]">
            {row.original.sipUsername}
            <span className="text-muted-foreground">@{row.original.sipHost}</span>
          </span>
        ),
      },
      { id: 'password', header: 'Password', size: 110, cell: ({ row }) => <span className="font-mono text-[13px] text-muted-foreground">{row.original.secretHint}</span> },
      {
        id: 'callerIds',
        header: 'Caller ids',
        size: 240,
        cell: ({ row }) =>
          row.original.callerIds.length ? (
            <span className="truncate font-mono text-[13px]" title={row.original.callerIds.join(', ')}>
              {row.original.callerIds.slice(0, 2).join(', ')}
              {row.original.callerIds.length > 2 && <span className="text-muted-foreground"> +{row.original.callerIds.length - 2}</span>}
            </span>
          ) : (
            <span className="text-muted-foreground">—</span>
          ),
      },
      {
        id: 'default',
        header: 'Default',
        size: 90,
        cell: ({ row }) => (
          <span {...stop}>
            <Switch
              aria-label={`Default trunk: ${row.original.name}`}
              checked={row.original.isDefault}
              disabled={!canConfigure || row.original.isDefault || update.isPending}
              onCheckedChange={() => void toggle(row.original, { isDefault: true }, `${row.original.name} is now the default trunk.`)}
            />
          </span>
        ),
      },
      {
        id: 'active',
        header: 'Active',
        size: 90,
        cell: ({ row }) => (
          <span {...stop}>
            <Switch
              aria-label={`Active: ${row.original.name}`}
              checked={row.original.active}
              disabled={!canConfigure || update.isPending}
              onCheckedChange={(active) => void toggle(row.original, { active }, `${row.original.name} is ${active ? 'active' : 'inactive'}.`)}
            />
          </span>
        ),
      },
    ];
    // `update` is a stable mutation object apart from its pending flag.
  }, [canConfigure, update.isPending]);

  return (
    <>
      <HeaderActionBar title="Telephony" description="SIP trunks and the caller ids call campaigns dial from." />
      <SettingsCollection<Trunk>
        {...collectionList(list)}
        tableId="telephony-trunks"
        label="SIP trunks"
        itemNames={['trunk', 'trunks']}
        purpose={PURPOSE}
        nameOf={(trunk) => trunk.name}
        columns={columns}
        add={{ label: 'Add trunk' }}
        editor={{ edits: true, dialog: ({ open, onOpenChange, item }) => <TrunkDialog open={open} onOpenChange={onOpenChange} trunk={item} /> }}
        empty={{ icon: <PhoneCall />, title: 'No SIP trunks yet', description: 'Add the Telnyx connection your calls go out on; the first one you make the default is used by every campaign without its own.' }}
        remove={{
          title: (trunk) => `Remove the trunk “${trunk.name}”?`,
          description: 'Its password is deleted with it. A trunk cannot be removed while a running or paused campaign calls through it.',
          removed: (trunk) => `Trunk “${trunk.name}” removed.`,
          run: (id) => remove.mutateAsync(id),
        }}
        canConfigure={canConfigure}
      />
    </>
  );
}
