// The QA queue's columns: who the lead is (contact and company), where it came from (campaign,
// client, agent), what the pipeline made of it (status, suggested verdict, score), how long it
// has waited against the SLA (overdue in red) and its state.
import type { ColumnDef } from '@tanstack/react-table';
import { Clock, Sparkles } from 'lucide-react';
import type { LeadSummary } from '@shared/contracts/leads';
import { unsortable } from '@/components/ui/data-table/row-actions';
import { cn } from '@/lib/utils';
import { LeadStateBadge, PipelineBadge, ScoreValue, SuggestedVerdictBadge } from './lead-badges';
import { formatAge, slaLabel } from './lead-time';

const dash = <span className="text-muted-foreground">—</span>;

export function leadName(lead: Pick<LeadSummary, 'fields'>): string {
  const name = [lead.fields.firstName, lead.fields.lastName].filter(Boolean).join(' ');
  return name || lead.fields.email || 'Unnamed lead';
}

export function leadColumns(): ColumnDef<LeadSummary, unknown>[] {
  return unsortable<LeadSummary>([
    {
      id: 'contact',
      header: 'Contact',
      size: 170,
      meta: { locked: true },
      cell: ({ row }) => {
        const lead = row.original;
        return (
          <div className="grid min-w-0 leading-tight">
            <span className="truncate font-medium" title={leadName(lead)}>
              {leadName(lead)}
            </span>
            <span className="truncate text-xs text-muted-foreground" title={lead.fields.company ?? undefined}>
              {lead.fields.company ?? lead.fields.email ?? '—'}
            </span>
          </div>
        );
      },
    },
    {
      id: 'campaign',
      header: 'Campaign / client',
      size: 160,
      cell: ({ row }) => (
        <div className="grid min-w-0 leading-tight">
          <span className="truncate" title={row.original.campaignName ?? undefined}>
            {row.original.campaignName ?? dash}
          </span>
          <span className="truncate text-xs text-muted-foreground" title={row.original.clientName ?? undefined}>
            {row.original.clientName ?? 'No client yet'}
          </span>
        </div>
      ),
    },
    { id: 'agent', header: 'Agent', size: 100, cell: ({ row }) => (row.original.agentName ? <span title={row.original.agentName}>{row.original.agentName}</span> : dash) },
    {
      id: 'pipeline',
      header: 'Pipeline',
      size: 160,
      cell: ({ row }) => (
        <div className="grid min-w-0 justify-items-start gap-0.5 leading-tight">
          <PipelineBadge status={row.original.pipelineStatus} reason={row.original.pipelineReason} />
          {row.original.pipelineStatus === 'needs_review' && row.original.pipelineReason && (
            <span className="truncate text-xs text-muted-foreground" title={row.original.pipelineReason}>
              {row.original.pipelineReason}
            </span>
          )}
        </div>
      ),
    },
    {
      id: 'verdict',
      header: 'Suggested',
      size: 120,
      cell: ({ row }) => (
        <span className="inline-flex items-center gap-1">
          <SuggestedVerdictBadge verdict={row.original.suggestedVerdict} scorer={row.original.scorer} />
          {row.original.rulePerfect && (
            <span title="Rule-perfect: every factor passed and the account matches the criteria (bulk approve takes it)" className="text-success-text">
              <Sparkles className="size-3.5" aria-hidden="true" />
              <span className="sr-only">Rule-perfect</span>
            </span>
          )}
        </span>
      ),
    },
    { id: 'score', header: 'Score', size: 68, meta: { align: 'right', mono: true }, cell: ({ row }) => <ScoreValue score={row.original.score} /> },
    {
      id: 'age',
      header: 'Age / SLA',
      size: 120,
      cell: ({ row }) => {
        const lead = row.original;
        const open = lead.reviewedAt === null && lead.queuedAt !== null;
        return (
          <div className={cn('grid min-w-0 leading-tight tabular-nums', lead.overdue && 'text-danger-text')} data-overdue={lead.overdue || undefined}>
            <span className={cn('inline-flex items-center gap-1', lead.overdue && 'font-medium')}>
              {lead.overdue && <Clock className="size-3.5" aria-hidden="true" />}
              {formatAge(lead.ageSeconds)}
            </span>
            {open && <span className={cn('truncate text-xs', !lead.overdue && 'text-muted-foreground')}>{slaLabel(lead.ageSeconds, lead.overdue)}</span>}
          </div>
        );
      },
    },
    { id: 'state', header: 'State', size: 110, cell: ({ row }) => <LeadStateBadge state={row.original.state} /> },
  ]);
}
