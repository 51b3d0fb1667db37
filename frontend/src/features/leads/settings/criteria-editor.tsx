// The account criteria a campaign sets for its leads' companies: industries, countries and
// technologies as tags, employee and revenue ranges as from–to numbers. An empty list or bound
// accepts anything; the pipeline checks each lead's account against them.
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { FieldErrors } from './field-errors';
import { TagInput } from './tag-input';

/** The criteria as the form holds them: bounds as typed text. */
export interface CriteriaDraft {
  industries: string[];
  countries: string[];
  technologies: string[];
  employeeMin: string;
  employeeMax: string;
  revenueMin: string;
  revenueMax: string;
}

export type CriteriaBound = 'employeeMin' | 'employeeMax' | 'revenueMin' | 'revenueMax';

/** "us" → "US"; anything but two letters is refused. */
export const countryCode = (text: string): string | null => (/^[a-z]{2}$/i.test(text.trim()) ? text.trim().toUpperCase() : null);

export interface CriteriaEditorProps {
  value: CriteriaDraft;
  onChange: (next: CriteriaDraft) => void;
  errors: FieldErrors;
  readOnly: boolean;
}

export function CriteriaEditor({ value, onChange, errors, readOnly }: CriteriaEditorProps) {
  const set = <K extends keyof CriteriaDraft>(key: K, next: CriteriaDraft[K]) => onChange({ ...value, [key]: next });
  const listError = (key: 'industries' | 'countries' | 'technologies') =>
    errors[`criteria.${key}`] ?? Object.entries(errors).find(([path]) => path.startsWith(`criteria.${key}.`))?.[1];

  const bound = (key: CriteriaBound, label: string, placeholder: string) => (
    <Field label={label} error={errors[`criteria.${key}`]}>
      <Input
        type="number"
        inputMode="numeric"
        min={0}
        className="h-9 font-mono tabular"
        placeholder={placeholder}
        value={value[key]}
        disabled={readOnly}
        onChange={(e) => set(key, e.target.value)}
      />
    </Field>
  );

  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      <Field label="Industries" error={listError('industries')} hint="Press Enter or type a comma after each. Empty: any industry.">
        {(control) => (
          <TagInput {...control} itemNames={['industry', 'industries']} value={value.industries} onChange={(next) => set('industries', next)} placeholder="e.g. Software" disabled={readOnly} />
        )}
      </Field>
      <Field label="Technologies" error={listError('technologies')} hint="Any one of them matches. Empty: any stack.">
        {(control) => (
          <TagInput {...control} itemNames={['technology', 'technologies']} value={value.technologies} onChange={(next) => set('technologies', next)} placeholder="e.g. Salesforce" disabled={readOnly} />
        )}
      </Field>
      <Field label="Countries" error={listError('countries')} hint="Two-letter codes (US, GB, DE). Empty: anywhere.">
        {(control) => (
          <TagInput
            {...control}
            itemNames={['country', 'countries']}
            value={value.countries}
            onChange={(next) => set('countries', next)}
            normalize={countryCode}
            refusedHint="two letters, such as US"
            placeholder="e.g. US"
            disabled={readOnly}
          />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        {bound('employeeMin', 'Employees from', 'Any')}
        {bound('employeeMax', 'Employees to', 'Any')}
        {bound('revenueMin', 'Revenue from (USD)', 'Any')}
        {bound('revenueMax', 'Revenue to (USD)', 'Any')}
      </div>
    </div>
  );
}
