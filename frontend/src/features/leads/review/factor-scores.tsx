// The score's eight factors: each with its score, verdict and reason, and the evidence behind it —
// a quote chip plays the recording from its words (and marks them in the transcript), numbered
// for the digit keys; a field chip names the field of our data that decided it. Who scored it
// (the rule scorer or the AI) is said at the top.
import { Bot, Database, ListChecks, Play } from 'lucide-react';
import { LEAD_FACTOR_LABELS, type FactorScore, type LeadScore } from '@shared/contracts/leads';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionCard } from '@/components/ui/section-card';
import { cn } from '@/lib/utils';
import { ScoreValue, SuggestedVerdictBadge } from '../lead-badges';
import { formatPosition } from '../lead-time';
import { isPlayable, type PlayableQuote } from './evidence';

const VERDICT: Record<FactorScore['verdict'], { label: string; variant: BadgeVariant }> = {
  pass: { label: 'Pass', variant: 'success' },
  fail: { label: 'Fail', variant: 'danger' },
  unclear: { label: 'Unclear', variant: 'warning' },
};

function QuoteChip({ quote, active, canPlay, onPlay }: { quote: PlayableQuote; active: boolean; canPlay: boolean; onPlay: (quote: PlayableQuote) => void }) {
  const { evidence } = quote;
  return (
    <button
      type="button"
      onClick={() => onPlay(quote)}
      disabled={!canPlay}
      data-testid="evidence-chip"
      data-start-ms={evidence.startMs}
      aria-pressed={active}
      title={`Play from ${formatPosition(evidence.startMs)} (${quote.n <= 9 ? `key ${quote.n}` : 'click'})`}
      className={cn(
        'inline-flex max-w-full items-center gap-1.5 rounded-full border border-border bg-card py-0.5 pl-0.5 pr-2 text-left text-xs transition-colors hover:border-primary hover:bg-primary-subtle focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring disabled:cursor-not-allowed disabled:opacity-60',
        active && 'border-primary bg-primary-subtle text-primary-subtle-foreground',
      )}
    >
      <span className="grid size-5 shrink-0 place-items-center rounded-full bg-primary font-mono text-[11px] font-semibold text-primary-foreground" aria-hidden="true">
        {quote.n <= 9 ? quote.n : <Play className="size-3" />}
      </span>
      <span className="truncate italic">“{evidence.text}”</span>
      <span className="shrink-0 font-mono tabular-nums text-muted-foreground">
        {evidence.speaker === 'agent' ? 'agent' : evidence.speaker === 'prospect' ? 'prospect' : ''} {formatPosition(evidence.startMs)}
      </span>
    </button>
  );
}

function FieldChip({ field, text }: { field: string | null; text: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-dashed border-border px-2 py-0.5 text-xs" data-testid="field-chip">
      <Database className="size-3 shrink-0 text-muted-foreground" aria-hidden="true" />
      <span className="font-mono">{field ?? 'field'}</span>
      {text && <span className="truncate text-muted-foreground">{text}</span>}
    </span>
  );
}

export function FactorScores({
  scoring,
  quotes,
  activeQuote,
  canPlay,
  onPlay,
}: {
  scoring: LeadScore | null;
  quotes: PlayableQuote[];
  activeQuote: PlayableQuote | null;
  canPlay: boolean;
  onPlay: (quote: PlayableQuote) => void;
}) {
  if (!scoring) {
    return (
      <SectionCard id="lead-scores" title="Factor scores">
        <EmptyState compact title="Not scored yet" description="The pipeline scores a lead once its call is transcribed." />
      </SectionCard>
    );
  }
  // The chips' numbers follow the factors' order; find each quote's number by identity.
  const numberOf = new Map(quotes.map((q) => [q.evidence, q]));
  return (
    <SectionCard
      id="lead-scores"
      title="Factor scores"
      description={scoring.summary || undefined}
      actions={
        <div className="flex items-center gap-2">
          <Badge variant={scoring.scorer === 'ai' ? 'accent' : 'neutral'} data-testid="scorer">
            {scoring.scorer === 'ai' ? <Bot aria-hidden="true" /> : <ListChecks aria-hidden="true" />}
            {scoring.scorer === 'ai' ? 'Scored by AI' : 'Scored by rules'}
          </Badge>
          <SuggestedVerdictBadge verdict={scoring.suggestedVerdict} scorer={scoring.scorer} />
          <span className="text-sm">
            <span className="sr-only">Overall score </span>
            <ScoreValue score={scoring.overall} className="text-lg" />
            <span className="text-xs text-muted-foreground">/100</span>
          </span>
        </div>
      }
      flush
    >
      <ul className="divide-y divide-border" aria-label="Factors">
        {scoring.factors.map((factor) => {
          const verdict = VERDICT[factor.verdict];
          return (
            <li key={factor.factor} className="grid gap-1.5 px-4 py-2.5" data-factor={factor.factor}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 flex-1 text-sm font-medium">{LEAD_FACTOR_LABELS[factor.factor]}</span>
                <ScoreValue score={factor.score} className="text-sm" />
                <Badge variant={verdict.variant} className="w-16 justify-center">
                  {verdict.label}
                </Badge>
              </div>
              <p className="text-sm text-muted-foreground">{factor.reason}</p>
              {factor.evidence.length > 0 && (
                <div className="flex flex-wrap gap-1.5" aria-label={`Evidence for ${LEAD_FACTOR_LABELS[factor.factor]}`} role="group">
                  {factor.evidence.map((evidence, i) => {
                    const quote = isPlayable(evidence) ? numberOf.get(evidence) : undefined;
                    return quote ? (
                      <QuoteChip key={i} quote={quote} active={activeQuote?.n === quote.n} canPlay={canPlay} onPlay={onPlay} />
                    ) : (
                      <FieldChip key={i} field={evidence.kind === 'field' ? evidence.field : null} text={evidence.kind === 'quote' ? `“${evidence.text}”` : evidence.text} />
                    );
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </SectionCard>
  );
}
