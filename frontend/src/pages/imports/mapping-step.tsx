// Step 2 of the wizard: each column of the file with the values of its first rows, where it goes
// (a template field, a custom field or nowhere), how sure the suggestion is, and a saved profile
// to start from; problems (a field mapped twice, no email and no name) are named on the spot.
import type { ImportAnalysis, MappingProfile } from '@shared/contracts/imports';
import { AlertTriangle } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Combobox } from '@/components/ui/combobox';
import { OptionSelect } from '@/components/ui/option-select';
import { ConfidenceMeter } from '@/features/records/confidence-meter';
import { cn } from '@/lib/utils';
import { METHOD_LABELS, formatNumber } from './format';
import { matchTone, targetOptions, unmappedCount, type MappingDraft, type MappingProblems } from './mapping-state';
import { TableHeadings } from '@/components/ui/table-headings';

const IGNORE = '__ignore';
const NO_PROFILE = '__none';
const SAMPLE_VALUES = 3;

export interface SaveProfileDraft {
  enabled: boolean;
  name: string;
}

export interface MappingStepProps {
  analysis: ImportAnalysis;
  draft: MappingDraft;
  /** How each column's target was chosen (exact, synonym, …, profile, manual). */
  methods: string[];
  onChange: (column: number, target: string | null) => void;
  problems: MappingProblems;
  /** Shown only once the user tried to go on. */
  showProblems: boolean;
  profiles: MappingProfile[] | undefined;
  profilesError: boolean;
  profileId: string | null;
  onPickProfile: (profile: MappingProfile | null) => void;
  saveProfile: SaveProfileDraft;
  onSaveProfileChange: (next: SaveProfileDraft) => void;
  saveProfileError: string | null;
}

export function MappingStep(props: MappingStepProps) {
  const { analysis, draft, methods, onChange, problems, showProblems, profiles, profilesError, profileId, onPickProfile, saveProfile, onSaveProfileChange, saveProfileError } = props;
  const mapped = draft.filter((t) => t !== null).length;
  const ignored = draft.length - mapped;
  const unmapped = unmappedCount(draft);

  return (
    <div className="grid gap-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Rows</dt>
            <dd className="font-mono tabular">≈ {formatNumber(analysis.rowsEstimate)}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Columns</dt>
            <dd className="font-mono tabular">
              {mapped - unmapped} mapped, {ignored} ignored
              {unmapped > 0 && (
                <span className="text-warning-text" data-testid="unmapped-columns">
                  , {unmapped} without a template field (new custom {unmapped === 1 ? 'field' : 'fields'})
                </span>
              )}
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Encoding</dt>
            <dd className="font-mono">{analysis.encoding}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-muted-foreground">Delimiter</dt>
            <dd className="font-mono">{analysis.delimiter === '\t' ? 'tab' : analysis.delimiter}</dd>
          </div>
        </dl>
        <div className="w-72">
          <Field label="Start from a mapping profile" hint={profilesError ? 'Saved profiles could not be loaded.' : undefined}>
            <OptionSelect
              value={profileId ?? NO_PROFILE}
              onValueChange={(v) => onPickProfile(profiles?.find((p) => p.id === v) ?? null)}
              disabled={!profiles?.length}
              placeholder={profiles?.length === 0 ? 'No saved profiles yet' : 'Suggested mapping'}
              options={[{ value: NO_PROFILE, label: 'Suggested mapping' }, ...(profiles ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            />
          </Field>
        </div>
      </div>

      {analysis.warnings.length > 0 && (
        <ul className="grid gap-1 rounded-lg border border-warning/40 bg-warning-subtle px-4 py-3 text-sm text-warning-text">
          {analysis.warnings.map((w) => (
            <li key={w} className="flex gap-2">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              {w}
            </li>
          ))}
        </ul>
      )}

      {showProblems && problems.general && (
        <p role="alert" className="rounded-lg border border-danger/40 bg-danger-subtle px-4 py-3 text-sm font-medium text-danger-text">
          {problems.general}
        </p>
      )}

      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full min-w-[760px] text-sm" aria-label="Column mapping">
          <thead className="bg-muted/60 text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            <TableHeadings
              headings={['Column in the file', 'First values', { label: 'Imports into', className: 'w-72' }, { label: 'Match', className: 'w-44' }]}
              className="px-4 py-2.5"
            />
          </thead>
          <tbody>
            {analysis.columns.map((column) => {
              const target = draft[column.column] ?? null;
              const method = methods[column.column] ?? column.method;
              const problem = showProblems ? problems.columns.get(column.column) : undefined;
              const samples = column.samples.slice(0, SAMPLE_VALUES);
              const confidence = method === column.method ? column.confidence : method === 'manual' || method === 'profile' ? 1 : 0;
              return (
                <tr key={column.column} className={cn('border-t border-border align-top', target === null && 'bg-muted/30')} data-testid={`mapping-row-${column.column}`}>
                  <th scope="row" className="px-4 py-3 text-left font-medium">
                    <span className={cn(target === null && 'text-muted-foreground line-through decoration-muted-foreground/60')}>{column.header || `Column ${column.column + 1}`}</span>
                  </th>
                  <td className="max-w-64 px-4 py-3">
                    {samples.length ? (
                      <ul className="grid gap-0.5 font-mono text-xs text-muted-foreground">
                        {samples.map((value, i) => (
                          <li key={i} className="truncate" title={value}>
                            {value}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-xs text-muted-foreground">empty in the first rows</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <Combobox
                      options={targetOptions(column.header, target, IGNORE)}
                      value={target ?? IGNORE}
                      onChange={(v) => onChange(column.column, v === null || v === IGNORE ? null : v)}
                      searchPlaceholder="Search fields…"
                      emptyText="No field by that name."
                      className="h-8"
                      aria-label={`Imports “${column.header}” into`}
                      aria-invalid={problem ? true : undefined}
                    />
                    {problem && (
                      <p role="alert" className="mt-1 text-xs font-medium text-danger-text">
                        {problem}
                      </p>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    {target === null ? (
                      <Badge variant="neutral">Not imported</Badge>
                    ) : (
                      <span className="flex flex-wrap items-center gap-2">
                        <Badge variant={matchTone(method, confidence)}>{METHOD_LABELS[method] ?? method}</Badge>
                        {(method === 'exact' || method === 'synonym' || method === 'fuzzy') && (
                          <ConfidenceMeter score={Math.round(confidence * 100)} label={`Confidence of the match for “${column.header}”`} />
                        )}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="grid gap-3 rounded-lg border border-border p-4 sm:grid-cols-[auto_1fr] sm:items-start">
        <div className="flex items-center gap-2 pt-2">
          <Checkbox
            id="save-profile"
            checked={saveProfile.enabled}
            onCheckedChange={(checked) => onSaveProfileChange({ ...saveProfile, enabled: checked === true })}
          />
          <Label htmlFor="save-profile">Save as a mapping profile</Label>
        </div>
        {saveProfile.enabled && (
          <Field
            label="Profile name"
            hint={
              <>
                Reuse it here, or drop files into <span className="font-mono">imports/inbox/{saveProfile.name.trim() || '<profile>'}/</span> to import them with it.
              </>
            }
            error={saveProfileError}
            required
          >
            <Input value={saveProfile.name} onChange={(e) => onSaveProfileChange({ ...saveProfile, name: e.target.value })} maxLength={100} placeholder="e.g. Trade show leads" />
          </Field>
        )}
      </div>
    </div>
  );
}
