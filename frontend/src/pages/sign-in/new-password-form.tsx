// Cognito's first sign-in with a temporary password: the user chooses their own before the
// sign-in completes (the NEW_PASSWORD_REQUIRED challenge). The pool's policy has the last word;
// its refusal is shown as one sentence.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { passwordSchema } from '@shared/contracts/identity';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useAuth } from '@/lib/auth';
import { PasswordInput } from '../account/password-input';
import { signInErrorMessage } from './sign-in-error';

const newPasswordSchema = z
  .object({ newPassword: passwordSchema, confirm: z.string() })
  .refine((values) => values.newPassword === values.confirm, { path: ['confirm'], message: 'the passwords do not match' });
type NewPasswordValues = z.infer<typeof newPasswordSchema>;

export function NewPasswordForm({ onError }: { onError(message: string | null): void }) {
  const { completeNewPassword } = useAuth();
  const [show, setShow] = useState(false);
  const form = useForm<NewPasswordValues>({ resolver: zodResolver(newPasswordSchema), defaultValues: { newPassword: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    onError(null);
    try {
      await completeNewPassword(newPassword);
    } catch (caught) {
      onError(signInErrorMessage(caught));
      form.setFocus('newPassword');
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Choose a new password">
      <p className="text-sm text-muted-foreground">Your password was temporary: choose your own to finish signing in.</p>
      <Field label="New password" error={errors.newPassword?.message}>
        <PasswordInput show={show} onToggle={() => setShow((v) => !v)} autoComplete="new-password" autoFocus {...form.register('newPassword')} />
      </Field>
      <Field label="Confirm new password" error={errors.confirm?.message}>
        <PasswordInput show={show} onToggle={() => setShow((v) => !v)} autoComplete="new-password" {...form.register('confirm')} />
      </Field>
      <Button type="submit" size="lg" className="mt-2 w-full" loading={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Set password and sign in'}
      </Button>
    </form>
  );
}
