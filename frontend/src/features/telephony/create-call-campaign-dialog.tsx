// Starting a call campaign: its name and the seller the safe-harbour message names (who is
// calling, and a number to call back). Everything else is set up in the editor it opens.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { callCampaignInputSchema } from '@shared/contracts/telephony';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useCreateCallCampaign } from './campaigns-api';

const formSchema = z.object({
  name: callCampaignInputSchema.shape.name,
  sellerName: callCampaignInputSchema.shape.sellerName,
  sellerPhone: callCampaignInputSchema.shape.sellerPhone,
});
type FormValues = z.infer<typeof formSchema>;
const EMPTY: FormValues = { name: '', sellerName: '', sellerPhone: '' };

export function CreateCallCampaignDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange: (open: boolean) => void; onCreated: (id: string) => void }) {
  const create = useCreateCallCampaign();
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: EMPTY, mode: 'onTouched' });
  const { errors } = form.formState;
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => EMPTY,
    send: async (values) => {
      const campaign = await create.mutateAsync(values);
      toast.success(`Call campaign “${campaign.name}” created.`);
      onCreated(campaign.id);
    },
  });
  return (
    <FormDialog {...dialog} title="New call campaign" description="It starts as a draft with the usual six dispositions." submitLabel="Create campaign">
      <Field label="Name" required error={errors.name?.message}>
        <Input autoFocus autoComplete="off" maxLength={120} {...form.register('name')} />
      </Field>
      <Field label="Seller name" required error={errors.sellerName?.message} hint="Who is calling: the safe-harbour message names them.">
        <Input autoComplete="organization" {...form.register('sellerName')} />
      </Field>
      <Field label="Seller phone" required error={errors.sellerPhone?.message} hint="A number people can call back, in international form.">
        <Input autoComplete="off" className="font-mono" placeholder="+14155550100" {...form.register('sellerPhone')} />
      </Field>
    </FormDialog>
  );
}
