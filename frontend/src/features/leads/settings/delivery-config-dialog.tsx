// Adding or editing a client's delivery configuration: its name, the client and the campaign it
// serves (or all the client's), the kind (webhook, form post, CSV file), the URL and the field
// map from our lead fields (and `answers.<question id>`) to the client's names. The contract's
// schema checks the values before they are sent; the kind and client are fixed once made.
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Plus, Trash2 } from 'lucide-react';
import { z } from 'zod';
import {
  DELIVERABLE_FIELDS,
  DELIVERY_KINDS,
  deliveryConfigInputSchema,
  type DeliveryConfig,
  type DeliveryConfigInput,
  type DeliveryConfigWithSecret,
} from '@shared/contracts/lead-delivery';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { FormSelect } from '@/components/form/form-select';
import { Button } from '@/components/ui/button';
import { Combobox } from '@/components/ui/combobox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { labelledOptions } from '@/components/ui/option-select';
import { LabelledSwitch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { DELIVERY_KIND_LABELS } from './delivery-labels';
import { useCampaignOptions, useCreateDeliveryConfig, useUpdateDeliveryConfig } from './settings-api';

/** The Select's value for "every campaign of the client" (a Select item cannot be empty). */
const ALL_CAMPAIGNS = 'all';

interface ConfigFormValues {
  clientOrgId: string;
  campaignId: string;
  name: string;
  kind: DeliveryConfigInput['kind'];
  url: string;
  fieldMap: { from: string; to: string }[];
  active: boolean;
}

const inputOf = (v: ConfigFormValues): DeliveryConfigInput => ({
  clientOrgId: v.clientOrgId,
  campaignId: v.campaignId === ALL_CAMPAIGNS ? null : v.campaignId,
  name: v.name.trim(),
  kind: v.kind,
  url: v.kind === 'csv' || v.url.trim() === '' ? null : v.url.trim(),
  fieldMap: v.fieldMap.map((e) => ({ from: e.from.trim(), to: e.to.trim() })),
  active: v.active,
});

/** The form's values, checked by the contract's own schema (its messages land on the same paths). */
const formSchema = z
  .object({
    clientOrgId: z.string(),
    campaignId: z.string(),
    name: z.string(),
    kind: z.enum(DELIVERY_KINDS),
    url: z.string(),
    fieldMap: z.array(z.object({ from: z.string(), to: z.string() })),
    active: z.boolean(),
  })
  .superRefine((values, ctx) => {
    if (!values.clientOrgId) ctx.addIssue({ code: 'custom', path: ['clientOrgId'], message: 'Choose the client.' });
    const parsed = deliveryConfigInputSchema.safeParse(inputOf(values));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'clientOrgId' && !values.clientOrgId) continue;
      ctx.addIssue({ code: 'custom', path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message });
    }
  });

const valuesOf = (c: DeliveryConfig | null, clientOrgId: string | null): ConfigFormValues => ({
  clientOrgId: c?.clientOrgId ?? clientOrgId ?? '',
  campaignId: c?.campaignId ?? ALL_CAMPAIGNS,
  name: c?.name ?? '',
  kind: c?.kind ?? 'webhook',
  url: c?.url ?? '',
  fieldMap: c?.fieldMap.map((e) => ({ ...e })) ?? [],
  active: c?.active ?? true,
});

export interface DeliveryConfigDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  config: DeliveryConfig | null;
  /** The clients to choose from when adding one. */
  clients: { value: string; label: string }[];
  /** The client a new configuration starts with (the one the list is filtered to). */
  clientOrgId: string | null;
  /** Told of a new configuration, with its signing secret (shown once). */
  onCreated: (created: DeliveryConfigWithSecret) => void;
}

