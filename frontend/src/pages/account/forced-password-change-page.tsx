// Shown instead of the app while the API requires a new password (the default admin's first
// sign-in, or a user an admin created with a temporary password). Nothing else is reachable.
import { KeyRound, LogOut } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { toast } from '@/components/ui/toast';
import { useAuth } from '@/lib/auth';
import { BrandMark, BrandName } from '@/shell/brand-mark';
import { ChangePasswordForm } from './change-password-form';

export default function ForcedPasswordChangePage() {
  const { user, signOut } = useAuth();
  if (!user) return null;
  return (
    <main className="relative grid min-h-dvh place-items-center bg-background px-4 py-10" data-testid="password-change">
      <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-[radial-gradient(ellipse_at_top,color-mix(in_srgb,var(--primary)_14%,transparent),transparent_70%)]" />
      <div className="relative w-full max-w-md fade-in">
        <div className="mb-6 flex items-center justify-between">
          <div className="flex items-center gap-3">
            <BrandMark />
            <BrandName />
          </div>
          <Button variant="ghost" size="sm" onClick={() => void signOut()}>
            <LogOut aria-hidden="true" />
            Sign out
          </Button>
        </div>
        <Card className="p-6 shadow-md sm:p-8">
          <span className="mb-4 inline-grid size-11 place-items-center rounded-xl bg-primary-subtle text-primary-subtle-foreground">
            <KeyRound className="size-5" aria-hidden="true" />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Choose a new password</h1>
          <p className="mb-6 mt-1.5 text-sm text-muted-foreground">
            You are signed in as <span className="font-medium text-foreground">{user.username}</span> with a temporary password.
            Choose your own to continue; other sessions will be signed out.
          </p>
          <ChangePasswordForm
            owner={user}
            submitLabel="Save and continue"
            onChanged={() => toast.success('Password changed. Welcome to Pivotal CRM.')}
          />
        </Card>
      </div>
    </main>
  );
}
