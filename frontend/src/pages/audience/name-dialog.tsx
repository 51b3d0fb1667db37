// The one small form the audience screens share: a name and an optional description, checked
// with the route's schema (create or rename a list, save a segment, turn a segment or a domain
// set into a list). The caller's `onSubmit` does the call; its field errors land on the fields.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { listCreateSchema } from '@shared/contracts/audience';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { ApiError, describeError } from '@/lib/api';

export interface NameValues {
  name: string;
  description: string | null;
}

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  submitLabel: string;
  initial?: Partial<NameValues>;
  nameLabel?: string;
  onSubmit: (values: NameValues) => Promise<void>;
}

export function NameDialog({ open, onOpenChange, title, description, submitLabel, initial, nameLabel = 'Name', onSubmit }: Props) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(initial?.name ?? '');
    setText(initial?.description ?? '');
    setErrors({});
    // Only on opening: the initial values are a snapshot.
  }, [open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = listCreateSchema.safeParse({ name, description: text.trim() || null });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    setBusy(true);
    try {
      await onSubmit({ name: parsed.data.name, description: parsed.data.description ?? null });
      onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.join(' ')])));
      } else setErrors({ form: describeError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent>
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label={title}>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description && <DialogDescription>{description}</DialogDescription>}
          </DialogHeader>
          <Field label={nameLabel} required error={errors.name}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus autoComplete="off" />
          </Field>
          <Field label="Description" hint="Optional." error={errors.description}>
            <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={2000} />
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
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
