// The Schedule step: send now, at a time, or at a local time in each recipient's own time zone
// — open only once pre-flight has no red item — and a test send to chosen addresses first.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CalendarClock, Send } from 'lucide-react';
import { z } from 'zod';
import type { Campaign, CampaignSchedule } from '@shared/contracts/email';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { toast } from '@/components/ui/toast';
import { browserTimeZone } from '@/features/activity/activity-api';
import { isRouteMissing, useScheduleCampaign, useTestSend } from '@/features/email/campaigns-api';
import { formatNumber } from '@/features/email/campaign-status';
import type { PickedContact } from '@/features/email/contact-picker';
import { describeError, isApiError, type ApiError } from '@/lib/api';

type Kind = CampaignSchedule['kind'];
const KIND_LABELS: Record<Kind, { label: string; hint: string }> = {
  now: { label: 'Send now', hint: 'Sending starts within a minute, paced by the sender’s rate and warm-up.' },
  at: { label: 'At a date and time', hint: 'In your time zone.' },
  local: { label: 'In each recipient’s local time', hint: 'Everyone at the same local hour; contacts without a time zone use the fallback.' },
};

export interface CampaignScheduleProps {
  campaign: Campaign;
  /** Why scheduling is shut (pre-flight not run, or red), or null when it may go. */
  blockedReason: string | null;
  onScheduled: () => void;
  /** A 409: red pre-flight items appeared since, or someone else changed the campaign. */
  onConflict: (error: ApiError) => void;
  contact: PickedContact | null;
}

export function CampaignScheduleStep({ campaign, blockedReason, onScheduled, onConflict, contact }: CampaignScheduleProps) {
  const schedule = useScheduleCampaign(campaign.id);
  const [kind, setKind] = useState<Kind>('now');
  const [at, setAt] = useState('');
  const [localDate, setLocalDate] = useState('');
  const [localTime, setLocalTime] = useState('09:00');
  const [zone, setZone] = useState(browserTimeZone());
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<CampaignSchedule | null>(null);

  function build(): CampaignSchedule | string {
    if (kind === 'now') return { kind: 'now' };
    if (kind === 'at') {
      const when = new Date(at);
      if (!at || Number.isNaN(when.getTime())) return 'Choose the date and time to send.';
      if (when.getTime() < Date.now()) return 'That time has passed: choose a later one.';
      return { kind: 'at', at: when.toISOString() };
    }
    if (!localDate) return 'Choose the date.';
    if (!/^\d{2}:\d{2}$/.test(localTime)) return 'Choose the local time.';
    if (!zone.trim()) return 'Give a fallback time zone such as Europe/London.';
    return { kind: 'local', date: localDate, time: localTime, fallbackZone: zone.trim() };
  }

  function review() {
    const result = build();
    if (typeof result === 'string') return setProblem(result);
    setProblem(null);
    setConfirming(result);
  }

  async function go(plan: CampaignSchedule) {
    try {
      await schedule.mutateAsync({ schedule: plan, version: campaign.version });
      toast.success(plan.kind === 'now' ? 'Sending started.' : 'Campaign scheduled.');
      onScheduled();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setConfirming(null);
        onConflict(error);
        return;
      }
      setProblem(describeError(error));
      throw error;
    }
  }

  const audience = campaign.counts.audience;
  return (
    <div className="grid gap-6">
      <SectionCard title="Schedule" description="When the campaign goes out.">
        <div className="grid max-w-2xl gap-5">
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">When to send</legend>
            {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
              <label key={k} className="flex cursor-pointer items-start gap-3 rounded-lg border border-border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary-subtle/40">
                <input type="radio" name="schedule-kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="mt-0.5 size-4 accent-[var(--primary)]" />
                <span>
                  <span className="block text-sm font-medium">{KIND_LABELS[k].label}</span>
                  <span className="block text-xs text-muted-foreground">{KIND_LABELS[k].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {kind === 'at' && (
            <Field label="Send at">
              <Input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} className="w-64" />
            </Field>
          )}
          {kind === 'local' && (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Date">
                <Input type="date" value={localDate} onChange={(e) => setLocalDate(e.target.value)} />
              </Field>
              <Field label="Local time">
                <Input type="time" value={localTime} onChange={(e) => setLocalTime(e.target.value)} />
              </Field>
              <Field label="Fallback time zone">
                <Input value={zone} onChange={(e) => setZone(e.target.value)} autoComplete="off" />
              </Field>
            </div>
          )}
          {blockedReason && (
            <p className="rounded-lg border border-warning/40 bg-warning-subtle px-3 py-2.5 text-sm text-warning-text" data-testid="schedule-blocked">
              {blockedReason}
            </p>
          )}
          <FormError>{problem}</FormError>
          <div>
            <Button onClick={review} disabled={blockedReason !== null}>
              {kind === 'now' ? <Send aria-hidden="true" /> : <CalendarClock aria-hidden="true" />}
              {kind === 'now' ? 'Send now' : 'Schedule campaign'}
            </Button>
          </div>
        </div>
      </SectionCard>

      <TestSend campaign={campaign} contact={contact} />

      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirming?.kind === 'now' ? 'Send the campaign now?' : 'Schedule the campaign?'}
        description={
          <>
            “{campaign.name}” goes to {audience > 0 ? `about ${formatNumber(audience)} contacts` : 'its audience'}
            {campaign.audienceName ? ` in ${campaign.audienceName}` : ''}, less anyone suppressed or over the contact policy at send time. A sending campaign can be paused or cancelled, but
            what has gone cannot be recalled.
          </>
        }
        confirmLabel={confirming?.kind === 'now' ? 'Send now' : 'Schedule'}
        onConfirm={async () => {
          if (confirming) await go(confirming);
        }}
      />
    </div>
  );
}

