// The person on the line (or next): name, title, account, the number being called, their local
// time, and the call's own state as the API has it (ringing, answered, bridged, ended).
import { Link } from 'wouter';
import { Building2, Clock, ExternalLink, Mail, Phone } from 'lucide-react';
import type { Contact } from '@shared/contracts/accounts';
import type { Call, CallState } from '@shared/contracts/telephony';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/error-state';
import { describeError } from '@/lib/api';
import { isTimeZone, localTimeIn } from './callback-time';
import { useNow } from './use-now';

export const CALL_STATE_LABELS: Record<CallState, string> = {
  initiated: 'Dialing',
  ringing: 'Ringing',
  answered: 'Answered',
  bridged: 'Connected',
  ended: 'Ended',
};
const CALL_STATE_BADGES: Record<CallState, BadgeVariant> = { initiated: 'info', ringing: 'warning', answered: 'warning', bridged: 'success', ended: 'neutral' };

export function contactDisplayName(contact: Pick<Contact, 'fullName' | 'firstName' | 'lastName' | 'email'>): string {
  const joined = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return contact.fullName ?? (joined || contact.email || 'Unnamed contact');
}

export interface CallContactCardProps {
  call: Call;
  contact: Contact | undefined;
  loading: boolean;
  error: unknown;
  onRetry(): void;
}

export function CallContactCard({ call, contact, loading, error, onRetry }: CallContactCardProps) {
  const now = useNow(30_000);
  if (loading) {
    return (
      <div className="grid gap-2" aria-busy="true" aria-label="Loading the contact">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-64" />
        <Skeleton className="h-4 w-40" />
      </div>
    );
  }
  if (error || !contact) {
    return call.contactId ? (
      <ErrorState compact title="The contact could not be loaded" description={describeError(error)} onRetry={onRetry} />
    ) : (
      <div className="grid gap-1">
        <p className="font-mono text-lg font-semibold">{call.toNumber}</p>
        <p className="text-sm text-muted-foreground">No contact record is linked to this call.</p>
      </div>
    );
  }
  const zone = isTimeZone(contact.timezone) ? contact.timezone : null;
  return (
    <div className="grid gap-3">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="truncate text-lg font-semibold leading-tight" data-testid="call-contact-name">
            {contactDisplayName(contact)}
          </h2>
          {contact.jobTitle && <p className="truncate text-sm text-muted-foreground">{contact.jobTitle}</p>}
        </div>
        <Badge variant={CALL_STATE_BADGES[call.state]} dot data-testid="api-call-state">
          {CALL_STATE_LABELS[call.state]}
        </Badge>
      </div>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-2.5 gap-y-1.5 text-sm [&_dt]:text-muted-foreground [&_svg]:size-3.5">
        <dt>
          <Building2 aria-label="Account" />
        </dt>
        <dd className="truncate">
          {contact.account ? (
            <Link href={`/accounts/${contact.account.id}`} className="font-medium hover:underline">
              {contact.account.name}
            </Link>
          ) : (
            <span className="text-muted-foreground">No account</span>
          )}
          {contact.account?.domain && <span className="ml-1.5 font-mono text-xs text-muted-foreground">{contact.account.domain}</span>}
        </dd>
        <dt>
          <Phone aria-label="Number called" />
        </dt>
        <dd className="font-mono">{call.toNumber}</dd>
        {contact.email && (
          <>
            <dt>
              <Mail aria-label="Email" />
            </dt>
            <dd className="truncate">{contact.email}</dd>
          </>
        )}
        <dt>
          <Clock aria-label="Local time" />
        </dt>
        <dd>
          {zone ? (
            <>
              <span className="font-medium">{localTimeIn(zone, now)}</span> <span className="text-muted-foreground">where they are ({zone})</span>
            </>
          ) : (
            <span className="text-muted-foreground">{[contact.city, contact.state, contact.country].filter(Boolean).join(', ') || 'Local time unknown'}</span>
          )}
        </dd>
      </dl>
      <Link href={`/contacts/${contact.id}`} className="inline-flex items-center gap-1 text-xs font-medium text-primary hover:underline">
        Open the contact <ExternalLink className="size-3" aria-hidden="true" />
      </Link>
    </div>
  );
}
