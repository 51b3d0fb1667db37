// The pipeline's stages for this lead: each attempt with its outcome, how long it took, the vendor
// and model, audio minutes and tokens, and what the AI cost in all.
import type { LeadDetail, StageRunView } from '@shared/contracts/leads';
import { Badge, type BadgeVariant } from '@/components/ui/badge';
import { SectionCard } from '@/components/ui/section-card';
import { TableHeadings } from '@/components/ui/table-headings';
import { PipelineBadge } from '../lead-badges';
import { formatAge, formatMicros } from '../lead-time';

const STAGES: Record<StageRunView['stage'], string> = { transcribe: 'Transcribe', score: 'Score', verify: 'Verify account', enrich: 'Enrich', queue: 'Queue' };
const OUTCOMES: Record<StageRunView['outcome'], BadgeVariant> = { running: 'info', ok: 'success', skipped: 'neutral', failed: 'danger' };

function duration(run: StageRunView): string {
  if (!run.endedAt) return 'running';
  const ms = Date.parse(run.endedAt) - Date.parse(run.startedAt);
  return ms < 1000 ? `${ms} ms` : ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatAge(ms / 1000);
}

function usage(run: StageRunView): string {
  const parts: string[] = [];
  if (run.audioSeconds !== null) parts.push(`${(run.audioSeconds / 60).toFixed(1)} audio min`);
  if (run.inputTokens !== null || run.outputTokens !== null) parts.push(`${(run.inputTokens ?? 0).toLocaleString('en-US')} in / ${(run.outputTokens ?? 0).toLocaleString('en-US')} out tokens`);
  return parts.join(' · ');
}

export function PipelinePanel({ lead }: { lead: LeadDetail }) {
  const stages = [...lead.stages].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const cost = stages.reduce((sum, run) => sum + (run.costMicros ?? 0), 0);
  return (
    <SectionCard
      id="lead-pipeline"
      title="Pipeline"
      description={stages.length ? `AI cost ${formatMicros(cost)}` : 'The pipeline has not run for this lead.'}
      actions={<PipelineBadge status={lead.pipelineStatus} reason={lead.pipelineReason} />}
      flush
    >
      {lead.pipelineStatus === 'needs_review' && lead.pipelineReason && (
        <p className="border-b border-border bg-warning-subtle px-4 py-2 text-sm text-warning-text" role="note">
          Needs manual review: {lead.pipelineReason}
        </p>
      )}
      {stages.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Pipeline stages with their timings and costs</caption>
            <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
              <TableHeadings headings={['Stage', 'Outcome', 'Took', 'Vendor', 'Usage', 'Cost']} className="px-4 py-1.5 font-medium" />
            </thead>
            <tbody>
              {stages.map((run, i) => (
                <tr key={`${run.stage}-${run.attempt}-${i}`} className="border-t border-border align-top">
                  <td className="px-4 py-1.5 whitespace-nowrap">
                    {STAGES[run.stage]}
                    {run.attempt > 1 && <span className="ml-1 text-xs text-muted-foreground">#{run.attempt}</span>}
                  </td>
                  <td className="px-4 py-1.5">
                    <Badge variant={OUTCOMES[run.outcome]}>{run.outcome}</Badge>
                    {run.error && <p className="mt-0.5 max-w-xs text-xs text-danger-text">{run.error}</p>}
                  </td>
                  <td className="px-4 py-1.5 font-mono text-xs tabular-nums whitespace-nowrap">{duration(run)}</td>
                  <td className="px-4 py-1.5 text-xs">{[run.vendor, run.model].filter(Boolean).join(' · ') || <span className="text-muted-foreground">—</span>}</td>
                  <td className="px-4 py-1.5 text-xs text-muted-foreground">{usage(run) || '—'}</td>
                  <td className="px-4 py-1.5 font-mono text-xs tabular-nums">{formatMicros(run.costMicros) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}
