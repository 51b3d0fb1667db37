// Create, edit or (for non-admins) view a sender profile: who mail is from, where replies go,
// the postal address every footer carries, the provider, and the optional IP pool, tracking
// domain and warm-up plan. The from address must be at a sending domain: the dialog says which
// one it sends as and whether that domain is verified.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { CircleCheck, TriangleAlert } from 'lucide-react';
import { EMAIL_PROVIDERS, EMAIL_PROVIDER_LABELS, type SenderProfile, type SenderProfileInput } from '@shared/contracts/email';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions, type SelectOption } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { DomainStatusBadge } from './domain-status';
import { useIpPools, useSaveSenderProfile, useSendingDomains, useTrackingDomains, useWarmupPlans } from './email-settings-api';
import { sendingDomainFor } from './sender-domain';
import { NONE, senderProfileFormSchema, senderProfileFormValues, type SenderProfileFormValues } from './sender-profile-form';

export interface SenderProfileDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The profile to edit or view; null to create one. */
  profile: SenderProfile | null;
  readOnly?: boolean;
}

const PROVIDER_OPTIONS = labelledOptions(EMAIL_PROVIDERS, EMAIL_PROVIDER_LABELS);

export function SenderProfileDialog({ open, onOpenChange, profile, readOnly = false }: SenderProfileDialogProps) {
  const save = useSaveSenderProfile();
  const domains = useSendingDomains();
  const pools = useIpPools();
  const tracking = useTrackingDomains();
  const plans = useWarmupPlans();
  const form = useForm<SenderProfileFormValues, unknown, SenderProfileInput>({
    resolver: zodResolver(senderProfileFormSchema),
    defaultValues: senderProfileFormValues(profile),
    mode: 'onTouched',
  });
  const { errors } = form.formState;
  const [fromAddress, provider, warmupPlanId] = form.watch(['fromAddress', 'provider', 'warmupPlanId']);
  const sendingDomains = domains.data ?? [];
  const matched = fromAddress.includes('@') ? sendingDomainFor(fromAddress, sendingDomains) : undefined;

  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => senderProfileFormValues(profile),
    send: async (input) => {
      const saved = await save.mutateAsync({ id: profile?.id ?? null, input });
      toast.success(`Sender profile “${saved.name}” saved.`);
    },
  });

  const none = (label: string) => ({ value: NONE, label });
  const select = (name: 'provider' | 'ipPoolId' | 'trackingDomainId' | 'warmupPlanId', options: readonly SelectOption<string>[], disabled = false) =>
    function Control(control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) {
      return (
        <OptionSelect
          {...control}
          options={options}
          value={form.watch(name)}
          disabled={readOnly || disabled}
          onValueChange={(v) => form.setValue(name, v as never, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}
        />
      );
    };
  const title = readOnly ? `Sender profile “${profile?.name ?? ''}”` : profile ? `Edit “${profile.name}”` : 'New sender profile';

  return (
    <FormDialog
      {...dialog}
      size="lg"
      title={title}
      description="Who campaigns are from and how they are sent. Campaigns choose one of these."
      className="grid gap-5"
      submitLabel={profile ? 'Save profile' : 'Create profile'}
      readOnly={readOnly}
    >
      <fieldset disabled={readOnly} className="grid gap-4 sm:grid-cols-2">
        <Field className="content-start sm:col-span-2" label="Profile name" required error={errors.name?.message} hint="How campaign builders find it, e.g. “Newsletter — EU”.">
          <Input autoFocus={!readOnly} autoComplete="off" {...form.register('name')} />
        </Field>
        <Field className="content-start" label="From name" required error={errors.fromName?.message}>
          <Input autoComplete="off" {...form.register('fromName')} />
        </Field>
        <Field
          className="content-start"
          label="From address"
          required
          error={errors.fromAddress?.message}
          hint={
            matched ? (
              <span className="flex flex-wrap items-center gap-1.5" data-testid="from-domain">
                {matched.status === 'verified' ? <CircleCheck className="size-3.5 text-success-text" aria-hidden="true" /> : <TriangleAlert className="size-3.5 text-warning-text" aria-hidden="true" />}
                Sends as <span className="font-mono">{matched.domain}</span> <DomainStatusBadge status={matched.status} />
              </span>
            ) : sendingDomains.length ? (
              <span data-testid="from-domain">
                At one of: {sendingDomains.map((d) => `${d.domain} (${d.status})`).join(', ')}.
              </span>
            ) : (
              'Add a sending domain first: the address must be at one.'
            )
          }
        >
          <Input type="email" autoComplete="off" spellCheck={false} className="font-mono" {...form.register('fromAddress')} />
        </Field>
        <Field className="content-start" label="Reply-to" error={errors.replyTo?.message} hint="Empty: replies go to the from address.">
          <Input type="email" autoComplete="off" spellCheck={false} className="font-mono" {...form.register('replyTo')} />
        </Field>
        <Field className="content-start" label="Provider" required error={errors.provider?.message}>
          {select('provider', PROVIDER_OPTIONS)}
        </Field>
        <Field className="content-start sm:col-span-2" label="Postal address" required error={errors.postalAddress?.message} hint="Shown in every message’s footer (CAN-SPAM).">
          <Textarea rows={2} {...form.register('postalAddress')} />
        </Field>
        <Field className="content-start" label="IP pool" error={errors.ipPoolId?.message} hint={provider === 'ses' ? 'None: the provider’s shared IPs.' : 'IP pools are Amazon SES’s.'}>
          {select('ipPoolId', [none('None (shared IPs)'), ...(pools.data ?? []).map((p) => ({ value: p.id, label: p.name }))], provider !== 'ses')}
        </Field>
        <Field className="content-start" label="Tracking domain" error={errors.trackingDomainId?.message} hint="None: links use the default tracking host.">
          {select('trackingDomainId', [none('None (default host)'), ...(tracking.data ?? []).map((t) => ({ value: t.id, label: `${t.domain}${t.status === 'verified' ? '' : ` (${t.status})`}` }))])}
        </Field>
        <Field className="content-start" label="Warm-up plan" error={errors.warmupPlanId?.message} hint="Caps each day’s sends while the identity builds reputation.">
          {select('warmupPlanId', [none('None (no daily cap)'), ...(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.dailyCaps.length} days)` }))])}
        </Field>
        {warmupPlanId !== NONE && (
          <Field className="content-start" label="Warm-up starts on" error={errors.warmupStartedOn?.message} hint="Day 1 of the plan. Empty: the day you save (choosing another plan restarts it).">
            <Input type="date" {...form.register('warmupStartedOn')} />
          </Field>
        )}
        <Field className="content-start" label="Sending rate (messages a second)" required error={errors.ratePerSecond?.message} hint="1–5,000; your provider account’s limit or lower.">
          <Input type="number" min={1} max={5000} step={1} className="font-mono" {...form.register('ratePerSecond', { valueAsNumber: true })} />
        </Field>
      </fieldset>
    </FormDialog>
  );
}
