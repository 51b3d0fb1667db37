// One call campaign's report: attempts, connects, positives and abandonment, the days as a chart
// (loaded on first view), and the outcome of every dispositioned call by disposition.
import { lazy, Suspense } from 'react';
import { BarChart3 } from 'lucide-react';
import { DISPOSITION_CLASS_LABELS } from '@shared/contracts/telephony';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ReportSkeleton, Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { cn } from '@/lib/utils';
import { CLASS_BADGES } from '../wrap-up-panel';
import { useCampaignCallReport } from '../telephony-api';
import { abandonTone, formatPercent, formatRate } from './abandonment';

const CampaignCallsChart = lazy(() => import('./campaign-calls-chart'));

function Figure({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: 'warning' | 'danger' | 'ok' }) {
  return (
    <div className={cn('rounded-lg border border-border bg-card px-4 py-3', tone === 'warning' && 'border-warning/40 bg-warning-subtle', tone === 'danger' && 'border-danger/40 bg-danger-subtle')}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className={cn('mt-1 font-mono text-2xl font-semibold tabular', tone === 'warning' && 'text-warning-text', tone === 'danger' && 'text-danger-text')}>{value}</dd>
      {hint && <dd className="mt-0.5 text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}

export function CampaignCallReport({ campaignId }: { campaignId: string }) {
  const report = useCampaignCallReport(campaignId);
  if (report.isPending) return <ReportSkeleton label="Loading the campaign report" cards={4} className="gap-3" gridClassName="lg:grid-cols-4" />;
  if (report.isError) return <ErrorState compact title="The report could not be loaded" description={describeError(report.error)} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  const r = report.data;
  const n = (v: number) => v.toLocaleString('en-US');
  return (
    <div className="grid gap-5">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure label="Attempts" value={n(r.attempts)} />
        <Figure label="Connects" value={n(r.connects)} hint={r.attempts ? `${formatPercent(r.connects / r.attempts)} of attempts` : undefined} />
        <Figure label="Positives" value={n(r.positives)} hint={r.connects ? `${formatPercent(r.positives / r.connects)} of connects` : undefined} />
        <Figure label="Abandoned" value={formatRate(r.abandonmentRate)} hint={`${n(r.abandoned)} of ${n(r.answered)} answered`} tone={abandonTone(r.abandonmentRate)} />
      </dl>
      {r.byDay.length === 0 ? (
        <EmptyState compact icon={<BarChart3 />} title="No calls yet" description="Days appear here once the dialer has called." />
      ) : (
        <Suspense fallback={<Skeleton className="h-72" aria-label="Loading the chart" />}>
          <CampaignCallsChart byDay={r.byDay} />
        </Suspense>
      )}
      {r.dispositions.length > 0 && (
        <table className="w-full text-sm" aria-label="Dispositions">
          <thead>
            <tr className="border-b border-border text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground [&_th]:h-8 [&_th]:px-3">
              <th scope="col">Disposition</th>
              <th scope="col">Outcome</th>
              <th scope="col" className="text-right">
                Calls
              </th>
            </tr>
          </thead>
          <tbody>
            {r.dispositions.map((d) => (
              <tr key={d.label} className="border-b border-border last:border-0 [&_td]:h-9 [&_td]:px-3">
                <td className="font-medium">{d.label}</td>
                <td>
                  <Badge variant={CLASS_BADGES[d.outcomeClass]}>{DISPOSITION_CLASS_LABELS[d.outcomeClass]}</Badge>
                </td>
                <td className="text-right font-mono tabular">{n(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
