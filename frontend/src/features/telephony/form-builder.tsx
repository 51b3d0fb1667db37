// The qualification form builder: questions added, reordered (buttons, or Alt+↑/↓ in a question)
// and removed; each with its label, answer id, type, "required", options (choice and multi, one per
// line), bounds (number: value, text: length) and help. Beside it, the form as the agent will see
// it, live, with a check of sample answers. Saved whole; the contract's schema checks it first.
import { useMemo, useState } from 'react';
import { ClipboardList, Plus } from 'lucide-react';
import { FORM_FIELD_TYPES, qualificationFormSchema, type FormAnswers, type FormField, type FormFieldType } from '@shared/contracts/telephony';
import { checkAnswers } from '@shared/telephony-form';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { FormError } from '@/components/form/form-error';
import { answerId, uniqueId } from './answer-id';
import { QualificationForm } from './qualification-form';
import { ListSaveActions, SortableRowActions, moveOnAltArrow, useSortableRows } from './sortable-rows';

export const FORM_FIELD_TYPE_LABELS: Record<FormFieldType, string> = {
  text: 'Text',
  choice: 'One choice',
  multi: 'Several choices',
  number: 'Number',
  date: 'Date',
  yes_no: 'Yes / no',
};
const TYPE_OPTIONS = labelledOptions(FORM_FIELD_TYPES, FORM_FIELD_TYPE_LABELS);

/** A question as it is being edited: options as lines, bounds as typed. */
interface Draft {
  key: number;
  id: string;
  /** The id follows the label until the author edits it. */
  idTouched: boolean;
  label: string;
  type: FormFieldType;
  required: boolean;
  optionsText: string;
  min: string;
  max: string;
  help: string;
}

let nextKey = 1;

const draftOf = (f: FormField): Draft => ({
  key: nextKey++,
  id: f.id,
  idTouched: true,
  label: f.label,
  type: f.type,
  required: f.required,
  optionsText: (f.options ?? []).join('\n'),
  min: f.min === undefined ? '' : String(f.min),
  max: f.max === undefined ? '' : String(f.max),
  help: f.help ?? '',
});

function fieldOf(d: Draft): FormField {
  const hasOptions = d.type === 'choice' || d.type === 'multi';
  const hasBounds = d.type === 'number' || d.type === 'text';
  const options = d.optionsText
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    id: d.id,
    label: d.label.trim(),
    type: d.type,
    required: d.required,
    ...(hasOptions ? { options } : {}),
    ...(hasBounds && d.min.trim() !== '' ? { min: Number(d.min) } : {}),
    ...(hasBounds && d.max.trim() !== '' ? { max: Number(d.max) } : {}),
    ...(d.help.trim() ? { help: d.help.trim() } : {}),
  };
}

export interface FormBuilderProps {
  form: FormField[];
  onSave: (form: FormField[]) => Promise<void>;
  readOnly?: boolean;
}

