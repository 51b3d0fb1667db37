// The suppression table's columns: the normalized value in monospace, what kind of entry it is,
// why it is there, where it came from, who added it and when; admins get a remove button.
import type { ColumnDef } from '@tanstack/react-table';
import { Trash2 } from 'lucide-react';
import type { Suppression, SuppressionList } from '@shared/contracts/compliance';
import { RowAction, actionsColumn, unsortable } from '@/components/ui/data-table/row-actions';
import { whenColumn } from '@/features/records/when-column';
import { ReasonBadge, TypeBadge } from './suppression-badges';

const dash = <span className="text-muted-foreground">—</span>;

export function suppressionColumns(options: { list: SuppressionList; onRemove?: (entry: Suppression) => void }): ColumnDef<Suppression, unknown>[] {
  const columns: ColumnDef<Suppression, unknown>[] = [
    {
      id: 'value',
      header: options.list === 'email' ? 'Address or domain' : 'Phone (E.164)',
      size: 250,
      meta: { mono: true, locked: true },
      cell: ({ row }) => <span title={row.original.value}>{row.original.value}</span>,
    },
  ];
  if (options.list === 'email') {
    columns.push({ id: 'type', header: 'Type', size: 90, cell: ({ row }) => <TypeBadge type={row.original.type} /> });
  }
  columns.push(
    { id: 'reason', header: 'Reason', size: 140, cell: ({ row }) => <ReasonBadge reason={row.original.reason} /> },
    { id: 'source', header: 'Source', size: 120, cell: ({ row }) => row.original.source || dash },
    { id: 'note', header: 'Note', size: 150, cell: ({ row }) => (row.original.note ? <span title={row.original.note}>{row.original.note}</span> : dash) },
    { id: 'createdBy', header: 'Added by', size: 130, cell: ({ row }) => row.original.createdByName ?? (row.original.createdBy ? 'A former user' : 'System') },
    whenColumn('createdAt', 'Added', 110, (r) => r.createdAt),
  );
  if (options.onRemove) {
    const onRemove = options.onRemove;
    columns.push(
      actionsColumn(110, (entry) => (
        <RowAction label={`Remove ${entry.value}`} icon={<Trash2 aria-hidden="true" />} text="Remove" tone="danger" onClick={() => onRemove(entry)} />
      )),
    );
  }
  return unsortable(columns);
}
