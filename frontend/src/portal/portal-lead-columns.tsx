// The columns of a list of delivered leads: who (name, title, company), which order, when it was
// delivered (sortable where the list is), its state and why it came back, and the return action
// (disabled, with the reason, outside the window).
import type { ColumnDef } from '@tanstack/react-table';
import { Undo2 } from 'lucide-react';
import type { PortalLead } from '@shared/contracts/portal-leads';
import { actionsColumn, RowAction, unsortable } from '@/components/ui/data-table/row-actions';
import { PortalLeadStateBadge, formatTime } from './order-badges';
import { notReturnableBecause, portalLeadName } from './return-lead-dialog';

export function portalLeadColumns(options: {
  onReturn?: (lead: PortalLead) => void;
  showOrder?: boolean;
  showReturn?: boolean;
  /** The columns the server can sort by (the list across orders sorts by delivery date). */
  sortable?: readonly string[];
}): ColumnDef<PortalLead, unknown>[] {
  const columns: ColumnDef<PortalLead, unknown>[] = [
    {
      id: 'contact',
      header: 'Contact',
      size: 200,
      meta: { locked: true },
      cell: ({ row }) => (
        <div className="grid min-w-0 leading-tight">
          <span className="truncate font-medium">{portalLeadName(row.original)}</span>
          <span className="truncate text-xs text-muted-foreground">{row.original.fields.title ?? row.original.fields.email ?? '—'}</span>
        </div>
      ),
    },
    {
      id: 'company',
      header: 'Company',
      size: 180,
      cell: ({ row }) => (
        <div className="grid min-w-0 leading-tight">
          <span className="truncate">{row.original.fields.company ?? '—'}</span>
          <span className="truncate font-mono text-xs text-muted-foreground">{row.original.fields.domain ?? ''}</span>
        </div>
      ),
    },
    { id: 'email', header: 'Email', size: 210, meta: { mono: true }, cell: ({ row }) => <span className="truncate">{row.original.fields.email ?? '—'}</span> },
    { id: 'phone', header: 'Phone', size: 140, meta: { mono: true }, cell: ({ row }) => row.original.fields.phone ?? '—' },
  ];
  if (options.showOrder) columns.push({ id: 'order', header: 'Order', size: 100, meta: { mono: true }, cell: ({ row }) => row.original.orderReference });
  columns.push(
    { id: 'delivered', header: 'Delivered', size: 160, cell: ({ row }) => <span className="text-xs">{formatTime(row.original.publishedAt)}</span> },
    { id: 'state', header: 'State', size: 140, cell: ({ row }) => <PortalLeadStateBadge state={row.original.state} /> },
    {
      id: 'reason',
      header: 'Return reason',
      size: 180,
      cell: ({ row }) =>
        row.original.returnReason ? (
          <span className="truncate" title={row.original.returnReason.note ?? undefined}>
            {row.original.returnReason.label}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
  );
  const onReturn = options.onReturn;
  if (onReturn && options.showReturn !== false) {
    columns.push(
      actionsColumn<PortalLead>(150, (lead) => {
        if (lead.state !== 'published') return null;
        const why = notReturnableBecause(lead);
        if (why) {
          return (
            <span className="inline-flex h-7 items-center gap-1 px-2 text-xs text-muted-foreground" title={why}>
              <Undo2 className="size-3.5" aria-hidden="true" />
              {why.startsWith('The return window closed') ? 'Window closed' : why}
            </span>
          );
        }
        return <RowAction label={`Return ${portalLeadName(lead)}`} icon={<Undo2 />} text="Return" tone="danger" onClick={() => onReturn(lead)} />;
      }),
    );
  }
  return unsortable(columns).map((column) => (column.id && options.sortable?.includes(column.id) ? { ...column, enableSorting: true } : column));
}
