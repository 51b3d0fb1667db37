// A campaign's report (its own chunk: Recharts is heavy): headline cards (sent, delivered,
// bounces hard and soft, unique opens with machine opens apart, clicks, unsubscribes,
// complaints and their rates), activity over time, per variant with the winner, per link, per
// recipient domain, who was left out and why, and the recipients table.
import type { ReactNode } from 'react';
import { Trophy } from 'lucide-react';
import type { Campaign } from '@shared/contracts/email';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SectionCard } from '@/components/ui/section-card';
import { ReportSkeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/api';
import { isRouteMissing, useCampaignReport } from '../campaigns-api';
import { formatNumber, formatRate } from '../campaign-status';
import { RecipientsTable } from './recipients-table';
import { ReportChart } from './report-chart';

/** A figure card: a count with its rate beside it, or (`value` a string) a rate on its own. */
function Metric({ label, value, rate, hint }: { label: string; value: number | string; rate?: string; hint?: ReactNode }) {
  return (
    <div className="rounded-lg border border-border bg-card px-4 py-3 shadow-xs" data-testid={`metric-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 flex items-baseline gap-2">
        <span className="font-mono text-2xl font-semibold tabular">{typeof value === 'number' ? formatNumber(value) : value}</span>
        {rate && <span className="font-mono text-sm text-muted-foreground tabular">{rate}</span>}
      </dd>
      {hint && <dd className="mt-0.5 text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}

function SimpleTable({ caption, head, rows, empty }: { caption: string; head: Array<{ label: string; numeric?: boolean }>; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="px-5 py-6 text-sm text-muted-foreground">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-border bg-muted text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {head.map((h) => (
              <th key={h.label} scope="col" className={`h-9 px-4 ${h.numeric ? 'text-right' : ''}`}>
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-b border-border last:border-0">
              {row.map((cell, j) => (
                <td key={j} className={`h-9 px-4 ${head[j]?.numeric ? 'text-right font-mono tabular' : ''}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function CampaignReport({ campaign }: { campaign: Campaign }) {
  const report = useCampaignReport(campaign.id, campaign.status === 'sending');
  if (report.isPending) return <ReportSkeleton label="Loading the report" cards={8} className="gap-4" gridClassName="md:grid-cols-4" />;
  if (report.isError && isRouteMissing(report.error)) {
    return <EmptyState title="The report is not available yet" description="This server does not serve campaign reports yet: the counts above are the campaign's own." />;
  }
  if (report.isError) return <ErrorState title="The report could not be loaded" description={describeError(report.error)} onRetry={() => void report.refetch()} retrying={report.isFetching} />;

  const { totals, variants, series, links, domains, exclusions } = report.data;
  const base = totals.delivered > 0 ? totals.delivered : totals.sent;
  const exclusionRows = Object.entries(exclusions).sort((a, b) => b[1] - a[1]);
  return (
    <div className="grid gap-6">
      <section aria-labelledby="report-heading" className="grid gap-3">
        <h2 id="report-heading" className="text-lg font-semibold tracking-tight">
          Report
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-5">
          <Metric label="Sent" value={totals.sent} hint={`${formatNumber(totals.admitted)} admitted of ${formatNumber(totals.audience)}`} />
          <Metric label="Delivered" value={totals.delivered} rate={formatRate(totals.delivered, totals.sent)} />
          <Metric label="Hard bounces" value={totals.hardBounced} rate={formatRate(totals.hardBounced, totals.sent)} hint="Suppressed from now on" />
          <Metric label="Soft bounces" value={totals.softBounced} rate={formatRate(totals.softBounced, totals.sent)} />
          <Metric label="Unique opens" value={totals.uniqueOpens} rate={formatRate(totals.uniqueOpens, base)} hint={`+ ${formatNumber(totals.machineOpens)} machine opens (privacy proxies, scanners), not counted`} />
          <Metric label="Unique clicks" value={totals.uniqueClicks} rate={formatRate(totals.uniqueClicks, base)} hint={`+ ${formatNumber(totals.machineClicks)} machine clicks, not counted`} />
          <Metric label="Click-to-open" value={formatRate(totals.uniqueClicks, totals.uniqueOpens)} hint={`${formatNumber(totals.uniqueClicks)} unique clicks of ${formatNumber(totals.uniqueOpens)} unique opens`} />
          <Metric label="Unsubscribes" value={totals.unsubscribed} rate={formatRate(totals.unsubscribed, base)} />
          <Metric label="Complaints" value={totals.complained} rate={formatRate(totals.complained, base)} hint="Marked as spam; suppressed" />
          <Metric label="Failed" value={totals.failed} rate={formatRate(totals.failed, totals.admitted)} />
        </dl>
      </section>

      <SectionCard title="Over time" description="Opens, clicks and bounces per hour since sending started.">
        {series.length === 0 ? <EmptyState compact title="No activity yet" description="Opens and clicks appear here as they arrive." /> : <ReportChart series={series} />}
      </SectionCard>

      <div className="grid gap-6 xl:grid-cols-2">
        {variants.length > 1 && (
          <SectionCard title="Variants" flush>
            <SimpleTable
              caption="Results per variant"
              head={[{ label: 'Variant' }, { label: 'Sent', numeric: true }, { label: 'Unique opens', numeric: true }, { label: 'Open rate', numeric: true }, { label: 'Unique clicks', numeric: true }, { label: 'Click rate', numeric: true }]}
              rows={variants.map((v) => [
                <span key="k" className="inline-flex items-center gap-1.5 font-medium">
                  Variant {v.key}
                  {v.winner && (
                    <span className="inline-flex items-center gap-1 rounded-full bg-success-subtle px-1.5 text-xs text-success-text">
                      <Trophy className="size-3" aria-hidden="true" /> Winner
                    </span>
                  )}
                </span>,
                formatNumber(v.sent),
                formatNumber(v.uniqueOpens),
                formatRate(v.uniqueOpens, v.sent),
                formatNumber(v.uniqueClicks),
                formatRate(v.uniqueClicks, v.sent),
              ])}
              empty="No variant results yet."
            />
          </SectionCard>
        )}
        <SectionCard title="Links" flush>
          <SimpleTable
            caption="Clicks per link"
            head={[{ label: '#', numeric: true }, { label: 'Link' }, { label: 'Clicks', numeric: true }, { label: 'Unique', numeric: true }]}
            rows={links.map((l) => [l.index + 1, <span key="u" className="block max-w-md truncate font-mono text-xs" title={l.url}>{l.url}</span>, formatNumber(l.clicks), formatNumber(l.uniqueClicks)])}
            empty="No link has been clicked yet."
          />
        </SectionCard>
        <SectionCard title="Recipient domains" flush>
          <SimpleTable
            caption="Results per recipient domain"
            head={[{ label: 'Domain' }, { label: 'Sent', numeric: true }, { label: 'Delivered', numeric: true }, { label: 'Bounced', numeric: true }, { label: 'Opened', numeric: true }, { label: 'Clicked', numeric: true }]}
            rows={domains.map((d) => [<span key="d" className="font-mono text-xs">{d.domain}</span>, formatNumber(d.sent), formatNumber(d.delivered), formatNumber(d.bounced), formatNumber(d.opened), formatNumber(d.clicked)])}
            empty="Nothing sent yet."
          />
        </SectionCard>
        <SectionCard title="Left out" description="Contacts of the audience the gate did not admit, by reason — at the snapshot and after it." flush>
          <SimpleTable caption="Exclusions by reason" head={[{ label: 'Reason' }, { label: 'Contacts', numeric: true }]} rows={exclusionRows.map(([reason, n]) => [reason.replace(/_/g, ' '), formatNumber(n)])} empty="Nobody was left out." />
        </SectionCard>
      </div>

      <section aria-labelledby="recipients-heading" className="grid gap-3">
        <h2 id="recipients-heading" className="text-lg font-semibold tracking-tight">
          Recipients
        </h2>
        <RecipientsTable campaignId={campaign.id} />
      </section>
    </div>
  );
}
