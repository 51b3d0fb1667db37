// The one small form the audience screens share: a name and an optional description, checked
// with the route's schema (create or rename a list, save a segment, turn a segment or a domain
// set into a list). The caller's `onSubmit` does the call; its field errors land on the fields.
import { useEffect, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { listCreateSchema } from '@shared/contracts/audience';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';

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

type NameFormValues = { name: string; description: string };

// The route's schema, with an empty name said the way the other forms say it.
const formSchema = listCreateSchema.extend({ name: z.string().trim().min(1, 'is required').max(200) });

export function NameDialog({ open, onOpenChange, title, description, submitLabel, initial, nameLabel = 'Name', onSubmit }: Props) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<NameFormValues>({
    resolver: zodResolver(formSchema) as never,
    defaultValues: { name: '', description: '' },
  });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (!open) return;
    form.reset({ name: initial?.name ?? '', description: initial?.description ?? '' });
    setFormError(null);
    // Only on opening: the initial values are a snapshot.
  }, [open]);

  const submit = form.handleSubmit(async (parsed) => {
    setFormError(null);
    const values = parsed as unknown as { name: string; description?: string | null };
    try {
      await onSubmit({ name: values.name, description: values.description?.trim() || null });
      onOpenChange(false);
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label={title}>
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            {description && <DialogDescription>{description}</DialogDescription>}
          </DialogHeader>
          <Field label={nameLabel} required error={errors.name?.message}>
            <Input maxLength={200} autoFocus autoComplete="off" {...form.register('name')} />
          </Field>
          <Field label="Description" hint="Optional." error={errors.description?.message}>
            <Textarea rows={2} maxLength={2000} {...form.register('description')} />
          </Field>
          <FormError>{formError}</FormError>
          <FormDialogFooter submitLabel={submitLabel} pending={isSubmitting} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
