// Adding a sending or tracking domain: one field, checked with the API's own schema, the API's
// refusal (a field error, a 409 for a domain already added, a 422 when the workspace cannot take
// one yet) said in the dialog.
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { sendingDomainCreateSchema, type SendingDomainCreate } from '@shared/contracts/email';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
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
  const form = useForm<SendingDomainCreate>({ resolver: zodResolver(sendingDomainCreateSchema), defaultValues: { domain: '' }, mode: 'onTouched' });
  const { errors } = form.formState;
  const dialog = useDialogForm(form, { open, onOpenChange, initial: () => ({ domain: '' }), onRefused, send: async ({ domain }) => onAdded(await add(domain)) });

  return (
    <FormDialog {...dialog} title={title} description={description} submitLabel="Add domain">
      <Field label="Domain" required error={errors.domain?.message} hint={hint}>
        <Input autoFocus autoComplete="off" spellCheck={false} className="font-mono" placeholder={placeholder} {...form.register('domain')} />
      </Field>
    </FormDialog>
  );
}
