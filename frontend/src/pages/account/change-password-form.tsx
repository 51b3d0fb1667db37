// The password change form (forced after a first sign-in, or chosen from the user menu):
// current, new and confirmation, with the shared policy explained live as the user types and
// the API's own field errors put back on the fields.
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Check, Circle } from 'lucide-react';
import { PASSWORD_MAX_LENGTH, passwordPolicyIssues } from '@shared/contracts/identity';
import { applyApiErrors } from '@/components/form/apply-api-errors';
import { FormError } from '@/components/form/form-error';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { ApiError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { cn } from '@/lib/utils';
import { PasswordInput } from './password-input';
import { passwordRules } from './password-rules';

import type { PasswordOwner } from './password-rules';

type ChangePasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

function formSchema(owner: PasswordOwner) {
  return z
    .object({
      currentPassword: z.string().min(1, 'enter your current password').max(PASSWORD_MAX_LENGTH),
      newPassword: z.string(),
      confirmPassword: z.string(),
    })
    .superRefine((values, ctx) => {
      for (const message of passwordPolicyIssues(values.newPassword, owner)) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message });
      }
      if (values.newPassword && values.newPassword === values.currentPassword) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'must differ from your current password' });
      }
      if (values.confirmPassword !== values.newPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'does not match the new password' });
      }
    });
}

export function ChangePasswordForm({
  owner,
  onChanged,
  onCancel,
  submitLabel = 'Change password',
}: {
  owner: PasswordOwner;
  onChanged: () => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const { changePassword } = useAuth();
  const [formError, setFormError] = useState<string | null>(null);
  const [show, setShow] = useState(false);
  const schema = useMemo(() => formSchema(owner), [owner]);
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    mode: 'onTouched',
  });
  const values = useWatch({ control: form.control });
  const rules = passwordRules(owner, values);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    try {
      await changePassword({ currentPassword, newPassword });
      onChanged();
    } catch (error) {
      setFormError(
        error instanceof ApiError ? applyApiErrors(form, error, { fields: ['currentPassword', 'newPassword'] }) : 'The password could not be changed. Try again.',
      );
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Change password">
      <FormError>{formError}</FormError>
      <Field label="Current password" error={errors.currentPassword?.message}>
        <PasswordInput show={show} onToggle={() => setShow((v) => !v)} autoComplete="current-password" {...form.register('currentPassword')} />
      </Field>
      <Field label="New password" error={errors.newPassword?.message}>
        <PasswordInput show={show} onToggle={() => setShow((v) => !v)} autoComplete="new-password" {...form.register('newPassword')} />
      </Field>
      <Field label="Confirm new password" error={errors.confirmPassword?.message}>
        <PasswordInput show={show} onToggle={() => setShow((v) => !v)} autoComplete="new-password" {...form.register('confirmPassword')} />
      </Field>
      <ul aria-label="Password rules" className="grid gap-1.5 rounded-lg border border-border bg-muted/50 px-3.5 py-3 text-[13px]">
        {rules.map((rule) => (
          <li key={rule.label} className={cn('flex items-center gap-2', rule.met ? 'text-success-text' : 'text-muted-foreground')}>
            {rule.met ? <Check className="size-3.5 shrink-0" aria-hidden="true" /> : <Circle className="size-3.5 shrink-0" aria-hidden="true" />}
            <span>
              {rule.label}
              <span className="sr-only">{rule.met ? ' (met)' : ' (not yet)'}</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
        {onCancel && (
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={isSubmitting} className={cn(!onCancel && 'w-full')}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