export function FormBuilder({ form, onSave, readOnly = false }: FormBuilderProps) {
  const { rows: drafts, setRows: setDrafts, update, move, remove } = useSortableRows<Draft>(() => form.map(draftOf));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [checked, setChecked] = useState(false);

  const fields = useMemo(() => drafts.map(fieldOf), [drafts]);
  const parsed = qualificationFormSchema.safeParse(fields);
  /** Problems by question index, to show under each question. */
  const problems = useMemo(() => {
    const byIndex = new Map<number, string[]>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [index, key] = issue.path as [number, string | undefined];
        const list = byIndex.get(index) ?? [];
        list.push(`${key ? `${key === 'id' ? 'Answer id' : key[0]!.toUpperCase() + key.slice(1)} ` : ''}${issue.message}`);
        byIndex.set(index, list);
      }
    }
    return byIndex;
  }, [parsed]);
  // Both sides through the same shape: the stored form comes back with its keys in another order.
  const dirty = JSON.stringify(fields) !== JSON.stringify(form.map((f) => fieldOf(draftOf(f))));
  // The preview only shows questions that make sense on their own.
  const previewFields = fields.filter((f, i) => f.label && !problems.has(i));
  const answerErrors = checked ? Object.fromEntries(checkAnswers(previewFields, Object.fromEntries(Object.entries(answers).filter(([k]) => previewFields.some((f) => f.id === k)))).map((p) => [p.field, p.message])) : {};

  function add() {
    const taken = new Set(drafts.map((d) => d.id));
    const draft: Draft = { key: nextKey++, id: uniqueId('question', taken), idTouched: false, label: '', type: 'text', required: false, optionsText: '', min: '', max: '', help: '' };
    setDrafts((all) => [...all, draft]);
    // The new question's label takes the focus once it is on the page.
    requestAnimationFrame(() => document.getElementById(`question-${draft.key}-label`)?.focus());
  }

  async function save() {
    if (!parsed.success) return setSaveError('Fix the questions marked below first.');
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(parsed.data);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : 'The form could not be saved.');
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1.15fr)_minmax(0,1fr)]">
      <SectionCard
        title="Questions"
        description="What the agent asks; the answers become the lead's."
        actions={
          !readOnly && (
            <ListSaveActions dirty={dirty} saving={saving} onDiscard={() => setDrafts(form.map(draftOf))} onSave={() => void save()} saveLabel="Save form" saveDisabled={!dirty} />
          )
        }
      >
        <div className="grid gap-3">
          {drafts.length === 0 && (
            <EmptyState compact icon={<ClipboardList />} title="No questions yet" description="Add the questions that qualify a lead: budget, timeline, authority, need." />
          )}
          <ol className="grid gap-3" aria-label="Questions">
            {drafts.map((d, index) => (
              <li
                key={d.key}
                className="grid gap-3 rounded-lg border border-border bg-card p-3"
                aria-label={`Question ${index + 1}${d.label ? `: ${d.label}` : ''}`}
                onKeyDown={moveOnAltArrow((by) => move(index, by))}
              >
                <div className="flex items-start gap-2">
                  <span className="mt-2 w-5 shrink-0 font-mono text-xs text-muted-foreground tabular">{index + 1}.</span>
                  <div className="grid min-w-0 flex-1 gap-3 sm:grid-cols-[minmax(0,1fr)_10rem]">
                    <Field label="Question" id={`question-${d.key}-label`}>
                      <Input
                        value={d.label}
                        placeholder="e.g. Budget this year"
                        autoComplete="off"
                        disabled={readOnly}
                        onChange={(e) => {
                          const label = e.target.value;
                          const taken = new Set(drafts.filter((o) => o.key !== d.key).map((o) => o.id));
                          update(d.key, { label, ...(d.idTouched ? {} : { id: uniqueId(answerId(label), taken) }) });
                        }}
                      />
                    </Field>
                    <Field label="Type">
                      {(control) => <OptionSelect {...control} options={TYPE_OPTIONS} value={d.type} onValueChange={(type) => update(d.key, { type })} disabled={readOnly} />}
                    </Field>
                  </div>
                  {!readOnly && (
                    <SortableRowActions
                      className="mt-6 shrink-0"
                      name={`question ${index + 1}`}
                      index={index}
                      count={drafts.length}
                      onMove={(by) => move(index, by)}
                      onRemove={() => remove(d.key)}
                    />
                  )}
                </div>
                <div className="grid items-start gap-3 pl-7 sm:grid-cols-[minmax(0,1fr)_6.5rem_6.5rem]">
                  <Field label="Answer id">
                    <Input
                      value={d.id}
                      className="font-mono text-[13px]"
                      autoComplete="off"
                      spellCheck={false}
                      title="Where the answer is stored: lower-case letters, digits and _"
                      disabled={readOnly}
                      onChange={(e) => update(d.key, { id: e.target.value, idTouched: true })}
                    />
                  </Field>
                  {d.type === 'number' || d.type === 'text' ? (
                    <>
                      <Field label={d.type === 'number' ? 'Minimum' : 'Min length'}>
                        <Input type="number" className="font-mono" value={d.min} disabled={readOnly} onChange={(e) => update(d.key, { min: e.target.value })} />
                      </Field>
                      <Field label={d.type === 'number' ? 'Maximum' : 'Max length'}>
                        <Input type="number" className="font-mono" value={d.max} disabled={readOnly} onChange={(e) => update(d.key, { max: e.target.value })} />
                      </Field>
                    </>
                  ) : (
                    <div className="hidden sm:col-span-2 sm:block" />
                  )}
                  {(d.type === 'choice' || d.type === 'multi') && (
                    <Field label="Options" hint="One per line; at least two." className="sm:col-span-3">
                      <Textarea rows={3} value={d.optionsText} disabled={readOnly} onChange={(e) => update(d.key, { optionsText: e.target.value })} />
                    </Field>
                  )}
                  <Field label="Help for the agent" className="sm:col-span-2">
                    <Input value={d.help} maxLength={300} autoComplete="off" disabled={readOnly} onChange={(e) => update(d.key, { help: e.target.value })} />
                  </Field>
                  <div className="flex items-center gap-2 sm:pt-6">
                    <Switch id={`question-${d.key}-required`} checked={d.required} onCheckedChange={(required) => update(d.key, { required })} disabled={readOnly} />
                    <label htmlFor={`question-${d.key}-required`} className="text-sm">
                      Required
                    </label>
                  </div>
                </div>
                {problems.has(index) && d.label !== '' && (
                  <ul className="pl-7 text-xs font-medium text-danger-text" role="alert">
                    {problems.get(index)!.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {!readOnly && (
            <div>
              <Button variant="outline" size="sm" onClick={add} disabled={drafts.length >= 60}>
                <Plus aria-hidden="true" /> Add question
              </Button>
            </div>
          )}
          <FormError>{saveError}</FormError>
        </div>
      </SectionCard>
      <SectionCard
        title="Preview"
        description="The form as the agent sees it during the call."
        actions={
          <>
            {checked && (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => {
                  setAnswers({});
                  setChecked(false);
                }}
              >
                Clear
              </Button>
            )}
            <Button variant="outline" size="sm" onClick={() => setChecked(true)} disabled={previewFields.length === 0}>
              Check answers
            </Button>
          </>
        }
      >
        <div aria-label="Form preview" role="group">
          <QualificationForm fields={previewFields} value={answers} onChange={setAnswers} errors={answerErrors} />
          {checked && Object.keys(answerErrors).length === 0 && previewFields.length > 0 && (
            <p className="mt-3 text-sm font-medium text-success-text" role="status">
              These answers would be accepted.
            </p>
          )}
        </div>
      </SectionCard>
    </div>
  );
}
