// Wrap-up of the call on the console: the qualification form, the disposition (buttons with
// the campaign's one-key shortcuts), notes, a callback time for callback dispositions (on the
// contact's wall clock), and the after-call-work clock. Enter saves (⌘/Ctrl+Enter from a text
// field), Esc clears the chosen disposition. The answers are checked here with the API's own
// rules (shared/telephony-form.ts) before they are sent.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { CalendarClock, Timer } from 'lucide-react';
import { checkAnswers } from '@shared/telephony-form';
import { DISPOSITION_CLASS_LABELS, type Call, type CallCampaign, type Disposition, type DispositionClass, type FormAnswers } from '@shared/contracts/telephony';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Kbd } from '@/components/ui/kbd';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { errorsByField } from '@/components/form/apply-api-errors';
import { FormError } from '@/components/form/form-error';
import { describeError } from '@/lib/api';
import { useHotkeys } from '@/lib/hotkeys';
import { cn } from '@/lib/utils';
import { browserZone, defaultCallbackWallClock, isTimeZone, wallClockToIso } from './callback-time';
import { QualificationForm } from './qualification-form';
import { formatClock } from './softphone-state';
import { useWrapUp } from './telephony-api';
import { secondsSince, useNow } from './use-now';

export const CLASS_BADGES: Record<DispositionClass, BadgeVariant> = {
  positive: 'success',
  negative: 'danger',
  neutral: 'neutral',
  callback: 'info',
  do_not_call: 'danger',
  wrong_number: 'warning',
};

const CLASS_BUTTONS: Record<DispositionClass, string> = {
  positive: 'aria-pressed:border-success aria-pressed:bg-success-subtle aria-pressed:text-success-text',
  negative: 'aria-pressed:border-danger aria-pressed:bg-danger-subtle aria-pressed:text-danger-text',
  neutral: 'aria-pressed:border-neutral aria-pressed:bg-neutral-subtle aria-pressed:text-neutral-text',
  callback: 'aria-pressed:border-info aria-pressed:bg-info-subtle aria-pressed:text-info-text',
  do_not_call: 'aria-pressed:border-danger aria-pressed:bg-danger-subtle aria-pressed:text-danger-text',
  wrong_number: 'aria-pressed:border-warning aria-pressed:bg-warning-subtle aria-pressed:text-warning-text',
};

export interface WrapUpPanelProps {
  call: Call;
  campaign: CallCampaign;
  /** The contact's IANA zone when known: callbacks are set on their wall clock. */
  contactZone: string | null;
  /** Since when the agent is in after-call work (null while the call goes on). */
  afterCallSince: string | null;
  /** The call is still connected: saving hangs it up first. */
  live: boolean;
  onHangup(): Promise<void> | void;
}

/** Interactive elements where Enter already means something. */
const OWNS_ENTER = 'button, a[href], input, select, textarea, [role="button"], [role="menuitem"], [role="option"], [role="radio"], [role="checkbox"], [contenteditable="true"]';

