// The connected accounts: each one's platform, name and state (with the platform's last word when
// it refused the token); "Connect account" pastes an access token, which the platform verifies and
// the server seals; Disconnect forgets the token after a confirmation. Connecting and
// disconnecting are for those who configure content.
import { useState } from 'react';
import { Plug, Unplug } from 'lucide-react';
import { SOCIAL_PLATFORMS, SOCIAL_PLATFORM_LABELS, type SocialAccountView, type SocialPlatform } from '@shared/contracts/content-social';
import { FormDialog } from '@/components/form/form-dialog';
import { errorsByField } from '@/components/form/apply-api-errors';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { PlatformMark } from './platform-mark';
import { connectAccount, disconnectAccount, useSocialAccounts, useSocialRefresh } from './social-api';

const STATE_BADGE = { connected: 'success', disconnected: 'neutral', expired: 'danger' } as const;

function ConnectDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const refresh = useSocialRefresh();
  const [platform, setPlatform] = useState<SocialPlatform>('linkedin');
  const [token, setToken] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    if (token.trim().length < 8) {
      setErrors({ accessToken: 'Paste the account’s access token.' });
      return;
    }
    setPending(true);
    try {
      const account = await connectAccount({ platform, accessToken: token.trim() });
      toast.success(`${account.name} on ${SOCIAL_PLATFORM_LABELS[account.platform]} is connected.`);
      refresh();
      setToken('');
      onOpenChange(false);
    } catch (error) {
      const byPath = errorsByField(error);
      setErrors(Object.fromEntries(Object.entries(byPath).map(([path, message]) => [path.replace(/^body\./, ''), message])));
    } finally {
      setPending(false);
    }
  }

  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (next) setErrors({});
        onOpenChange(next);
      }}
      title="Connect an account"
      description="Paste an OAuth access token issued for the account (for Facebook, the page’s token). The platform is asked whose it is; the token is then stored encrypted and never shown again."
      onSubmit={(event) => submit(event)}
      pending={pending}
      formError={errors.form ?? null}
      submitLabel="Connect"
    >
      <Field label="Platform" error={errors.platform}>
        {(control) => <OptionSelect {...control} value={platform} onValueChange={setPlatform} options={labelledOptions(SOCIAL_PLATFORMS, SOCIAL_PLATFORM_LABELS)} />}
      </Field>
      <Field label="Access token" required error={errors.accessToken} hint="From the platform’s developer portal (OAuth with the posting scope).">
        <Input type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </Field>
    </FormDialog>
  );
}

export function AccountsPanel() {
  const accounts = useSocialAccounts();
  const canConfigure = useCan('content.configure');
  const refresh = useSocialRefresh();
  const [connecting, setConnecting] = useState(false);
  const [leaving, setLeaving] = useState<SocialAccountView | null>(null);
  const [leaveError, setLeaveError] = useState<string | null>(null);

  return (
    <SectionCard
      title="Connected accounts"
      description="Where posts go out."
      flush
      actions={
        canConfigure ? (
          <Button size="sm" variant="outline" onClick={() => setConnecting(true)}>
            <Plug aria-hidden="true" />
            Connect account
          </Button>
        ) : undefined
      }
    >
      {accounts.isError ? (
        <ErrorState compact title="The accounts could not be loaded" description={describeError(accounts.error)} onRetry={() => void accounts.refetch()} />
      ) : accounts.isLoading ? (
        <div className="grid gap-2 p-4">
          <Skeleton className="h-8" />
          <Skeleton className="h-8" />
        </div>
      ) : !accounts.data?.length ? (
        <EmptyState compact title="No account connected" description={canConfigure ? 'Connect LinkedIn, X or Facebook to publish posts.' : 'An administrator connects the accounts posts go out as.'} />
      ) : (
        <ul className="divide-y divide-border" aria-label="Connected accounts">
          {accounts.data.map((account) => (
            <li key={account.id} className="flex items-start gap-2 px-4 py-2.5 text-sm" data-testid="social-account">
              <PlatformMark platform={account.platform} className="mt-0.5" />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium">{account.name}</span>
                  <Badge variant={STATE_BADGE[account.state]} dot>
                    {account.state === 'connected' ? 'Connected' : account.state === 'expired' ? 'Token refused' : 'Disconnected'}
                  </Badge>
                </div>
                {account.lastError && <p className="mt-0.5 text-xs text-muted-foreground">{account.lastError}</p>}
              </div>
              {canConfigure && account.state !== 'disconnected' && (
                <Button size="sm" variant="ghost" onClick={() => setLeaving(account)} aria-label={`Disconnect ${account.name}`}>
                  <Unplug aria-hidden="true" />
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConnectDialog open={connecting} onOpenChange={setConnecting} />
      <ConfirmDialog
        open={leaving !== null}
        onOpenChange={(open) => {
          if (!open) {
            setLeaving(null);
            setLeaveError(null);
          }
        }}
        title={`Disconnect ${leaving?.name ?? 'the account'}?`}
        description="Its token is forgotten. Scheduled posts of this account fail until it is connected again."
        confirmLabel="Disconnect"
        destructive
        error={leaveError}
        onConfirm={async () => {
          try {
            await disconnectAccount(leaving!.id);
            toast.success(`${leaving!.name} is disconnected.`);
            refresh();
          } catch (error) {
            setLeaveError(describeError(error));
            throw error;
          }
        }}
      />
    </SectionCard>
  );
}
