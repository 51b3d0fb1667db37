// One lead's review at /leads/:id: the call (recording and transcript by speaker) beside the
// factor scores whose evidence chips play the words they quote, the account check, the checklist
// that gates approval, the lead's details (corrected in place), its history, the pipeline's stages
// and costs, and its deliveries. The verdicts offered are the ones the API says this user may
// make (`nextStates`); every action has a key (`?` lists them).
import { useCallback, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { ArrowRight, Check, Keyboard, RotateCcw, Undo2, X } from 'lucide-react';
import { LEAD_STATE_LABELS, type LeadListPage, type LeadState } from '@shared/contracts/leads';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { ShortcutsDialog, type ShortcutGroup } from '@/components/ui/shortcuts-dialog';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toast';
import { api, describeError, isApiError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { useHotkeys } from '@/lib/hotkeys';
import { NotFound } from '@/shell/page-states';
import { LeadStateBadge, PipelineBadge } from '@/features/leads/lead-badges';
import { leadName } from '@/features/leads/lead-columns';
import { LEADS_API, transitionLead, useLead, useLeadRefresh, useReasonCodes } from '@/features/leads/leads-api';
import { nextInOrder, recalledQueue } from '@/features/leads/queue-order';
import { usePageHelp } from '@/features/leads/use-page-help';
import { AccountCheckPanel } from '@/features/leads/review/account-check';
import { ChecklistPanel, missingRequired } from '@/features/leads/review/checklist';
import { DeliveriesPanel } from '@/features/leads/review/deliveries-panel';
import { numberQuotes, type PlayableQuote } from '@/features/leads/review/evidence';
import { FactorScores } from '@/features/leads/review/factor-scores';
import { LeadFieldsPanel } from '@/features/leads/review/lead-fields-panel';
import { CorrectionsPanel, TransitionsPanel } from '@/features/leads/review/lead-history';
import { PipelinePanel } from '@/features/leads/review/pipeline-panel';
import { RecordingTranscript } from '@/features/leads/review/recording-transcript';
import { useAudioControl } from '@/features/leads/review/use-audio-control';
import { VerdictDialog, reasonRequired } from '@/features/leads/review/verdict-dialog';

const REVIEW_SHORTCUTS: ShortcutGroup[] = [
  {
    heading: 'This lead',
    shortcuts: [
      { combo: 'a', label: 'Approve' },
      { combo: 'r', label: 'Reject (with a reason)' },
      { combo: 'e', label: 'Edit the lead’s details' },
      { combo: 'n', label: 'Next lead in the queue' },
      { combo: 'j', label: 'Next lead (as j in the queue)' },
      { combo: 'u', label: 'Back to the queue' },
    ],
  },
  {
    heading: 'Recording',
    shortcuts: [
      { combo: 'p', label: 'Play / pause' },
      { combo: '1', label: 'Play evidence 1 (… up to 9)' },
      { combo: '?', label: 'These shortcuts' },
    ],
  },
];

const MOVE_LABELS: Partial<Record<LeadState, string>> = { approved: 'Approve', rejected: 'Reject…', under_review: 'Reopen', returned: 'Record return…', replaced: 'Mark replaced' };

function ReviewSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading the lead">
      <Skeleton className="h-8 w-72" />
      <div className="grid gap-4 xl:grid-cols-2">
        <Skeleton className="h-96" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}

export function LeadReview({ id }: { id: string }) {
  const [, navigate] = useLocation();
  const { can } = useAuth();
  const lead = useLead(id);
  const data = lead.data;
  const refresh = useLeadRefresh();
  const reasons = useReasonCodes();
  const audio = useAudioControl();
  const [activeQuote, setActiveQuote] = useState<PlayableQuote | null>(null);
  const [editing, setEditing] = useState(false);
  const [dialogTo, setDialogTo] = useState<LeadState | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [moving, setMoving] = useState<LeadState | null>(null);

  const quotes = useMemo(() => numberQuotes(data?.scoring?.factors ?? []), [data?.scoring]);
  const reviewable = can('leads.review');
  const missing = data ? missingRequired(data) : [];
  const next = data?.nextStates ?? [];
  const reasonLabel = useCallback((code: string) => reasons.data?.find((r) => r.code === code)?.label ?? code, [reasons.data]);

  const playQuote = useCallback(
    (quote: PlayableQuote) => {
      setActiveQuote(quote);
      audio.seekAndPlay(quote.evidence.startMs);
    },
    [audio],
  );

  const goNext = useCallback(async () => {
    const remembered = recalledQueue();
    const fromQueue = remembered ? nextInOrder(remembered.ids, id) : null;
    if (fromQueue) return navigate(`/leads/${fromQueue}`);
    try {
      const page = await api.get<LeadListPage>(LEADS_API, { state: 'under_review', limit: 5 });
      const other = page.items.find((item) => item.id !== id);
      if (other) navigate(`/leads/${other.id}`);
      else {
        toast.success('The queue is empty.');
        navigate('/leads');
      }
    } catch (error) {
      toast.error(describeError(error));
    }
  }, [id, navigate]);

  const move = useCallback(
    async (to: LeadState) => {
      if (!data) return;
      if (reasonRequired(data.state, to) || to === 'rejected' || to === 'returned') {
        setDialogTo(to);
        return;
      }
      setMoving(to);
      try {
        await transitionLead(data.id, { to });
        toast.success(`${leadName(data)}: ${LEAD_STATE_LABELS[to]}.`);
        refresh(data.id);
      } catch (error) {
        toast.error(describeError(error));
      } finally {
        setMoving(null);
      }
    },
    [data, refresh],
  );

  const approveBlocked = missing.length > 0 ? `Tick first: ${missing.join(', ')}` : null;
  const approve = useCallback(() => {
    if (!next.includes('approved')) return;
    if (approveBlocked) {
      toast.error(approveBlocked);
      return;
    }
    void move('approved');
  }, [next, approveBlocked, move]);

  const openHelp = useCallback(() => setHelpOpen(true), []);
  usePageHelp(openHelp);
  useHotkeys(
    [
      { combo: 'n', handler: () => void goNext() },
      { combo: 'j', handler: () => void goNext() },
      { combo: 'u', handler: () => navigate('/leads') },
      { combo: 'a', handler: approve },
      { combo: 'r', handler: () => next.includes('rejected') && setDialogTo('rejected') },
      { combo: 'e', handler: () => reviewable && setEditing(true) },
      { combo: 'p', handler: audio.toggle },
      ...Array.from({ length: 9 }, (_, i) => ({
        combo: String(i + 1),
        handler: () => {
          const quote = quotes[i];
          if (quote) playQuote(quote);
        },
      })),
    ],
    data !== undefined && dialogTo === null && !helpOpen,
  );

  if (lead.isPending) return <ReviewSkeleton />;
  if (lead.isError) {
    if (isApiError(lead.error) && lead.error.status === 404) return <NotFound />;
    return <ErrorState title="The lead could not be loaded" description={describeError(lead.error)} onRetry={() => void lead.refetch()} retrying={lead.isFetching} />;
  }
  const l = lead.data;
  const company = [l.fields.title, l.fields.company].filter(Boolean).join(' at ');

  return (
    <div className="grid gap-4" data-testid="lead-review">
      <div>
        <BackLink href="/leads">Lead QA queue</BackLink>
      </div>
      <HeaderActionBar
        className="pb-0"
        title={leadName(l)}
        meta={
          <>
            <LeadStateBadge state={l.state} />
            {l.pipelineStatus === 'needs_review' && <PipelineBadge status={l.pipelineStatus} reason={l.pipelineReason} />}
          </>
        }
        description={[company, l.campaignName, l.agentName && `agent ${l.agentName}`].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            {next.map((to) =>
              to === 'approved' ? (
                <Button key={to} onClick={approve} disabled={approveBlocked !== null} loading={moving === 'approved'} title="Approve (A)" aria-describedby={approveBlocked ? 'approve-blocked' : undefined}>
                  <Check aria-hidden="true" />
                  Approve
                </Button>
              ) : (
                <Button
                  key={to}
                  variant={to === 'rejected' || to === 'returned' ? 'outline' : 'secondary'}
                  className={to === 'rejected' ? 'text-danger-text' : undefined}
                  onClick={() => void move(to)}
                  loading={moving === to}
                  title={to === 'rejected' ? 'Reject (R)' : undefined}
                >
                  {to === 'rejected' ? <X aria-hidden="true" /> : to === 'under_review' ? <RotateCcw aria-hidden="true" /> : <Undo2 aria-hidden="true" />}
                  {MOVE_LABELS[to] ?? LEAD_STATE_LABELS[to]}
                </Button>
              ),
            )}
            <Button variant="outline" onClick={() => void goNext()} title="Next lead (N)">
              Next
              <ArrowRight aria-hidden="true" />
            </Button>
            <Button variant="ghost" size="icon" onClick={openHelp} aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
              <Keyboard aria-hidden="true" />
            </Button>
          </>
        }
      />
      {approveBlocked && next.includes('approved') && (
        <p id="approve-blocked" className="-mt-2 text-right text-sm text-warning-text" data-testid="approve-blocked">
          Approval waits for the checklist: {missing.join(', ')}.
        </p>
      )}
      {l.state === 'rejected' && l.reasonCode && (
        <p className="rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2 text-sm text-danger-text">
          Rejected: {reasonLabel(l.reasonCode)}
          {l.reasonNote && ` — ${l.reasonNote}`}
        </p>
      )}
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="grid gap-4 xl:sticky xl:top-4">
          <RecordingTranscript lead={l} audio={audio} activeQuote={activeQuote} />
          <ChecklistPanel lead={l} editable={reviewable && l.state === 'under_review'} onSaved={() => refresh(l.id)} />
        </div>
        <div className="grid gap-4">
          <FactorScores scoring={l.scoring} quotes={quotes} activeQuote={activeQuote} canPlay={audio.ready} onPlay={playQuote} />
          <AccountCheckPanel check={l.accountCheck} />
          <LeadFieldsPanel lead={l} editable={reviewable} editing={editing} onEditingChange={setEditing} onSaved={() => refresh(l.id)} />
        </div>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-3">
        <DeliveriesPanel lead={l} canDeliver={reviewable} onDelivered={() => refresh(l.id)} />
        <TransitionsPanel lead={l} reasonLabel={reasonLabel} />
        <CorrectionsPanel lead={l} />
      </div>
      <PipelinePanel lead={l} />
      <VerdictDialog
        leadId={l.id}
        from={l.state}
        to={dialogTo}
        onOpenChange={(open) => !open && setDialogTo(null)}
        onDone={(to) => {
          toast.success(`${leadName(l)}: ${LEAD_STATE_LABELS[to]}.`);
          refresh(l.id);
        }}
      />
      <ShortcutsDialog groups={REVIEW_SHORTCUTS} open={helpOpen} onOpenChange={setHelpOpen} hotkey={false} />
    </div>
  );
}
