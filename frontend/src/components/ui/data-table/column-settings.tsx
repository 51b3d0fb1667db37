// The "Columns" popover of a DataTable: show or hide each column and move it left or right.
import { ArrowDown, ArrowUp, Columns3 } from 'lucide-react';
import { Button } from '../button';
import { Checkbox } from '../checkbox';
import { Popover, PopoverContent, PopoverTrigger } from '../popover';
import { moveColumn, toggleHidden, type ColumnState } from './column-state';

export interface ColumnSettingsProps {
  state: ColumnState;
  labels: Record<string, string>;
  /** Columns that cannot be hidden (e.g. the name). */
  locked: readonly string[];
  onChange: (state: ColumnState) => void;
  onReset: () => void;
}

export function ColumnSettings({ state, labels, locked, onChange, onReset }: ColumnSettingsProps) {
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm">
          <Columns3 aria-hidden="true" />
          Columns
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-72 p-2" aria-label="Columns">
        <p className="px-2 pb-2 pt-1 text-xs font-semibold text-muted-foreground">Show and order columns</p>
        <ul className="grid gap-0.5">
          {state.order.map((id, index) => {
            const label = labels[id] ?? id;
            const checkboxId = `col-${id}`;
            return (
              <li key={id} className="flex items-center gap-2 rounded-md px-2 py-1 hover:bg-muted">
                <Checkbox
                  id={checkboxId}
                  checked={!state.hidden.includes(id)}
                  disabled={locked.includes(id)}
                  onCheckedChange={() => onChange(toggleHidden(state, id))}
                />
                <label htmlFor={checkboxId} className="flex-1 truncate text-sm">
                  {label}
                </label>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  aria-label={`Move ${label} left`}
                  disabled={index === 0}
                  onClick={() => onChange({ ...state, order: moveColumn(state.order, id, -1) })}
                >
                  <ArrowUp aria-hidden="true" />
                </Button>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  className="size-7"
                  aria-label={`Move ${label} right`}
                  disabled={index === state.order.length - 1}
                  onClick={() => onChange({ ...state, order: moveColumn(state.order, id, 1) })}
                >
                  <ArrowDown aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ul>
        <div className="mt-1 border-t border-border px-1 pt-2">
          <Button variant="ghost" size="sm" className="w-full" onClick={onReset}>
            Reset to default
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}
