// The one small form the audience screens share: a name and an optional description, checked
// with the route's schema (create or rename a list, save a segment, turn a segment or a domain
// set into a list). The caller's `onSubmit` does the call; its field errors land on the fields.
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { listCreateSchema } from '@shared/contracts/audience';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
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
  const form = useForm<NameFormValues>({
    resolver: zodResolver(formSchema) as never,
    defaultValues: { name: '', description: '' },
  });
  const { errors } = form.formState;
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => ({ name: initial?.name ?? '', description: initial?.description ?? '' }),
    send: async (parsed) => {
      const values = parsed as unknown as { name: string; description?: string | null };
      await onSubmit({ name: values.name, description: values.description?.trim() || null });
    },
  });

  return (
    <FormDialog {...dialog} title={title} description={description} submitLabel={submitLabel}>
      <Field label={nameLabel} required error={errors.name?.message}>
        <Input maxLength={200} autoFocus autoComplete="off" {...form.register('name')} />
      </Field>
      <Field label="Description" hint="Optional." error={errors.description?.message}>
        <Textarea rows={2} maxLength={2000} {...form.register('description')} />
      </Field>
    </FormDialog>
  );
}
