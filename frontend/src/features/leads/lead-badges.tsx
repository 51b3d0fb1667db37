// The lead's badges: its state, where the pipeline has it (with the "needs manual review" flag
// and why), the suggested verdict and the score, in the same colours on the queue and the page.
import { AlertTriangle, Bot, ListChecks } from 'lucide-react';
import { LEAD_STATE_LABELS, type LeadState, type LeadSummary, type PipelineStatus } from '@shared/contracts/leads';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { cn } from '@/lib/utils';

const STATE_VARIANTS: Record<LeadState, BadgeVariant> = {
  new: 'neutral',
  under_review: 'info',
  approved: 'success',
  rejected: 'danger',
  published: 'accent',
  returned: 'warning',
  replaced: 'neutral',
};

export function LeadStateBadge({ state }: { state: LeadState }) {
  return (
    <Badge variant={STATE_VARIANTS[state]} dot data-testid="lead-state">
      {LEAD_STATE_LABELS[state]}
    </Badge>
  );
}

export const PIPELINE_LABELS: Record<PipelineStatus, string> = {
  pending: 'Pending',
  transcribing: 'Transcribing',
  scoring: 'Scoring',
  verifying: 'Verifying',
  queued: 'Queued',
  needs_review: 'Needs manual review',
};

export function PipelineBadge({ status, reason }: { status: PipelineStatus; reason: string | null }) {
  if (status === 'needs_review') {
    return (
      <Badge variant="warning" title={reason ?? undefined}>
        <AlertTriangle aria-hidden="true" />
        {PIPELINE_LABELS.needs_review}
        {reason && <span className="sr-only">: {reason}</span>}
      </Badge>
    );
  }
  return <Badge variant={status === 'queued' ? 'outline' : 'neutral'}>{PIPELINE_LABELS[status]}</Badge>;
}

export const VERDICT_LABELS: Record<NonNullable<LeadSummary['suggestedVerdict']>, string> = {
  approve: 'Approve',
  reject: 'Reject',
  review: 'Review',
};
const VERDICT_VARIANTS: Record<NonNullable<LeadSummary['suggestedVerdict']>, BadgeVariant> = { approve: 'success', reject: 'danger', review: 'warning' };

export function SuggestedVerdictBadge({ verdict, scorer }: { verdict: LeadSummary['suggestedVerdict']; scorer: LeadSummary['scorer'] }) {
  if (!verdict) return <span className="text-muted-foreground">—</span>;
  return (
    <Badge variant={VERDICT_VARIANTS[verdict]} title={scorer ? `Suggested by the ${scorer === 'ai' ? 'AI scorer' : 'rule scorer'}` : undefined}>
      {scorer === 'ai' ? <Bot aria-hidden="true" /> : <ListChecks aria-hidden="true" />}
      {VERDICT_LABELS[verdict]}
      {scorer && <span className="sr-only"> (suggested by the {scorer === 'ai' ? 'AI' : 'rules'})</span>}
    </Badge>
  );
}

/** A 0–100 score: green from 80, amber from 50, red below. */
export function scoreTone(score: number): 'success' | 'warning' | 'danger' {
  return score >= 80 ? 'success' : score >= 50 ? 'warning' : 'danger';
}

export function ScoreValue({ score, className }: { score: number | null; className?: string }) {
  if (score === null) return <span className="text-muted-foreground">—</span>;
  const tone = scoreTone(score);
  return (
    <span
      className={cn(
        'font-mono tabular-nums font-semibold',
        tone === 'success' && 'text-success-text',
        tone === 'warning' && 'text-warning-text',
        tone === 'danger' && 'text-danger-text',
        className,
      )}
    >
      {score}
    </span>
  );
}
