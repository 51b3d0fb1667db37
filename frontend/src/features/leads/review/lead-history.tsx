// What happened to the lead: its transitions (who, when, from, to, why) and every correction of
// its fields (before and after), newest first.
import type { LeadDetail } from '@shared/contracts/leads';
import { LEAD_STATE_LABELS } from '@shared/contracts/leads';
import { SectionCard } from '@/components/ui/section-card';
import { RelativeTime } from '@/features/records/when-column';
import { formatHistoryValue } from '@/features/records/format';

export function TransitionsPanel({ lead, reasonLabel }: { lead: LeadDetail; reasonLabel: (code: string) => string }) {
  const history = [...lead.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard id="lead-history" title="History" flush>
      {history.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted-foreground">No transitions yet.</p>
      ) : (
        <ol className="divide-y divide-border text-sm" aria-label="Transitions">
          {history.map((t, i) => (
            <li key={`${t.at}-${i}`} className="grid gap-0.5 px-4 py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span>
                  {t.fromState ? `${LEAD_STATE_LABELS[t.fromState]} → ` : 'Created as '}
                  <span className="font-medium">{LEAD_STATE_LABELS[t.toState]}</span>
                </span>
                <span className="text-xs text-muted-foreground">
                  {t.actorName ?? (t.actorId ? 'A former user' : 'System')} · <RelativeTime iso={t.at} />
                </span>
              </div>
              {(t.reasonCode || t.note) && (
                <p className="text-xs text-muted-foreground">
                  {t.reasonCode && <span className="font-medium text-foreground">{reasonLabel(t.reasonCode)}</span>}
                  {t.reasonCode && t.note && ' — '}
                  {t.note}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}

export function CorrectionsPanel({ lead }: { lead: LeadDetail }) {
  const corrections = [...lead.corrections].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard id="lead-corrections" title="Corrections" description={corrections.length ? undefined : 'Changes to the lead’s details are listed here.'} flush>
      {corrections.length > 0 && (
        <ol className="divide-y divide-border text-sm" aria-label="Corrections" data-testid="corrections">
          {corrections.map((c, i) => (
            <li key={`${c.at}-${c.field}-${i}`} className="grid gap-0.5 px-4 py-2">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-mono text-[13px]">{c.field}</span>
                <span className="text-xs text-muted-foreground">
                  {c.actorName ?? 'System'} · <RelativeTime iso={c.at} />
                </span>
              </div>
              <p className="text-xs">
                <span className="text-muted-foreground line-through">{formatHistoryValue(c.before)}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> changed to </span>
                <span className="font-medium">{formatHistoryValue(c.after)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
