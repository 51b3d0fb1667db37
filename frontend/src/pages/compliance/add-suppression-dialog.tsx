// Suppress one value: an address or a whole domain on the email list, a number on the DNC list.
// Checked with the route's own schema before sending; the API's normalization errors (a value
// that is not an address, a domain or a phone) come back on the value field.
import { useEffect, useState, type FormEvent } from 'react';
import { SUPPRESSION_REASONS, SUPPRESSION_REASON_LABELS, addSuppressionRequestSchema, type SuppressionList, type SuppressionReason, type SuppressionType } from '@shared/contracts/compliance';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { ApiError, describeError } from '@/lib/api';
import { addSuppression } from './suppressions-api';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  list: SuppressionList;
  onAdded: () => void;
}

const EMAIL_TYPE_OPTIONS = [
  { value: 'email', label: 'One address' },
  { value: 'domain', label: 'A whole domain' },
] as const satisfies readonly { value: SuppressionType; label: string }[];

const PLACEHOLDERS: Record<SuppressionType, string> = { email: 'jane.doe@example.com', domain: 'example.com', phone: '+1 617 555 0100' };

export function AddSuppressionDialog({ open, onOpenChange, list, onAdded }: Props) {
  const [type, setType] = useState<SuppressionType>(list === 'email' ? 'email' : 'phone');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState<SuppressionReason>(list === 'email' ? 'manual' : 'dnc_registry');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setType(list === 'email' ? 'email' : 'phone');
    setReason(list === 'email' ? 'manual' : 'dnc_registry');
    setValue('');
    setNote('');
    setErrors({});
  }, [open, list]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = addSuppressionRequestSchema.safeParse({ type, value, reason, note: note.trim() || undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? 'value'), issue.message])));
      return;
    }
    setBusy(true);
    try {
      const result = await addSuppression(parsed.data);
      if (result.added) toast.success(`${result.suppression.value} is suppressed.`);
      else toast.info(`${result.suppression.value} was already on the list.`);
      onAdded();
      onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.join(' ')])));
      } else {
        setErrors({ form: describeError(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  const valueLabel = type === 'phone' ? 'Phone number' : type === 'domain' ? 'Domain' : 'Email address';
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="Add a suppression">
          <DialogHeader>
            <DialogTitle>{list === 'email' ? 'Suppress an address or domain' : 'Add a number to do-not-call'}</DialogTitle>
            <DialogDescription>
              {list === 'email'
                ? 'No email is sent to a suppressed address; a domain covers every address at it and its subdomains.'
                : 'A number on the do-not-call list is never dialled.'}
            </DialogDescription>
          </DialogHeader>
          {list === 'email' && (
            <Field label="Suppress">
              <OptionSelect value={type} onValueChange={setType} options={EMAIL_TYPE_OPTIONS} />
            </Field>
          )}
          <Field label={valueLabel} required error={errors.value} hint={type === 'phone' ? 'Numbers without a country code are read as US numbers.' : undefined}>
            <Input
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={PLACEHOLDERS[type]}
              className="font-mono"
              autoComplete="off"
              spellCheck={false}
              autoFocus
            />
          </Field>
          <Field label="Reason" error={errors.reason}>
            <OptionSelect value={reason} onValueChange={setReason} options={labelledOptions(SUPPRESSION_REASONS, SUPPRESSION_REASON_LABELS)} />
          </Field>
          <Field label="Note" hint="Optional: who asked, a ticket number." error={errors.note}>
            <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} />
          </Field>
          {errors.form && (
            <p role="alert" className="text-sm font-medium text-danger-text">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Suppress
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
