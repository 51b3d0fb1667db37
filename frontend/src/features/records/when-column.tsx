// A table column of moments: "3 min ago", the exact date and time on hover, a <time> element.
import type { ColumnDef } from '@tanstack/react-table';
import { formatDateTime, formatRelative } from './format';

export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}

export function whenColumn<T>(id: string, header: string, size: number, at: (row: T) => string): ColumnDef<T, unknown> {
  return { id, header, size, cell: ({ row }) => <RelativeTime iso={at(row.original)} /> };
}
