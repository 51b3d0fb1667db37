// Adding a sending or tracking domain: one field, checked with the API's own schema, the API's
// refusal (a field error, a 409 for a domain already added, a 422 when the workspace cannot take
// one yet) said in the dialog.
import { useEffect, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { sendingDomainCreateSchema, type SendingDomainCreate } from '@shared/contracts/email';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

export interface AddDomainDialogProps<T> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  placeholder: string;
  hint: ReactNode;
  /** Sends the domain; resolves with what the API answered. */
  add: (domain: string) => Promise<T>;
  onAdded: (added: T) => void;
  /** Told of a refusal that is not about the field (e.g. a 422), so the page can say it too. */
  onRefused?: (error: unknown) => void;
}

export function AddDomainDialog<T>({ open, onOpenChange, title, description, placeholder, hint, add, onAdded, onRefused }: AddDomainDialogProps<T>) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SendingDomainCreate>({ resolver: zodResolver(sendingDomainCreateSchema), defaultValues: { domain: '' }, mode: 'onTouched' });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (open) {
      form.reset({ domain: '' });
      setFormError(null);
    }
  }, [open, form]);

  const onSubmit = form.handleSubmit(async ({ domain }) => {
    setFormError(null);
    try {
      onAdded(await add(domain));
      onOpenChange(false);
    } catch (error) {
      const left = applyApiErrors(form, error);
      setFormError(left);
      if (left) onRefused?.(error);
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={title}>
          <FormError>{formError}</FormError>
          <Field label="Domain" required error={errors.domain?.message} hint={hint}>
            <Input autoFocus autoComplete="off" spellCheck={false} className="font-mono" placeholder={placeholder} {...form.register('domain')} />
          </Field>
          <FormDialogFooter submitLabel="Add domain" pending={isSubmitting} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
