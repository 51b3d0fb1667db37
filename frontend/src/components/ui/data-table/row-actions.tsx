// The trailing column of per-row buttons (rename, delete, confirm…) and the button itself: a
// click on it acts on that row only and never opens the row.
import type { ReactNode } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { cn } from '@/lib/utils';
import { Button } from '../button';

const TONES = {
  neutral: '',
  danger: 'text-danger-text hover:bg-danger-subtle',
  success: 'text-success-text hover:bg-success-subtle',
} as const;

export interface RowActionProps {
  /** The accessible name, naming the row (e.g. "Delete Q3 webinar"). */
  label: string;
  icon: ReactNode;
  /** Visible text beside the icon; without it the button is icon-only. */
  text?: string;
  tone?: keyof typeof TONES;
  disabled?: boolean;
  onClick: () => void;
}

export function RowAction({ label, icon, text, tone = 'neutral', disabled, onClick }: RowActionProps) {
  return (
    <Button
      variant="ghost"
      size={text ? 'sm' : 'icon-sm'}
      className={cn(text ? 'h-7 px-2' : 'size-7', TONES[tone])}
      aria-label={label}
      disabled={disabled}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {icon}
      {text}
    </Button>
  );
}

/** A right-aligned, always-shown column whose header is read by screen readers only. */
export function actionsColumn<T>(size: number, cell: (row: T) => ReactNode, label = 'Actions'): ColumnDef<T, unknown> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">{label}</span>,
    size,
    meta: { label, align: 'right', locked: true },
    cell: ({ row }) => <span className="inline-flex gap-1">{cell(row.original)}</span>,
  };
}

/** These tables show the server's order; their headers do not sort. */
export function unsortable<T>(columns: ColumnDef<T, unknown>[]): ColumnDef<T, unknown>[] {
  return columns.map((column) => ({ ...column, enableSorting: false }));
}