const addressesSchema = z.array(z.string().trim().toLowerCase().email()).min(1).max(10);

function TestSend({ campaign, contact }: { campaign: Campaign; contact: PickedContact | null }) {
  const testSend = useTestSend(campaign.id);
  const form = useForm<{ to: string }>({ defaultValues: { to: '' } });
  const [problem, setProblem] = useState<string | null>(null);
  const [variantId, setVariantId] = useState(campaign.variants[0]?.id ?? '');

  const submit = form.handleSubmit(async ({ to }) => {
    setProblem(null);
    const parsed = addressesSchema.safeParse(to.split(/[\s,;]+/).filter(Boolean));
    if (!parsed.success) return form.setError('to', { message: 'Give one to ten email addresses, separated by commas.' });
    try {
      await testSend.mutateAsync({ to: parsed.data, variantId: variantId || undefined, contactId: contact?.id ?? null });
      toast.success(`Test sent to ${parsed.data.join(', ')}.`);
    } catch (error) {
      if (isApiError(error) && error.fieldErrors.to) return form.setError('to', { message: error.fieldErrors.to.join('; ') });
      setProblem(isRouteMissing(error) ? 'Test sends are not available on this server yet.' : describeError(error));
    }
  });

  return (
    <SectionCard title="Test send" description={`The real render${contact ? `, personalised as ${contact.label}` : ' with sample values'}, marked [Test] in the subject.`}>
      <form onSubmit={submit} className="grid max-w-2xl gap-3" noValidate aria-label="Test send">
        <Field label="Test recipients" hint="Up to ten addresses, separated by commas." error={form.formState.errors.to?.message}>
          <Input type="text" autoComplete="off" placeholder="you@example.com, colleague@example.com" {...form.register('to')} />
        </Field>
        {campaign.variants.length > 1 && (
          <Field label="Variant">
            <select value={variantId} onChange={(e) => setVariantId(e.target.value)} className="h-9 w-40 rounded-md border border-input bg-card px-2 text-sm">
              {campaign.variants.map((v) => (
                <option key={v.id} value={v.id}>
                  Variant {v.key}
                </option>
              ))}
            </select>
          </Field>
        )}
        <FormError>{problem}</FormError>
        <div>
          <Button type="submit" variant="outline" loading={testSend.isPending}>
            {!testSend.isPending && <Send aria-hidden="true" />} Send test
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}
