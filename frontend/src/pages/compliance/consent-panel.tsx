// A contact's consent per channel: the status in force, where it came from, when, and the
// evidence; the history of changes (newest first, paged); and a form to record a change. Shown
// on the contact page; the compliance guard reads the same records when a campaign reaches out.
import { useEffect, useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { History, Mail, Phone, PlusCircle } from 'lucide-react';
import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  CONSENT_STATUS_LABELS,
  recordConsentRequestSchema,
  type ConsentChannel,
  type ConsentState,
  type ConsentStatus,
  type ContactConsentResponse,
} from '@shared/contracts/compliance';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { formatDateTime } from '@/features/records/format';
import { api, describeError } from '@/lib/api';
import { useCan } from '@/lib/auth';
import { errorsByField } from '@/components/form/apply-api-errors';

const HISTORY_PAGE = 20;

const STATUS_VARIANTS: Record<ConsentStatus, BadgeVariant> = { opted_in: 'success', opted_out: 'warning', unknown: 'neutral' };
const CHANNEL_LABELS: Record<ConsentChannel, string> = { email: 'Email', phone: 'Phone' };
const CHANNEL_ICONS = { email: Mail, phone: Phone } as const;

export const consentKey = (contactId: string) => ['contacts', 'detail', contactId, 'consent'] as const;

