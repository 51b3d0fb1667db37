// Lead reports (/leads/reports): over a range of days, optionally one campaign, how many leads are
// in each state, the approval rate and why leads are rejected, how long they wait in QA, the same
// per agent and per campaign, how often the pipeline's suggestion matched the analyst, and what
// the AI cost. Reviewers and managers (`leads.review`).
import { lazy, Suspense, useMemo, useState } from 'react';
import { BarChart3, Bot, CheckCircle2, Clock, Coins, Inbox } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OptionSelect } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { ReportSkeleton, Skeleton } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { AgreementMatrix, AiCostTable, GroupTable, RejectionReasons } from '@/features/leads/reports/report-tables';
import { dateInputValue, formatAudioMinutes, formatDuration, formatMicros, formatRate, rangeOfDays } from '@/features/leads/reports/report-format';
import { useLeadReport } from '@/features/leads/reports/reports-api';
import { describeError } from '@/lib/api';

const LeadStatesChart = lazy(() => import('@/features/leads/reports/lead-states-chart'));

const ALL = 'all';
const DAY = 86_400_000;

export default function LeadReportsPage() {
  const [fromDay, setFromDay] = useState(() => dateInputValue(new Date(Date.now() - 29 * DAY)));
  const [toDay, setToDay] = useState(() => dateInputValue(new Date()));
  const [campaign, setCampaign] = useState<string>(ALL);
  const range = useMemo(() => rangeOfDays(fromDay, toDay), [fromDay, toDay]);
  const query = useMemo(() => ({ ...(range ?? {}), ...(campaign !== ALL ? { campaignId: campaign } : {}) }), [range, campaign]);
  // The campaigns to choose from: those with leads in the range.
  const everything = useLeadReport(range ?? {});
  const report = useLeadReport(query);
  const campaignOptions = useMemo(
    () => [
      { value: ALL, label: 'All campaigns' },
      ...(everything.data?.byCampaign ?? []).filter((c) => c.campaignId).map((c) => ({ value: c.campaignId!, label: c.campaignName })),
    ],
    [everything.data],
  );

  const filters = (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1">
        <Label htmlFor="lead-reports-from">From</Label>
        <Input id="lead-reports-from" type="date" className="w-40" value={fromDay} max={toDay} onChange={(e) => setFromDay(e.target.value)} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-reports-to">To</Label>
        <Input id="lead-reports-to" type="date" className="w-40" value={toDay} min={fromDay} onChange={(e) => setToDay(e.target.value)} />
      </div>
      <div className="grid gap-1">
        <Label htmlFor="lead-reports-campaign">Campaign</Label>
        <OptionSelect id="lead-reports-campaign" className="w-64" options={campaignOptions} value={campaign} onValueChange={setCampaign} />
      </div>
    </div>
  );

  let body;
  if (!range) {
    body = <ErrorState compact title="Choose a range" description="The last day must not be before the first." />;
  } else if (report.isPending) {
    body = <ReportSkeleton label="Loading the lead report" cards={5} className="gap-5" gridClassName="lg:grid-cols-5" />;
  } else if (report.isError) {
    body = <ErrorState title="The lead report could not be loaded" description={describeError(report.error)} onRetry={() => void report.refetch()} retrying={report.isFetching} />;
  } else if (report.data.total === 0) {
    body = <EmptyState icon={<Inbox />} title="No leads in this period" description="Leads made from positive calls, imports or by hand appear here with their QA figures." />;
  } else {
    const r = report.data;
    const v = r.verdicts;
    body = (
      <div className="grid grid-cols-[minmax(0,1fr)] gap-5" aria-busy={report.isFetching}>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatCard label="Leads" value={r.total} icon={<BarChart3 />} highlight hint={`${v.approved + v.rejected} with a verdict`} />
          <StatCard
            label="Approval rate"
            value={(v.approvalRate ?? 0) * 100}
            format={(x) => (v.approvalRate === null ? '—' : formatRate(x / 100))}
            icon={<CheckCircle2 />}
            hint={`${v.approved} approved, ${v.rejected} rejected`}
          />
          <StatCard
            label="Time in QA (median)"
            value={v.timeInQa.p50Seconds ?? 0}
            format={(x) => (v.timeInQa.p50Seconds === null ? '—' : formatDuration(x))}
            icon={<Clock />}
            hint={`p95 ${formatDuration(v.timeInQa.p95Seconds)}, queue to verdict`}
          />
          <StatCard
            label="AI agreement"
            value={(r.agreement.rate ?? 0) * 100}
            format={(x) => (r.agreement.rate === null ? '—' : formatRate(x / 100))}
            icon={<Bot />}
            hint={`${r.agreement.agreed} of ${r.agreement.compared} suggestions matched`}
          />
          <StatCard
            label="AI cost"
            value={r.aiCost.costMicros}
            format={formatMicros}
            icon={<Coins />}
            hint={`${formatAudioMinutes(r.aiCost.audioSeconds)} of audio, ${(r.aiCost.inputTokens + r.aiCost.outputTokens).toLocaleString('en-US')} tokens`}
          />
        </div>
        <div className="grid grid-cols-[minmax(0,1fr)] gap-5 xl:grid-cols-2">
          <SectionCard id="lead-states" title="Leads by state">
            <Suspense fallback={<Skeleton className="h-72" aria-label="Loading the chart" />}>
              <LeadStatesChart byState={r.byState} />
            </Suspense>
          </SectionCard>
          <SectionCard id="lead-rejections" title="Rejection reasons" description="The reason given with each rejected lead’s verdict." flush>
            {r.rejectionReasons.length ? (
              <RejectionReasons reasons={r.rejectionReasons} />
            ) : (
              <EmptyState compact icon={<CheckCircle2 />} title="No rejections" description="No lead was rejected in this period." />
            )}
          </SectionCard>
        </div>
        <SectionCard
          id="lead-agreement"
          title="AI against human verdicts"
          description="The pipeline’s suggested verdict against the analyst’s. Agreement counts the leads suggested approve or reject that have a verdict."
          flush
        >
          <AgreementMatrix agreement={r.agreement} />
        </SectionCard>
        <SectionCard id="lead-agents" title="Per agent" description="Leads by the agent whose call made them." flush>
          <GroupTable label="Leads per agent" heading="Agent" rows={r.byAgent.map((a) => ({ key: a.agentId ?? 'none', name: a.agentName, ...a }))} />
        </SectionCard>
        <SectionCard id="lead-campaigns" title="Per campaign" flush>
          <GroupTable label="Leads per campaign" heading="Campaign" rows={r.byCampaign.map((c) => ({ key: c.campaignId ?? 'none', name: c.campaignName, ...c }))} />
        </SectionCard>
        <SectionCard id="lead-ai-cost" title="AI cost" description="Transcription and scoring calls for these leads, failed attempts included." flush>
          {r.aiCost.byStage.length ? (
            <AiCostTable cost={r.aiCost} />
          ) : (
            <EmptyState compact icon={<Coins />} title="No AI cost" description="No vendor was called for these leads: without keys the pipeline uses the rule scorer." />
          )}
        </SectionCard>
      </div>
    );
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-5">
      <HeaderActionBar className="pb-0" title="Lead reports" description="How leads move through QA, how analysts decide, and what the AI costs." />
      {filters}
      {body}
    </div>
  );
}
