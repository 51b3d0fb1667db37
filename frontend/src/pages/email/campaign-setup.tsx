// The Setup step: the campaign's name, audience (with its size now) and sender profile, saved
// with the version it was loaded at (a 409 means someone else saved first).
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { campaignAudienceSchema, type Campaign } from '@shared/contracts/email';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormError } from '@/components/form/form-error';
import { FormSaveBar } from '@/components/form/form-save-bar';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { AudiencePicker, AudienceSize, type AudienceKind } from '@/features/email/audience-picker';
import { useUpdateCampaign } from '@/features/email/campaigns-api';
import { SenderProfileSelect } from '@/features/email/sender-profile-select';
import { isApiError } from '@/lib/api';

const formSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  audience: z.object({ kind: campaignAudienceSchema.shape.kind, id: z.string().uuid().nullable() }),
  senderProfileId: z.string().uuid().nullable(),
});
type FormValues = z.infer<typeof formSchema>;

const valuesOf = (c: Campaign): FormValues => ({
  name: c.name,
  audience: { kind: c.audience?.kind ?? 'segment', id: c.audience?.id ?? null },
  senderProfileId: c.senderProfileId,
});

export function CampaignSetup({ campaign, onStale, onDirtyChange }: { campaign: Campaign; onStale: () => void; onDirtyChange: (dirty: boolean) => void }) {
  const update = useUpdateCampaign(campaign.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: valuesOf(campaign) });
  const { errors, isSubmitting, isDirty } = form.formState;

  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  // A newer version from the server (a reload, another step's save) is taken when nothing is being edited.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(valuesOf(campaign));
  }, [campaign.version]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const saved = await update.mutateAsync({
        name: values.name,
        audience: values.audience.id ? { kind: values.audience.kind, id: values.audience.id } : null,
        senderProfileId: values.senderProfileId,
        version: campaign.version,
      });
      form.reset(valuesOf(saved));
      toast.success('Setup saved.');
    } catch (error) {
      if (isApiError(error) && error.status === 409) return onStale();
      setFormError(applyApiErrors(form, error));
    }
  });

  const audience = form.watch('audience');
  return (
    <SectionCard title="Setup" description="Who the campaign goes to and who it is from.">
      <form onSubmit={submit} className="grid max-w-2xl gap-5" noValidate aria-label="Campaign setup">
        <Field label="Campaign name" required error={errors.name?.message}>
          <Input autoComplete="off" maxLength={120} {...form.register('name')} />
        </Field>
        <Field label="Audience" error={errors.audience?.message ?? errors.audience?.id?.message}>
          {(control) => (
            <div className="grid gap-1.5">
              <Controller
                control={form.control}
                name="audience"
                render={({ field }) => <AudiencePicker control={control} kind={field.value.kind} id={field.value.id} onChange={(v) => field.onChange(v as { kind: AudienceKind; id: string | null })} />}
              />
              {audience.id ? (
                <AudienceSize audience={{ kind: audience.kind, id: audience.id }} />
              ) : (
                <p className="text-sm text-muted-foreground">No audience yet: choose a segment, list or domain set.</p>
              )}
            </div>
          )}
        </Field>
        <Field label="Sender profile" error={errors.senderProfileId?.message}>
          {(control) => <Controller control={form.control} name="senderProfileId" render={({ field }) => <SenderProfileSelect control={control} value={field.value} onChange={field.onChange} />} />}
        </Field>
        <FormError>{formError}</FormError>
        <FormSaveBar saveLabel="Save setup" pending={isSubmitting} dirty={isDirty} onDiscard={() => form.reset(valuesOf(campaign))} />
      </form>
    </SectionCard>
  );
}
