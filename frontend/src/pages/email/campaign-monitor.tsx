// A campaign past its draft: where sending stands (queued, sent, failed — refreshed while it
// sends), pause, resume and cancel, follow-ups to the failed or the non-openers, the manual A/B
// winner, and the report.
import { lazy, Suspense, useState } from 'react';
import { useLocation } from 'wouter';
import { Ban, Pause, Play, RotateCcw, Send, Trophy } from 'lucide-react';
import type { Campaign } from '@shared/contracts/email';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { OptionSelect } from '@/components/ui/option-select';
import { ProgressBar } from '@/components/ui/progress-bar';
import { SectionCard } from '@/components/ui/section-card';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { campaignHref, useCampaignControl, useFollowUp, usePickWinner, type CampaignControl } from '@/features/email/campaigns-api';
import { formatNumber } from '@/features/email/campaign-status';
import { formatDateTime } from '@/features/records/format';
import { describeError } from '@/lib/api';

const CampaignReport = lazy(() => import('@/features/email/report/campaign-report'));

function scheduleText(c: Campaign): string {
  if (!c.schedule) return '';
  if (c.schedule.kind === 'now') return 'Sent as soon as it was scheduled.';
  if (c.schedule.kind === 'at') return `Scheduled for ${formatDateTime(c.schedule.at)}.`;
  return `Scheduled for ${c.schedule.time} on ${c.schedule.date} in each recipient’s time zone (fallback ${c.schedule.fallbackZone}).`;
}

export function CampaignMonitor({ campaign }: { campaign: Campaign }) {
  return (
    <div className="grid gap-6">
      <SendingPanel campaign={campaign} />
      {campaign.abTest && campaign.variants.length > 1 && !campaign.winnerVariantId && ['sending', 'paused', 'sent'].includes(campaign.status) && <WinnerPanel campaign={campaign} />}
      {campaign.status !== 'scheduled' && (
        <Suspense fallback={<Skeleton className="h-96" aria-label="Loading the report" />}>
          <CampaignReport campaign={campaign} />
        </Suspense>
      )}
    </div>
  );
}

