// Step 3 of the wizard: what happens to contacts already in the CRM, the source tag new records
// carry, the default country for phone numbers, and whether this is a dry run.
import { DEDUPE_MODES, type DedupeMode } from '@shared/contracts/imports';
import { FlaskConical } from 'lucide-react';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Switch } from '@/components/ui/switch';
import { cn } from '@/lib/utils';
import { DEDUPE_LABELS } from './format';

export interface OptionsDraft {
  dedupeMode: DedupeMode;
  source: string;
  defaultCountry: string;
  dryRun: boolean;
}

export interface OptionsStepProps {
  options: OptionsDraft;
  onChange: (next: OptionsDraft) => void;
  errors: Partial<Record<keyof OptionsDraft, string>>;
}

export function OptionsStep({ options, onChange, errors }: OptionsStepProps) {
  return (
    <div className="grid gap-6">
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">When a contact is already in the CRM</legend>
        <div className="grid gap-3 md:grid-cols-3">
          {DEDUPE_MODES.map((mode) => (
            <label
              key={mode}
              className={cn(
                'flex cursor-pointer gap-3 rounded-lg border p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
                options.dedupeMode === mode ? 'border-primary bg-primary-subtle/60' : 'border-border hover:bg-muted/50',
              )}
            >
              <input
                type="radio"
                name="dedupe-mode"
                value={mode}
                checked={options.dedupeMode === mode}
                onChange={() => onChange({ ...options, dedupeMode: mode })}
                className="mt-0.5 size-4 shrink-0 accent-[var(--primary)]"
              />
              <span>
                <span className="block text-sm font-semibold">{DEDUPE_LABELS[mode].title}</span>
                <span className="mt-1 block text-xs text-muted-foreground">{DEDUPE_LABELS[mode].description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Source tag" hint="Stored as the Source of new records (a Source column in the file wins)." error={errors.source}>
          <Input value={options.source} onChange={(e) => onChange({ ...options, source: e.target.value })} maxLength={200} placeholder="e.g. Webinar March 2026" />
        </Field>
        <Field label="Default country for phone numbers" hint="ISO code such as US, used for numbers without a + prefix when the row has no country." error={errors.defaultCountry}>
          <Input
            value={options.defaultCountry}
            onChange={(e) => onChange({ ...options, defaultCountry: e.target.value.toUpperCase() })}
            maxLength={2}
            placeholder="US"
            className="w-24 font-mono uppercase"
          />
        </Field>
      </div>

      <div className="flex items-start gap-3 rounded-lg border border-border p-4">
        <FlaskConical className="mt-0.5 size-5 shrink-0 text-accent-subtle-foreground" aria-hidden="true" />
        <div className="flex-1">
          <Label htmlFor="dry-run">Dry run</Label>
          <p id="dry-run-hint" className="mt-1 text-sm text-muted-foreground">
            Reads and checks every row and reports what would be inserted, updated, skipped or refused — without writing anything. You can run it for real afterwards.
          </p>
        </div>
        <Switch id="dry-run" aria-describedby="dry-run-hint" checked={options.dryRun} onCheckedChange={(checked) => onChange({ ...options, dryRun: checked })} />
      </div>
    </div>
  );
}
