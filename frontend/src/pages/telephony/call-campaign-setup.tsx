// The Setup tab of a call campaign: name, audience (with its size now), trunk and caller id,
// the seller the safe-harbour message names, the calling window (narrower than 08:00–21:00 in the
// contact's local time), and recording with its consent announcement and retention.
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { callAudienceSchema, callCampaignInputSchema, type CallCampaign } from '@shared/contracts/telephony';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormError } from '@/components/form/form-error';
import { FormSaveBar } from '@/components/form/form-save-bar';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { LabelledSwitch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { AudiencePicker, AudienceSize, type AudienceKind } from '@/features/email/audience-picker';
import { useTrunkOptions, useUpdateCallCampaign } from '@/features/telephony/campaigns-api';

/** Radix Select has no empty value: these stand for "none chosen". */
const DEFAULT_TRUNK = 'default';
const NO_CALLER_ID = 'none';
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const shape = callCampaignInputSchema.shape;

const formSchema = z
  .object({
    name: shape.name,
    audience: z.object({ kind: callAudienceSchema.shape.kind, id: z.string().uuid().nullable() }),
    trunkId: z.string(),
    callerId: z.string(),
    sellerName: shape.sellerName,
    sellerPhone: shape.sellerPhone,
    narrowWindow: z.boolean(),
    windowStart: z.string(),
    windowEnd: z.string(),
    record: z.boolean(),
    consentAnnouncement: z.string().trim().max(500),
    recordingRetentionDays: z.coerce.number<string | number>().int('must be whole days').min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days'),
  })
  .superRefine((v, ctx) => {
    if (!v.narrowWindow) return;
    if (!TIME.test(v.windowStart)) ctx.addIssue({ code: 'custom', path: ['windowStart'], message: 'must be a time such as 09:00' });
    if (!TIME.test(v.windowEnd)) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'must be a time such as 17:30' });
    else if (v.windowEnd <= v.windowStart) ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'must be after the start' });
  });
type FormInput = z.input<typeof formSchema>;
type FormValues = z.output<typeof formSchema>;

const valuesOf = (c: CallCampaign): FormInput => ({
  name: c.name,
  audience: { kind: c.audience?.kind ?? 'list', id: c.audience?.id ?? null },
  trunkId: c.trunkId ?? DEFAULT_TRUNK,
  callerId: c.callerId ?? NO_CALLER_ID,
  sellerName: c.sellerName,
  sellerPhone: c.sellerPhone,
  narrowWindow: c.callingWindow !== null,
  windowStart: c.callingWindow?.start ?? '09:00',
  windowEnd: c.callingWindow?.end ?? '17:00',
  record: c.record,
  consentAnnouncement: c.consentAnnouncement ?? '',
  recordingRetentionDays: c.recordingRetentionDays,
});

