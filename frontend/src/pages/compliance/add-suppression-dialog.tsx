// Suppress one value: an address or a whole domain on the email list, a number on the DNC list.
// Checked with the route's own schema before sending; the API's normalization errors (a value
// that is not an address, a domain or a phone) come back on the value field.
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { SUPPRESSION_REASONS, SUPPRESSION_REASON_LABELS, addSuppressionRequestSchema, type AddSuppressionRequest, type SuppressionList, type SuppressionReason, type SuppressionType } from '@shared/contracts/compliance';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { FormSelect } from '@/components/form/form-select';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { labelledOptions, type SelectOption } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { addSuppression } from './suppressions-api';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  list: SuppressionList;
  onAdded: () => void;
}

type SuppressionFormValues = { type: SuppressionType; value: string; reason: SuppressionReason; note: string };

const EMAIL_TYPE_OPTIONS: SelectOption<SuppressionType>[] = [
  { value: 'email', label: 'One address' },
  { value: 'domain', label: 'A whole domain' },
];
const REASON_OPTIONS = labelledOptions(SUPPRESSION_REASONS, SUPPRESSION_REASON_LABELS);

const PLACEHOLDERS: Record<SuppressionType, string> = { email: 'jane.doe@example.com', domain: 'example.com', phone: '+1 617 555 0100' };

function emptyFor(list: SuppressionList): SuppressionFormValues {
  return { type: list === 'email' ? 'email' : 'phone', value: '', reason: list === 'email' ? 'manual' : 'dnc_registry', note: '' };
}

export function AddSuppressionDialog({ open, onOpenChange, list, onAdded }: Props) {
  const form = useForm<SuppressionFormValues>({ resolver: zodResolver(addSuppressionRequestSchema) as never, defaultValues: emptyFor(list) });
  const { errors } = form.formState;
  const type = useWatch({ control: form.control, name: 'type' });
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => emptyFor(list),
    send: async (parsed) => {
      const request = parsed as unknown as AddSuppressionRequest;
      const result = await addSuppression({ ...request, note: request.note || undefined });
      if (result.added) toast.success(`${result.suppression.value} is suppressed.`);
      else toast.info(`${result.suppression.value} was already on the list.`);
      onAdded();
    },
  });

  const valueLabel = type === 'phone' ? 'Phone number' : type === 'domain' ? 'Domain' : 'Email address';
  return (
    <FormDialog
      {...dialog}
      title={list === 'email' ? 'Suppress an address or domain' : 'Add a number to do-not-call'}
      description={list === 'email' ? 'No email is sent to a suppressed address; a domain covers every address at it and its subdomains.' : 'A number on the do-not-call list is never dialled.'}
      formLabel="Add a suppression"
      submitLabel="Suppress"
    >
      {list === 'email' && (
        <Field label="Suppress">
          <FormSelect control={form.control} name="type" options={EMAIL_TYPE_OPTIONS} />
        </Field>
      )}
      <Field label={valueLabel} required error={errors.value?.message} hint={type === 'phone' ? 'Numbers without a country code are read as US numbers.' : undefined}>
        <Input placeholder={PLACEHOLDERS[type]} className="font-mono" autoComplete="off" spellCheck={false} autoFocus {...form.register('value')} />
      </Field>
      <Field label="Reason" error={errors.reason?.message}>
        <FormSelect control={form.control} name="reason" options={REASON_OPTIONS} />
      </Field>
      <Field label="Note" hint="Optional: who asked, a ticket number." error={errors.note?.message}>
        <Textarea rows={2} maxLength={1000} {...form.register('note')} />
      </Field>
    </FormDialog>
  );
}
