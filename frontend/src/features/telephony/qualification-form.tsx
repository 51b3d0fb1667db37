// The qualification form's renderer: one control per question of the campaign's form, its
// answers as `FormAnswers`. A plain version so the console compiles and can be used; the
// campaign builder's renderer replaces this file with the full one (same export, same props).
import type { FormAnswers, FormField } from '@shared/contracts/telephony';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';

export interface QualificationFormProps {
  fields: FormField[];
  value: FormAnswers;
  onChange(v: FormAnswers): void;
  errors?: Record<string, string>;
  disabled?: boolean;
}

export function QualificationForm({ fields, value, onChange, errors = {}, disabled }: QualificationFormProps) {
  const set = (id: string, answer: FormAnswers[string]) => onChange({ ...value, [id]: answer });
  return (
    <div className="grid gap-3">
      {fields.map((field) => {
        const answer = value[field.id];
        const common = { label: field.label, required: field.required, hint: field.help, error: errors[field.id] };
        switch (field.type) {
          case 'text':
            return (
              <Field key={field.id} {...common}>
                <Textarea rows={2} disabled={disabled} value={typeof answer === 'string' ? answer : ''} onChange={(e) => set(field.id, e.target.value)} />
              </Field>
            );
          case 'number':
            return (
              <Field key={field.id} {...common}>
                <Input
                  type="number"
                  inputMode="decimal"
                  disabled={disabled}
                  min={field.min}
                  max={field.max}
                  value={typeof answer === 'number' ? String(answer) : ''}
                  onChange={(e) => set(field.id, e.target.value === '' ? null : Number(e.target.value))}
                />
              </Field>
            );
          case 'date':
            return (
              <Field key={field.id} {...common}>
                <Input type="date" disabled={disabled} value={typeof answer === 'string' ? answer : ''} onChange={(e) => set(field.id, e.target.value || null)} />
              </Field>
            );
          case 'yes_no':
          case 'choice': {
            const options = field.type === 'yes_no' ? ['Yes', 'No'] : (field.options ?? []);
            const current = field.type === 'yes_no' ? (answer === true ? 'Yes' : answer === false ? 'No' : null) : answer;
            return (
              <fieldset key={field.id} className="grid gap-1.5" aria-invalid={errors[field.id] ? true : undefined}>
                <legend className="text-sm font-medium">
                  {field.label}
                  {field.required && <span className="ml-0.5 text-danger-text" aria-hidden="true">*</span>}
                </legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1.5">
                  {options.map((option) => (
                    <label key={option} className="flex items-center gap-1.5 text-sm">
                      <input
                        type="radio"
                        name={field.id}
                        className="accent-primary"
                        disabled={disabled}
                        checked={current === option}
                        onChange={() => set(field.id, field.type === 'yes_no' ? option === 'Yes' : option)}
                      />
                      {option}
                    </label>
                  ))}
                </div>
                {errors[field.id] && <p className="text-xs font-medium text-danger-text" role="alert">{errors[field.id]}</p>}
              </fieldset>
            );
          }
          case 'multi': {
            const chosen = Array.isArray(answer) ? answer : [];
            return (
              <fieldset key={field.id} className="grid gap-1.5">
                <legend className="text-sm font-medium">
                  {field.label}
                  {field.required && <span className="ml-0.5 text-danger-text" aria-hidden="true">*</span>}
                </legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1.5">
                  {(field.options ?? []).map((option) => (
                    <label key={option} className="flex items-center gap-1.5 text-sm">
                      <Checkbox
                        disabled={disabled}
                        checked={chosen.includes(option)}
                        onCheckedChange={(on) => set(field.id, on ? [...chosen, option] : chosen.filter((o) => o !== option))}
                      />
                      {option}
                    </label>
                  ))}
                </div>
                {errors[field.id] && <p className="text-xs font-medium text-danger-text" role="alert">{errors[field.id]}</p>}
              </fieldset>
            );
          }
        }
      })}
    </div>
  );
}
