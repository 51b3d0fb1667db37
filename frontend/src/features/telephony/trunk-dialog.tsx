// Adding or editing a SIP trunk: its name, SIP host and username, the password (write-only: an
// edit leaves it blank to keep the stored one, which is never shown), the Telnyx connection,
// caller ids one per line, and whether it is the default and active.
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { e164, trunkInputSchema, type Trunk, type TrunkInput, type TrunkUpdate } from '@shared/contracts/telephony';
import { FormDialog, useDialogForm } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { LabelledSwitch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { useCreateTrunk, useUpdateTrunk } from './trunks-api';

interface TrunkFormValues {
  name: string;
  sipHost: string;
  sipUsername: string;
  sipPassword: string;
  connectionId: string;
  callerIds: string;
  isDefault: boolean;
  active: boolean;
}

const lines = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((l) => l.trim())
    .filter(Boolean);

const shape = trunkInputSchema.shape;
/** The API's rules, with the caller ids as lines and the password optional when editing. */
const formSchema = (editing: boolean) =>
  z.object({
    name: shape.name,
    sipHost: shape.sipHost,
    sipUsername: shape.sipUsername,
    sipPassword: editing ? z.union([z.literal(''), shape.sipPassword]) : shape.sipPassword,
    connectionId: shape.connectionId,
    callerIds: z.string().superRefine((text, ctx) => {
      const bad = lines(text).find((l) => !e164.safeParse(l).success);
      if (bad) ctx.addIssue({ code: 'custom', message: `${bad} is not in international form, such as +14155550100` });
    }),
    isDefault: z.boolean(),
    active: z.boolean(),
  });

const valuesOf = (t: Trunk | null): TrunkFormValues => ({
  name: t?.name ?? '',
  sipHost: t?.sipHost ?? 'sip.telnyx.com',
  sipUsername: t?.sipUsername ?? '',
  sipPassword: '',
  connectionId: t?.connectionId ?? '',
  callerIds: (t?.callerIds ?? []).join('\n'),
  isDefault: t?.isDefault ?? false,
  active: t?.active ?? true,
});

export function TrunkDialog({ open, onOpenChange, trunk }: { open: boolean; onOpenChange: (open: boolean) => void; trunk: Trunk | null }) {
  const create = useCreateTrunk();
  const update = useUpdateTrunk();
  const editing = trunk !== null;
  const form = useForm<TrunkFormValues>({ resolver: zodResolver(formSchema(editing)), defaultValues: valuesOf(trunk), mode: 'onTouched' });
  const { errors } = form.formState;
  const dialog = useDialogForm(form, {
    open,
    onOpenChange,
    initial: () => valuesOf(trunk),
    resetKeys: [trunk?.id],
    send: async (values) => {
      const body: TrunkInput = { ...values, callerIds: lines(values.callerIds) };
      if (trunk) {
        const { sipPassword, ...rest } = body;
        const patch: TrunkUpdate = sipPassword ? body : rest;
        await update.mutateAsync({ id: trunk.id, patch });
        toast.success(`Trunk ${values.name} saved.`);
      } else {
        await create.mutateAsync(body);
        toast.success(`Trunk ${values.name} added.`);
      }
    },
  });

  return (
    <FormDialog
      {...dialog}
      size="lg"
      title={editing ? `Edit ${trunk.name}` : 'Add SIP trunk'}
      formLabel={editing ? 'Edit SIP trunk' : 'Add SIP trunk'}
      description="A Telnyx credential connection calls are placed on. The password is stored sealed and never shown again."
      submitLabel={editing ? 'Save trunk' : 'Add trunk'}
    >
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field label="Name" required error={errors.name?.message} className="sm:col-span-2">
          <Input autoFocus autoComplete="off" placeholder="e.g. Telnyx — North America" {...form.register('name')} />
        </Field>
        <Field label="SIP host" required error={errors.sipHost?.message}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register('sipHost')} />
        </Field>
        <Field label="Connection id" required error={errors.connectionId?.message} hint="The Telnyx connection's id.">
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register('connectionId')} />
        </Field>
        <Field label="SIP username" required error={errors.sipUsername?.message}>
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...form.register('sipUsername')} />
        </Field>
        <Field
          label="SIP password"
          required={!editing}
          error={errors.sipPassword?.message}
          hint={editing ? `Stored: ${trunk.secretHint}. Leave blank to keep it.` : 'At least 8 characters. Write-only: it is never shown again.'}
        >
          <Input type="password" autoComplete="new-password" spellCheck={false} placeholder={editing ? 'Leave blank to keep' : undefined} {...form.register('sipPassword')} />
        </Field>
        <Field label="Caller ids" error={errors.callerIds?.message} hint="Numbers calls may show, one per line, in international form (+14155550100)." className="sm:col-span-2">
          <Textarea rows={3} className="font-mono text-[13px]" spellCheck={false} {...form.register('callerIds')} />
        </Field>
        <Controller
          control={form.control}
          name="isDefault"
          render={({ field }) => (
            <LabelledSwitch
              id="trunk-default"
              checked={field.value}
              onCheckedChange={field.onChange}
              label={
                <>
                  Default trunk <span className="text-muted-foreground">(campaigns without one call through it)</span>
                </>
              }
            />
          )}
        />
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => <LabelledSwitch id="trunk-active" checked={field.value} onCheckedChange={field.onChange} label="Active" />}
        />
      </div>
    </FormDialog>
  );
}
