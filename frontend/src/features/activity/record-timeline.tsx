// The Activity card of a contact or an account: a note composer with @mentions, a task button,
// and the record's timeline (touches, notes, tasks, field and consent changes, imports, lists),
// newest first, filterable by kind and channel. An account's feed rolls up its contacts.
import { useState } from 'react';
import { Link } from 'wouter';
import { Activity, BadgeCheck, CalendarClock, ClipboardList, FileUp, History, ListPlus, Mail, MessageSquareText, Phone, ShieldCheck, type LucideIcon } from 'lucide-react';
import { TIMELINE_KIND_LABELS, TIMELINE_KINDS, TOUCH_KIND_LABELS, type TimelineItem, type TimelineKind, type TouchChannel, type TouchKind } from '@shared/contracts/activity';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { useTimeline, type RecordKind } from './activity-api';
import { NoteComposer } from './note-composer';
import { TaskDialog } from './task-dialog';
import { RecordingPlayer } from '@/features/telephony/recording-player';

const KIND_ICONS: Record<TimelineKind, LucideIcon> = {
  touch: Activity,
  note: MessageSquareText,
  task: ClipboardList,
  field_change: History,
  consent: ShieldCheck,
  import: FileUp,
  list: ListPlus,
  email: Mail,
  call: Phone,
  lead: BadgeCheck,
};

const OUTCOME_BADGES: Record<string, BadgeVariant> = { positive: 'success', negative: 'danger', neutral: 'neutral' };
const CHANNELS: Array<{ value: TouchChannel; label: string; icon: LucideIcon }> = [
  { value: 'email', label: 'Email', icon: Mail },
  { value: 'call', label: 'Calls', icon: Phone },
];

function titleOf(item: TimelineItem): string {
  switch (item.kind) {
    case 'touch':
      return TOUCH_KIND_LABELS[item.title as TouchKind] ?? item.title;
    case 'field_change':
      return { create: 'Created', update: 'Fields changed', merge: 'Merged', delete: 'Deleted', restore: 'Restored' }[item.title] ?? item.title;
    case 'consent':
      return `Consent · ${item.title}`;
    case 'import':
      return `Imported from ${item.title}`;
    case 'list':
      return `Added to list ${item.title}`;
    case 'task':
      return `Task: ${item.title}`;
    case 'email':
      return `Email · ${item.title}`;
    case 'call':
      return `Call · ${item.title}`;
    default:
      return item.title;
  }
}

function ItemBody({ item }: { item: TimelineItem }) {
  const d = item.detail ?? {};
  if (item.kind === 'note' && typeof d.body === 'string') {
    // The body was sanitized to a small allowlist by the server.
    return <div className="note-body text-sm [&_span[data-mention]]:font-medium [&_span[data-mention]]:text-primary" dangerouslySetInnerHTML={{ __html: d.body }} />;
  }
  if (item.kind === 'touch') {
    return (
      <div className="flex flex-wrap items-center gap-1.5 text-sm text-muted-foreground">
        {typeof d.outcome === 'string' && <Badge variant={OUTCOME_BADGES[d.outcome] ?? 'neutral'}>{d.outcome}</Badge>}
        {typeof d.disposition === 'string' && <Badge variant="outline">{d.disposition.replace(/_/g, ' ')}</Badge>}
        {typeof d.summary === 'string' && <span>{d.summary}</span>}
      </div>
    );
  }
  if (item.kind === 'task') {
    const done = d.status === 'done';
    return (
      <div className="flex flex-wrap items-center gap-1.5 text-sm text-muted-foreground">
        <Badge variant={done ? 'success' : 'info'}>{done ? 'Done' : 'Open'}</Badge>
        {typeof d.dueAt === 'string' && <span>due {formatDateTime(d.dueAt)}</span>}
      </div>
    );
  }
  if (item.kind === 'field_change' && d.changes && typeof d.changes === 'object') {
    const fields = Object.keys(d.changes as object);
    return fields.length ? <p className="truncate text-sm text-muted-foreground">{fields.slice(0, 6).join(', ')}{fields.length > 6 ? ` and ${fields.length - 6} more` : ''}</p> : null;
  }
  if (item.kind === 'email') {
    const outcomes = [
      d.bounce === 'hard' ? 'Hard bounce' : d.bounce === 'soft' ? 'Soft bounce' : typeof d.deliveredAt === 'string' ? 'Delivered' : null,
      typeof d.openedAt === 'string' ? 'Opened' : null,
      typeof d.clickedAt === 'string' ? 'Clicked' : null,
      typeof d.unsubscribedAt === 'string' ? 'Unsubscribed' : null,
      typeof d.complainedAt === 'string' ? 'Complaint' : null,
    ].filter((o): o is string => o !== null);
    return outcomes.length ? <p className="text-sm text-muted-foreground">{outcomes.join(' · ')}</p> : null;
  }
  if (item.kind === 'call') {
    const seconds = typeof d.talkSeconds === 'number' ? d.talkSeconds : null;
    return (
      <div className="grid gap-1.5">
        <div className="flex flex-wrap items-center gap-1.5 text-sm text-muted-foreground">
          {typeof d.outcome === 'string' && <Badge variant={OUTCOME_BADGES[d.outcome] ?? 'neutral'}>{d.outcome}</Badge>}
          {typeof d.disposition === 'string' && <Badge variant="outline">{d.disposition}</Badge>}
          {d.abandoned === true && <Badge variant="danger">Abandoned</Badge>}
          {typeof d.hangupCause === 'string' && d.bridgedAt === undefined && <span>{d.hangupCause.replace(/_/g, ' ')}</span>}
          {seconds !== null && (
            <span>
              {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, '0')} talk
            </span>
          )}
        </div>
        {typeof d.consentAnnouncedAt === 'string' && (
          <p className="text-sm text-muted-foreground">
            Consent announcement played <time dateTime={d.consentAnnouncedAt}>{formatDateTime(d.consentAnnouncedAt)}</time>
          </p>
        )}
        {typeof d.recordingUrl === 'string' && typeof d.callId === 'string' && <RecordingPlayer callId={d.callId} />}
      </div>
    );
  }
  if (item.kind === 'consent' && typeof d.source === 'string') return <p className="text-sm text-muted-foreground">Source: {d.source}</p>;
  return null;
}

