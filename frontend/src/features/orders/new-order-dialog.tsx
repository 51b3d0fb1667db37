// "New order" on a client's behalf: the fields the client's own wizard asks (channel, volume, price,
// window, pace, criteria, questions, delivery, return window, notes, the target-account list pasted
// or from a CSV) plus the organisation. Checked by the contract's schema before sending; the API's
// refusals land on the same fields. The new order opens once made.
import { useEffect, useState } from 'react';
import { DELIVERY_METHODS, DELIVERY_METHOD_LABELS, ORDER_CHANNELS, ORDER_CHANNEL_LABELS, type Order } from '@shared/contracts/portal';
import { FormDialog } from '@/components/form/form-dialog';
import { errorsByField } from '@/components/form/apply-api-errors';
import { Combobox } from '@/components/ui/combobox';
import { Field } from '@/components/ui/field';
import { FileButton } from '@/components/ui/file-button';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { TagInput } from '@/features/leads/settings/tag-input';
import { CRITERIA_KEYS, checkOrderForm, emptyOrderForm, formFieldOf, splitDomains, toStaffOrderCreate, type CriteriaKey, type OrderFormValues } from './order-form';
import { createOrder, useClientOrganisations, useOrderRefresh } from './orders-api';

const PACE_OPTIONS = [
  { value: 'even', label: 'Even (the same every day)' },
  { value: 'front_loaded', label: 'Front-loaded (more early on)' },
  { value: 'weekly_cap', label: 'Weekly cap' },
] as const;

const CRITERIA_LABELS: Record<CriteriaKey, { label: string; names: readonly [string, string]; placeholder: string }> = {
  countries: { label: 'Countries', names: ['country', 'countries'], placeholder: 'US, GB…' },
  industries: { label: 'Industries', names: ['industry', 'industries'], placeholder: 'Software…' },
  sizes: { label: 'Company sizes', names: ['size band', 'size bands'], placeholder: '51-200, 201-500…' },
  revenues: { label: 'Revenue', names: ['revenue band', 'revenue bands'], placeholder: '10M-50M…' },
  titles: { label: 'Job titles', names: ['title', 'titles'], placeholder: 'IT Director…' },
  seniorities: { label: 'Seniorities', names: ['seniority', 'seniorities'], placeholder: 'Director, VP…' },
  functions: { label: 'Functions', names: ['function', 'functions'], placeholder: 'IT…' },
};

const country = (text: string) => (/^[a-z]{2}$/i.test(text.trim()) ? text.trim().toUpperCase() : null);

export interface NewOrderDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (order: Order) => void;
}

