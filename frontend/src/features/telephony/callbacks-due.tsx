// The agent's callbacks that are due: each names the person and when it was promised, opens the
// contact, and (preview mode) dials them through the API.
import { Link } from 'wouter';
import { CalendarCheck, PhoneOutgoing } from 'lucide-react';
import type { ConsoleState } from '@shared/contracts/telephony';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime, formatRelative } from '@/features/records/format';

export interface CallbacksDueProps {
  callbacks: ConsoleState['callbacksDue'];
  /** Dials a contact now (on the callback's campaign when known); null when the agent may not dial (on a call, offline). */
  onDial: ((contactId: string, campaignId: string | null) => void) | null;
  dialing: boolean;
}

export function CallbacksDue({ callbacks, onDial, dialing }: CallbacksDueProps) {
  if (callbacks.length === 0) return <EmptyState compact icon={<CalendarCheck />} title="No callbacks due" description="Callbacks you promise appear here when their time comes." />;
  const now = Date.now();
  return (
    <ul className="divide-y divide-border" aria-label="Callbacks due">
      {callbacks.map((cb) => {
        const overdue = Date.parse(cb.dueAt) < now - 15 * 60_000;
        return (
          <li key={cb.taskId} className="flex items-center gap-3 py-2">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">
                {cb.contactId ? (
                  <Link href={`/contacts/${cb.contactId}`} className="hover:underline">
                    {cb.title}
                  </Link>
                ) : (
                  cb.title
                )}
              </p>
              <p className={overdue ? 'text-xs font-medium text-danger-text' : 'text-xs text-muted-foreground'}>
                <time dateTime={cb.dueAt} title={formatDateTime(cb.dueAt)}>
                  due {formatRelative(cb.dueAt)}
                </time>
              </p>
            </div>
            {cb.contactId && onDial && (
              <Button size="sm" variant="outline" disabled={dialing} onClick={() => onDial(cb.contactId!, cb.campaignId ?? null)} aria-label={`Dial ${cb.title}`}>
                <PhoneOutgoing aria-hidden="true" />
                Dial
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
