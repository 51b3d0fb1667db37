// The lead's own copy of the person's details (what the client receives) and the answers given on
// the call; `e` edits the details in place, and only the changed ones are sent (each change is
// audited and listed under Corrections).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Pencil } from 'lucide-react';
import { leadFieldsSchema, type LeadDetail, type LeadFields } from '@shared/contracts/leads';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/form/form-error';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { describeError, isApiError } from '@/lib/api';
import { formatHistoryValue } from '@/features/records/format';
import { updateLead } from '../leads-api';

const FIELDS: { key: keyof LeadFields; label: string; mono?: boolean; type?: string }[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'email', label: 'Email', mono: true, type: 'email' },
  { key: 'phone', label: 'Phone', mono: true, type: 'tel' },
  { key: 'title', label: 'Job title' },
  { key: 'company', label: 'Company' },
  { key: 'domain', label: 'Domain', mono: true },
  { key: 'country', label: 'Country (2 letters)', mono: true },
];

type Draft = Record<keyof LeadFields, string>;
const draftOf = (fields: LeadFields): Draft => Object.fromEntries(FIELDS.map((f) => [f.key, fields[f.key] ?? ''])) as Draft;

/** The fields the draft changes, empty text as null. */
export function changedFields(before: LeadFields, draft: Draft): LeadFields {
  const changes: LeadFields = {};
  for (const { key } of FIELDS) {
    const value = draft[key].trim() === '' ? null : draft[key].trim();
    if (value !== (before[key] ?? null)) changes[key] = value;
  }
  return changes;
}

export function LeadFieldsPanel({ lead, editable, editing, onEditingChange, onSaved }: { lead: LeadDetail; editable: boolean; editing: boolean; onEditingChange: (editing: boolean) => void; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(lead.fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (editing) {
      setDraft(draftOf(lead.fields));
      setErrors({});
      setFormError(null);
      requestAnimationFrame(() => firstInput.current?.focus());
    }
  }, [editing]); // a refetch while editing must not wipe the draft

  async function save(event: FormEvent) {
    event.preventDefault();
    const changes = changedFields(lead.fields, draft);
    if (Object.keys(changes).length === 0) {
      onEditingChange(false);
      return;
    }
    const parsed = leadFieldsSchema.safeParse(changes);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setSaving(true);
    try {
      await updateLead(lead.id, { fields: parsed.data });
      toast.success(`${Object.keys(changes).length} correction${Object.keys(changes).length === 1 ? '' : 's'} saved.`);
      onEditingChange(false);
      onSaved();
    } catch (error) {
      if (isApiError(error, 'invalid')) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([path, messages]) => [path.replace(/^fields\./, ''), messages.join('; ')])));
      }
      setFormError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  const answers = Object.entries(lead.answers ?? {});
  return (
    <SectionCard
      id="lead-fields"
      title="Lead details"
      actions={
        editable &&
        !editing && (
          <Button size="sm" variant="outline" onClick={() => onEditingChange(true)} title="Edit the details (E)">
            <Pencil aria-hidden="true" />
            Edit
          </Button>
        )
      }
      flush
    >
      {editing ? (
        <form onSubmit={(e) => void save(e)} className="grid gap-3 p-4" aria-label="Edit lead details" onKeyDown={(e) => e.key === 'Escape' && onEditingChange(false)}>
          <FormError>{formError}</FormError>
          <div className="grid gap-3 sm:grid-cols-2">
            {FIELDS.map((f, i) => (
              <Field key={f.key} label={f.label} error={errors[f.key]}>
                <Input
                  ref={i === 0 ? firstInput : undefined}
                  type={f.type ?? 'text'}
                  value={draft[f.key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
                  className={f.mono ? 'h-8 font-mono text-[13px]' : 'h-8'}
                />
              </Field>
            ))}
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" size="sm" onClick={() => onEditingChange(false)} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" size="sm" loading={saving}>
              Save corrections
            </Button>
          </div>
        </form>
      ) : (
        <dl className="grid gap-x-4 gap-y-1.5 px-4 py-3 text-sm sm:grid-cols-[8rem_1fr]">
          {FIELDS.map((f) => (
            <div key={f.key} className="contents">
              <dt className="text-muted-foreground">{f.label.replace(' (2 letters)', '')}</dt>
              <dd className={f.mono ? 'min-w-0 truncate font-mono text-[13px]' : 'min-w-0 truncate'} data-field={f.key}>
                {lead.fields[f.key] || <span className="text-muted-foreground">—</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {answers.length > 0 && (
        <div className="border-t border-border px-4 py-3">
          <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Answers</h3>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
            {answers.map(([question, value]) => (
              <div key={question} className="contents">
                <dt className="truncate font-mono text-[13px] text-muted-foreground" title={question}>
                  {question}
                </dt>
                <dd className="min-w-0">{formatHistoryValue(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {lead.notes && (
        <div className="border-t border-border px-4 py-3 text-sm">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Agent’s notes</h3>
          <p className="whitespace-pre-wrap">{lead.notes}</p>
        </div>
      )}
    </SectionCard>
  );
}
