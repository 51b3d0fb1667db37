// Create, edit or (for non-admins) view a warm-up plan: its name, the day → cap grid with the
// curve generator, and the plan drawn as a line with the same numbers in words.
import { lazy, Suspense } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { WarmupPlan, WarmupPlanInput } from '@shared/contracts/email';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { DailyCapsEditor } from './daily-caps-editor';
import { useSaveWarmupPlan } from './email-settings-api';
import { describeWarmupPlan, generateWarmupCaps, DEFAULT_WARMUP_CURVE } from './warmup-curve';
import { warmupPlanFormSchema } from './warmup-plan-form';

const WarmupChart = lazy(() => import('./warmup-chart'));

const valuesOf = (plan: WarmupPlan | null): WarmupPlanInput =>
  plan ? { name: plan.name, dailyCaps: [...plan.dailyCaps] } : { name: '', dailyCaps: generateWarmupCaps(DEFAULT_WARMUP_CURVE) };

export interface WarmupPlanDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The plan to edit or view; null to create one. */
  plan: WarmupPlan | null;
  readOnly?: boolean;
}

export function WarmupPlanDialog({ open, onOpenChange, plan, readOnly = false }: WarmupPlanDialogProps) {
  const save = useSaveWarmupPlan();
  const form = useForm<WarmupPlanInput>({ resolver: zodResolver(warmupPlanFormSchema), defaultValues: valuesOf(plan), mode: 'onTouched' });
  const { errors } = form.formState;
  const caps = form.watch('dailyCaps');
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => valuesOf(plan),
    send: async (input) => {
      const saved = await save.mutateAsync({ id: plan?.id ?? null, input });
      toast.success(`Warm-up plan “${saved.name}” saved.`);
    },
  });

  const capErrors = Array.isArray(errors.dailyCaps) ? errors.dailyCaps : [];
  const dayErrors = Object.fromEntries(capErrors.map((e, i) => [i, e?.message]).filter(([, m]) => m));
  // A problem with the list as a whole (none, too many days, or the API's `dailyCaps` error).
  const capsError = errors.dailyCaps as { message?: string; root?: { message?: string } } | undefined;
  const listError = capsError?.message ?? capsError?.root?.message;
  const dayProblems = Object.entries(dayErrors).map(([day, message]) => `Day ${Number(day) + 1} ${message}`);
  const title = readOnly ? `Warm-up plan “${plan?.name ?? ''}”` : plan ? `Edit “${plan.name}”` : 'New warm-up plan';

  return (
    <FormDialog
      {...dialog}
      size="xl"
      title={title}
      description="The most messages a new sending identity may send on each day of its warm-up. After the last day there is no cap. The sending engine holds back whatever is over the day’s cap until the next day."
      className="grid gap-5"
      submitLabel={plan ? 'Save plan' : 'Create plan'}
      readOnly={readOnly}
    >
      <fieldset disabled={readOnly} className="grid gap-5">
        <Field label="Name" required error={errors.name?.message}>
          <Input autoFocus={!readOnly} autoComplete="off" {...form.register('name')} />
        </Field>
        <figure className="grid gap-2 rounded-lg border border-border p-3">
          <Suspense fallback={<Skeleton className="h-40" />}>
            <WarmupChart caps={caps} />
          </Suspense>
          <figcaption className="text-sm text-muted-foreground" data-testid="warmup-summary">
            {describeWarmupPlan(caps.filter(Number.isFinite))}
          </figcaption>
        </figure>
        <div className="grid gap-2">
          <p className="text-sm font-medium">
            Daily caps{!readOnly && <span className="ml-0.5 text-danger-text" aria-hidden="true">*</span>}
          </p>
          <Controller
            control={form.control}
            name="dailyCaps"
            render={({ field }) => <DailyCapsEditor value={field.value} onChange={field.onChange} dayErrors={dayErrors} disabled={readOnly} />}
          />
          {(listError || dayProblems.length > 0) && (
            <p role="alert" className="text-xs font-medium text-danger-text">
              {[listError, ...dayProblems].filter(Boolean).join('; ')}
            </p>
          )}
        </div>
      </fieldset>
    </FormDialog>
  );
}
