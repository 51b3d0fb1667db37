// The dialer's queues with their live counts: status (and why it paused), mode and current
// ratio, queued, dialing and connected calls, abandonment over 30 days (amber from 2 %, red from
// 2.8 %), agents by status, the last tick; per queue pause or resume, fill, and settings.
import { Pause, Play, Settings2, ListPlus } from 'lucide-react';
import { AGENT_STATUSES, AGENT_STATUS_LABELS, type DialerQueue } from '@shared/contracts/telephony';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDateTime, formatRelative } from '@/features/records/format';
import { cn } from '@/lib/utils';
import { STATUS_BADGES } from '../agent-status-control';
import { abandonTone, formatRate } from './abandonment';

const TONE_CLASSES = { ok: 'text-foreground', warning: 'bg-warning-subtle text-warning-text', danger: 'bg-danger-subtle text-danger-text font-semibold' } as const;

export interface QueuesTableProps {
  queues: DialerQueue[];
  busyId: string | null;
  onToggle(queue: DialerQueue): void;
  onFill(queue: DialerQueue): void;
  onSettings(queue: DialerQueue): void;
}

const num = (n: number) => n.toLocaleString('en-US');

export function QueuesTable({ queues, busyId, onToggle, onFill, onSettings }: QueuesTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Dialer queues">
        <thead>
          <tr className="border-b border-border bg-muted text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground [&_th]:h-9 [&_th]:px-3 [&_th]:whitespace-nowrap">
            <th scope="col">Campaign</th>
            <th scope="col">Status</th>
            <th scope="col">Mode</th>
            <th scope="col" className="text-right">Queued</th>
            <th scope="col" className="text-right">Dialing</th>
            <th scope="col" className="text-right">Connected</th>
            <th scope="col" className="text-right">Abandoned</th>
            <th scope="col">Agents</th>
            <th scope="col">Last tick</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => {
            const tone = abandonTone(q.abandonment.rate);
            const busy = busyId === q.campaignId;
            return (
              <tr key={q.campaignId} className="border-b border-border last:border-0 [&_td]:h-11 [&_td]:px-3" data-testid={`queue-${q.campaignId}`}>
                <th scope="row" className="min-w-40 px-3 text-left font-medium">
                  {q.campaignName}
                </th>
                <td>
                  <div className="flex flex-col items-start gap-0.5">
                    <Badge variant={q.status === 'active' ? 'success' : 'warning'} dot>
                      {q.status === 'active' ? 'Dialing' : 'Paused'}
                    </Badge>
                    {q.pausedReason && <span className="max-w-48 truncate text-xs text-muted-foreground" title={q.pausedReason}>{q.pausedReason}</span>}
                  </div>
                </td>
                <td className="whitespace-nowrap">
                  <span className="capitalize">{q.settings.mode}</span>
                  {q.settings.mode === 'power' && <span className="ml-1 font-mono text-xs text-muted-foreground">×{q.currentRatio.toFixed(1)}</span>}
                </td>
                <td className="text-right font-mono tabular">{num(q.counts.queued)}</td>
                <td className="text-right font-mono tabular">{num(q.live.dialing)}</td>
                <td className="text-right font-mono tabular">{num(q.live.connected)}</td>
                <td className="text-right">
                  <span
                    className={cn('inline-block rounded px-1.5 py-0.5 font-mono tabular', TONE_CLASSES[tone])}
                    data-tone={tone}
                    title={`${num(q.abandonment.abandoned)} of ${num(q.abandonment.answered)} answered calls in 30 days`}
                  >
                    {formatRate(q.abandonment.rate)}
                  </span>
                </td>
                <td>
                  <div className="flex min-w-36 flex-wrap gap-1">
                    {AGENT_STATUSES.filter((s) => s !== 'offline' && (q.agents[s] ?? 0) > 0).map((s) => (
                      <Badge key={s} variant={STATUS_BADGES[s]} title={AGENT_STATUS_LABELS[s]}>
                        {q.agents[s]} {AGENT_STATUS_LABELS[s].toLowerCase()}
                      </Badge>
                    ))}
                    {AGENT_STATUSES.every((s) => s === 'offline' || !(q.agents[s] ?? 0)) && <span className="text-xs text-muted-foreground">No agent on</span>}
                  </div>
                </td>
                <td className="whitespace-nowrap text-xs text-muted-foreground">
                  {q.lastTickAt ? (
                    <time dateTime={q.lastTickAt} title={formatDateTime(q.lastTickAt)}>
                      {formatRelative(q.lastTickAt)}
                    </time>
                  ) : (
                    'never'
                  )}
                </td>
                <td>
                  <div className="flex justify-end gap-1">
                    <Button size="sm" variant={q.status === 'active' ? 'outline' : 'default'} loading={busy} onClick={() => onToggle(q)} aria-label={`${q.status === 'active' ? 'Pause' : 'Resume'} ${q.campaignName}`}>
                      {!busy && (q.status === 'active' ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />)}
                      {q.status === 'active' ? 'Pause' : 'Resume'}
                    </Button>
                    <Button size="icon-sm" variant="ghost" onClick={() => onFill(q)} aria-label={`Fill the queue of ${q.campaignName}`} title="Fill the queue from the audience">
                      <ListPlus aria-hidden="true" />
                    </Button>
                    <Button size="icon-sm" variant="ghost" onClick={() => onSettings(q)} aria-label={`Settings of ${q.campaignName}`} title="Settings">
                      <Settings2 aria-hidden="true" />
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
