// Adding a dedicated IP pool: a name (it also names the SES configuration set) and what it is for.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ipPoolCreateSchema, type IpPool } from '@shared/contracts/email';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useCreateIpPool, type IpPoolCreate } from './email-settings-api';

interface IpPoolFormValues {
  name: string;
  description: string;
}

// The API's schema, with an empty description sent as none.
const ipPoolFormSchema = z.preprocess(
  (values: IpPoolFormValues) => ({ name: values.name, description: values.description.trim() || null }),
  ipPoolCreateSchema,
);

export function IpPoolDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange: (open: boolean) => void; onCreated?: (pool: IpPool) => void }) {
  const create = useCreateIpPool();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<IpPoolFormValues, unknown, IpPoolCreate>({ resolver: zodResolver(ipPoolFormSchema), defaultValues: { name: '', description: '' }, mode: 'onTouched' });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (open) {
      form.reset({ name: '', description: '' });
      setFormError(null);
    }
  }, [open, form]);

  const onSubmit = form.handleSubmit(async (request) => {
    setFormError(null);
    try {
      const pool = await create.mutateAsync(request);
      toast.success(`IP pool ${pool.name} created.`);
      onCreated?.(pool);
      onOpenChange(false);
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add IP pool</DialogTitle>
          <DialogDescription>A dedicated SES IP pool and the configuration set that sends through it.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Add IP pool">
          <FormError>{formError}</FormError>
          <Field label="Name" required error={errors.name?.message} hint="3–64 lower-case letters, digits or dashes, e.g. marketing.">
            <Input autoFocus autoComplete="off" spellCheck={false} className="font-mono" {...form.register('name')} />
          </Field>
          <Field label="Description" error={errors.description?.message} hint="What is sent through it.">
            <Textarea rows={2} maxLength={300} {...form.register('description')} />
          </Field>
          <FormDialogFooter submitLabel="Add IP pool" pending={isSubmitting} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
