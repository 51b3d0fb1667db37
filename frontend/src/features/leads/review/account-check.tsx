// The account against the campaign's criteria: each criterion with what was expected, what we
// hold, and whether it matches; findings of the AI enrichment are marked as such.
import { Bot, CheckCircle2, CircleHelp, XCircle } from 'lucide-react';
import type { AccountCheck as AccountCheckResult } from '@shared/contracts/leads';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionCard } from '@/components/ui/section-card';
import { TableHeadings } from '@/components/ui/table-headings';

const CRITERIA: Record<AccountCheckResult['checks'][number]['criterion'], string> = {
  industry: 'Industry',
  employees: 'Employees',
  revenue: 'Revenue',
  country: 'Country',
  technologies: 'Technologies',
};

const VERDICTS = {
  match: { label: 'Match', icon: CheckCircle2, className: 'text-success-text' },
  mismatch: { label: 'Mismatch', icon: XCircle, className: 'text-danger-text' },
  unknown: { label: 'Unknown', icon: CircleHelp, className: 'text-warning-text' },
} as const;

export function AccountCheckPanel({ check }: { check: AccountCheckResult | null }) {
  return (
    <SectionCard
      id="lead-account-check"
      title="Account check"
      description={check?.enriched ? 'Our account data, with findings of the AI enrichment (marked).' : 'Our account data against the campaign’s criteria.'}
      actions={check && <Badge variant={check.matched ? 'success' : 'danger'}>{check.matched ? 'Matches the criteria' : 'Does not match'}</Badge>}
      flush
    >
      {!check ? (
        <EmptyState compact title="Not checked yet" description="The pipeline checks the account once the lead is scored." />
      ) : check.checks.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted-foreground">The campaign sets no account criteria.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Account criteria and what the account has</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-muted-foreground">
            <TableHeadings headings={['Criterion', 'Expected', 'Account', 'Result']} className="px-4 py-1.5 font-medium" />
          </thead>
          <tbody>
            {check.checks.map((c) => {
              const verdict = VERDICTS[c.verdict];
              const Icon = verdict.icon;
              return (
                <tr key={c.criterion} className="border-t border-border" data-criterion={c.criterion}>
                  <td className="px-4 py-1.5 font-medium">{CRITERIA[c.criterion]}</td>
                  <td className="px-4 py-1.5 text-muted-foreground">{c.expected}</td>
                  <td className="px-4 py-1.5">
                    <span className="inline-flex flex-wrap items-center gap-1.5">
                      {c.actual ?? <span className="text-muted-foreground">—</span>}
                      {c.source === 'ai' && (
                        <Badge variant="accent" title="Found by the AI enrichment, not in our account data">
                          <Bot aria-hidden="true" />
                          AI finding
                        </Badge>
                      )}
                    </span>
                  </td>
                  <td className="px-4 py-1.5">
                    <span className={`inline-flex items-center gap-1 font-medium ${verdict.className}`}>
                      <Icon className="size-3.5" aria-hidden="true" />
                      {verdict.label}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </SectionCard>
  );
}
