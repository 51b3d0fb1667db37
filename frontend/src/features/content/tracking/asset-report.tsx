// An asset's report: views, clicks by people, contacts who clicked and leads (tiles), the same by
// campaign (a table), and clicks and views per day (a small chart, loaded on demand). Bots and
// link scanners are counted apart.
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { BarChart3, Bot, Eye, MousePointerClick, Target, Users } from 'lucide-react';
import { CAMPAIGN_KIND_LABELS } from '@shared/contracts/content-tracking';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { describeError } from '@/lib/api';
import { campaignHref } from './asset-usage';
import { useAssetReport } from './tracking-api';

const AssetReportChart = lazy(() => import('./asset-report-chart'));

export interface AssetReportProps {
  assetId: string;
}

const number = (n: number) => n.toLocaleString('en-US');

export function AssetReport({ assetId }: AssetReportProps) {
  const report = useAssetReport(assetId);
  const data = report.data;
  const loading = report.isLoading;
  const nothing = data !== undefined && data.totals.clicks === 0 && data.totals.views === 0 && data.totals.automated === 0;

  return (
    <SectionCard id="asset-report" title="Report" description="Views and clicks of this asset's tracking links, and the leads of the campaigns whose contacts clicked.">
      {report.isError ? (
        <ErrorState compact description={describeError(report.error)} onRetry={() => void report.refetch()} retrying={report.isFetching} />
      ) : (
        <div className="grid gap-4">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
            <StatCard label="Clicks" value={data?.totals.clicks ?? 0} icon={<MousePointerClick />} loading={loading} highlight />
            <StatCard label="People who clicked" value={data?.totals.clickers ?? 0} icon={<Users />} loading={loading} />
            <StatCard label="Views" value={data?.totals.views ?? 0} icon={<Eye />} loading={loading} hint="Landing page opened" />
            <StatCard label="Leads" value={data?.totals.leads ?? 0} icon={<Target />} loading={loading} hint="Of campaigns whose contact clicked" />
            <StatCard label="Automated" value={data?.totals.automated ?? 0} icon={<Bot />} loading={loading} hint="Bots and link scanners, not counted above" />
          </div>
          {loading ? (
            <Skeleton className="h-40 w-full" />
          ) : nothing ? (
            <EmptyState compact icon={<BarChart3 />} title="No clicks yet" description="Clicks and views appear here once contacts follow this asset's tracking links." />
          ) : (
            data && (
              <>
                <Suspense fallback={<Skeleton className="h-64 w-full" />}>
                  <AssetReportChart daily={data.daily} />
                </Suspense>
                {data.campaigns.length > 0 && (
                  <div className="overflow-x-auto rounded-md border border-border">
                    <table className="w-full text-sm">
                      <caption className="sr-only">Clicks and leads by campaign</caption>
                      <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                        <tr>
                          <th scope="col" className="px-3 py-2 font-medium">Campaign</th>
                          <th scope="col" className="px-3 py-2 font-medium">Kind</th>
                          <th scope="col" className="px-3 py-2 text-right font-medium">Clicks</th>
                          <th scope="col" className="px-3 py-2 text-right font-medium">People</th>
                          <th scope="col" className="px-3 py-2 text-right font-medium">Leads</th>
                        </tr>
                      </thead>
                      <tbody className="divide-y divide-border">
                        {data.campaigns.map((c) => (
                          <tr key={`${c.campaignKind}:${c.campaignId}`}>
                            <td className="px-3 py-2">
                              <Link href={campaignHref(c.campaignKind, c.campaignId)} className="font-medium text-primary underline-offset-4 hover:underline">
                                {c.campaignName}
                              </Link>
                            </td>
                            <td className="px-3 py-2 text-muted-foreground">{CAMPAIGN_KIND_LABELS[c.campaignKind]}</td>
                            <td className="px-3 py-2 text-right font-mono tabular-nums">{number(c.clicks)}</td>
                            <td className="px-3 py-2 text-right font-mono tabular-nums">{number(c.clickers)}</td>
                            <td className="px-3 py-2 text-right font-mono tabular-nums">{number(c.leads)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </>
            )
          )}
        </div>
      )}
    </SectionCard>
  );
}
