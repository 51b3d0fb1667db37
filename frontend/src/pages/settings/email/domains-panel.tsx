// One tab of Settings → Email for a kind of domain (sending or tracking): the list with status
// badges, the add dialog, the detail sheet with the DNS records and "Check now", and removal with
// confirmation (a 409 says which sender profile still uses it). The two tabs differ only in the
// spec they pass.
import { useMemo, useState, type ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { FileText, Globe, Plus, Trash2 } from 'lucide-react';
import type { DomainStatus } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/ui/data-table/data-table';
import { actionsColumn, RowAction } from '@/components/ui/data-table/row-actions';
import { EmptyState } from '@/components/ui/empty-state';
import { toast } from '@/components/ui/toast';
import { AddDomainDialog, type AddDomainDialogProps } from '@/features/email-settings/add-domain-dialog';
import { DomainSheet, type DomainSheetDomain } from '@/features/email-settings/domain-sheet';
import { DomainStatusBadge, lastCheckedText } from '@/features/email-settings/domain-status';
import { formatDateTime } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { shortTableHeight } from './table-height';

export interface PanelDomain extends DomainSheetDomain {
  id: string;
}

export interface DomainsPanelProps<D extends PanelDomain> {
  tableId: string;
  /** "Sending domains". */
  title: string;
  /** "sending domain". */
  noun: string;
  /** One line on what these domains are for. */
  purpose: ReactNode;
  rows: D[];
  loading: boolean;
  error: unknown;
  onRetry: () => void;
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
  const { tableId, title, noun, purpose, rows, loading, error, onRetry, notice, sheet, add, refresh, remove, canConfigure } = props;
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<D | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
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

  function askRemove(domain: D) {
    setRemoveError(null);
    setRemoving(domain);
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
      actionsColumn<D>(canConfigure ? 88 : 56, (domain) => (
        <>
          <RowAction label={`DNS records of ${domain.domain}`} icon={<FileText aria-hidden="true" />} onClick={() => setOpenId(domain.id)} />
          {canConfigure && <RowAction label={`Remove ${domain.domain}`} tone="danger" icon={<Trash2 aria-hidden="true" />} onClick={() => askRemove(domain)} />}
        </>
      )),
    ],
    [canConfigure, props.columns],
  );

  const addButton = canConfigure && (
    <Button size="sm" onClick={() => setAdding(true)}>
      <Plus aria-hidden="true" />
      Add {noun}
    </Button>
  );

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="max-w-3xl text-sm text-muted-foreground">{purpose}</p>
        {addButton}
      </div>
      {notice}
      <DataTable
        tableId={tableId}
        label={title}
        itemName={rows.length === 1 ? noun : `${noun}s`}
        columns={columns}
        rows={rows}
        getRowId={(d) => d.id}
        loading={loading}
        error={error ? describeError(error) : null}
        onRetry={onRetry}
        onRowOpen={(d) => setOpenId(d.id)}
        openOnRowClick
        height={shortTableHeight(rows.length)}
        defaultDensity="comfortable"
        empty={<EmptyState compact icon={<Globe />} title={`No ${noun}s yet`} description={purpose} action={addButton || undefined} />}
      />

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
        onDelete={canConfigure && open ? () => askRemove(open) : undefined}
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(next) => !next && setRemoving(null)}
        destructive
        title={removing ? `Remove ${removing.domain}?` : ''}
        description={`Sender profiles can no longer use it. You can add it again later; its DNS records may then change.`}
        confirmLabel="Remove"
        error={removeError}
        onConfirm={async () => {
          if (!removing) return;
          setRemoveError(null);
          try {
            await remove(removing.id);
          } catch (e) {
            setRemoveError(describeError(e));
            throw e;
          }
          if (openId === removing.id) setOpenId(null);
          toast.success(`${removing.domain} removed.`);
        }}
      />
    </div>
  );
}
