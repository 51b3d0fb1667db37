// A campaign's qualification form as the agent fills it in during a call: one control per field
// (text, number, date, yes/no, a single choice, several choices), each labelled, with its help,
// "required" mark and error. Controlled: the answers come in as `value` and every change goes out
// whole through `onChange`. The campaign editor shows it as the live preview of the form builder;
// the agent console shows it beside the call. Native inputs keep it keyboard-first: Tab between
// questions, arrows within a choice, Space to tick.
import { useId } from 'react';
import type { FormAnswers, FormField } from '@shared/contracts/telephony';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/utils';

export interface QualificationFormProps {
  fields: FormField[];
  value: FormAnswers;
  onChange: (value: FormAnswers) => void;
  /** Problems by field id (e.g. from checkAnswers in shared/telephony-form.ts, or the API's). */
  errors?: Record<string, string>;
  disabled?: boolean;
}

/** Text longer than this gets a multi-line box. */
const LONG_TEXT = 200;

export function QualificationForm({ fields, value, onChange, errors = {}, disabled = false }: QualificationFormProps) {
  const baseId = useId();
  const set = (fieldId: string, answer: FormAnswers[string] | undefined) => {
    const next = { ...value };
    if (answer === undefined || answer === null || answer === '' || (Array.isArray(answer) && answer.length === 0)) delete next[fieldId];
    else next[fieldId] = answer;
    onChange(next);
  };

  if (fields.length === 0) return <p className="text-sm text-muted-foreground">This campaign has no qualification questions.</p>;

  return (
    <div className="grid gap-4" data-testid="qualification-form">
      {fields.map((field, index) => {
        const id = `${baseId}-${field.id}`;
        const error = errors[field.id];
        const helpId = field.help ? `${id}-help` : undefined;
        const errorId = error ? `${id}-error` : undefined;
        const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
        const group = field.type === 'choice' || field.type === 'multi' || field.type === 'yes_no';
        const label = (
          <>
            <span className="mr-1.5 font-mono text-xs text-muted-foreground tabular">{index + 1}.</span>
            {field.label}
            {field.required && (
              <span className="ml-0.5 text-danger-text" aria-hidden="true">
                *
              </span>
            )}
          </>
        );
        const common = { 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, disabled } as const;
        return (
          <div key={field.id} className="grid gap-1.5" data-field={field.id}>
            {group ? (
              // A group takes no aria-required: the legend says it instead.
              <fieldset className="grid gap-1.5" aria-describedby={describedBy} aria-invalid={error ? true : undefined} disabled={disabled}>
                <legend className="mb-1.5 text-sm font-medium leading-none">
                  {label}
                  {field.required && <span className="sr-only"> (required)</span>}
                </legend>
                <ChoiceControl field={field} name={id} value={value[field.id]} onChange={(answer) => set(field.id, answer)} />
              </fieldset>
            ) : (
              <>
                <label htmlFor={id} className="text-sm font-medium leading-none">
                  {label}
                </label>
                {field.type === 'text' && (field.max ?? Infinity) > LONG_TEXT ? (
                  <Textarea
                    id={id}
                    rows={2}
                    required={field.required}
                    maxLength={field.max}
                    value={typeof value[field.id] === 'string' ? (value[field.id] as string) : ''}
                    onChange={(e) => set(field.id, e.target.value)}
                    {...common}
                  />
                ) : field.type === 'text' ? (
                  <Input
                    id={id}
                    required={field.required}
                    maxLength={field.max}
                    autoComplete="off"
                    value={typeof value[field.id] === 'string' ? (value[field.id] as string) : ''}
                    onChange={(e) => set(field.id, e.target.value)}
                    {...common}
                  />
                ) : field.type === 'number' ? (
                  <Input
                    id={id}
                    type="number"
                    inputMode="decimal"
                    required={field.required}
                    min={field.min}
                    max={field.max}
                    className="w-40 font-mono tabular"
                    value={typeof value[field.id] === 'number' ? String(value[field.id]) : ''}
                    onChange={(e) => set(field.id, e.target.value === '' ? undefined : Number(e.target.value))}
                    {...common}
                  />
                ) : (
                  <Input
                    id={id}
                    type="date"
                    required={field.required}
                    className="w-44 font-mono tabular"
                    value={typeof value[field.id] === 'string' ? (value[field.id] as string) : ''}
                    onChange={(e) => set(field.id, e.target.value)}
                    {...common}
                  />
                )}
              </>
            )}
            {field.help && (
              <p id={helpId} className="text-xs text-muted-foreground">
                {field.help}
              </p>
            )}
            {error && (
              <p id={errorId} className="text-xs font-medium text-danger-text" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

const optionClass = cn(
  'flex min-h-8 cursor-pointer items-center gap-2 rounded-md border border-input bg-card px-2.5 py-1 text-sm shadow-xs transition-colors',
  'hover:bg-muted has-[:checked]:border-primary has-[:checked]:bg-primary-subtle has-[:checked]:text-primary-subtle-foreground',
  'has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60',
);

function ChoiceControl({ field, name, value, onChange }: { field: FormField; name: string; value: FormAnswers[string] | undefined; onChange: (v: FormAnswers[string] | undefined) => void }) {
  if (field.type === 'yes_no') {
    return (
      <div className="flex flex-wrap gap-2">
        {[
          { label: 'Yes', answer: true },
          { label: 'No', answer: false },
        ].map((o) => (
          <label key={o.label} className={optionClass}>
            <input type="radio" name={name} className="accent-primary" checked={value === o.answer} onChange={() => onChange(o.answer)} />
            {o.label}
          </label>
        ))}
      </div>
    );
  }
  const options = field.options ?? [];
  if (field.type === 'choice') {
    return (
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label key={option} className={optionClass}>
            <input type="radio" name={name} className="accent-primary" checked={value === option} onChange={() => onChange(option)} />
            {option}
          </label>
        ))}
      </div>
    );
  }
  const picked = Array.isArray(value) ? value : [];
  return (
    <div className="flex flex-wrap gap-2">
      {options.map((option) => (
        <label key={option} className={optionClass}>
          <input
            type="checkbox"
            className="accent-primary"
            checked={picked.includes(option)}
            // The answer keeps the options' order, whatever order they were ticked in.
            onChange={(e) => onChange(options.filter((o) => (o === option ? e.target.checked : picked.includes(o))))}
          />
          {option}
        </label>
      ))}
    </div>
  );
}