export interface RecordTimelineProps {
  kind: RecordKind;
  id: string;
  /** The record's name, for the task dialog's title. */
  name: string;
  /** Contact of the record, for tasks (a contact's own id; none on an account). */
  contactId?: string;
  accountId?: string;
  canWrite: boolean;
}

export function RecordTimeline({ kind, id, name, contactId, accountId, canWrite }: RecordTimelineProps) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [channels, setChannels] = useState<TouchChannel[]>([]);
  const [taskOpen, setTaskOpen] = useState(false);
  const feed = useTimeline(kind, id, kinds, channels);
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <SectionCard
      id={`${kind}-activity`}
      title="Activity"
      description={kind === 'account' ? 'Everything done with this account and its contacts, newest first.' : 'Everything done with this person, newest first.'}
      actions={
        canWrite && (
          <Button size="sm" variant="outline" onClick={() => setTaskOpen(true)}>
            <CalendarClock aria-hidden="true" />
            Add task
          </Button>
        )
      }
    >
      <div className="grid gap-4">
        {canWrite && <NoteComposer kind={kind} id={id} />}
        <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Show only">
          {TIMELINE_KINDS.map((k) => (
            <Button key={k} size="sm" variant={kinds.includes(k) ? 'default' : 'outline'} aria-pressed={kinds.includes(k)} className="h-7 rounded-full px-2.5 text-xs" onClick={() => setKinds(toggle(kinds, k))}>
              {TIMELINE_KIND_LABELS[k]}
            </Button>
          ))}
          <span className="mx-1 h-4 w-px bg-border" aria-hidden="true" />
          {CHANNELS.map((c) => (
            <Button key={c.value} size="sm" variant={channels.includes(c.value) ? 'default' : 'outline'} aria-pressed={channels.includes(c.value)} className="h-7 rounded-full px-2.5 text-xs" onClick={() => setChannels(toggle(channels, c.value))}>
              <c.icon aria-hidden="true" />
              {c.label}
            </Button>
          ))}
        </div>
        {feed.isLoading ? (
          <div className="grid gap-3" aria-busy="true" aria-label="Loading activity">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : feed.isError ? (
          <ErrorState compact description={describeError(feed.error)} onRetry={() => void feed.refetch()} retrying={feed.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState
            compact
            icon={<Activity />}
            title={kinds.length || channels.length ? 'Nothing of this kind yet' : 'No activity yet'}
            description={kinds.length || channels.length ? 'Clear the filters to see everything.' : 'Emails, calls, notes and tasks will be listed here.'}
          />
        ) : (
          <ol className="relative grid gap-4 border-l border-border pl-5" aria-label={`${kind === 'account' ? 'Account' : 'Contact'} activity`}>
            {items.map((item) => {
              const Icon = KIND_ICONS[item.kind];
              return (
                <li key={item.id} className="relative" data-kind={item.kind}>
                  <span className="absolute -left-[31px] top-0 grid size-5 place-items-center rounded-full border border-border bg-card text-muted-foreground" aria-hidden="true">
                    <Icon className="size-3" />
                  </span>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
                    <span className="font-medium">{titleOf(item)}</span>
                    {item.channel && <Badge variant="outline">{item.channel}</Badge>}
                    {kind === 'account' && item.contactId && (
                      <Link href={`/contacts/${item.contactId}`} className="text-xs text-primary hover:underline">
                        {item.contactName ?? 'a contact'}
                      </Link>
                    )}
                    <span className="text-xs text-muted-foreground">{item.actorName ?? ''}</span>
                    <time dateTime={item.at} title={formatDateTime(item.at)} className="ml-auto text-xs text-muted-foreground">
                      {formatRelative(item.at)}
                    </time>
                  </div>
                  <ItemBody item={item} />
                </li>
              );
            })}
          </ol>
        )}
        {feed.hasNextPage && (
          <Button variant="outline" size="sm" className="justify-self-start" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
            {feed.isFetchingNextPage ? 'Loading…' : 'Show older'}
          </Button>
        )}
      </div>
      {taskOpen && <TaskDialog open onOpenChange={setTaskOpen} recordName={name} contactId={contactId ?? null} accountId={accountId ?? null} />}
    </SectionCard>
  );
}
