// A new domain set from pasted lines or a CSV file (domains, URLs, emails or company names, the
// first column of a CSV). The API normalizes and matches it in one go and answers the report.
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { DOMAIN_SET_MAX_LINES, domainSetCreateSchema, type DomainSetReport } from '@shared/contracts/audience';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { api } from '@/lib/api';
import { DOMAIN_SETS_PATH } from '@/features/audience/audience-api';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (report: DomainSetReport) => void;
}

// The route's schema, with an empty name and an empty paste said in the form's words.
const formSchema = domainSetCreateSchema.extend({
  name: z.string().trim().min(1, 'is required').max(200),
  text: z.string().min(1, 'Paste at least one line, or choose a file.').max(2_000_000),
});
type DomainSetFormValues = { name: string; text: string };

export function DomainSetCreateDialog({ open, onOpenChange, onCreated }: Props) {
  const [fileName, setFileName] = useState<string | null>(null);
  const form = useForm<DomainSetFormValues>({ resolver: zodResolver(formSchema) as never, defaultValues: { name: '', text: '' } });
  const { errors } = form.formState;
  const text = useWatch({ control: form.control, name: 'text' });
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => ({ name: '', text: '' }),
    send: async (values) => onCreated(await api.post<DomainSetReport>(DOMAIN_SETS_PATH, values)),
  });
  useEffect(() => {
    if (open) setFileName(null);
  }, [open]);

  async function readFile(file: File | undefined) {
    if (!file) return;
    form.setValue('text', await file.text(), { shouldDirty: true });
    setFileName(file.name);
    if (!form.getValues('name').trim()) form.setValue('name', file.name.replace(/\.[^.]+$/, ''), { shouldDirty: true });
  }

  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
  const textField = form.register('text', { onChange: () => setFileName(null) });
  return (
    <FormDialog
      {...dialog}
      size="lg"
      title="New domain set"
      description={
        <>
          Paste target accounts, one a line: domains, website URLs, emails or company names. Up to {DOMAIN_SET_MAX_LINES.toLocaleString('en-US')} lines; they are normalized
          and matched to your accounts.
        </>
      }
      submitLabel="Create and match"
    >
      <Field label="Name" required error={errors.name?.message}>
        <Input maxLength={200} autoFocus autoComplete="off" {...form.register('name')} />
      </Field>
      <Field label="Domains or companies" required error={errors.text?.message} hint={lines > 0 ? `${lines.toLocaleString('en-US')} lines` : undefined}>
        <Textarea rows={8} className="font-mono text-[13px]" spellCheck={false} placeholder={'acme.com\nhttps://www.northwind.io/about\nGlobex Corporation'} {...textField} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <FileButton label="Upload a CSV file" accept=".csv,.txt,text/csv,text/plain" onFile={(file) => void readFile(file)} />
        {fileName && <span className="font-mono text-sm">{fileName}</span>}
      </div>
    </FormDialog>
  );
}
