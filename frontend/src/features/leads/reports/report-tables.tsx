// The lead reports' tables: verdicts and time in QA per agent or per campaign, the rejection
// reasons with a proportional bar, the suggested verdict against the analyst's (3 × 2, agreeing
// cells marked), and the AI cost by stage and vendor.
import type { ReactNode } from 'react';
import type { HumanVerdict, LeadReport, LeadReportGroup, SuggestedVerdict } from '@shared/contracts/lead-reports';
import { cn } from '@/lib/utils';
import { formatAudioMinutes, formatDuration, formatMicros, formatRate } from './report-format';

const HEAD = 'border-b border-border bg-muted text-left text-xs font-semibold uppercase tracking-wide text-muted-foreground [&_th]:h-9 [&_th]:px-3 [&_th]:whitespace-nowrap';
const ROW = 'border-b border-border last:border-0 [&_td]:h-10 [&_td]:px-3';
const NUM = 'text-right font-mono tabular whitespace-nowrap';
const n = (v: number) => v.toLocaleString('en-US');

export function GroupTable({ label, heading, rows }: { label: string; heading: string; rows: ({ key: string; name: ReactNode } & LeadReportGroup)[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label={label}>
        <thead>
          <tr className={HEAD}>
            <th scope="col">{heading}</th>
            <th scope="col" className="text-right">Leads</th>
            <th scope="col" className="text-right">Approved</th>
            <th scope="col" className="text-right">Rejected</th>
            <th scope="col" className="text-right">Approval rate</th>
            <th scope="col" className="text-right">Time in QA (median)</th>
            <th scope="col" className="text-right">Time in QA (p95)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={ROW}>
              <th scope="row" className="px-3 text-left font-medium whitespace-nowrap">
                {r.name}
              </th>
              <td className={NUM}>{n(r.leads)}</td>
              <td className={NUM}>{n(r.approved)}</td>
              <td className={NUM}>{n(r.rejected)}</td>
              <td className={NUM}>{formatRate(r.approvalRate)}</td>
              <td className={NUM}>{formatDuration(r.timeInQa.p50Seconds)}</td>
              <td className={NUM}>{formatDuration(r.timeInQa.p95Seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RejectionReasons({ reasons }: { reasons: LeadReport['rejectionReasons'] }) {
  const total = reasons.reduce((sum, r) => sum + r.count, 0);
  return (
    <table className="w-full text-sm" aria-label="Rejection reasons">
      <thead>
        <tr className={HEAD}>
          <th scope="col">Reason</th>
          <th scope="col" className="w-2/5">
            <span className="sr-only">Share</span>
          </th>
          <th scope="col" className="text-right">Leads</th>
        </tr>
      </thead>
      <tbody>
        {reasons.map((r) => (
          <tr key={r.code || 'none'} className={ROW}>
            <th scope="row" className="px-3 text-left font-medium">
              {r.label}
              {r.code && <span className="ml-2 font-mono text-xs text-muted-foreground">{r.code}</span>}
            </th>
            <td>
              <div className="h-2 rounded-full bg-muted" aria-hidden="true">
                <div className="h-2 rounded-full bg-danger" style={{ width: `${total ? (r.count / total) * 100 : 0}%` }} />
              </div>
            </td>
            <td className={NUM}>
              {n(r.count)} <span className="text-muted-foreground">({formatRate(total ? r.count / total : null)})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SUGGESTED_LABELS: Record<SuggestedVerdict, string> = { approve: 'Suggested approve', reject: 'Suggested reject', review: 'Suggested review' };
const VERDICT_LABELS: Record<HumanVerdict, string> = { approved: 'Approved by the analyst', rejected: 'Rejected by the analyst' };
const AGREES: Record<SuggestedVerdict, HumanVerdict | null> = { approve: 'approved', reject: 'rejected', review: null };

export function AgreementMatrix({ agreement }: { agreement: LeadReport['agreement'] }) {
  const cell = (s: SuggestedVerdict, v: HumanVerdict) => agreement.matrix.find((c) => c.suggested === s && c.verdict === v)?.count ?? 0;
  return (
    <table className="w-full text-sm" aria-label="Suggested verdict against the analyst’s verdict">
      <thead>
        <tr className={HEAD}>
          <th scope="col">Pipeline</th>
          {(['approved', 'rejected'] as const).map((v) => (
            <th key={v} scope="col" className="text-right">
              {VERDICT_LABELS[v]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(['approve', 'reject', 'review'] as const).map((s) => (
          <tr key={s} className={ROW}>
            <th scope="row" className="px-3 text-left font-medium whitespace-nowrap">
              {SUGGESTED_LABELS[s]}
            </th>
            {(['approved', 'rejected'] as const).map((v) => {
              const agrees = AGREES[s] === v;
              const disagrees = AGREES[s] !== null && !agrees;
              return (
                <td key={v} className={cn(NUM, agrees && 'bg-success-subtle text-success-text', disagrees && cell(s, v) > 0 && 'bg-danger-subtle text-danger-text')}>
                  {n(cell(s, v))}
                  {agrees && <span className="sr-only"> (agrees)</span>}
                  {disagrees && <span className="sr-only"> (disagrees)</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AiCostTable({ cost }: { cost: LeadReport['aiCost'] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="AI cost by stage">
        <thead>
          <tr className={HEAD}>
            <th scope="col">Stage</th>
            <th scope="col">Vendor and model</th>
            <th scope="col" className="text-right">Runs</th>
            <th scope="col" className="text-right">Audio</th>
            <th scope="col" className="text-right">Tokens in / out</th>
            <th scope="col" className="text-right">Cost</th>
          </tr>
        </thead>
        <tbody>
          {cost.byStage.map((s) => (
            <tr key={`${s.stage}:${s.vendor ?? ''}:${s.model ?? ''}`} className={ROW}>
              <th scope="row" className="px-3 text-left font-medium capitalize">
                {s.stage}
              </th>
              <td className="whitespace-nowrap">{[s.vendor, s.model].filter(Boolean).join(' · ') || '—'}</td>
              <td className={NUM}>{n(s.runs)}</td>
              <td className={NUM}>{s.audioSeconds ? formatAudioMinutes(s.audioSeconds) : '—'}</td>
              <td className={NUM}>{s.inputTokens || s.outputTokens ? `${n(s.inputTokens)} / ${n(s.outputTokens)}` : '—'}</td>
              <td className={NUM}>{formatMicros(s.costMicros)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
