// Adding a dedicated IP pool: a name (it also names the SES configuration set) and what it is for.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ipPoolCreateSchema, type IpPool } from '@shared/contracts/email';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
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
  const form = useForm<IpPoolFormValues, unknown, IpPoolCreate>({ resolver: zodResolver(ipPoolFormSchema), defaultValues: { name: '', description: '' }, mode: 'onTouched' });
  const { errors } = form.formState;
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => ({ name: '', description: '' }),
    send: async (request) => {
      const pool = await create.mutateAsync(request);
      toast.success(`IP pool ${pool.name} created.`);
      onCreated?.(pool);
    },
  });

  return (
    <FormDialog
      {...dialog}
      title="Add IP pool"
      description="A dedicated SES IP pool and the configuration set that sends through it."
      submitLabel="Add IP pool"
    >
      <Field label="Name" required error={errors.name?.message} hint="3–64 lower-case letters, digits or dashes, e.g. marketing.">
        <Input autoFocus autoComplete="off" spellCheck={false} className="font-mono" {...form.register('name')} />
      </Field>
      <Field label="Description" error={errors.description?.message} hint="What is sent through it.">
        <Textarea rows={2} maxLength={300} {...form.register('description')} />
      </Field>
    </FormDialog>
  );
}
