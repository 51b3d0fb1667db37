// A dialer queue's settings: mode, max concurrent calls, the dial ratio (power mode only), answering-
// machine detection, priority, pacing, target occupancy, max attempts, ring time (15 s at least:
// the legal floor before a no-answer) and retry times per outcome. Checked with the API's own
// schema (dialerSettingsSchema) before it is sent; a refusal lands on the fields.
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { DIALER_MODES, PACING_STRATEGIES, PRIORITY_MODES, dialerSettingsSchema, type DialerQueue, type DialerSettings } from '@shared/contracts/telephony';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { FormSelect } from '@/components/form/form-select';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { useUpdateQueueSettings } from '../telephony-api';

type SettingsInput = z.input<typeof dialerSettingsSchema>;

export const DIALER_MODE_LABELS: Record<DialerSettings['mode'], string> = {
  preview: 'Preview: the agent dials',
  progressive: 'Progressive: one line per free agent',
  power: 'Power: several lines per free agent',
};
const PRIORITY_LABELS: Record<DialerSettings['priority'], string> = { fifo: 'Oldest first', newest: 'Newest first', priority: 'By priority' };
const PACING_LABELS: Record<DialerSettings['pacing'], string> = { fixed: 'Fixed ratio', adaptive: 'Adaptive (lowers at 2 % abandoned)' };

/** The contract's bounds said as the other forms say them ("must be at least 15"), not zod's defaults. */
function sayBounds(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'must be a number';
  return undefined;
}

export function DialerSettingsDialog({ queue, open, onOpenChange }: { queue: DialerQueue; open: boolean; onOpenChange(open: boolean): void }) {
  const update = useUpdateQueueSettings();
  const form = useForm<SettingsInput, unknown, DialerSettings>({ resolver: zodResolver(dialerSettingsSchema, { error: sayBounds }), defaultValues: queue.settings, mode: 'onTouched' });
  const { errors } = form.formState;
  const mode = form.watch('mode');
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => queue.settings,
    send: async (settings) => {
      await update.mutateAsync({ campaignId: queue.campaignId, settings });
      toast.success(`Dialer settings of ${queue.campaignName} saved.`);
    },
    apiErrors: { fields: ['mode', 'maxConcurrentCalls', 'dialRatio', 'amd', 'priority', 'pacing', 'targetOccupancy', 'maxAttempts', 'ringSeconds', 'retry'] },
  });
  const number = (name: Parameters<typeof form.register>[0]) => form.register(name, { valueAsNumber: true });

  return (
    <FormDialog {...dialog} size="lg" title={`Dialer settings · ${queue.campaignName}`} description="Changes apply from the dialer's next tick." submitLabel="Save settings">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Mode" error={errors.mode?.message} className="sm:col-span-2">
          {(control) => <FormSelect {...control} control={form.control} name="mode" options={DIALER_MODES.map((m) => ({ value: m, label: DIALER_MODE_LABELS[m] }))} />}
        </Field>
        <Field label="Max concurrent calls" error={errors.maxConcurrentCalls?.message} hint="1–500 lines at once for this campaign.">
          <Input type="number" min={1} max={500} step={1} {...number('maxConcurrentCalls')} />
        </Field>
        <Field label="Dial ratio" error={errors.dialRatio?.message} hint={mode === 'power' ? 'Lines per free agent, 1–5.' : 'Power mode only (progressive dials 1).'}>
          {/* Read-only rather than disabled outside power mode, so the saved ratio is kept and sent back unchanged. */}
          <Input type="number" min={1} max={5} step={0.1} readOnly={mode !== 'power'} className={mode !== 'power' ? 'opacity-60' : undefined} {...number('dialRatio')} />
        </Field>
        <Field label="Priority" error={errors.priority?.message}>
          {(control) => <FormSelect {...control} control={form.control} name="priority" options={PRIORITY_MODES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))} />}
        </Field>
        <Field label="Pacing" error={errors.pacing?.message}>
          {(control) => <FormSelect {...control} control={form.control} name="pacing" options={PACING_STRATEGIES.map((p) => ({ value: p, label: PACING_LABELS[p] }))} />}
        </Field>
        <Field label="Target occupancy" error={errors.targetOccupancy?.message} hint="Share of agents' time on calls, 0.5–1 (0.85 = 85 %).">
          <Input type="number" min={0.5} max={1} step={0.01} {...number('targetOccupancy')} />
        </Field>
        <Field label="Max attempts" error={errors.maxAttempts?.message} hint="Per contact, 1–20.">
          <Input type="number" min={1} max={20} step={1} {...number('maxAttempts')} />
        </Field>
        <Field label="Ring seconds" error={errors.ringSeconds?.message} hint="At least 15 s before a no-answer.">
          <Input type="number" min={15} max={60} step={1} {...number('ringSeconds')} />
        </Field>
        <div className="grid gap-3 self-start pt-1">
          <label className="flex items-center justify-between gap-3 text-sm font-medium">
            Answering-machine detection
            <Controller control={form.control} name="amd" render={({ field }) => <Switch checked={field.value ?? true} onCheckedChange={field.onChange} onBlur={field.onBlur} />} />
          </label>
          <label className="flex items-center justify-between gap-3 text-sm font-medium text-muted-foreground">
            Do-not-call check (always on)
            <Switch checked disabled />
          </label>
        </div>
        <fieldset className="grid gap-3 rounded-lg border border-border p-3 sm:col-span-2 sm:grid-cols-4">
          <legend className="px-1 text-sm font-medium">Retry after (minutes)</legend>
          <Field label="No answer" error={errors.retry?.noAnswerMinutes?.message}>
            <Input type="number" min={5} max={10080} {...number('retry.noAnswerMinutes')} />
          </Field>
          <Field label="Busy" error={errors.retry?.busyMinutes?.message}>
            <Input type="number" min={1} max={10080} {...number('retry.busyMinutes')} />
          </Field>
          <Field label="Machine" error={errors.retry?.machineMinutes?.message}>
            <Input type="number" min={5} max={10080} {...number('retry.machineMinutes')} />
          </Field>
          <Field label="Failed" error={errors.retry?.failedMinutes?.message}>
            <Input type="number" min={5} max={10080} {...number('retry.failedMinutes')} />
          </Field>
        </fieldset>
      </div>
    </FormDialog>
  );
}
