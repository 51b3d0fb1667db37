// Create a record, or edit its main fields, from its spec: the form fields in spec order, checked
// with the API's own create/update schema before sending, the API's field errors put back on the
// fields. Editing sends only the changed fields with the version read; creating may merge into an
// existing record (same domain, same email), which the toast says.
import { Controller, useForm, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Field, type FieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { api } from '@/lib/api';
import { cn } from '@/lib/utils';
import { formFieldsOf, isMono, type RecordBase, type RecordField, type RecordSpec } from './record-spec';

type FormValues = Record<string, unknown>;

const NONE = '__none__';
/** Kinds whose empty value is null rather than an empty string. */
const NULLABLE_KINDS = new Set(['enum', 'number']);

function valuesOf<T extends RecordBase>(fields: readonly RecordField<T>[], record: T | null, initial: FormValues): FormValues {
  return Object.fromEntries(
    fields.map((f) => {
      const empty = NULLABLE_KINDS.has(f.kind ?? 'text') || f.formControl ? null : '';
      const stored = record ? (f.editValue ? f.editValue(record) : (record[f.key] as unknown)) : initial[f.key];
      return [f.key, stored ?? empty];
    }),
  );
}

export interface RecordFormDialogProps<T extends RecordBase> {
  spec: RecordSpec<T>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The record to edit; null to create one. */
  record: T | null;
  /** Values a new record starts with (a contact created from its account). */
  initial?: FormValues;
}

export function RecordFormDialog<T extends RecordBase>({ spec, open, onOpenChange, record, initial = {} }: RecordFormDialogProps<T>) {
  const editing = record !== null;
  const { singular } = spec.nouns;
  const fields = formFieldsOf(spec.fields);
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const form = useForm<FormValues>({
    // The API's schema validates the form; its transforms (empty → null) shape what is sent.
    resolver: zodResolver((editing ? spec.updateSchema : spec.createSchema) as never) as never,
    defaultValues: valuesOf(fields, record, initial),
    mode: 'onTouched',
  });
  const { errors, dirtyFields } = form.formState;
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => valuesOf(fields, record, initial),
    apiErrors: {
      fields: fields.map((f) => f.key),
      messages: {
        stale_write: `Not saved: this ${singular} was changed by someone else since you opened it. Close this form and reload the ${singular} to see their changes.`,
      },
    },
    // `fields` and `initial` are read through the spec and its JSON, not by identity.
    resetKeys: [record, spec, JSON.stringify(initial)],
    send: async (values) => {
      if (record) {
        const changed = Object.fromEntries(fields.filter((f) => dirtyFields[f.key]).map((f) => [f.key, values[f.key]]));
        if (Object.keys(changed).length === 0) return;
        const saved = await api.patch<T>(`${spec.apiPath}/${record.id}`, { ...changed, version: record.version });
        queryClient.setQueryData(spec.keys.detail(record.id), saved);
        toast.success(`${spec.nameOf(saved)} saved.`);
      } else {
        const saved = await api.post<T>(spec.apiPath, values);
        toast.success(`${spec.nameOf(saved)} ${saved.version > 1 ? spec.copy.merged : 'created'}.`);
        navigate(`${spec.route}/${saved.id}`);
      }
      void queryClient.invalidateQueries({ queryKey: spec.keys.all });
      for (const key of spec.alsoInvalidates ?? []) void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  const title = editing ? `Edit ${spec.nameOf(record)}` : `New ${singular}`;
  return (
    <FormDialog
      {...dialog}
      size="lg"
      title={title}
      description={editing ? 'Change the main details; every change is kept in the history.' : spec.copy.createDescription}
      formLabel={editing ? `Edit ${singular}` : `New ${singular}`}
      className="grid gap-5"
      submitLabel={editing ? 'Save changes' : `Create ${singular}`}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field, index) => (
          <Field
            key={field.key}
            className={cn('content-start', field.wide && 'sm:col-span-2')}
            label={field.label}
            required={field.required}
            hint={field.hint}
            error={errors[field.key]?.message as string | undefined}
          >
            {(control) => <FormControl field={field} control={control} form={form} record={record} autoFocus={index === 0} />}
          </Field>
        ))}
      </div>
    </FormDialog>
  );
}

/** The control for one field, by its kind. */
function FormControl<T extends RecordBase>({
  field,
  control,
  form,
  record,
  autoFocus,
}: {
  field: RecordField<T>;
  control: FieldControlProps;
  form: UseFormReturn<FormValues>;
  record: T | null;
  autoFocus: boolean;
}) {
  const kind = field.kind ?? 'text';
  const mono = isMono(field);
  if (field.formControl || kind === 'enum') {
    return (
      <Controller
        control={form.control}
        name={field.key}
        render={({ field: bound }) =>
          field.formControl ? (
            <>{field.formControl({ ...control, value: bound.value, onChange: bound.onChange, onBlur: bound.onBlur, record })}</>
          ) : (
            <Select value={(bound.value as string | null) ?? NONE} onValueChange={(v) => bound.onChange(v === NONE ? null : v)}>
              <SelectTrigger {...control} onBlur={bound.onBlur}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NONE}>Not known</SelectItem>
                {(field.options ?? []).map((option) => (
                  <SelectItem key={option} value={option}>
                    {option}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )
        }
      />
    );
  }
  if (kind === 'textarea') return <Textarea {...control} rows={3} autoFocus={autoFocus} placeholder={field.placeholder} {...form.register(field.key)} />;
  const registered =
    kind === 'number'
      ? form.register(field.key, { setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(v)) })
      : kind === 'tags'
        ? form.register(field.key, { setValueAs: (v: unknown) => (Array.isArray(v) ? v : String(v ?? '').split(',').map((t) => t.trim()).filter(Boolean)) })
        : form.register(field.key);
  return (
    <Input
      {...control}
      type={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : kind === 'date' ? 'date' : 'text'}
      inputMode={kind === 'number' ? 'decimal' : undefined}
      autoComplete="off"
      spellCheck={mono ? false : undefined}
      className={mono ? 'font-mono' : undefined}
      placeholder={field.placeholder}
      autoFocus={autoFocus}
      {...registered}
    />
  );
}