export function DeliveryConfigDialog({ open, onOpenChange, config, clients, clientOrgId, onCreated }: DeliveryConfigDialogProps) {
  const create = useCreateDeliveryConfig();
  const update = useUpdateDeliveryConfig();
  const campaigns = useCampaignOptions();
  const editing = config !== null;
  const form = useForm<ConfigFormValues>({ resolver: zodResolver(formSchema), defaultValues: valuesOf(config, clientOrgId), mode: 'onTouched' });
  const fieldMap = useFieldArray({ control: form.control, name: 'fieldMap' });
  const { errors } = form.formState;
  const kind = form.watch('kind');
  const rowPaths = form.watch('fieldMap').flatMap((_, i) => [`fieldMap.${i}.from`, `fieldMap.${i}.to`]);

  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => valuesOf(config, clientOrgId),
    resetKeys: [config?.id],
    apiErrors: { fields: ['clientOrgId', 'campaignId', 'name', 'kind', 'url', 'fieldMap', 'active', ...rowPaths] },
    send: async (values) => {
      const input = inputOf(values);
      if (config) {
        await update.mutateAsync({ id: config.id, patch: { campaignId: input.campaignId, name: input.name, url: input.url, fieldMap: input.fieldMap, active: input.active } });
        toast.success(`${input.name} saved.`);
      } else {
        onCreated(await create.mutateAsync(input));
        toast.success(`${input.name} added.`);
      }
    },
  });

  const campaignOptions = [
    { value: ALL_CAMPAIGNS, label: 'Every campaign of the client' },
    ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.kind === 'call' ? 'call' : 'email'})` })),
  ];
  if (config?.campaignId && !campaignOptions.some((o) => o.value === config.campaignId)) {
    campaignOptions.push({ value: config.campaignId, label: config.campaignName ?? 'Its campaign' });
  }

  return (
    <FormDialog
      {...dialog}
      size="xl"
      title={editing ? `Edit ${config.name}` : 'Add delivery configuration'}
      formLabel={editing ? 'Edit delivery configuration' : 'Add delivery configuration'}
      description="How approved leads reach this client. A webhook is signed with HMAC-SHA256; its secret is shown once, when the configuration is made."
      submitLabel={editing ? 'Save configuration' : 'Add configuration'}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field label="Name" required error={errors.name?.message}>
          <Input autoFocus autoComplete="off" placeholder="e.g. Northwind CRM webhook" {...form.register('name')} />
        </Field>
        <Field label="Client" required error={errors.clientOrgId?.message} hint={editing ? 'Fixed once made.' : undefined}>
          {(control) => (
            <Controller
              control={form.control}
              name="clientOrgId"
              render={({ field }) => (
                <Combobox
                  {...control}
                  aria-invalid={control['aria-invalid']}
                  value={field.value || null}
                  onChange={(next) => field.onChange(next ?? '')}
                  options={editing && !clients.some((c) => c.value === config.clientOrgId) ? [...clients, { value: config.clientOrgId, label: config.clientName }] : clients}
                  placeholder="Choose the client"
                  searchPlaceholder="Search clients"
                  emptyText="No client by that name."
                  disabled={editing}
                />
              )}
            />
          )}
        </Field>
        <Field label="Kind" required error={errors.kind?.message} hint={editing ? 'Fixed once made.' : undefined}>
          {(control) => <FormSelect {...control} control={form.control} name="kind" options={labelledOptions(DELIVERY_KINDS, DELIVERY_KIND_LABELS)} disabled={editing} />}
        </Field>
        <Field label="Campaign" error={errors.campaignId?.message}>
          {(control) => <FormSelect {...control} control={form.control} name="campaignId" options={campaignOptions} />}
        </Field>
        {kind !== 'csv' && (
          <Field
            label={kind === 'webhook' ? 'Webhook URL' : 'Form URL'}
            required
            error={errors.url?.message}
            hint={kind === 'webhook' ? 'The lead is POSTed here as JSON.' : "The client's landing-page form; the mapped fields are posted as a form."}
            className="sm:col-span-2"
          >
            <Input type="url" autoComplete="off" spellCheck={false} className="font-mono text-[13px]" placeholder="https://client.example.com/leads" {...form.register('url')} />
          </Field>
        )}
      </div>

      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium">Field map</legend>
        <p className="text-xs text-muted-foreground">
          {kind === 'form_post' ? 'Which of our fields fill which form field (at least one).' : 'Renames our fields for the client; without a map every field is sent under its own name.'}{' '}
          A question's answer is <code className="font-mono">answers.&lt;question id&gt;</code>.
        </p>
        {errors.fieldMap?.message && (
          <p className="text-xs font-medium text-danger-text" role="alert">
            {errors.fieldMap.message}
          </p>
        )}
        <datalist id="deliverable-fields">
          {DELIVERABLE_FIELDS.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        {fieldMap.fields.length > 0 && (
          <ul className="grid gap-1.5" aria-label="Field map entries">
            {fieldMap.fields.map((entry, index) => {
              const rowErrors = errors.fieldMap?.[index];
              return (
                <li key={entry.id} className="grid grid-cols-[1fr_auto_1fr_auto] items-start gap-2">
                  <div>
                    <Input
                      list="deliverable-fields"
                      aria-label={`Our field, entry ${index + 1}`}
                      aria-invalid={rowErrors?.from ? true : undefined}
                      className="h-8 font-mono text-[13px]"
                      placeholder="email or answers.budget"
                      autoComplete="off"
                      spellCheck={false}
                      {...form.register(`fieldMap.${index}.from`)}
                    />
                    {rowErrors?.from?.message && (
                      <p className="mt-0.5 text-xs font-medium text-danger-text" role="alert">
                        {rowErrors.from.message}
                      </p>
                    )}
                  </div>
                  <span className="pt-1.5 text-muted-foreground" aria-hidden="true">
                    →
                  </span>
                  <div>
                    <Input
                      aria-label={`Client's field, entry ${index + 1}`}
                      aria-invalid={rowErrors?.to ? true : undefined}
                      className="h-8 font-mono text-[13px]"
                      placeholder="e.g. Email_Address"
                      autoComplete="off"
                      spellCheck={false}
                      {...form.register(`fieldMap.${index}.to`)}
                    />
                    {rowErrors?.to?.message && (
                      <p className="mt-0.5 text-xs font-medium text-danger-text" role="alert">
                        {rowErrors.to.message}
                      </p>
                    )}
                  </div>
                  <Button variant="ghost" size="icon-sm" className="text-danger-text" aria-label={`Remove entry ${index + 1}`} onClick={() => fieldMap.remove(index)}>
                    <Trash2 aria-hidden="true" />
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <div>
          <Button variant="outline" size="sm" onClick={() => fieldMap.append({ from: '', to: '' })} disabled={fieldMap.fields.length >= 100}>
            <Plus aria-hidden="true" /> Add field
          </Button>
        </div>
      </fieldset>

      <Controller
        control={form.control}
        name="active"
        render={({ field }) => <LabelledSwitch id="delivery-config-active" checked={field.value} onCheckedChange={field.onChange} label="Active" />}
      />
    </FormDialog>
  );
}
