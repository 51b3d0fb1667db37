// The sign-in page: the first thing anyone sees. Username or email and password, one clear
// error for wrong credentials, the lockout's end time when the account is locked, and nothing
// a keyboard user cannot reach. With Cognito the same form signs in to the staff pool, and a
// temporary password is replaced here before the sign-in completes.
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { AlertCircle, LockKeyhole, ShieldCheck, Sparkles, Target } from 'lucide-react';
import { loginRequestSchema, type LoginRequest } from '@shared/contracts/identity';
import { NewPasswordForm } from './new-password-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NewPasswordRequired, useAuth } from '@/lib/auth';
import { BrandMark, BrandName } from '@/shell/brand-mark';
import { HealthIndicator } from '@/shell/health-indicator';
import { PasswordInput } from '../account/password-input';
import { signInErrorMessage } from './sign-in-error';

type LoginForm = { login: string; password: string };

const HIGHLIGHTS = [
  { icon: Target, title: 'Account-based by design', text: 'Accounts, contacts and target lists in one place.' },
  { icon: Sparkles, title: 'Campaigns that qualify', text: 'Email, calling and lead QA on the same record.' },
  { icon: ShieldCheck, title: 'Access you can audit', text: 'Roles per person, every change on the record.' },
];

export default function SignInPage() {
  useEffect(() => {
    document.title = 'Sign in · Pivotal CRM';
  }, []);
  const { signIn, endedReason, runtimeConfig } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const [newPasswordStep, setNewPasswordStep] = useState(false);
  const form = useForm<LoginForm, unknown, LoginRequest>({
    resolver: zodResolver(loginRequestSchema),
    defaultValues: { login: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await signIn(values);
    } catch (caught) {
      if (caught instanceof NewPasswordRequired) {
        setNewPasswordStep(true);
        return;
      }
      setError(signInErrorMessage(caught));
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  const banner = error ?? endedReason;

  return (
    <div className="grid min-h-dvh bg-background lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-brand-gradient text-white lg:flex lg:flex-col lg:justify-between lg:p-12">
        <div aria-hidden="true" className="pointer-events-none absolute -left-24 -top-24 size-96 rounded-full bg-white/10 blur-3xl" />
        <div aria-hidden="true" className="pointer-events-none absolute -bottom-32 right-[-6rem] size-[28rem] rounded-full bg-teal-300/20 blur-3xl" />
        <div aria-hidden="true" className="pointer-events-none absolute inset-0 bg-[radial-gradient(circle_at_1px_1px,rgb(255_255_255/0.09)_1px,transparent_0)] [background-size:22px_22px]" />
        <div className="relative flex items-center gap-3">
          <BrandMark className="size-9 ring-1 ring-white/30 rounded-lg" />
          <span className="text-lg font-semibold tracking-tight">Pivotal CRM</span>
        </div>
        <div className="relative max-w-md">
          <p className="text-3xl font-semibold leading-tight tracking-tight">Demand generation, from target account to qualified lead.</p>
          <ul className="mt-10 grid gap-5">
            {HIGHLIGHTS.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-4">
                <span className="grid size-10 shrink-0 place-items-center rounded-lg border border-white/20 bg-white/10 backdrop-blur-sm">
                  <Icon className="size-5" aria-hidden="true" />
                </span>
                <span>
                  <span className="block font-medium">{title}</span>
                  <span className="block text-sm text-white/85">{text}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-white/80">Signed-in sessions are protected by short-lived tokens and an audit trail.</p>
      </aside>

      <main className="relative flex flex-col items-center justify-center px-6 py-12">
        <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 h-64 bg-[radial-gradient(ellipse_at_top,color-mix(in_srgb,var(--primary)_12%,transparent),transparent_70%)]" />
        <div className="relative w-full max-w-sm fade-in">
          <div className="mb-8 flex items-center gap-3 lg:hidden">
            <BrandMark />
            <BrandName />
          </div>
          <div className="mb-7">
            <span className="mb-4 inline-grid size-11 place-items-center rounded-xl bg-primary-subtle text-primary-subtle-foreground">
              <LockKeyhole className="size-5" aria-hidden="true" />
            </span>
            <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
            <p className="mt-1 text-sm text-muted-foreground">Welcome back. Use your username or work email.</p>
          </div>

          {banner && (
            <div
              role="alert"
              data-testid="sign-in-error"
              className="mb-5 flex items-start gap-2.5 rounded-lg border border-danger/30 bg-danger-subtle px-3.5 py-3 text-sm text-danger-text"
            >
              <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
              <span>{banner}</span>
            </div>
          )}

          {newPasswordStep ? (
            <NewPasswordForm onError={setError} />
          ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Sign in">
            <Field label="Username or email" error={errors.login?.message}>
              <Input autoComplete="username" autoFocus spellCheck={false} autoCapitalize="none" {...form.register('login')} />
            </Field>
            <Field label="Password" error={errors.password?.message}>
              <PasswordInput
                show={showPassword}
                onToggle={() => setShowPassword((v) => !v)}
                autoComplete="current-password"
                {...form.register('password')}
              />
            </Field>
            <Button type="submit" size="lg" className="mt-2 w-full" loading={isSubmitting}>
              {isSubmitting ? 'Signing in…' : 'Sign in'}
            </Button>
          </form>
          )}
          <p className="mt-6 text-xs text-muted-foreground">Forgot your password? Ask an administrator of your workspace to reset it.</p>
          {runtimeConfig?.authMode === 'cognito' && (
            <p className="mt-2 text-xs text-muted-foreground">
              A client of the agency?{' '}
              <a href="/portal/sign-in" className="text-primary underline-offset-4 hover:underline">
                Sign in to the client portal
              </a>
              .
            </p>
          )}
        </div>
        <HealthIndicator className="absolute bottom-5 left-1/2 -translate-x-1/2" />
      </main>
    </div>
  );
}
