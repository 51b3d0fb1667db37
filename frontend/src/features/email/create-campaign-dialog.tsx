// The new-campaign dialog: a name, the audience (segment, list or domain set), the sender
// profile and, if wanted, a saved template to start from. It opens the campaign once created.
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { campaignAudienceSchema } from '@shared/contracts/email';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { FormError } from '@/components/form/form-error';
import { Combobox } from '@/components/ui/combobox';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { AudiencePicker, AudienceSize, type AudienceKind } from './audience-picker';
import { useCreateCampaign } from './campaigns-api';
import { SenderProfileSelect } from './sender-profile-select';
import { useTemplates } from './templates-api';

const formSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  audience: z.object({ kind: campaignAudienceSchema.shape.kind, id: z.string().uuid().nullable() }),
  senderProfileId: z.string().uuid().nullable(),
  templateId: z.string().uuid().nullable(),
});
type FormValues = z.infer<typeof formSchema>;

const EMPTY: FormValues = { name: '', audience: { kind: 'segment', id: null }, senderProfileId: null, templateId: null };

export function CreateCampaignDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange: (open: boolean) => void; onCreated: (id: string) => void }) {
  const create = useCreateCampaign();
  const templates = useTemplates(open);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (!open) return;
    form.reset(EMPTY);
    setFormError(null);
    // Only on opening.
  }, [open]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const campaign = await create.mutateAsync({
        name: values.name,
        audience: values.audience.id ? { kind: values.audience.kind, id: values.audience.id } : null,
        senderProfileId: values.senderProfileId,
        templateId: values.templateId,
      });
      toast.success(`Campaign “${campaign.name}” created.`);
      onOpenChange(false);
      onCreated(campaign.id);
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });

  const audience = form.watch('audience');
  return (
    <Dialog open={open} onOpenChange={(next) => !isSubmitting && onOpenChange(next)}>
      <DialogContent className="max-w-xl">
        <form onSubmit={submit} className="grid gap-4" noValidate aria-label="New campaign">
          <DialogHeader>
            <DialogTitle>New campaign</DialogTitle>
            <DialogDescription>Everything here can be changed later on the campaign's Setup step.</DialogDescription>
          </DialogHeader>
          <Field label="Campaign name" required error={errors.name?.message}>
            <Input autoFocus autoComplete="off" maxLength={120} {...form.register('name')} />
          </Field>
          <Field label="Audience" error={errors.audience?.message ?? errors.audience?.id?.message} hint="Who it goes to; suppressions and the contact policy are applied when it sends.">
            {(control) => (
              <div className="grid gap-1.5">
                <Controller
                  control={form.control}
                  name="audience"
                  render={({ field }) => <AudiencePicker control={control} kind={field.value.kind} id={field.value.id} onChange={(v) => field.onChange(v as { kind: AudienceKind; id: string | null })} />}
                />
                {audience.id && <AudienceSize audience={{ kind: audience.kind, id: audience.id }} />}
              </div>
            )}
          </Field>
          <Field label="Sender profile" error={errors.senderProfileId?.message}>
            {(control) => <Controller control={form.control} name="senderProfileId" render={({ field }) => <SenderProfileSelect control={control} value={field.value} onChange={field.onChange} />} />}
          </Field>
          <Field label="Start from a template" error={errors.templateId?.message} hint="Optional: without one the email starts from a greeting, a paragraph, a button and the footer.">
            {(control) => (
              <Controller
                control={form.control}
                name="templateId"
                render={({ field }) => (
                  <Combobox
                    {...control}
                    options={(templates.data?.items ?? []).map((t) => ({ value: t.id, label: t.name, detail: t.mode === 'html' ? 'HTML' : undefined }))}
                    value={field.value}
                    onChange={field.onChange}
                    placeholder={templates.isLoading ? 'Loading templates…' : 'Blank email'}
                    searchPlaceholder="Search templates…"
                    emptyText="No template matches."
                  />
                )}
              />
            )}
          </Field>
          <FormError>{formError}</FormError>
          <FormDialogFooter submitLabel="Create campaign" pending={isSubmitting} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
