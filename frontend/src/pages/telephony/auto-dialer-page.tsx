// The dialer's control centre (/telephony/auto-dialer): every queue with its live counts
// (refreshed every 2 s), pause and resume, fill, settings; reports per agent over a period,
// per campaign (with a chart by day) and the compliance report of abandoned calls.
import { useMemo, useState } from 'react';
import { PhoneForwarded } from 'lucide-react';
import type { DialerQueue } from '@shared/contracts/telephony';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { OptionSelect } from '@/components/ui/option-select';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { AgentReport } from '@/features/telephony/dialer/agent-report';
import { CampaignCallReport } from '@/features/telephony/dialer/campaign-call-report';
import { ComplianceReport } from '@/features/telephony/dialer/compliance-report';
import { DialerSettingsDialog } from '@/features/telephony/dialer/dialer-settings-dialog';
import { QueuesTable } from '@/features/telephony/dialer/queues-table';
import { useDialerQueues, useFillQueue, usePauseQueue, useStartQueue } from '@/features/telephony/telephony-api';
import { describeError } from '@/lib/api';

const PERIODS = [
  { value: '1', label: 'Today' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
] as const;
type Period = (typeof PERIODS)[number]['value'];

/** The period as an ISO range; days start at local midnight so "Today" is the agent's day. */
function rangeOf(period: Period): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - (Number(period) - 1));
  return { from: start.toISOString(), to: new Date(Math.ceil(Date.now() / 60_000) * 60_000).toISOString() };
}

function Totals({ queues }: { queues: DialerQueue[] }) {
  const sum = (pick: (q: DialerQueue) => number) => queues.reduce((total, q) => total + pick(q), 0).toLocaleString('en-US');
  const figures = [
    { label: 'Queued', value: sum((q) => q.counts.queued) },
    { label: 'Dialing now', value: sum((q) => q.live.dialing) },
    { label: 'Connected now', value: sum((q) => q.live.connected) },
    { label: 'Agents available', value: sum((q) => q.agents.available ?? 0) },
    { label: 'Agents on calls', value: sum((q) => q.agents.busy ?? 0) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5" aria-label="Totals across queues">
      {figures.map((f) => (
        <div key={f.label} className="rounded-lg border border-border bg-card px-4 py-2.5 shadow-xs">
          <dt className="text-xs font-medium text-muted-foreground">{f.label}</dt>
          <dd className="font-mono text-xl font-semibold tabular">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function AutoDialerPage() {
  const queues = useDialerQueues();
  const start = useStartQueue();
  const pause = usePauseQueue();
  const fill = useFillQueue();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editing, setEditing] = useState<DialerQueue | null>(null);
  const [period, setPeriod] = useState<Period>('7');
  const [chosenCampaign, setChosenCampaign] = useState<string | null>(null);
  const list = useMemo(() => queues.data ?? [], [queues.data]);
  const campaignId = chosenCampaign ?? list[0]?.campaignId ?? null;
  const range = useMemo(() => rangeOf(period), [period]);

  async function act(queue: DialerQueue, run: () => Promise<unknown>, done: string, failed: string) {
    setBusyId(queue.campaignId);
    try {
      await run();
      toast.success(done);
    } catch (error) {
      toast.error(failed, { description: describeError(error) });
    } finally {
      setBusyId(null);
    }
  }

  const campaignPicker = (
    <OptionSelect
      aria-label="Campaign"
      size="sm"
      className="w-64"
      options={list.map((q) => ({ value: q.campaignId, label: q.campaignName }))}
      value={campaignId ?? undefined}
      onValueChange={setChosenCampaign}
      placeholder="Choose a campaign"
      disabled={list.length === 0}
    />
  );

  return (
    // minmax(0, 1fr): the wide tables scroll inside their cards instead of widening the page.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-5">
      <HeaderActionBar
        className="pb-0"
        title="Auto-dialer"
        description="The dialer's queues as they run, their settings, and what they did."
        meta={
          queues.isSuccess && (
            <Badge variant="success" dot>
              Live
            </Badge>
          )
        }
      />
      {queues.isSuccess && list.length > 0 && <Totals queues={list} />}
      <SectionCard id="dialer-queues" title="Queues" description="Counts refresh every 2 seconds. Abandonment is over the last 30 days: amber from 2 %, red from 2.8 %." flush>
        {queues.isPending ? (
          <div className="grid gap-2 p-5" aria-busy="true" aria-label="Loading the queues">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-10" />
            ))}
          </div>
        ) : queues.isError ? (
          <ErrorState title="The queues could not be loaded" description={describeError(queues.error)} onRetry={() => void queues.refetch()} retrying={queues.isFetching} />
        ) : list.length === 0 ? (
          <EmptyState icon={<PhoneForwarded />} title="No dialer queues yet" description="A call campaign gets its queue when it is activated with an audience and agents." />
        ) : (
          <QueuesTable
            queues={list}
            busyId={busyId}
            onToggle={(q) =>
              void act(
                q,
                () => (q.status === 'active' ? pause.mutateAsync(q.campaignId) : start.mutateAsync(q.campaignId)),
                q.status === 'active' ? `${q.campaignName} paused.` : `${q.campaignName} is dialing.`,
                q.status === 'active' ? 'The queue could not be paused' : 'The queue could not be resumed',
              )
            }
            onFill={(q) => void act(q, () => fill.mutateAsync(q.campaignId), `The queue of ${q.campaignName} is being filled.`, 'The queue could not be filled')}
            onSettings={setEditing}
          />
        )}
      </SectionCard>
      <SectionCard id="dialer-reports" title="Reports">
        <Tabs defaultValue="agents">
          <TabsList aria-label="Report">
            <TabsTrigger value="agents">Agents</TabsTrigger>
            <TabsTrigger value="campaign">Campaign</TabsTrigger>
            <TabsTrigger value="compliance">Compliance</TabsTrigger>
          </TabsList>
          <TabsContent value="agents" className="grid gap-3">
            <OptionSelect aria-label="Period" size="sm" className="w-44" options={PERIODS} value={period} onValueChange={setPeriod} />
            <AgentReport from={range.from} to={range.to} />
          </TabsContent>
          <TabsContent value="campaign" className="grid gap-3">
            {campaignPicker}
            {campaignId ? <CampaignCallReport campaignId={campaignId} /> : <EmptyState compact title="No campaign to report on" />}
          </TabsContent>
          <TabsContent value="compliance" className="grid gap-3">
            {campaignPicker}
            {campaignId ? <ComplianceReport campaignId={campaignId} /> : <EmptyState compact title="No campaign to report on" />}
          </TabsContent>
        </Tabs>
      </SectionCard>
      {editing && <DialerSettingsDialog queue={editing} open onOpenChange={(open) => !open && setEditing(null)} />}
    </div>
  );
}
