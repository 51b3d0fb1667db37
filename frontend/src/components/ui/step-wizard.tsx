// StepWizard: a multi-step flow (imports, campaign setup) with a step list, Back/Next and a
// per-step check that can block moving on.
import { useState, type ReactNode } from 'react';
import { Check } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Button } from './button';

export interface WizardStep {
  id: string;
  title: string;
  description?: string;
  content: ReactNode;
  /** Returns false (or a promise of false) to stay on this step. */
  validate?: () => boolean | Promise<boolean>;
}

export interface StepWizardProps {
  steps: WizardStep[];
  onFinish: () => void | Promise<void>;
  finishLabel?: string;
  onCancel?: () => void;
  initialStep?: number;
  className?: string;
}

export function StepWizard({ steps, onFinish, finishLabel = 'Finish', onCancel, initialStep = 0, className }: StepWizardProps) {
  const [current, setCurrent] = useState(initialStep);
  const [busy, setBusy] = useState(false);
  const step = steps[current];
  if (!step) return null;
  const last = current === steps.length - 1;

  async function next() {
    if (!step) return;
    setBusy(true);
    try {
      if (step.validate && !(await step.validate())) return;
      if (last) await onFinish();
      else setCurrent((c) => c + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={cn('grid gap-6', className)}>
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-3" aria-label="Steps">
        {steps.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'upcoming';
          return (
            <li key={s.id} className="flex items-center gap-2" aria-current={state === 'current' ? 'step' : undefined}>
              <span
                className={cn(
                  'grid size-7 shrink-0 place-items-center rounded-full border text-xs font-semibold transition-colors',
                  state === 'done' && 'border-primary bg-primary text-primary-foreground',
                  state === 'current' && 'border-primary bg-primary-subtle text-primary-subtle-foreground',
                  state === 'upcoming' && 'border-border bg-card text-muted-foreground',
                )}
              >
                {state === 'done' ? <Check className="size-3.5" strokeWidth={3} aria-label="Done" /> : i + 1}
              </span>
              <span className={cn('text-sm', state === 'current' ? 'font-semibold text-foreground' : 'text-muted-foreground')}>{s.title}</span>
              {i < steps.length - 1 && <span className="mx-1 h-px w-8 bg-border" aria-hidden="true" />}
            </li>
          );
        })}
      </ol>
      <section aria-label={step.title} className="fade-in" key={step.id}>
        {step.description && <p className="mb-4 text-sm text-muted-foreground">{step.description}</p>}
        {step.content}
      </section>
      <div className="flex items-center justify-between gap-2 border-t border-border pt-4">
        <div>
          {onCancel && (
            <Button variant="ghost" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
        </div>
        <div className="flex items-center gap-2">
          <span className="mr-2 text-xs text-muted-foreground">
            Step {current + 1} of {steps.length}
          </span>
          <Button variant="outline" onClick={() => setCurrent((c) => c - 1)} disabled={current === 0 || busy}>
            Back
          </Button>
          <Button onClick={() => void next()} loading={busy}>
            {last ? finishLabel : 'Next'}
          </Button>
        </div>
      </div>
    </div>
  );
}
