// The compliance report of a call campaign: abandonment over the rolling 30 days against the
// 3 % limit, and every abandoned call with its timestamps from the webhooks (started, answered
// by a person, safe-harbour message, ended) and how long the person waited for the message.
import { ShieldCheck } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { useComplianceReport } from '../telephony-api';
import { abandonTone, formatRate } from './abandonment';

const stamp = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });
const time = (iso: string | null) => (iso ? <time dateTime={iso}>{stamp.format(new Date(iso))}</time> : <span className="text-muted-foreground">—</span>);

function waitSeconds(answeredAt: string, messageAt: string | null): string {
  if (!messageAt) return '—';
  return `${((Date.parse(messageAt) - Date.parse(answeredAt)) / 1000).toFixed(1)} s`;
}

export function ComplianceReport({ campaignId }: { campaignId: string }) {
  const report = useComplianceReport(campaignId);
  if (report.isPending) return <Skeleton className="h-48" aria-label="Loading the compliance report" />;
  if (report.isError) return <ErrorState compact title="The compliance report could not be loaded" description={describeError(report.error)} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  const r = report.data;
  const tone = abandonTone(r.rate);
  return (
    <div className="grid gap-4">
      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className={cn('rounded px-2 py-0.5 font-mono text-lg font-semibold tabular', tone === 'warning' && 'bg-warning-subtle text-warning-text', tone === 'danger' && 'bg-danger-subtle text-danger-text')} data-tone={tone}>
          {formatRate(r.rate)}
        </span>
        <span className="text-muted-foreground">
          abandoned over the last {r.windowDays} days: {r.abandoned.toLocaleString('en-US')} of {r.answered.toLocaleString('en-US')} calls answered by a person; the limit is {formatRate(r.limit)}.
        </span>
      </p>
      {r.calls.length === 0 ? (
        <EmptyState compact icon={<ShieldCheck />} title="No abandoned calls" description="Every person who answered in the last 30 days reached an agent within 2 seconds." />
      ) : (
        <div className="max-h-96 overflow-auto rounded-lg border border-border">
          <table className="w-full text-sm" aria-label="Abandoned calls">
            <thead className="sticky top-0 bg-muted">
              <tr className="text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground [&_th]:h-9 [&_th]:px-3 [&_th]:whitespace-nowrap">
                <th scope="col">Number</th>
                <th scope="col">Started</th>
                <th scope="col">Answered</th>
                <th scope="col">Message</th>
                <th scope="col" className="text-right">
                  Wait
                </th>
                <th scope="col">Ended</th>
              </tr>
            </thead>
            <tbody>
              {r.calls.map((c) => (
                <tr key={c.callId} className="border-t border-border [&_td]:h-9 [&_td]:px-3 [&_td]:whitespace-nowrap" title={`Call ${c.callId}`}>
                  <td className="font-mono">{c.toNumber}</td>
                  <td>{time(c.startedAt)}</td>
                  <td>{time(c.answeredAt)}</td>
                  <td>{time(c.messageAt)}</td>
                  <td className="text-right font-mono tabular">{waitSeconds(c.answeredAt, c.messageAt)}</td>
                  <td>{time(c.endedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
