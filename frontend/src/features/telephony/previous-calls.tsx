// The contact's previous calls, newest first: when, who, how it ended, how long, and the
// recording (a signed URL fetched when asked, since it expires).
import { PhoneCall } from 'lucide-react';
import type { Call } from '@shared/contracts/telephony';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { describeError } from '@/lib/api';
import { formatClock } from './softphone-state';
import { useContactCalls } from './telephony-api';
import { RecordingPlayer } from './recording-player';

function talkSeconds(call: Call): number | null {
  if (!call.bridgedAt && !call.answeredAt) return null;
  const from = Date.parse(call.bridgedAt ?? call.answeredAt!);
  const to = call.endedAt ? Date.parse(call.endedAt) : NaN;
  return Number.isNaN(to) ? null : Math.max(0, Math.round((to - from) / 1000));
}

function CallRow({ call, currentId }: { call: Call; currentId: string | null }) {
  const seconds = talkSeconds(call);
  return (
    <li className="grid gap-1.5 py-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <time dateTime={call.startedAt} title={formatDateTime(call.startedAt)} className="font-medium">
          {formatRelative(call.startedAt)}
        </time>
        {call.id === currentId && <Badge variant="info">This call</Badge>}
        {call.dispositionLabel ? <Badge variant="outline">{call.dispositionLabel}</Badge> : call.abandoned ? <Badge variant="danger">Abandoned</Badge> : null}
        {call.amdResult === 'machine' && <Badge variant="neutral">Machine</Badge>}
        <span className="ml-auto font-mono text-xs text-muted-foreground tabular">
          {call.endedAt === null ? 'in progress' : seconds === null ? 'not connected' : formatClock(seconds)}
        </span>
      </div>
      {call.consentAnnouncedAt && (
        <p className="text-xs text-muted-foreground">
          Consent announcement played <time dateTime={call.consentAnnouncedAt}>{formatDateTime(call.consentAnnouncedAt)}</time>
        </p>
      )}
      {call.notes && <p className="line-clamp-2 text-xs text-muted-foreground">{call.notes}</p>}
      {call.hasRecording && <RecordingPlayer callId={call.id} />}
    </li>
  );
}

export function PreviousCalls({ contactId, currentCallId }: { contactId: string; currentCallId: string | null }) {
  const calls = useContactCalls(contactId);
  if (calls.isPending) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Loading previous calls">
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
      </div>
    );
  }
  if (calls.isError) return <ErrorState compact description={describeError(calls.error)} onRetry={() => void calls.refetch()} retrying={calls.isFetching} />;
  const earlier = calls.data;
  if (earlier.length === 0) return <EmptyState compact icon={<PhoneCall />} title="No calls before" description="This is the first call to this person." />;
  return (
    <ol className="divide-y divide-border" aria-label="Previous calls">
      {earlier.map((call) => (
        <CallRow key={call.id} call={call} currentId={currentCallId} />
      ))}
    </ol>
  );
}
