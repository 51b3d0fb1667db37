// Calls per agent over a period: calls, talk time, after-call work (total and per call),
// positives and conversion, and their dispositions.
import { Users } from 'lucide-react';
import type { AgentReportRow } from '@shared/contracts/telephony';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { useAgentReport } from '../telephony-api';
import { formatPercent, formatSpan } from './abandonment';

export function AgentReport({ from, to }: { from: string; to: string }) {
  const report = useAgentReport(from, to);
  if (report.isPending) return <Skeleton className="h-48" aria-label="Loading the agent report" />;
  if (report.isError) return <ErrorState compact title="The agent report could not be loaded" description={describeError(report.error)} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  const rows: AgentReportRow[] = [...report.data].sort((a, b) => b.calls - a.calls);
  if (rows.length === 0) return <EmptyState compact icon={<Users />} title="No calls in this period" description="Agents' calls appear here once they have taken some." />;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Calls per agent">
        <thead>
          <tr className="border-b border-border bg-muted text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground [&_th]:h-9 [&_th]:px-3 [&_th]:whitespace-nowrap">
            <th scope="col">Agent</th>
            <th scope="col" className="text-right">Calls</th>
            <th scope="col" className="text-right">Talk time</th>
            <th scope="col" className="text-right">After-call work</th>
            <th scope="col" className="text-right">Positives</th>
            <th scope="col" className="text-right">Conversion</th>
            <th scope="col">Dispositions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agentId} className="border-b border-border last:border-0 [&_td]:h-10 [&_td]:px-3">
              <th scope="row" className="px-3 text-left font-medium whitespace-nowrap">
                {r.agentName}
              </th>
              <td className="text-right font-mono tabular">{r.calls.toLocaleString('en-US')}</td>
              <td className="text-right font-mono tabular whitespace-nowrap">{formatSpan(r.talkSeconds)}</td>
              <td className="text-right font-mono tabular whitespace-nowrap" title={r.calls ? `${formatSpan(r.afterCallSeconds / r.calls)} per call` : undefined}>
                {formatSpan(r.afterCallSeconds)}
              </td>
              <td className="text-right font-mono tabular">{r.positives.toLocaleString('en-US')}</td>
              <td className="text-right font-mono tabular">{formatPercent(r.conversion)}</td>
              <td>
                <div className="flex flex-wrap gap-1">
                  {Object.entries(r.dispositions)
                    .sort((a, b) => b[1] - a[1])
                    .map(([label, count]) => (
                      <Badge key={label} variant="outline">
                        {label.replace(/_/g, ' ')} <span className="font-mono tabular">{count}</span>
                      </Badge>
                    ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
