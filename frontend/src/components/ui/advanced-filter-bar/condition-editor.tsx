// The editor of one filter condition (inside a popover): pick a field, an operator that fits its
// type, and a value in the right kind of input; Apply only when it makes a valid condition.
import { useId, useState, type FormEvent } from 'react';
import { ArrowLeft } from 'lucide-react';
import { LIST_OPERATORS, OPERATORS_BY_TYPE, OPERATOR_LABELS, VALUELESS_OPERATORS, type FieldDefinition, type FilterCondition, type FilterOperator } from '@shared/contracts/filters';
import { Button } from '../button';
import { Checkbox } from '../checkbox';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '../command';
import { Input } from '../input';
import { Label } from '../label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../select';
import { draftFromCondition, draftToCondition, emptyDraft, groupFields, picksValues, type ConditionDraft } from './filter-model';

export interface ConditionEditorProps {
  fields: readonly FieldDefinition[];
  /** Editing an existing condition; absent when adding. */
  initial?: FilterCondition;
  onApply: (condition: FilterCondition) => void;
  onCancel: () => void;
}

export function ConditionEditor({ fields, initial, onApply, onCancel }: ConditionEditorProps) {
  const [draft, setDraft] = useState<ConditionDraft | null>(() => (initial ? draftFromCondition(initial) : null));
  const [error, setError] = useState<string | null>(null);
  const formId = useId();
  const field = draft ? fields.find((f) => f.key === draft.field) : undefined;

  if (!draft || !field) {
    return (
      <Command label="Choose a field" className="rounded-lg">
        <CommandInput placeholder="Filter by…" aria-label="Search fields" autoFocus />
        <CommandList className="max-h-64">
          <CommandEmpty>No field matches.</CommandEmpty>
          {groupFields(fields).map((group) => (
            <CommandGroup key={group.heading} heading={group.heading}>
              {group.fields.map((f) => (
                <CommandItem key={f.key} value={`${group.heading} ${f.label} ${f.key}`} onSelect={() => setDraft(emptyDraft(f))}>
                  {f.label}
                  <span className="ml-auto text-xs capitalize text-muted-foreground">{f.type}</span>
                </CommandItem>
              ))}
            </CommandGroup>
          ))}
        </CommandList>
      </Command>
    );
  }

  const update = (change: Partial<ConditionDraft>) => {
    setError(null);
    setDraft({ ...draft, ...change });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!field || !draft) return;
    const result = draftToCondition(draft, field);
    if ('error' in result) setError(result.error);
    else onApply(result.condition);
  }

  const op = draft.op;
  const valueless = VALUELESS_OPERATORS.includes(op);
  const isList = LIST_OPERATORS.includes(op) && op !== 'between';
  // "contains" and "starts with" on a field with a picker still take typed text.
  const picker = picksValues(field) && op !== 'contains' && op !== 'starts_with';
  const inputType = field.type === 'number' ? 'text' : field.type === 'date' ? 'date' : 'text';
  const inputMode = field.type === 'number' ? ('decimal' as const) : undefined;

  return (
    <form onSubmit={submit} className="grid gap-3 p-3" aria-label={`Filter on ${field.label}`}>
      <div className="flex items-center gap-2">
        {!initial && (
          <Button variant="ghost" size="icon-sm" className="size-7" aria-label="Choose another field" onClick={() => setDraft(null)}>
            <ArrowLeft aria-hidden="true" />
          </Button>
        )}
        <p className="text-sm font-semibold">{field.label}</p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${formId}-op`}>Condition</Label>
        <Select value={op} onValueChange={(v) => update({ op: v as FilterOperator })}>
          <SelectTrigger id={`${formId}-op`} size="sm">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {OPERATORS_BY_TYPE[field.type].map((o) => (
              <SelectItem key={o} value={o}>
                {OPERATOR_LABELS[o]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>

      {!valueless && picker && isList && (
        <fieldset className="grid max-h-48 gap-1 overflow-y-auto rounded-md border border-border p-2">
          <legend className="sr-only">{field.label} values</legend>
          {(field.options ?? []).map((o) => {
            const id = `${formId}-${o.value}`;
            const checked = draft.values.includes(o.value);
            return (
              <div key={o.value} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-muted">
                <Checkbox
                  id={id}
                  checked={checked}
                  onCheckedChange={() => update({ values: checked ? draft.values.filter((v) => v !== o.value) : [...draft.values, o.value] })}
                />
                <label htmlFor={id} className="flex-1 text-sm">
                  {o.label}
                </label>
              </div>
            );
          })}
        </fieldset>
      )}

      {!valueless && (picker || field.type === 'boolean') && !isList && (
        <div className="grid gap-1.5">
          <Label htmlFor={`${formId}-value`}>Value</Label>
          <Select value={draft.value || undefined} onValueChange={(v) => update({ value: v })}>
            <SelectTrigger id={`${formId}-value`} size="sm">
              <SelectValue placeholder="Choose…" />
            </SelectTrigger>
            <SelectContent>
              {(field.type === 'boolean'
                ? [
                    { value: 'true', label: 'Yes' },
                    { value: 'false', label: 'No' },
                  ]
                : (field.options ?? [])
              ).map((o) => (
                <SelectItem key={o.value} value={o.value}>
                  {o.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      )}

      {!valueless && op === 'between' && (
        <div className="grid grid-cols-2 gap-2">
          <div className="grid gap-1.5">
            <Label htmlFor={`${formId}-from`}>From</Label>
            <Input id={`${formId}-from`} type={inputType} inputMode={inputMode} value={draft.value} onChange={(e) => update({ value: e.target.value })} className="h-8" />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`${formId}-to`}>To</Label>
            <Input id={`${formId}-to`} type={inputType} inputMode={inputMode} value={draft.valueTo} onChange={(e) => update({ valueTo: e.target.value })} className="h-8" />
          </div>
        </div>
      )}

      {!valueless && !picker && (field.type === 'text' || field.type === 'number' || field.type === 'date') && op !== 'between' && (
        <div className="grid gap-1.5">
          <Label htmlFor={`${formId}-value`}>{isList ? 'Values' : 'Value'}</Label>
          <Input
            id={`${formId}-value`}
            type={isList ? 'text' : inputType}
            inputMode={inputMode}
            value={draft.value}
            onChange={(e) => update({ value: e.target.value })}
            placeholder={isList ? 'Separate values with commas' : undefined}
            className="h-8"
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${formId}-error` : undefined}
          />
        </div>
      )}

      {error && (
        <p id={`${formId}-error`} role="alert" className="text-xs font-medium text-danger-text">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-1">
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm">
          {initial ? 'Update' : 'Apply'}
        </Button>
      </div>
    </form>
  );
}
