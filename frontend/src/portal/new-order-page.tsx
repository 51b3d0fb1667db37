// The new-order wizard at /portal/orders/new: basics (name, channel, volume, price, window, pace),
// who (criteria), which accounts (a target-account list pasted or uploaded, and the client's own
// suppression list), custom questions, delivery and returns, then a review. Each step is checked
// against the API's own schema before moving on; a refusal from the API lands on the field it
// names, on its step. Once placed, the order's page opens on its match preview.
import { useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { Plus, Trash2 } from 'lucide-react';
import {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  ORDER_CHANNELS,
  ORDER_CHANNEL_LABELS,
  ORDER_TARGETS_MAX,
  type OrderCriteria,
} from '@shared/contracts/portal';
import { EMPLOYEE_RANGES, JOB_FUNCTION_SUGGESTIONS, REVENUE_RANGES, SENIORITY_VALUES } from '@shared/template';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { FormError } from '@/components/form/form-error';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { StepWizard, type WizardStep } from '@/components/ui/step-wizard';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { TagInput } from '@/features/leads/settings/tag-input';
import { ApiError, describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { formatCount } from './order-badges';
import { draftErrors, draftField, draftToBody, emptyDraft, pastedDomainList, stepOf, WIZARD_STEPS, type OrderDraft, type WizardStepId } from './order-draft';
import { addSuppressions, useCreateOrder } from './portal-api';

const CHANNEL_OPTIONS = labelledOptions(ORDER_CHANNELS, ORDER_CHANNEL_LABELS);
const DELIVERY_OPTIONS = labelledOptions(DELIVERY_METHODS, DELIVERY_METHOD_LABELS);
const PACE_OPTIONS = [
  { value: 'even', label: 'Even: the same every day' },
  { value: 'front_loaded', label: 'Front-loaded: more early on' },
  { value: 'weekly_cap', label: 'Weekly cap: at most N a week' },
] as const;
const CSV_ACCEPT = '.csv,.txt,text/csv,text/plain';
const MAX_FILE_BYTES = 5_000_000;

const today = () => new Date().toISOString().slice(0, 10);

/** A set of fixed choices as toggle buttons (sizes, revenues, seniorities, functions). */
function ChoiceChips({ label, choices, value, onChange, error }: { label: string; choices: readonly string[]; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={label}>
        {choices.map((choice) => {
          const on = value.includes(choice);
          return (
            <button
              key={choice}
              type="button"
              aria-pressed={on}
              onClick={() => onChange(on ? value.filter((v) => v !== choice) : [...value, choice])}
              className={cn(
                'h-7 rounded-full border px-2.5 text-[13px] transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                on ? 'border-primary bg-primary-subtle text-primary-subtle-foreground' : 'border-input bg-card text-foreground hover:bg-muted',
              )}
            >
              {choice}
            </button>
          );
        })}
      </div>
      {error && <p className="text-xs text-danger-text">{error}</p>}
    </fieldset>
  );
}

/** Puts the cursor in a refused field: the element marked with it, or the first control inside it. */
function focusField(field: string | undefined) {
  const marked = field ? document.querySelector<HTMLElement>(`[data-field="${field}"]`) : null;
  const control = marked?.matches('input, textarea, button') ? marked : marked?.querySelector<HTMLElement>('input, textarea, button');
  control?.focus();
}

async function readCsv(file: File | undefined): Promise<{ name: string; csv: string } | null> {
  if (!file) return null;
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 5 MB.`);
  return { name: file.name, csv: await file.text() };
}

function ReviewRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

export default function NewOrderPage() {
  const [, navigate] = useLocation();
  const [draft, setDraft] = useState<OrderDraft>(() => emptyDraft(today()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** Bumped to send the wizard back to the step of a field the API refused. */
  const [restart, setRestart] = useState<{ key: number; step: number }>({ key: 0, step: 0 });
  const createOrder = useCreateOrder();

  const set = <K extends keyof OrderDraft>(key: K, value: OrderDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setCriteria = <K extends keyof OrderCriteria>(key: K, value: OrderCriteria[K]) => setDraft((d) => ({ ...d, criteria: { ...d.criteria, [key]: value } }));

  const check = (step: WizardStepId) => () => {
    const found = draftErrors(draft, step);
    setErrors((prev) => ({ ...Object.fromEntries(Object.entries(prev).filter(([f]) => stepOf(f) !== step)), ...found }));
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      requestAnimationFrame(() => focusField(first));
    }
    return Object.keys(found).length === 0;
  };

  async function pickFile(kind: 'targetsFile' | 'suppressionFile', file: File | undefined) {
    try {
      const read = await readCsv(file);
      set(kind, read);
      if (kind === 'targetsFile' && read) set('targetsMode', 'file');
      setErrors((e) => ({ ...e, [kind === 'targetsFile' ? 'targets' : 'suppressions']: '' }));
    } catch (error) {
      setErrors((e) => ({ ...e, [kind === 'targetsFile' ? 'targets' : 'suppressions']: describeError(error) }));
    }
  }

  async function submit() {
    setFormError(null);
    const all = draftErrors(draft);
    if (Object.keys(all).length > 0) {
      setErrors(all);
      setRestart((r) => ({ key: r.key + 1, step: WIZARD_STEPS.indexOf(stepOf(Object.keys(all)[0]!)) }));
      return;
    }
    try {
      const order = await createOrder.mutateAsync(draftToBody(draft));
      if (draft.suppressionFile) {
        try {
          const added = await addSuppressions({ csv: draft.suppressionFile.csv, orderId: order.id });
          toast.success(`${formatCount(added.added)} suppression entries added`);
        } catch (error) {
          toast.error('The order was placed, but the suppression list was refused', { description: describeError(error) });
        }
      }
      const kept = order.targetsResult;
      toast.success(`${order.reference} placed`, {
        description: kept
          ? `${formatCount(kept.kept)} target domains kept${kept.duplicates ? `, ${formatCount(kept.duplicates)} duplicates` : ''}${kept.invalid.length ? `, ${formatCount(kept.invalid.length)} lines not domains` : ''}. Here is how much of the list we can reach.`
          : 'We review it shortly.',
      });
      navigate(`/portal/orders/${order.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
        const placed: Record<string, string> = {};
        for (const [path, messages] of Object.entries(error.fieldErrors)) placed[draftField(path)] = messages.join(' ');
        setErrors(placed);
        setRestart((r) => ({ key: r.key + 1, step: WIZARD_STEPS.indexOf(stepOf(Object.keys(placed)[0]!)) }));
        setFormError('The order was not placed: see the marked fields.');
      } else {
        setFormError(describeError(error));
      }
    }
  }

  const e = (field: string) => errors[field] || undefined;
  const domainCount = pastedDomainList(draft.pastedDomains).length;
  const body = draftToBody(draft);

  const steps: WizardStep[] = [
    {
      id: 'basics',
      title: 'Basics',
      validate: check('basics'),
      content: (
        <div className="grid max-w-3xl gap-4 md:grid-cols-2">
          <Field label="Order name" required error={e('name')} className="md:col-span-2">
            <Input data-field="name" value={draft.name} onChange={(ev) => set('name', ev.target.value)} placeholder="Q1 IT decision makers, DACH" maxLength={200} autoFocus />
          </Field>
          <div data-field="channel">
            <Field label="Channel" required error={e('channel')}>
              {(control) => <OptionSelect {...control} value={draft.channel} onValueChange={(v) => set('channel', v)} options={CHANNEL_OPTIONS} />}
            </Field>
          </div>
          <Field label="Leads" required error={e('volume')} hint="How many leads you are ordering.">
            <Input data-field="volume" inputMode="numeric" value={draft.volume} onChange={(ev) => set('volume', ev.target.value)} placeholder="500" />
          </Field>
          <Field label={`Cost per lead (${draft.currency})`} required error={e('costPerLead')}>
            <Input data-field="costPerLead" inputMode="decimal" value={draft.costPerLead} onChange={(ev) => set('costPerLead', ev.target.value)} placeholder="45.00" />
          </Field>
          <div />
          <Field label="Start" required error={e('startsOn')}>
            <Input data-field="startsOn" type="date" value={draft.startsOn} onChange={(ev) => set('startsOn', ev.target.value)} />
          </Field>
          <Field label="End" required error={e('endsOn')}>
            <Input data-field="endsOn" type="date" value={draft.endsOn} min={draft.startsOn} onChange={(ev) => set('endsOn', ev.target.value)} />
          </Field>
          <div data-field="paceKind">
            <Field label="Delivery pace" error={e('paceKind')}>
              {(control) => <OptionSelect {...control} value={draft.paceKind} onValueChange={(v) => set('paceKind', v)} options={PACE_OPTIONS} />}
            </Field>
          </div>
          {draft.paceKind === 'weekly_cap' && (
            <Field label="Leads a week at most" required error={e('weeklyCap')}>
              <Input data-field="weeklyCap" inputMode="numeric" value={draft.weeklyCap} onChange={(ev) => set('weeklyCap', ev.target.value)} placeholder="100" />
            </Field>
          )}
        </div>
      ),
    },
    {
      id: 'criteria',
      title: 'Who',
      description: 'Who you want to reach. Leave a list empty to accept anyone.',
      validate: check('criteria'),
      content: (
        <div className="grid max-w-3xl gap-4">
          <div data-field="criteria.countries">
            <Field label="Countries" hint="Two-letter codes, such as US or DE." error={e('criteria.countries')}>
              {(control) => (
                <TagInput
                  {...control}
                  value={draft.criteria.countries}
                  onChange={(v) => setCriteria('countries', v)}
                  itemNames={['country', 'countries']}
                  placeholder="US, GB, DE…"
                  normalize={(t) => (/^[a-z]{2}$/i.test(t) ? t.toUpperCase() : null)}
                  refusedHint="two letters, such as US"
                />
              )}
            </Field>
          </div>
          <div data-field="criteria.industries">
            <Field label="Industries" error={e('criteria.industries')}>
              {(control) => <TagInput {...control} value={draft.criteria.industries} onChange={(v) => setCriteria('industries', v)} itemNames={['industry', 'industries']} placeholder="Software, Banking…" />}
            </Field>
          </div>
          <div data-field="criteria.titles">
            <Field label="Job titles" hint="Matched as words in the contact's title." error={e('criteria.titles')}>
              {(control) => <TagInput {...control} value={draft.criteria.titles} onChange={(v) => setCriteria('titles', v)} itemNames={['title', 'titles']} placeholder="CIO, Head of IT…" />}
            </Field>
          </div>
          <ChoiceChips label="Company sizes (employees)" choices={EMPLOYEE_RANGES} value={draft.criteria.sizes} onChange={(v) => setCriteria('sizes', v)} error={e('criteria.sizes')} />
          <ChoiceChips label="Revenues" choices={REVENUE_RANGES} value={draft.criteria.revenues} onChange={(v) => setCriteria('revenues', v)} error={e('criteria.revenues')} />
          <ChoiceChips label="Seniorities" choices={SENIORITY_VALUES} value={draft.criteria.seniorities} onChange={(v) => setCriteria('seniorities', v)} error={e('criteria.seniorities')} />
          <ChoiceChips label="Functions" choices={JOB_FUNCTION_SUGGESTIONS} value={draft.criteria.functions} onChange={(v) => setCriteria('functions', v)} error={e('criteria.functions')} />
        </div>
      ),
    },
    {
      id: 'targets',
      title: 'Accounts',
      description: `Your target accounts (up to ${formatCount(ORDER_TARGETS_MAX)} domains): paste them or upload a CSV with a domain or website column. The order page shows at once how many we can reach.`,
      validate: check('targets'),
      content: (
        <div className="grid max-w-3xl gap-5">
          <div className="grid gap-2" data-field="targets">
            <div className="flex flex-wrap items-center gap-2">
              <FileButton label={draft.targetsFile ? 'Replace the CSV' : 'Upload a CSV'} accept={CSV_ACCEPT} onFile={(f) => void pickFile('targetsFile', f)} />
              {draft.targetsFile && (
                <span className="flex items-center gap-2 text-sm">
                  <span className="font-mono">{draft.targetsFile.name}</span>
                  <Button variant="ghost" size="sm" onClick={() => setDraft((d) => ({ ...d, targetsFile: null, targetsMode: 'paste' }))}>
                    Remove
                  </Button>
                </span>
              )}
            </div>
            {draft.targetsMode === 'paste' && (
              <Field label="Or paste domains" hint={`One a line. ${formatCount(domainCount)} so far.`} error={e('targets')}>
                <Textarea
                  value={draft.pastedDomains}
                  onChange={(ev) => set('pastedDomains', ev.target.value)}
                  rows={8}
                  className="font-mono text-xs"
                  placeholder={'acme.com\nglobex.io\ninitech.de'}
                  spellCheck={false}
                />
              </Field>
            )}
            {draft.targetsMode === 'file' && e('targets') && <p className="text-xs text-danger-text">{e('targets')}</p>}
          </div>
          <Card className="grid gap-2 p-4">
            <h3 className="text-sm font-semibold">Your suppression list (optional)</h3>
            <p className="text-sm text-muted-foreground">Emails, domains or phone numbers you never want delivered: a CSV with email, domain or phone columns. It applies to your organisation's orders only.</p>
            <div className="flex flex-wrap items-center gap-2">
              <FileButton label={draft.suppressionFile ? 'Replace the suppression CSV' : 'Upload a suppression CSV'} accept={CSV_ACCEPT} onFile={(f) => void pickFile('suppressionFile', f)} />
              {draft.suppressionFile && (
                <span className="flex items-center gap-2 text-sm">
                  <span className="font-mono">{draft.suppressionFile.name}</span>
                  <Button variant="ghost" size="sm" onClick={() => set('suppressionFile', null)}>
                    Remove
                  </Button>
                </span>
              )}
            </div>
            {e('suppressions') && <p className="text-xs text-danger-text">{e('suppressions')}</p>}
          </Card>
        </div>
      ),
    },
    {
      id: 'questions',
      title: 'Questions',
      description: 'Questions each lead must answer (asked on the call or in the form), up to 20.',
      validate: check('questions'),
      content: (
        <div className="grid max-w-3xl gap-3" data-field="questions">
          {draft.questions.length === 0 && <p className="text-sm text-muted-foreground">No custom questions.</p>}
          {draft.questions.map((q, i) => (
            <div key={q.key} className="grid items-end gap-2 rounded-lg border border-border p-3 md:grid-cols-[10rem_1fr_auto_auto]">
              <Field label={`Question ${i + 1} id`} error={e(`questions.${i}`)}>
                <Input
                  value={q.id}
                  onChange={(ev) => set('questions', draft.questions.map((x) => (x.key === q.key ? { ...x, id: ev.target.value } : x)))}
                  className="font-mono"
                  placeholder="budget"
                />
              </Field>
              <Field label={`Question ${i + 1}`}>
                <Input value={q.text} onChange={(ev) => set('questions', draft.questions.map((x) => (x.key === q.key ? { ...x, text: ev.target.value } : x)))} placeholder="Is there budget this year?" />
              </Field>
              <label className="flex h-9 items-center gap-2 text-sm">
                <Checkbox checked={q.required} onCheckedChange={(v) => set('questions', draft.questions.map((x) => (x.key === q.key ? { ...x, required: v === true } : x)))} />
                Required
              </label>
              <Button variant="ghost" size="icon" aria-label={`Remove question ${i + 1}`} onClick={() => set('questions', draft.questions.filter((x) => x.key !== q.key))}>
                <Trash2 aria-hidden="true" />
              </Button>
            </div>
          ))}
          {draft.questions.length < 20 && (
            <div>
              <Button
                variant="outline"
                size="sm"
                onClick={() => set('questions', [...draft.questions, { key: Date.now(), id: `q${draft.questions.length + 1}`, text: '', required: true }])}
              >
                <Plus aria-hidden="true" />
                Add a question
              </Button>
            </div>
          )}
        </div>
      ),
    },
    {
      id: 'delivery',
      title: 'Delivery',
      validate: check('delivery'),
      content: (
        <div className="grid max-w-3xl gap-4 md:grid-cols-2">
          <div data-field="deliveryMethod">
            <Field label="Delivery method" error={e('deliveryMethod')}>
              {(control) => <OptionSelect {...control} value={draft.deliveryMethod} onValueChange={(v) => set('deliveryMethod', v)} options={DELIVERY_OPTIONS} />}
            </Field>
          </div>
          <Field label="Return window (days)" hint="How long after delivery you may return a lead (0–90)." error={e('returnWindowDays')}>
            <Input data-field="returnWindowDays" inputMode="numeric" value={draft.returnWindowDays} onChange={(ev) => set('returnWindowDays', ev.target.value)} />
          </Field>
          <Field label="Notes for our team" error={e('notes')} className="md:col-span-2">
            <Textarea data-field="notes" value={draft.notes} onChange={(ev) => set('notes', ev.target.value)} rows={3} maxLength={4000} />
          </Field>
        </div>
      ),
    },
    {
      id: 'review',
      title: 'Review',
      description: 'Check the order, then place it. We review it before work starts.',
      content: (
        <div className="grid max-w-3xl gap-3">
          <dl className="divide-y divide-border rounded-lg border border-border px-4 py-2" aria-label="Order review">
            <ReviewRow label="Name">{body.name || '—'}</ReviewRow>
            <ReviewRow label="Channel">{ORDER_CHANNEL_LABELS[body.channel]}</ReviewRow>
            <ReviewRow label="Leads">{Number.isFinite(body.volume) ? formatCount(body.volume) : '—'}</ReviewRow>
            <ReviewRow label="Cost per lead">{draft.costPerLead ? `${draft.costPerLead} ${draft.currency}` : '—'}</ReviewRow>
            <ReviewRow label="Window">
              {body.startsOn} – {body.endsOn || '—'}
            </ReviewRow>
            <ReviewRow label="Pace">{PACE_OPTIONS.find((p) => p.value === draft.paceKind)?.label}</ReviewRow>
            <ReviewRow label="Criteria">
              {Object.entries(draft.criteria)
                .filter(([, v]) => v.length > 0)
                .map(([k, v]) => `${k}: ${v.join(', ')}`)
                .join(' · ') || 'Anyone at the target accounts'}
            </ReviewRow>
            <ReviewRow label="Target accounts">
              {draft.targetsMode === 'file' && draft.targetsFile ? `From ${draft.targetsFile.name}` : domainCount > 0 ? `${formatCount(domainCount)} domains pasted` : 'None'}
            </ReviewRow>
            <ReviewRow label="Suppression list">{draft.suppressionFile ? draft.suppressionFile.name : 'None'}</ReviewRow>
            <ReviewRow label="Questions">{draft.questions.length === 0 ? 'None' : draft.questions.map((q) => q.text || q.id).join(' · ')}</ReviewRow>
            <ReviewRow label="Delivery">{DELIVERY_METHOD_LABELS[draft.deliveryMethod]}</ReviewRow>
            <ReviewRow label="Return window">{draft.returnWindowDays} days</ReviewRow>
          </dl>
          <FormError>{formError}</FormError>
        </div>
      ),
    },
  ];

  return (
    <div data-testid="new-order">
      <HeaderActionBar eyebrow={<BackLink href="/portal">Orders</BackLink>} title="New order" description="Tell us who you want and which accounts; you see at once how many we can reach." />
      <Card className="p-5">
        <StepWizard key={restart.key} initialStep={restart.step} steps={steps} onFinish={submit} finishLabel="Place order" onCancel={() => navigate('/portal')} />
      </Card>
    </div>
  );
}
