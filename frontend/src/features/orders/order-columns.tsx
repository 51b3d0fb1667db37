// The staff order list's columns: reference, client, name, state, channel, delivery against the
// volume, pace, and the window and last change.
import type { ColumnDef } from '@tanstack/react-table';
import { ORDER_CHANNEL_LABELS, type OrderSummary } from '@shared/contracts/portal';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { DeliveryProgress, OrderStateBadge, PaceBadge, formatDay } from './order-badges';

export function orderColumns(): ColumnDef<OrderSummary, unknown>[] {
  return unsortable<OrderSummary>([
    { id: 'reference', header: 'Reference', size: 92, meta: { locked: true, mono: true }, cell: ({ row }) => <span className="font-mono text-xs">{row.original.reference}</span> },
    {
      id: 'client',
      header: 'Client',
      size: 150,
      cell: ({ row }) => (
        <span className="truncate" title={row.original.orgName}>
          {row.original.orgName}
        </span>
      ),
    },
    {
      id: 'name',
      header: 'Name',
      size: 240,
      cell: ({ row }) => (
        <span className="truncate font-medium" title={row.original.name}>
          {row.original.name}
        </span>
      ),
    },
    { id: 'state', header: 'State', size: 110, cell: ({ row }) => <OrderStateBadge state={row.original.state} /> },
    { id: 'channel', header: 'Channel', size: 120, cell: ({ row }) => <span className="truncate">{ORDER_CHANNEL_LABELS[row.original.channel]}</span> },
    {
      id: 'progress',
      header: 'Delivered',
      size: 120,
      cell: ({ row }) => <DeliveryProgress delivered={row.original.counts.delivered} ordered={row.original.counts.ordered || row.original.volume} />,
    },
    { id: 'pace', header: 'Pace', size: 100, cell: ({ row }) => <PaceBadge status={row.original.paceStatus} /> },
    {
      id: 'window',
      header: 'Window',
      size: 180,
      cell: ({ row }) => (
        <span className="truncate text-xs tabular-nums">
          {formatDay(row.original.startsOn)} – {formatDay(row.original.endsOn)}
        </span>
      ),
    },
    {
      id: 'created',
      header: 'Created',
      size: 100,
      cell: ({ row }) => <span className="text-xs tabular-nums text-muted-foreground">{formatDay(row.original.createdAt.slice(0, 10))}</span>,
    },
  ]);
}
