// Settings → Resources Centre → the link: the endpoint pushes and pulls go to, the switch, the
// address the Resources Centre sends to, the last push, pull and inbound request, and the signing
// secret (rotated with an overlap; a new secret is shown once).
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { DownloadCloud, KeyRound } from 'lucide-react';
import type { ResourcesCentreSettings } from '@shared/contracts/content-resources';
import { FormSaveBar } from '@/components/form/form-save-bar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SectionCard } from '@/components/ui/section-card';
import { LabelledSwitch } from '@/components/ui/switch';
import { toast } from '@/components/ui/toast';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { errorsByField } from '@/components/form/apply-api-errors';
import { usePullNow, useSaveResourcesSettings } from './resources-api';
import { RotateSecretDialog } from './rotate-secret-dialog';
import { ResourcesSecretDialog } from './secret-dialog';

function When({ at, never = 'Never' }: { at: string | null; never?: string }) {
  if (!at) return <span className="text-muted-foreground">{never}</span>;
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at)}
    </time>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

export function LinkCard({ settings }: { settings: ResourcesCentreSettings }) {
  const save = useSaveResourcesSettings();
  const pull = usePullNow();
  const [endpointUrl, setEndpointUrl] = useState(settings.endpointUrl ?? '');
  const [enabled, setEnabled] = useState(settings.configured ? settings.enabled : true);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);

  useEffect(() => {
    setEndpointUrl(settings.endpointUrl ?? '');
    setEnabled(settings.configured ? settings.enabled : true);
  }, [settings.endpointUrl, settings.enabled, settings.configured]);

  const dirty = !settings.configured ? endpointUrl.trim() !== '' : endpointUrl.trim() !== (settings.endpointUrl ?? '') || enabled !== settings.enabled;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFieldError(null);
    try {
      const saved = await save.mutateAsync({ endpointUrl: endpointUrl.trim(), enabled });
      if (saved.secret) setSecret(saved.secret);
      else toast.success('Resources Centre link saved.');
    } catch (error) {
      const fields = errorsByField(error);
      setFieldError(fields['body.endpointUrl'] ?? fields.endpointUrl ?? null);
      if (!fields['body.endpointUrl'] && !fields.endpointUrl) toast.error('The link was not saved', { description: describeError(error) });
    }
  }

  async function pullNow() {
    try {
      const result = await pull.mutateAsync();
      if (result.error) toast.error('The pull failed', { description: result.error });
      else toast.success(result.pages ? `Reference data pulled (${result.pages} ${result.pages === 1 ? 'page' : 'pages'}).` : 'Nothing to pull: the link is off.');
    } catch (error) {
      toast.error('The pull failed', { description: describeError(error) });
    }
  }

  return (
    <SectionCard
      id="resources-link"
      title="Link"
      description="Pushes and the scheduled pull of reference data go to this endpoint, signed with the shared secret."
      actions={
        settings.configured ? (
          <>
            <Badge variant={settings.enabled ? 'success' : 'neutral'} dot>
              {settings.enabled ? 'On' : 'Off'}
            </Badge>
            <Button size="sm" variant="outline" loading={pull.isPending} disabled={!settings.enabled} onClick={() => void pullNow()}>
              <DownloadCloud aria-hidden="true" /> Pull now
            </Button>
            <Button size="sm" variant="outline" onClick={() => setRotating(true)}>
              <KeyRound aria-hidden="true" /> Rotate secret
            </Button>
          </>
        ) : (
          <Badge variant="neutral">Not configured</Badge>
        )
      }
    >
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <form className="grid content-start gap-4" onSubmit={(e) => void submit(e)} noValidate aria-label="Resources Centre link">
          <Field label="Endpoint" required hint="An https URL: pushes go to <endpoint>/assets, the pull reads <endpoint>/reference." error={fieldError}>
            <Input type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://resources.example.com/api" value={endpointUrl} onChange={(e) => setEndpointUrl(e.target.value)} />
          </Field>
          <LabelledSwitch id="resources-enabled" label="Link on (pushes, pulls and inbound requests)" checked={enabled} onCheckedChange={setEnabled} />
          <FormSaveBar
            saveLabel={settings.configured ? 'Save link' : 'Save and make the secret'}
            pending={save.isPending}
            dirty={dirty}
            onDiscard={() => {
              setEndpointUrl(settings.endpointUrl ?? '');
              setEnabled(settings.configured ? settings.enabled : true);
              setFieldError(null);
            }}
          />
        </form>
        <dl className="grid content-start gap-3 sm:grid-cols-2">
          <Fact label="Last push">
            <When at={settings.lastPushAt} />
          </Fact>
          <Fact label="Last pull">
            <When at={settings.lastPullAt} />
            {settings.lastPullError && <span className="block text-xs text-danger-text">{settings.lastPullError}</span>}
          </Fact>
          <Fact label="Last inbound request">
            <When at={settings.lastInboundAt} />
          </Fact>
          <Fact label="Secret">
            {!settings.configured ? (
              <span className="text-muted-foreground">Made at the first save</span>
            ) : settings.previousSecretAccepted && settings.previousSecretExpiresAt ? (
              <span>
                Rotated <When at={settings.rotatedAt} />; the previous one is accepted until {formatDateTime(settings.previousSecretExpiresAt)}
              </span>
            ) : settings.rotatedAt ? (
              <span>
                Rotated <When at={settings.rotatedAt} />
              </span>
            ) : (
              <span>Set, never rotated</span>
            )}
          </Fact>
          <div className="grid gap-0.5 sm:col-span-2">
            <dt className="text-xs text-muted-foreground">The Resources Centre sends to</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <code className="min-w-0 truncate font-mono text-[13px]" title={settings.inboundUrl}>
                {settings.inboundUrl}
              </code>
              <CopyButton value={settings.inboundUrl} label="Copy the inbound address" size="icon-sm" />
            </dd>
          </div>
        </dl>
      </div>
      <RotateSecretDialog open={rotating} onOpenChange={setRotating} onRotated={setSecret} />
      <ResourcesSecretDialog secret={secret} onClose={() => setSecret(null)} />
    </SectionCard>
  );
}