export function WrapUpPanel({ call, campaign, contactZone, afterCallSince, live, onHangup }: WrapUpPanelProps) {
  const dispositions = useMemo(() => [...campaign.dispositions].sort((a, b) => a.position - b.position), [campaign.dispositions]);
  const [dispositionId, setDispositionId] = useState<string | null>(call.dispositionId);
  const [answers, setAnswers] = useState<FormAnswers>(call.answers ?? {});
  const [notes, setNotes] = useState(call.notes ?? '');
  const zone = isTimeZone(contactZone) ? contactZone : browserZone();
  const [callbackAt, setCallbackAt] = useState(() => defaultCallbackWallClock(Date.now(), zone));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const wrapUp = useWrapUp();
  const formRef = useRef<HTMLFormElement>(null);
  const now = useNow(1_000, afterCallSince !== null);
  const chosen: Disposition | undefined = dispositions.find((d) => d.id === dispositionId);
  const needsCallback = chosen?.outcomeClass === 'callback';

  const choose = (d: Disposition) => {
    setDispositionId(d.id);
    setErrors(({ disposition: _, ...rest }) => rest);
  };

  useHotkeys(
    dispositions.filter((d) => d.shortcut).map((d) => ({ combo: d.shortcut!, handler: () => choose(d) })),
    !wrapUp.isPending,
  );

  // Enter anywhere but on a control saves, and ⌘/Ctrl+Enter from this form's text fields (not
  // from the timeline's note composer, where it adds the note); Esc clears the disposition
  // unless a menu or dialog is open.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      if (event.key === 'Enter' && (event.metaKey || event.ctrlKey) && target && formRef.current?.contains(target)) {
        event.preventDefault();
        formRef.current.requestSubmit();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target?.closest?.('[role="dialog"], [role="menu"], [data-radix-popper-content-wrapper]')) return;
      if (event.key === 'Enter' && !target?.closest?.(OWNS_ENTER)) {
        event.preventDefault();
        formRef.current?.requestSubmit();
      } else if (event.key === 'Escape' && !target?.closest?.('input, textarea, select')) {
        setDispositionId(null);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (wrapUp.isPending) return;
    const found: Record<string, string> = {};
    if (!chosen) found.disposition = 'Choose a disposition.';
    for (const problem of checkAnswers(campaign.form, answers)) found[problem.field] = `This ${problem.message}.`;
    const callbackIso = needsCallback ? wallClockToIso(callbackAt, zone) : null;
    if (needsCallback && (!callbackIso || Date.parse(callbackIso) <= Date.now())) found.callbackAt = 'Choose a time in the future.';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || !chosen) return;
    try {
      if (live) await onHangup();
      await wrapUp.mutateAsync({
        callId: call.id,
        wrapUp: { dispositionId: chosen.id, notes: notes.trim() || null, answers, callbackAt: callbackIso },
      });
      toast.success(`Saved: ${chosen.label}.`);
    } catch (error) {
      const byField = errorsByField(error);
      const mapped = Object.fromEntries(Object.entries(byField).map(([key, message]) => [key.replace(/^answers\./, ''), message]));
      const { form, ...fields } = mapped;
      setErrors(fields);
      setFormError(form ?? (Object.keys(fields).length ? null : describeError(error)));
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Wrap-up" className="grid gap-4">
      {afterCallSince && (
        <p className="flex items-center gap-2 rounded-md bg-warning-subtle px-3 py-1.5 text-sm text-warning-text" role="timer" aria-label="After-call work">
          <Timer className="size-4" aria-hidden="true" />
          After-call work
          <span className="ml-auto font-mono font-semibold tabular">{formatClock(secondsSince(afterCallSince, now))}</span>
        </p>
      )}
      {campaign.form.length > 0 && (
        <section aria-label="Qualification form" className="grid gap-2">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Qualification</h3>
          <QualificationForm fields={campaign.form} value={answers} onChange={setAnswers} errors={errors} disabled={wrapUp.isPending} />
        </section>
      )}
      <fieldset className="grid gap-2" aria-describedby={errors.disposition ? 'disposition-error' : undefined}>
        <legend className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Disposition</legend>
        <div className="grid grid-cols-2 gap-1.5">
          {dispositions.map((d) => (
            <button
              key={d.id}
              type="button"
              aria-pressed={d.id === dispositionId}
              aria-keyshortcuts={d.shortcut ?? undefined}
              onClick={() => choose(d)}
              disabled={wrapUp.isPending}
              title={`${d.label} · ${DISPOSITION_CLASS_LABELS[d.outcomeClass]}${d.shortcut ? ` (key ${d.shortcut.toUpperCase()})` : ''}`}
              className={cn(
                // The left edge carries the outcome's colour, so the label keeps the width.
                'flex h-9 items-center gap-2 rounded-md border border-l-4 border-input bg-card pl-2 pr-2 text-left text-[13px] font-medium shadow-xs transition-colors hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:opacity-50',
                EDGE[d.outcomeClass],
                CLASS_BUTTONS[d.outcomeClass],
              )}
            >
              {d.shortcut && <Kbd aria-hidden="true">{d.shortcut.toUpperCase()}</Kbd>}
              <span className="min-w-0 flex-1 truncate">{d.label}</span>
            </button>
          ))}
        </div>
        {errors.disposition && (
          <p id="disposition-error" className="text-xs font-medium text-danger-text" role="alert">
            {errors.disposition}
          </p>
        )}
        {chosen && (
          <p className="text-xs text-muted-foreground">
            <Badge variant={CLASS_BADGES[chosen.outcomeClass]}>{DISPOSITION_CLASS_LABELS[chosen.outcomeClass]}</Badge>
            {chosen.outcomeClass === 'do_not_call' && ' The number is suppressed as soon as you save.'}
            {chosen.outcomeClass === 'callback' && ' A callback task is made for you at the time below.'}
          </p>
        )}
      </fieldset>
      {needsCallback && (
        <Field
          label="Call back at"
          required
          error={errors.callbackAt}
          hint={
            <span className="inline-flex items-center gap-1">
              <CalendarClock className="size-3" aria-hidden="true" />
              {isTimeZone(contactZone) ? `The contact's local time (${zone}).` : `Your local time (${zone}): the contact's time zone is not known.`}
            </span>
          }
        >
          <Input type="datetime-local" className="dark:[color-scheme:dark]" value={callbackAt} onChange={(e) => setCallbackAt(e.target.value)} step={300} />
        </Field>
      )}
      <Field label="Notes" error={errors.notes}>
        <Textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={20_000} placeholder="What was said, what was agreed…" />
      </Field>
      <FormError>{formError}</FormError>
      <div className="flex items-center gap-2">
        <Button type="submit" loading={wrapUp.isPending} className="flex-1">
          {live ? 'Hang up and save' : 'Save wrap-up'}
          <Kbd className="border-primary-foreground/30 bg-transparent text-primary-foreground/80" aria-hidden="true">
            ↵
          </Kbd>
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        Keys: a disposition's key chooses it, <Kbd>↵</Kbd> saves (<Kbd>Ctrl</Kbd>+<Kbd>↵</Kbd> from a text field), <Kbd>Esc</Kbd> clears the choice.
      </p>
    </form>
  );
}

const EDGE: Record<DispositionClass, string> = {
  positive: 'border-l-success',
  negative: 'border-l-danger',
  neutral: 'border-l-neutral',
  callback: 'border-l-info',
  do_not_call: 'border-l-danger',
  wrong_number: 'border-l-warning',
};