function SendingPanel({ campaign }: { campaign: Campaign }) {
  const [, navigate] = useLocation();
  const control = useCampaignControl(campaign.id);
  const followUp = useFollowUp(campaign.id);
  const [cancelling, setCancelling] = useState(false);
  const { counts, status } = campaign;
  const total = counts.admitted || counts.audience;
  const processed = counts.sent + counts.failed + counts.uncertain;
  const percent = total > 0 ? (processed / total) * 100 : status === 'sent' ? 100 : 0;

  async function act(action: CampaignControl) {
    try {
      await control.mutateAsync(action);
      toast.success(action === 'pause' ? 'Sending paused.' : action === 'resume' ? 'Sending resumed.' : 'Campaign cancelled.');
    } catch (error) {
      toast.error(`The campaign could not be ${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'cancelled'}`, { description: describeError(error) });
      throw error;
    }
  }

  async function startFollowUp(kind: 'failed' | 'non_openers') {
    try {
      const draft = await followUp.mutateAsync(kind);
      toast.success(`Follow-up “${draft.name}” created as a draft.`);
      navigate(campaignHref(draft.id));
    } catch (error) {
      toast.error('The follow-up could not be created', { description: describeError(error) });
    }
  }

  const canCancel = status === 'scheduled' || status === 'sending' || status === 'paused';
  return (
    <SectionCard
      title={status === 'scheduled' ? 'Scheduled' : status === 'sending' ? 'Sending' : status === 'paused' ? 'Paused' : status === 'cancelled' ? 'Cancelled' : 'Sent'}
      description={
        status === 'scheduled'
          ? scheduleText(campaign)
          : status === 'sending'
            ? 'The counts refresh every few seconds. You can leave this page: sending carries on.'
            : campaign.finishedAt
              ? `Finished ${formatDateTime(campaign.finishedAt)}.`
              : campaign.startedAt
                ? `Started ${formatDateTime(campaign.startedAt)}.`
                : undefined
      }
      actions={
        <>
          {status === 'sending' && (
            <Button variant="outline" size="sm" onClick={() => void act('pause').catch(() => undefined)} loading={control.isPending && control.variables === 'pause'}>
              <Pause aria-hidden="true" /> Pause
            </Button>
          )}
          {status === 'paused' && (
            <Button size="sm" onClick={() => void act('resume').catch(() => undefined)} loading={control.isPending && control.variables === 'resume'}>
              <Play aria-hidden="true" /> Resume
            </Button>
          )}
          {canCancel && (
            <Button variant="outline" size="sm" className="text-danger-text" onClick={() => setCancelling(true)}>
              <Ban aria-hidden="true" /> Cancel campaign
            </Button>
          )}
          {(status === 'sent' || status === 'cancelled' || status === 'paused') && counts.failed > 0 && (
            <Button variant="outline" size="sm" onClick={() => void startFollowUp('failed')} disabled={followUp.isPending}>
              <RotateCcw aria-hidden="true" /> Resend to failed
            </Button>
          )}
          {status === 'sent' && (
            <Button variant="outline" size="sm" onClick={() => void startFollowUp('non_openers')} disabled={followUp.isPending}>
              <Send aria-hidden="true" /> Send to non-openers
            </Button>
          )}
        </>
      }
    >
      <div className="grid gap-4">
        {campaign.pausedReason && (
          <p role="alert" className="rounded-lg border border-warning/40 bg-warning-subtle px-3 py-2.5 text-sm text-warning-text">
            <span className="font-semibold">Why it stopped:</span> {campaign.pausedReason}
          </p>
        )}
        {status !== 'scheduled' && (
          <ProgressBar
            value={total > 0 || status === 'sent' ? percent : null}
            label="Send progress"
            valueText={`${formatNumber(processed)} of ${formatNumber(total)} processed`}
            tone={status === 'cancelled' ? 'warning' : status === 'sent' ? 'success' : 'primary'}
          />
        )}
        {status === 'scheduled' && (
          <p className="text-sm text-muted-foreground">
            The audience is taken when sending starts: who is suppressed or over the contact policy then is left out and counted here.
          </p>
        )}
        {status !== 'scheduled' && (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-live={status === 'sending' ? 'polite' : undefined}>
            {(
              [
                ['Audience', counts.audience],
                ['Admitted', counts.admitted],
                ['Excluded', counts.excluded],
                ['Queued', counts.queued],
                ['Sent', counts.sent],
                ['Failed', counts.failed],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-lg border border-border bg-muted/40 px-3 py-2">
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="font-mono text-lg font-semibold tabular" data-testid={`count-${label.toLowerCase()}`}>
                  {formatNumber(value)}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {counts.uncertain > 0 && (
          <p className="text-xs text-muted-foreground">
            {formatNumber(counts.uncertain)} {counts.uncertain === 1 ? 'message was' : 'messages were'} in flight when sending was interrupted: the provider may or may not have accepted{' '}
            {counts.uncertain === 1 ? 'it' : 'them'}, so {counts.uncertain === 1 ? 'it is' : 'they are'} not resent.
          </p>
        )}
      </div>
      <ConfirmDialog
        open={cancelling}
        onOpenChange={setCancelling}
        destructive
        title="Cancel this campaign?"
        description="Nobody else gets it. What has been sent stays sent, and a cancelled campaign cannot be resumed."
        confirmLabel="Cancel campaign"
        cancelLabel="Keep it"
        onConfirm={() => act('cancel')}
      />
    </SectionCard>
  );
}

function WinnerPanel({ campaign }: { campaign: Campaign }) {
  const pick = usePickWinner(campaign.id);
  const [variantId, setVariantId] = useState(campaign.variants[0]?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  const chosen = campaign.variants.find((v) => v.id === variantId);
  return (
    <SectionCard
      title="A/B winner"
      description={
        campaign.abTest?.manual
          ? 'The rest of the audience waits until you pick the winning variant.'
          : `The winner is picked by ${campaign.abTest?.metric === 'unique_open_rate' ? 'unique open rate' : 'unique click rate'} ${campaign.abTest?.windowHours} hours after the test sends; you can pick it now instead.`
      }
    >
      <div className="flex flex-wrap items-end gap-3">
        <OptionSelect aria-label="Winning variant" className="w-40" options={campaign.variants.map((v) => ({ value: v.id, label: `Variant ${v.key}` }))} value={variantId} onValueChange={setVariantId} />
        <Button onClick={() => setConfirming(true)} disabled={!chosen}>
          <Trophy aria-hidden="true" /> Pick winner
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Send variant ${chosen?.key ?? ''} to the rest?`}
        description="The rest of the audience gets this variant. This cannot be changed afterwards."
        confirmLabel={`Pick variant ${chosen?.key ?? ''}`}
        onConfirm={async () => {
          try {
            await pick.mutateAsync(variantId);
            toast.success(`Variant ${chosen?.key ?? ''} picked: sending it to the rest.`);
          } catch (error) {
            toast.error(describeError(error));
            throw error;
          }
        }}
      />
    </SectionCard>
  );
}
