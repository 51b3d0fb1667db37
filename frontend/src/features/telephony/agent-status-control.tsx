// The agent's status: Offline, Available and Break are the agent's to choose; On a call and
// After-call work are set by the system (the dialer's bridge, the call's end) and shown with
// the time in status. Going available needs a connected phone: the dialer bridges a person
// within 2 s of their answer, and a dead phone would make that call an abandoned one.
import type { KeyboardEvent } from 'react';
import { Coffee, PhoneIncoming, PhoneOff } from 'lucide-react';
import { AGENT_STATUS_LABELS, type AgentPresence, type AgentStatus } from '@shared/contracts/telephony';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { cn } from '@/lib/utils';
import { formatClock } from './softphone-state';
import { secondsSince, useNow } from './use-now';

const CHOICES: Array<{ status: AgentStatus; icon: typeof Coffee }> = [
  { status: 'offline', icon: PhoneOff },
  { status: 'available', icon: PhoneIncoming },
  { status: 'break', icon: Coffee },
];

export const STATUS_BADGES: Record<AgentStatus, BadgeVariant> = {
  offline: 'neutral',
  available: 'success',
  busy: 'info',
  after_call_work: 'warning',
  break: 'accent',
};

export interface AgentStatusControlProps {
  presence: AgentPresence;
  onChange(status: AgentStatus): void;
  pending: boolean;
  /** Why Available cannot be chosen now (the phone is not connected), or null. */
  availableBlockedReason: string | null;
}

/**
 * Arrow keys move between the choices; Space or Enter takes one. Choosing on arrow (the usual
 * radio behaviour) would change the agent's status on the way to another.
 */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
  const radios = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]:not(:disabled)')];
  const at = radios.indexOf(document.activeElement as HTMLButtonElement);
  const step = event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 1;
  radios[(at + step + radios.length) % radios.length]?.focus();
  event.preventDefault();
}

export function AgentStatusControl({ presence, onChange, pending, availableBlockedReason }: AgentStatusControlProps) {
  const now = useNow();
  const system = presence.status === 'busy' || presence.status === 'after_call_work';
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="flex items-center gap-2 text-sm" aria-live="polite">
        <Badge variant={STATUS_BADGES[presence.status]} dot data-testid="agent-status">
          {AGENT_STATUS_LABELS[presence.status]}
        </Badge>
        <span className="font-mono text-xs text-muted-foreground tabular" title="Time in status">
          <span className="sr-only">for </span>
          {formatClock(secondsSince(presence.since, now))}
        </span>
      </div>
      <div role="radiogroup" aria-label="Agent status" className="inline-flex h-9 items-center gap-1 rounded-lg bg-muted p-1" onKeyDown={moveFocus}>
        {CHOICES.map(({ status, icon: Icon }) => {
          const checked = presence.status === status;
          const blocked = status === 'available' && !checked && availableBlockedReason !== null;
          // A call in progress cannot be walked away from here: it ends first.
          const disabled = pending || presence.status === 'busy' || blocked;
          return (
            <button
              key={status}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked || (!CHOICES.some((c) => c.status === presence.status) && status === 'offline') ? 0 : -1}
              disabled={disabled}
              title={blocked ? (availableBlockedReason ?? undefined) : system ? `Set by the system: ${AGENT_STATUS_LABELS[presence.status]}` : undefined}
              onClick={() => !checked && onChange(status)}
              className={cn(
                'inline-flex h-7 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-3.5',
                checked && 'bg-card text-foreground shadow-sm',
              )}
            >
              <Icon aria-hidden="true" />
              {AGENT_STATUS_LABELS[status]}
            </button>
          );
        })}
      </div>
    </div>
  );
}
