// Who the campaign went to and what happened: status and event filters, a search by email or
// name, cursor paging as the table scrolls, and the matching rows as a CSV file.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { Download } from 'lucide-react';
import { RECIPIENT_STATUSES, type Recipient, type RecipientListQuery, type RecipientStatus } from '@shared/contracts/email';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table/data-table';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { SearchBox } from '@/components/ui/search-box';
import { OptionSelect } from '@/components/ui/option-select';
import { toast } from '@/components/ui/toast';
import { RelativeTime } from '@/features/records/when-column';
import { describeError } from '@/lib/api';
import { useDebounced } from '@/lib/use-debounced';
import { downloadRecipientsCsv, useRecipients } from '../campaigns-api';

const STATUS_LOOK: Record<RecipientStatus, { label: string; variant: BadgeVariant }> = {
  queued: { label: 'Queued', variant: 'neutral' },
  sending: { label: 'Sending', variant: 'info' },
  sent: { label: 'Sent', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
  uncertain: { label: 'Uncertain', variant: 'warning' },
  excluded: { label: 'Excluded', variant: 'neutral' },
  held: { label: 'Held', variant: 'warning' },
};
type EventFilter = NonNullable<RecipientListQuery['event']>;
const EVENT_LABELS: Record<EventFilter, string> = {
  opened: 'Opened',
  clicked: 'Clicked',
  bounced: 'Bounced',
  unsubscribed: 'Unsubscribed',
  complained: 'Complained',
  not_opened: 'Not opened',
};

const when = (iso: string | null) => (iso ? <RelativeTime iso={iso} /> : <span className="text-muted-foreground">—</span>);

export function RecipientsTable({ campaignId }: { campaignId: string }) {
  const [status, setStatus] = useState<RecipientStatus | 'all'>('all');
  const [event, setEvent] = useState<EventFilter | 'all'>('all');
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const filter = useMemo(() => ({ status: status === 'all' ? undefined : status, event: event === 'all' ? undefined : event, q: search || undefined }), [status, event, search]);
  const recipients = useRecipients(campaignId, filter);
  const [exporting, setExporting] = useState(false);
  const rows = useMemo(() => recipients.data?.pages.flatMap((p) => p.items) ?? [], [recipients.data]);

  const columns = useMemo<ColumnDef<Recipient, unknown>[]>(
    () =>
      unsortable<Recipient>([
        { id: 'email', header: 'Email', size: 240, meta: { mono: true, locked: true }, cell: ({ row }) => row.original.email },
        { id: 'name', header: 'Name', size: 160, cell: ({ row }) => row.original.contactName ?? <span className="text-muted-foreground">—</span> },
        { id: 'variant', header: 'Variant', size: 80, meta: { align: 'center' }, cell: ({ row }) => row.original.variantKey ?? '—' },
        {
          id: 'status',
          header: 'Status',
          size: 110,
          cell: ({ row }) => {
            const look = STATUS_LOOK[row.original.status];
            return (
              <Badge variant={look.variant} title={row.original.reason ?? undefined}>
                {look.label}
              </Badge>
            );
          },
        },
        { id: 'reason', header: 'Reason', size: 200, cell: ({ row }) => row.original.reason ?? (row.original.bounce ? `${row.original.bounce} bounce` : <span className="text-muted-foreground">—</span>) },
        { id: 'sentAt', header: 'Sent', size: 110, cell: ({ row }) => when(row.original.sentAt) },
        { id: 'openedAt', header: 'Opened', size: 110, cell: ({ row }) => when(row.original.openedAt) },
        { id: 'clickedAt', header: 'Clicked', size: 110, cell: ({ row }) => when(row.original.clickedAt) },
        { id: 'unsubscribedAt', header: 'Unsubscribed', size: 120, cell: ({ row }) => when(row.original.unsubscribedAt) },
      ]),
    [],
  );

  async function exportCsv() {
    setExporting(true);
    try {
      await downloadRecipientsCsv(campaignId, filter);
    } catch (error) {
      toast.error('The export failed', { description: describeError(error) });
    } finally {
      setExporting(false);
    }
  }

  return (
    <DataTable
      tableId="email-recipients"
      label="Recipients"
      itemName={rows.length === 1 ? 'recipient loaded' : 'recipients loaded'}
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      loading={recipients.isLoading}
      error={recipients.isError ? describeError(recipients.error) : null}
      onRetry={() => void recipients.refetch()}
      hasMore={recipients.hasNextPage}
      onLoadMore={() => void recipients.fetchNextPage()}
      loadingMore={recipients.isFetchingNextPage}
      defaultDensity="compact"
      height={440}
      toolbar={
        <>
          <SearchBox className="w-56" label="Search recipients" placeholder="Email or name…" value={q} onChange={setQ} />
          <OptionSelect
            aria-label="Recipient status"
            size="sm"
            className="w-36"
            options={[{ value: 'all' as const, label: 'Any status' }, ...RECIPIENT_STATUSES.map((s) => ({ value: s, label: STATUS_LOOK[s].label }))]}
            value={status}
            onValueChange={setStatus}
          />
          <OptionSelect
            aria-label="Recipient event"
            size="sm"
            className="w-36"
            options={[{ value: 'all' as const, label: 'Any event' }, ...(Object.keys(EVENT_LABELS) as EventFilter[]).map((e) => ({ value: e, label: EVENT_LABELS[e] }))]}
            value={event}
            onValueChange={setEvent}
          />
          <Button variant="outline" size="sm" onClick={() => void exportCsv()} loading={exporting}>
            {!exporting && <Download aria-hidden="true" />} Export CSV
          </Button>
        </>
      }
    />
  );
}
