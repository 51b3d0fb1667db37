// A campaign's QA checklist as an editable, reorderable list: each item's label (its id follows
// the label until the item is saved, then stays), whether it must be checked before a lead may
// be approved, move up/down (or Alt+↑/↓ in a row) and remove. Problems show on the row they name.
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { SortableRowActions, moveOnAltArrow } from '@/features/telephony/sortable-rows';
import { checklistItemId } from './checklist-item-id';
import type { FieldErrors } from './field-errors';

export const MAX_CHECKLIST_ITEMS = 50;

export interface ChecklistRow {
  key: number;
  id: string;
  /** Saved items keep their id; a new one's follows its label. */
  idFixed: boolean;
  label: string;
  required: boolean;
}

let nextKey = 1;
export const newRowKey = () => nextKey++;

export interface ChecklistEditorProps {
  rows: ChecklistRow[];
  onRowsChange: (update: (rows: ChecklistRow[]) => ChecklistRow[]) => void;
  move: (index: number, by: -1 | 1) => void;
  errors: FieldErrors;
  readOnly: boolean;
}

export function ChecklistEditor({ rows, onRowsChange, move, errors, readOnly }: ChecklistEditorProps) {
  function relabel(key: number, label: string) {
    onRowsChange((all) => {
      const taken = new Set(all.filter((r) => r.key !== key).map((r) => r.id));
      return all.map((r) => (r.key !== key ? r : { ...r, label, id: r.idFixed ? r.id : checklistItemId(label, taken) }));
    });
  }

  function add() {
    const key = newRowKey();
    onRowsChange((all) => [...all, { key, id: checklistItemId('', new Set(all.map((r) => r.id))), idFixed: false, label: '', required: true }]);
    requestAnimationFrame(() => document.getElementById(`checklist-${key}-label`)?.focus());
  }

  const cell = 'px-2 py-1.5 align-top';
  return (
    <div>
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-sm text-muted-foreground">
          No checklist yet. Reviewers see these items on every lead of the campaign; the required ones must be ticked before a lead can be approved.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-sm" aria-label="Checklist">
            <thead className="border-b border-border text-left text-xs font-medium text-muted-foreground">
              <tr>
                <th className={`${cell} w-10 pl-5`}>#</th>
                <th className={cell}>Item</th>
                <th className={`${cell} w-24`}>Required</th>
                <th className={`${cell} w-28 pr-5`}>
                  <span className="sr-only">Order and removal</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, index) => {
                const name = r.label || `item ${index + 1}`;
                const problem = errors[`checklist.${index}.label`] ?? errors[`checklist.${index}.id`] ?? errors[`checklist.${index}`];
                const errorId = `checklist-${r.key}-error`;
                return (
                  <tr key={r.key} className="border-b border-border last:border-b-0" onKeyDown={moveOnAltArrow((by) => move(index, by))}>
                    <td className={`${cell} pl-5 pt-3 font-mono text-xs text-muted-foreground tabular`}>{index + 1}</td>
                    <td className={cell}>
                      <Input
                        id={`checklist-${r.key}-label`}
                        aria-label={`Checklist item ${index + 1}`}
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={problem ? errorId : undefined}
                        className="h-8"
                        value={r.label}
                        maxLength={200}
                        autoComplete="off"
                        placeholder="e.g. Budget confirmed for this quarter"
                        disabled={readOnly}
                        onChange={(e) => relabel(r.key, e.target.value)}
                      />
                      <p className="mt-0.5 px-1 font-mono text-[11px] text-muted-foreground" title="The id reviews record this item under">
                        {r.id}
                      </p>
                      {problem && (
                        <p id={errorId} className="mt-0.5 px-1 text-xs font-medium text-danger-text" role="alert">
                          {problem}
                        </p>
                      )}
                    </td>
                    <td className={`${cell} pt-2.5`}>
                      <Switch
                        aria-label={`${name} is required`}
                        checked={r.required}
                        disabled={readOnly}
                        onCheckedChange={(required) => onRowsChange((all) => all.map((x) => (x.key === r.key ? { ...x, required } : x)))}
                      />
                    </td>
                    <td className={`${cell} pr-5`}>
                      {!readOnly && (
                        <SortableRowActions
                          name={name}
                          index={index}
                          count={rows.length}
                          onMove={(by) => move(index, by)}
                          onRemove={() => onRowsChange((all) => all.filter((x) => x.key !== r.key))}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && (
        <div className="border-t border-border px-5 py-3">
          <Button variant="outline" size="sm" onClick={add} disabled={rows.length >= MAX_CHECKLIST_ITEMS}>
            <Plus aria-hidden="true" /> Add item
          </Button>
        </div>
      )}
    </div>
  );
}
