// One tab of Settings → Email for a kind of domain (sending or tracking): the collection with
// status badges, the add dialog and the detail sheet with the DNS records and "Check now"; removal
// (a 409 says which sender profile still uses it) comes with the collection. The two tabs differ
// only in the spec they pass.
import { useMemo, useState, type ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { FileText, Globe } from 'lucide-react';
import type { DomainStatus } from '@shared/contracts/email';
import { toast } from '@/components/ui/toast';
import { AddDomainDialog, type AddDomainDialogProps } from '@/features/email-settings/add-domain-dialog';
import { DomainSheet, type DomainSheetDomain } from '@/features/email-settings/domain-sheet';
import { DomainStatusBadge, lastCheckedText } from '@/features/email-settings/domain-status';
import { SettingsCollection, type CollectionList } from '@/features/email-settings/settings-collection';
import { formatDateTime } from '@/features/records/format';
import { describeError } from '@/lib/api';

export interface PanelDomain extends DomainSheetDomain {
  id: string;
}

export interface DomainsPanelProps<D extends PanelDomain> extends CollectionList<D> {
  tableId: string;
  /** "Sending domains". */
  title: string;
  /** "sending domain". */
  noun: string;
  /** One line on what these domains are for. */
  purpose: ReactNode;
  /** Columns between the status and "last checked". */
  columns?: ColumnDef<D, unknown>[];
  /** Above the table: e.g. why none can be added yet. */
  notice?: ReactNode;
  sheet: { explanation: (domain: D) => ReactNode; badges?: (domain: D) => ReactNode };
  add: Pick<AddDomainDialogProps<D>, 'description' | 'placeholder' | 'hint' | 'add' | 'onRefused'>;
  refresh: (id: string) => Promise<D>;
  remove: (id: string) => Promise<void>;
  /** Admins add, check and remove; everyone else reads. */
  canConfigure: boolean;
}

const STATUS_WORDS: Record<DomainStatus, string> = { pending: 'still pending', verified: 'verified', failed: 'failed verification' };

export function DomainsPanel<D extends PanelDomain>(props: DomainsPanelProps<D>) {
  const { tableId, title, noun, purpose, rows, sheet, add, refresh, remove, canConfigure } = props;
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<D | null>(null);
  const open = rows.find((d) => d.id === openId) ?? null;

  async function check(domain: D) {
    setCheckingId(domain.id);
    try {
      const checked = await refresh(domain.id);
      const say = checked.status === 'verified' ? toast.success : toast.info;
      say(`${checked.domain} ${STATUS_WORDS[checked.status]}.`);
    } catch (e) {
      toast.error(describeError(e));
    } finally {
      setCheckingId(null);
    }
  }

  const columns = useMemo<ColumnDef<D, unknown>[]>(
    () => [
      {
        id: 'domain',
        header: 'Domain',
        size: 280,
        meta: { locked: true, mono: true },
        cell: ({ row }) => <span className="truncate font-mono text-[13px] font-medium">{row.original.domain}</span>,
      },
      { id: 'status', header: 'Status', size: 120, cell: ({ row }) => <DomainStatusBadge status={row.original.status} /> },
      ...(props.columns ?? []),
      {
        id: 'lastChecked',
        header: 'Last checked',
        size: 170,
        cell: ({ row }) => (
          <span className="text-[13px] text-muted-foreground" title={row.original.lastCheckedAt ? formatDateTime(row.original.lastCheckedAt) : undefined}>
            {lastCheckedText(row.original.lastCheckedAt)}
          </span>
        ),
      },
    ],
    [props.columns],
  );

  return (
    <SettingsCollection<D>
      rows={rows}
      loading={props.loading}
      error={props.error}
      onRetry={props.onRetry}
      tableId={tableId}
      label={title}
      itemNames={[noun, `${noun}s`]}
      purpose={purpose}
      nameOf={(domain) => domain.domain}
      columns={columns}
      notice={props.notice}
      add={{ label: `Add ${noun}`, onAdd: () => setAdding(true) }}
      open={{
        onOpen: (domain) => setOpenId(domain.id),
        action: { label: (domain) => `DNS records of ${domain.domain}`, icon: <FileText aria-hidden="true" /> },
        forReaders: true,
      }}
      empty={{ icon: <Globe />, title: `No ${noun}s yet` }}
      remove={{
        title: (domain) => `Remove ${domain.domain}?`,
        description: 'Sender profiles can no longer use it. You can add it again later; its DNS records may then change.',
        removed: (domain) => `${domain.domain} removed.`,
        run: remove,
        onRemoved: (domain) => {
          if (openId === domain.id) setOpenId(null);
        },
      }}
      removing={removing}
      onRemovingChange={setRemoving}
      canConfigure={canConfigure}
    >
      <AddDomainDialog<D>
        open={adding}
        onOpenChange={setAdding}
        title={`Add ${noun}`}
        {...add}
        onAdded={(added) => {
          toast.success(`${added.domain} added: publish its DNS records, then check it.`);
          setOpenId(added.id);
        }}
      />
      <DomainSheet
        domain={open}
        onOpenChange={(next) => !next && setOpenId(null)}
        kind={noun.charAt(0).toUpperCase() + noun.slice(1)}
        explanation={open ? sheet.explanation(open) : null}
        badges={open && sheet.badges ? sheet.badges(open) : undefined}
        onCheck={canConfigure && open ? () => void check(open) : undefined}
        checking={checkingId !== null && checkingId === open?.id}
        onDelete={canConfigure && open ? () => setRemoving(open) : undefined}
      />
    </SettingsCollection>
  );
}
