// A campaign's dispositions, edited as one list: label, outcome class, the console's shortcut key
// and when the contact may be dialled again; reordered with buttons (or Alt+↑/↓ in a row), added
// and removed, then saved whole. Codes and keys must be unique; the API names the row that clashes.
import { useMemo, useState } from 'react';
import { Plus } from 'lucide-react';
import { DISPOSITION_CLASSES, DISPOSITION_CLASS_LABELS, type Disposition, type DispositionClass, type DispositionInput } from '@shared/contracts/telephony';
import { FormError } from '@/components/form/form-error';
import type { BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { describeError, isApiError } from '@/lib/api';
import { answerId } from './answer-id';
import { ListSaveActions, SortableRowActions, moveOnAltArrow, useSortableRows } from './sortable-rows';

export const DISPOSITION_CLASS_BADGES: Record<DispositionClass, BadgeVariant> = {
  positive: 'success',
  negative: 'neutral',
  neutral: 'info',
  callback: 'warning',
  do_not_call: 'danger',
  wrong_number: 'outline',
};
const CLASS_OPTIONS = labelledOptions(DISPOSITION_CLASSES, DISPOSITION_CLASS_LABELS);

interface Row {
  key: number;
  id?: string;
  code: string;
  codeTouched: boolean;
  label: string;
  outcomeClass: DispositionClass;
  shortcut: string;
  retry: string;
}

let nextKey = 1;
const rowOf = (d: Disposition): Row => ({
  key: nextKey++,
  id: d.id,
  code: d.code,
  codeTouched: true,
  label: d.label,
  outcomeClass: d.outcomeClass,
  shortcut: d.shortcut ?? '',
  retry: d.retryAfterMinutes === null ? '' : String(d.retryAfterMinutes),
});

const inputOf = (r: Row): DispositionInput => ({
  ...(r.id ? { id: r.id } : {}),
  code: r.code,
  label: r.label.trim(),
  outcomeClass: r.outcomeClass,
  shortcut: r.shortcut.trim() || null,
  retryAfterMinutes: r.retry.trim() === '' ? null : Number(r.retry),
});

/** Problems by row index and column, from the API's field errors (`dispositions.2.shortcut`). */
function rowProblems(error: unknown): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  if (!isApiError(error)) return byRow;
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    const match = /^dispositions\.(\d+)\.(\w+)/.exec(path);
    if (!match) continue;
    const list = byRow.get(Number(match[1])) ?? [];
    const column = match[2] === 'retryAfterMinutes' ? 'Retry' : match[2] === 'outcomeClass' ? 'Class' : match[2]![0]!.toUpperCase() + match[2]!.slice(1);
    list.push(...messages.map((m) => `${column} ${m}`));
    byRow.set(Number(match[1]), list);
  }
  return byRow;
}

export function DispositionsEditor({ dispositions, onSave, readOnly = false }: { dispositions: Disposition[]; onSave: (list: DispositionInput[]) => Promise<void>; readOnly?: boolean }) {
  const { rows, setRows, update, move, remove } = useSortableRows<Row>(() => dispositions.map(rowOf));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const problems = useMemo(() => rowProblems(error), [error]);
  const inputs = rows.map(inputOf);
  const dirty = JSON.stringify(inputs) !== JSON.stringify(dispositions.map((d) => inputOf(rowOf(d))));

  function add() {
    const row: Row = { key: nextKey++, code: '', codeTouched: false, label: '', outcomeClass: 'neutral', shortcut: '', retry: '' };
    setRows((all) => [...all, row]);
    requestAnimationFrame(() => document.getElementById(`disposition-${row.key}-label`)?.focus());
  }

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await onSave(inputs);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const cell = 'px-2 py-1.5 align-top';
  return (
    <SectionCard
      title="Dispositions"
      description="What the agent picks as a call ends. The class decides what follows: a do-not-call suppresses the number, a callback becomes a task."
      flush
      actions={
        !readOnly && (
          <ListSaveActions
            dirty={dirty}
            saving={saving}
            onDiscard={() => {
              setRows(dispositions.map(rowOf));
              setError(null);
            }}
            onSave={() => void save()}
            saveLabel="Save dispositions"
            saveDisabled={!dirty || rows.length === 0}
          />
        )
      }
    >
      <div className="overflow-x-auto">
        <table className="w-full min-w-[44rem] text-sm" aria-label="Dispositions">
          <thead className="border-b border-border text-left text-xs font-medium text-muted-foreground">
            <tr>
              <th className={`${cell} w-10 pl-5`}>#</th>
              <th className={cell}>Label</th>
              <th className={`${cell} w-44`}>Class</th>
              <th className={`${cell} w-20`}>Key</th>
              <th className={`${cell} w-32`}>Retry after (min)</th>
              <th className={`${cell} w-28 pr-5`}>
                <span className="sr-only">Order and removal</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, index) => {
              const name = r.label || `disposition ${index + 1}`;
              return (
                <tr
                  key={r.key}
                  className="border-b border-border last:border-b-0"
                  onKeyDown={moveOnAltArrow((by) => move(index, by))}
                >
                  <td className={`${cell} pl-5 pt-3 font-mono text-xs text-muted-foreground tabular`}>{index + 1}</td>
                  <td className={cell}>
                    <Input
                      id={`disposition-${r.key}-label`}
                      aria-label={`Label of disposition ${index + 1}`}
                      className="h-8"
                      value={r.label}
                      maxLength={80}
                      autoComplete="off"
                      disabled={readOnly}
                      onChange={(e) => update(r.key, { label: e.target.value, ...(r.codeTouched ? {} : { code: answerId(e.target.value) }) })}
                    />
                    <p className="mt-0.5 px-1 font-mono text-[11px] text-muted-foreground" title="The code calls are recorded with">
                      {r.code || '—'}
                    </p>
                    {problems.has(index) && (
                      <ul className="mt-1 text-xs font-medium text-danger-text" role="alert">
                        {problems.get(index)!.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className={cell}>
                    <OptionSelect
                      aria-label={`Class of ${name}`}
                      className="h-8"
                      options={CLASS_OPTIONS}
                      value={r.outcomeClass}
                      disabled={readOnly}
                      onValueChange={(outcomeClass) => update(r.key, { outcomeClass })}
                    />
                  </td>
                  <td className={cell}>
                    <Input
                      aria-label={`Shortcut key of ${name}`}
                      className="h-8 w-14 text-center font-mono"
                      maxLength={1}
                      value={r.shortcut}
                      autoComplete="off"
                      disabled={readOnly}
                      onChange={(e) => update(r.key, { shortcut: e.target.value.toLowerCase() })}
                    />
                  </td>
                  <td className={cell}>
                    <Input
                      aria-label={`Retry after minutes for ${name}`}
                      className="h-8 w-24 font-mono"
                      type="number"
                      min={1}
                      placeholder="Never"
                      value={r.retry}
                      disabled={readOnly}
                      onChange={(e) => update(r.key, { retry: e.target.value })}
                    />
                  </td>
                  <td className={`${cell} pr-5`}>
                    {!readOnly && (
                      <SortableRowActions name={name} index={index} count={rows.length} onMove={(by) => move(index, by)} onRemove={() => remove(r.key)} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <div className="grid gap-2 border-t border-border px-5 py-3">
          <div>
            <Button variant="outline" size="sm" onClick={add} disabled={rows.length >= 40}>
              <Plus aria-hidden="true" /> Add disposition
            </Button>
          </div>
          <FormError>{error && problems.size === 0 ? describeError(error) : null}</FormError>
        </div>
      )}
    </SectionCard>
  );
}