function StatusBadge({ status }: { status: ConsentStatus }) {
  return (
    <Badge variant={STATUS_VARIANTS[status]} dot>
      {CONSENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Evidence is a note or a link; a link is shown as one. */
function Evidence({ text }: { text: string }) {
  if (/^https?:\/\/\S+$/.test(text)) {
    return (
      <a href={text} target="_blank" rel="noreferrer noopener" className="break-all text-primary underline-offset-4 hover:underline">
        {text}
      </a>
    );
  }
  return <span className="break-words">{text}</span>;
}

export function ConsentPanel({ contactId }: { contactId: string }) {
  const canWrite = useCan('consent.write');
  const [recording, setRecording] = useState<ConsentChannel | null>(null);
  const consent = useInfiniteQuery({
    queryKey: consentKey(contactId),
    queryFn: ({ pageParam, signal }) =>
      api.get<ContactConsentResponse>(`/api/contacts/${contactId}/consent`, { limit: HISTORY_PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = consent.data?.pages[0];
  const history = consent.data?.pages.flatMap((p) => p.history) ?? [];

  return (
    <SectionCard
      id="contact-consent"
      title="Consent"
      description="Per channel: what is in force, where it came from and the proof."
      actions={
        canWrite && (
          <Button variant="outline" size="sm" onClick={() => setRecording('email')}>
            <PlusCircle aria-hidden="true" />
            Record change
          </Button>
        )
      }
    >
      {consent.isLoading ? (
        <div className="grid gap-3" aria-busy="true" aria-label="Loading consent">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : consent.isError || !first ? (
        <ErrorState compact title="Consent could not be loaded" description={describeError(consent.error)} onRetry={() => void consent.refetch()} />
      ) : (
        <div className="grid gap-5">
          <ul className="grid gap-3">
            {CONSENT_CHANNELS.map((channel) => (
              <ChannelState key={channel} state={first.current[channel]} onRecord={canWrite ? () => setRecording(channel) : undefined} />
            ))}
          </ul>
          <div>
            <h3 className="mb-2 flex items-center gap-1.5 text-sm font-semibold">
              <History className="size-4 text-muted-foreground" aria-hidden="true" />
              History
            </h3>
            {history.length === 0 ? (
              <p className="text-sm text-muted-foreground">No consent was ever recorded for this contact.</p>
            ) : (
              <ol className="grid gap-2" aria-label="Consent history">
                {history.map((event) => (
                  <li key={event.id} className="rounded-md border border-border px-3 py-2 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{CHANNEL_LABELS[event.channel]}</span>
                      <StatusBadge status={event.status} />
                      <span className="text-muted-foreground">via {event.source}</span>
                      <time className="ml-auto text-xs text-muted-foreground" dateTime={event.recordedAt}>
                        {formatDateTime(event.recordedAt)}
                      </time>
                    </div>
                    {event.evidence && (
                      <p className="mt-1 text-xs text-muted-foreground">
                        Evidence: <Evidence text={event.evidence} />
                      </p>
                    )}
                    <p className="mt-0.5 text-xs text-muted-foreground">
                      Entered by {event.recordedByName ?? 'the system'} on {formatDateTime(event.createdAt)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {consent.hasNextPage && (
              <Button variant="ghost" size="sm" className="mt-2" onClick={() => void consent.fetchNextPage()} loading={consent.isFetchingNextPage}>
                Show older changes
              </Button>
            )}
          </div>
        </div>
      )}
      <RecordConsentDialog contactId={contactId} channel={recording} onClose={() => setRecording(null)} />
    </SectionCard>
  );
}

function ChannelState({ state, onRecord }: { state: ConsentState; onRecord?: () => void }) {
  const Icon = CHANNEL_ICONS[state.channel];
  return (
    <li className="grid gap-1 rounded-md border border-border p-3" data-testid={`consent-${state.channel}`}>
      <div className="flex items-center gap-2">
        <Icon className="size-4 text-muted-foreground" aria-hidden="true" />
        <span className="text-sm font-semibold">{CHANNEL_LABELS[state.channel]}</span>
        <StatusBadge status={state.status} />
        {onRecord && (
          <Button variant="link" size="sm" className="ml-auto h-auto px-0" onClick={onRecord} aria-label={`Change ${CHANNEL_LABELS[state.channel].toLowerCase()} consent`}>
            Change
          </Button>
        )}
      </div>
      {state.recordedAt ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
          <dt className="text-muted-foreground">Source</dt>
          <dd>{state.source}</dd>
          <dt className="text-muted-foreground">When</dt>
          <dd>
            <time dateTime={state.recordedAt}>{formatDateTime(state.recordedAt)}</time>
            {state.recordedByName && <span className="text-muted-foreground"> · by {state.recordedByName}</span>}
          </dd>
          {state.evidence && (
            <>
              <dt className="text-muted-foreground">Evidence</dt>
              <dd>
                <Evidence text={state.evidence} />
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p className="text-xs text-muted-foreground">Nothing recorded: the contact&apos;s Consent field applies.</p>
      )}
    </li>
  );
}

/** `datetime-local` gives local wall time without a zone; the API wants an ISO instant. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function RecordConsentDialog({ contactId, channel, onClose }: { contactId: string; channel: ConsentChannel | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<ConsentChannel>('email');
  const [status, setStatus] = useState<ConsentStatus>('opted_in');
  const [source, setSource] = useState('');
  const [evidence, setEvidence] = useState('');
  const [when, setWhen] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (channel === null) return;
    setChosen(channel);
    setStatus('opted_in');
    setSource('');
    setEvidence('');
    setWhen('');
    setErrors({});
  }, [channel]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = recordConsentRequestSchema.safeParse({
      channel: chosen,
      status,
      source,
      evidence: evidence.trim() || undefined,
      recordedAt: toIso(when),
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.path[0] === 'source' ? 'Say where the consent came from.' : issue.message])));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/contacts/${contactId}/consent`, parsed.data);
      await queryClient.invalidateQueries({ queryKey: consentKey(contactId) });
      toast.success(`${CHANNEL_LABELS[chosen]} consent recorded: ${CONSENT_STATUS_LABELS[status].toLowerCase()}.`);
      onClose();
    } catch (error) {
      setErrors(errorsByField(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={channel !== null} onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent>
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate aria-label="Record a consent change">
          <DialogHeader>
            <DialogTitle>Record a consent change</DialogTitle>
            <DialogDescription>The change is kept in the contact&apos;s consent history with its source and evidence.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Channel">
              <OptionSelect value={chosen} onValueChange={setChosen} options={labelledOptions(CONSENT_CHANNELS, CHANNEL_LABELS)} />
            </Field>
            <Field label="Status">
              <OptionSelect value={status} onValueChange={setStatus} options={labelledOptions(CONSENT_STATUSES, CONSENT_STATUS_LABELS)} />
            </Field>
          </div>
          <Field label="Source" required error={errors.source} hint="Where it came from: web form, call, signed form, email reply…">
            <Input value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} autoComplete="off" />
          </Field>
          <Field label="Evidence" error={errors.evidence} hint="A note, or the link to the form, recording or document.">
            <Textarea value={evidence} onChange={(e) => setEvidence(e.target.value)} rows={2} maxLength={2000} />
          </Field>
          <Field label="When" error={errors.recordedAt} hint="When it was given or withdrawn; now when left empty.">
            <Input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
          </Field>
          {errors.form && (
            <p role="alert" className="text-sm font-medium text-danger-text">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Record
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