export function NewOrderDialog({ open, onOpenChange, onCreated }: NewOrderDialogProps) {
  const clients = useClientOrganisations();
  const refresh = useOrderRefresh();
  const [values, setValues] = useState<OrderFormValues>(() => emptyOrderForm(new Date()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!open) return;
    setValues(emptyOrderForm(new Date()));
    setErrors({});
  }, [open]);

  const set = <K extends keyof OrderFormValues>(key: K, value: OrderFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _dropped, form: _form, ...rest }) => rest);
  };
  const setCriteria = (key: CriteriaKey, list: string[]) => {
    setValues((v) => ({ ...v, criteria: { ...v.criteria, [key]: list } }));
    setErrors(({ [`criteria.${key}`]: _dropped, ...rest }) => rest);
  };

  async function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    const problems = checkOrderForm(values);
    if (Object.keys(problems).length) {
      setErrors(problems);
      return;
    }
    setPending(true);
    try {
      const order = await createOrder(toStaffOrderCreate(values));
      toast.success(`${order.reference} made for ${order.orgName}.`);
      refresh();
      onOpenChange(false);
      onCreated(order);
    } catch (error) {
      // The API's paths (`body.costPerLeadCents`, `body.pace.weeklyCap`) onto the form's fields.
      const byPath = errorsByField(error);
      setErrors(Object.fromEntries(Object.entries(byPath).map(([path, message]) => [path === 'form' ? 'form' : formFieldOf(path.replace(/^body\./, '').split('.')), message])));
    } finally {
      setPending(false);
    }
  }

  const shown = new Set(['orgId', 'name', 'channel', 'volume', 'costPerLead', 'currency', 'startsOn', 'endsOn', 'paceKind', 'weeklyCap', 'questions', 'deliveryMethod', 'returnWindowDays', 'notes', 'targets', ...CRITERIA_KEYS.map((k) => `criteria.${k}`)]);
  const leftover = Object.entries(errors)
    .filter(([field]) => !shown.has(field))
    .map(([field, message]) => (field === 'form' ? message : `${field}: ${message}`))
    .join(' ');
  const targetCount = values.targetsFromCsv ? null : splitDomains(values.targets).length;

  return (
    <FormDialog
      open={open}
      onOpenChange={onOpenChange}
      title="New order"
      description="An order on a client’s behalf. It starts as submitted, as if the client had sent it, and goes through review like any other."
      size="xl"
      onSubmit={(event) => submit(event)}
      pending={pending}
      formError={leftover || null}
      submitLabel="Create order"
      className="grid max-h-[70dvh] gap-4 overflow-y-auto pr-1"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Client" required error={errors.orgId}>
          {(control) => (
            <Combobox
              {...control}
              options={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={values.orgId || null}
              onChange={(v) => set('orgId', v ?? '')}
              placeholder={clients.isLoading ? 'Loading clients…' : 'Choose the client'}
              searchPlaceholder="Search clients"
              emptyText="No client by that name."
            />
          )}
        </Field>
        <Field label="Order name" required error={errors.name}>
          <Input value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={200} placeholder="Q3 pipeline: IT decision makers" />
        </Field>
        <Field label="Channel" required error={errors.channel}>
          {(control) => <OptionSelect {...control} value={values.channel} onValueChange={(v) => set('channel', v)} options={labelledOptions(ORDER_CHANNELS, ORDER_CHANNEL_LABELS)} />}
        </Field>
        <div className="grid grid-cols-[1fr_1fr_5rem] gap-2">
          <Field label="Leads" required error={errors.volume}>
            <Input inputMode="numeric" value={values.volume} onChange={(e) => set('volume', e.target.value)} />
          </Field>
          <Field label="Cost per lead" required error={errors.costPerLead}>
            <Input inputMode="decimal" value={values.costPerLead} onChange={(e) => set('costPerLead', e.target.value)} placeholder="85.00" />
          </Field>
          <Field label="Currency" error={errors.currency}>
            <Input value={values.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} maxLength={3} />
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <Field label="Starts" required error={errors.startsOn}>
            <Input type="date" value={values.startsOn} onChange={(e) => set('startsOn', e.target.value)} />
          </Field>
          <Field label="Ends" required error={errors.endsOn}>
            <Input type="date" value={values.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
          </Field>
        </div>
        <div className="grid grid-cols-[1fr_8rem] gap-2">
          <Field label="Delivery pace" error={errors.paceKind}>
            {(control) => <OptionSelect {...control} value={values.paceKind} onValueChange={(v) => set('paceKind', v)} options={[...PACE_OPTIONS]} />}
          </Field>
          {values.paceKind === 'weekly_cap' && (
            <Field label="Leads a week" required error={errors.weeklyCap}>
              <Input inputMode="numeric" value={values.weeklyCap} onChange={(e) => set('weeklyCap', e.target.value)} />
            </Field>
          )}
        </div>
      </div>

      <fieldset className="grid gap-3 rounded-lg border border-border p-3">
        <legend className="px-1 text-sm font-medium">Who the client wants (empty: anyone)</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {CRITERIA_KEYS.map((key) => (
            <Field key={key} label={CRITERIA_LABELS[key].label} error={errors[`criteria.${key}`]}>
              {(control) => (
                <TagInput
                  {...control}
                  value={values.criteria[key]}
                  onChange={(list) => setCriteria(key, list)}
                  itemNames={CRITERIA_LABELS[key].names}
                  placeholder={CRITERIA_LABELS[key].placeholder}
                  {...(key === 'countries' ? { normalize: country, refusedHint: 'two letters, such as US' } : {})}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>

      <Field
        label="Target-account list"
        error={errors.targets}
        hint={values.targetsFromCsv ? 'From the CSV file (a domain or website column, else the first).' : `Domains, one a line (or pasted from a spreadsheet)${targetCount ? ` — ${targetCount.toLocaleString('en-US')} so far` : ''}.`}
      >
        <Textarea
          rows={4}
          value={values.targets}
          onChange={(e) => setValues((v) => ({ ...v, targets: e.target.value, targetsFromCsv: v.targetsFromCsv && e.target.value !== '' }))}
          placeholder={'acme.com\nglobex.com'}
          className="font-mono text-xs"
        />
      </Field>
      <div className="-mt-2">
        <FileButton
          label="Load a CSV file"
          accept=".csv,text/csv,text/plain"
          onFile={(file) => {
            if (!file) return;
            void file.text().then((text) => setValues((v) => ({ ...v, targets: text, targetsFromCsv: true })));
          }}
        />
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Custom questions" error={errors.questions} hint="One a line; end a line with “(optional)” when an answer is not required.">
          <Textarea rows={3} value={values.questions} onChange={(e) => set('questions', e.target.value)} />
        </Field>
        <Field label="Notes for the campaign team" error={errors.notes}>
          <Textarea rows={3} value={values.notes} onChange={(e) => set('notes', e.target.value)} maxLength={4000} />
        </Field>
        <Field label="Delivery" error={errors.deliveryMethod}>
          {(control) => (
            <OptionSelect {...control} value={values.deliveryMethod} onValueChange={(v) => set('deliveryMethod', v)} options={labelledOptions(DELIVERY_METHODS, DELIVERY_METHOD_LABELS)} />
          )}
        </Field>
        <Field label="Return window (days)" error={errors.returnWindowDays}>
          <Input inputMode="numeric" value={values.returnWindowDays} onChange={(e) => set('returnWindowDays', e.target.value)} />
        </Field>
      </div>
    </FormDialog>
  );
}