export function CallCampaignSetup({ campaign, readOnly }: { campaign: CallCampaign; readOnly: boolean }) {
  const update = useUpdateCallCampaign(campaign.id);
  const trunks = useTrunkOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormValues>({ resolver: zodResolver(formSchema), defaultValues: valuesOf(campaign) });
  const { errors, isSubmitting, isDirty } = form.formState;

  // A newer version from the server (another tab's save, a status move) is taken when nothing is being edited.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(valuesOf(campaign));
  }, [campaign.updatedAt]);

  const submit = form.handleSubmit(async (v) => {
    setFormError(null);
    try {
      const saved = await update.mutateAsync({
        name: v.name,
        audience: v.audience.id ? { kind: v.audience.kind, id: v.audience.id } : null,
        trunkId: v.trunkId === DEFAULT_TRUNK ? null : v.trunkId,
        callerId: v.callerId === NO_CALLER_ID ? null : v.callerId,
        sellerName: v.sellerName,
        sellerPhone: v.sellerPhone,
        callingWindow: v.narrowWindow ? { start: v.windowStart, end: v.windowEnd } : null,
        record: v.record,
        consentAnnouncement: v.record && v.consentAnnouncement ? v.consentAnnouncement : null,
        recordingRetentionDays: v.recordingRetentionDays,
      });
      form.reset(valuesOf(saved));
      toast.success('Setup saved.');
    } catch (error) {
      setFormError(applyApiErrors(form, error));
    }
  });

  const audience = form.watch('audience');
  const trunkId = form.watch('trunkId');
  const options = trunks.data ?? [];
  const defaultTrunk = options.find((t) => t.isDefault);
  const chosen = trunkId === DEFAULT_TRUNK ? defaultTrunk : options.find((t) => t.id === trunkId);
  const trunkChoices = [
    { value: DEFAULT_TRUNK, label: defaultTrunk ? `Default trunk (${defaultTrunk.name})` : 'Default trunk (none set)' },
    ...options.map((t) => ({ value: t.id, label: `${t.name}${t.active ? '' : ' — inactive'}` })),
  ];
  const callerChoices = [
    { value: NO_CALLER_ID, label: 'The trunk’s first caller id' },
    ...(chosen?.callerIds ?? []).map((n) => ({ value: n, label: n })),
    // A saved caller id the trunk no longer has stays choosable, so the form shows the truth.
    ...(campaign.callerId && !(chosen?.callerIds ?? []).includes(campaign.callerId) ? [{ value: campaign.callerId, label: `${campaign.callerId} (not on this trunk)` }] : []),
  ];

  return (
    <SectionCard title="Setup" description="Who is called, from which line and number, when, and whether calls are recorded.">
      <form onSubmit={submit} className="grid max-w-3xl gap-5" noValidate aria-label="Call campaign setup">
        <fieldset disabled={readOnly} className="grid items-start gap-5 sm:grid-cols-2">
          <Field label="Campaign name" required error={errors.name?.message} className="sm:col-span-2">
            <Input autoComplete="off" maxLength={120} {...form.register('name')} />
          </Field>
          <Field label="Audience" error={errors.audience?.message ?? errors.audience?.id?.message} className="sm:col-span-2">
            {(control) => (
              <div className="grid gap-1.5">
                <Controller
                  control={form.control}
                  name="audience"
                  render={({ field }) => (
                    <AudiencePicker
                      control={control}
                      kind={field.value.kind}
                      id={field.value.id}
                      disabled={readOnly}
                      onChange={(v) => field.onChange(v as { kind: AudienceKind; id: string | null })}
                    />
                  )}
                />
                {audience.id ? (
                  <AudienceSize audience={{ kind: audience.kind, id: audience.id }} />
                ) : (
                  <p className="text-sm text-muted-foreground">No audience yet: choose a segment, list or domain set. The contact policy decides who of them may be called.</p>
                )}
              </div>
            )}
          </Field>
          <Field label="Trunk" error={errors.trunkId?.message}>
            {(control) => (
              <Controller
                control={form.control}
                name="trunkId"
                render={({ field }) => (
                  <OptionSelect
                    {...control}
                    options={trunkChoices}
                    value={field.value}
                    disabled={readOnly}
                    onValueChange={(v) => {
                      field.onChange(v);
                      form.setValue('callerId', NO_CALLER_ID, { shouldDirty: true });
                    }}
                  />
                )}
              />
            )}
          </Field>
          <Field label="Caller id" error={errors.callerId?.message} hint="The number people see.">
            {(control) => (
              <Controller
                control={form.control}
                name="callerId"
                render={({ field }) => <OptionSelect {...control} options={callerChoices} value={field.value} disabled={readOnly} onValueChange={field.onChange} />}
              />
            )}
          </Field>
          <Field label="Seller name" required error={errors.sellerName?.message} hint="Named by the safe-harbour message when no agent is free.">
            <Input autoComplete="organization" {...form.register('sellerName')} />
          </Field>
          <Field label="Seller phone" required error={errors.sellerPhone?.message} hint="The call-back number that message gives.">
            <Input autoComplete="off" className="font-mono" {...form.register('sellerPhone')} />
          </Field>
          <SwitchSection
            control={form.control}
            name="narrowWindow"
            id="narrow-window"
            disabled={readOnly}
            label={
              <>
                Call only within narrower hours <span className="text-muted-foreground">(always within 08:00–21:00 in the contact’s local time, and the stricter state rules)</span>
              </>
            }
          >
            {() => (
              <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
                <Field label="From" error={errors.windowStart?.message}>
                  <Input type="time" className="font-mono" {...form.register('windowStart')} />
                </Field>
                <Field label="Until" error={errors.windowEnd?.message}>
                  <Input type="time" className="font-mono" {...form.register('windowEnd')} />
                </Field>
              </div>
            )}
          </SwitchSection>
          <SwitchSection
            control={form.control}
            name="record"
            id="record-calls"
            disabled={readOnly}
            label={
              <>
                Record calls <span className="text-muted-foreground">(both sides, kept in storage for QA)</span>
              </>
            }
          >
            {() => (
              <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_11rem]">
                <Field label="Consent announcement" error={errors.consentAnnouncement?.message} hint="Played as the call connects; leave empty for none.">
                  <Textarea rows={2} maxLength={500} placeholder="This call may be recorded for quality and training." {...form.register('consentAnnouncement')} />
                </Field>
                <Field label="Keep recordings (days)" error={errors.recordingRetentionDays?.message}>
                  <Input type="number" min={1} max={3650} className="font-mono" {...form.register('recordingRetentionDays')} />
                </Field>
              </div>
            )}
          </SwitchSection>
        </fieldset>
        <FormError>{formError}</FormError>
        {!readOnly && (
          <FormSaveBar saveLabel="Save setup" pending={isSubmitting} dirty={isDirty} onDiscard={() => form.reset(valuesOf(campaign))} />
        )}
      </form>
    </SectionCard>
  );
}

/** A switch field with its label, and below it while it is on, the settings it turns on. */
function SwitchSection(props: {
  control: Control<FormInput, unknown, FormValues>;
  name: 'narrowWindow' | 'record';
  id: string;
  disabled: boolean;
  label: ReactNode;
  /** Rendered only while the switch is on, so its fields register only then. */
  children: () => ReactNode;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <div className="grid gap-3 sm:col-span-2">
          <LabelledSwitch id={props.id} checked={field.value} onCheckedChange={field.onChange} disabled={props.disabled} label={props.label} />
          {field.value && props.children()}
        </div>
      )}
    />
  );
}
