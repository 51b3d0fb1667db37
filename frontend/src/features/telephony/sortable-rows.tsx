// What the dispositions editor and the form builder share as editable, reorderable lists: the
// list's state (patch a row, move one up or down, remove one), Alt+↑/↓ inside a row to move it,
// the row's move-up / move-down / remove buttons, and the card's Discard and Save buttons.
import { useState, type KeyboardEvent } from 'react';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/** Rows kept by a key of their own, so React keeps each row's inputs through a move. */
export function useSortableRows<T extends { key: number }>(initial: () => T[]) {
  const [rows, setRows] = useState<T[]>(initial);
  const update = (key: number, patch: Partial<T>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((all) => {
      const to = index + by;
      if (to < 0 || to >= all.length) return all;
      const next = [...all];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    });
  const remove = (key: number) => setRows((all) => all.filter((o) => o.key !== key));
  return { rows, setRows, update, move, remove };
}

/** A row's onKeyDown: Alt+↑ and Alt+↓ move it, anything else is left alone. */
export function moveOnAltArrow(move: (by: -1 | 1) => void) {
  return (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(e.key === 'ArrowUp' ? -1 : 1);
  };
}

export interface SortableRowActionsProps {
  /** Names the row in the buttons' labels: "Move Meeting booked up", "Remove question 2". */
  name: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  className?: string;
}

export function SortableRowActions({ name, index, count, onMove, onRemove, className }: SortableRowActionsProps) {
  return (
    <div className={cn('flex gap-0.5', className)}>
      <Button variant="ghost" size="icon-sm" aria-label={`Move ${name} up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => onMove(-1)}>
        <ArrowUp aria-hidden="true" />
      </Button>
      <Button variant="ghost" size="icon-sm" aria-label={`Move ${name} down`} title="Move down (Alt+↓)" disabled={index === count - 1} onClick={() => onMove(1)}>
        <ArrowDown aria-hidden="true" />
      </Button>
      <Button variant="ghost" size="icon-sm" className="text-danger-text" aria-label={`Remove ${name}`} title="Remove" onClick={onRemove}>
        <Trash2 aria-hidden="true" />
      </Button>
    </div>
  );
}

/** The card's actions while editing: Discard once something changed, and Save. */
export function ListSaveActions(props: { dirty: boolean; saving: boolean; onDiscard: () => void; onSave: () => void; saveLabel: string; saveDisabled: boolean }) {
  return (
    <>
      {props.dirty && (
        <Button variant="ghost" size="sm" onClick={props.onDiscard} disabled={props.saving}>
          Discard
        </Button>
      )}
      <Button size="sm" onClick={props.onSave} loading={props.saving} disabled={props.saveDisabled}>
        {props.saveLabel}
      </Button>
    </>
  );
}
