// What a dry run found: how many rows would be inserted, updated or left alone, and samples of
// each kind so the user can judge before running it for real.
import type { DryRunReport as Report } from '@shared/contracts/imports';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { formatNumber } from './format';
import { TableHeadings, type TableHeading } from '@/components/ui/table-headings';

const KINDS = [
  { key: 'insert', label: 'New', count: (r: Report) => r.wouldInsert },
  { key: 'update', label: 'Updates', count: (r: Report) => r.wouldUpdate },
  { key: 'duplicate', label: 'Duplicates in file', count: (r: Report) => r.duplicatesInFile },
  { key: 'invalid', label: 'Invalid', count: (r: Report) => r.invalid },
  { key: 'suppressed', label: 'Suppressed', count: (r: Report) => r.suppressed },
] as const;

const SAMPLE_HEADINGS: TableHeading[] = [
  { label: 'Row', className: 'pr-4' },
  { label: 'Email', className: 'pr-4' },
  { label: 'Name', className: 'pr-4' },
  'Reason',
];

export function DryRunReport({ report }: { report: Report }) {
  return (
    <div className="grid gap-4" data-testid="dry-run-report">
      <p className="text-sm">
        Nothing was written. Run for real, this file would insert <strong>{formatNumber(report.wouldInsert)}</strong> contacts, update{' '}
        <strong>{formatNumber(report.wouldUpdate)}</strong>, leave <strong>{formatNumber(report.unchanged)}</strong> unchanged, and refuse{' '}
        <strong>{formatNumber(report.invalid)}</strong> invalid and <strong>{formatNumber(report.suppressed)}</strong> suppressed rows.
      </p>
      <Tabs defaultValue="insert">
        <TabsList aria-label="Samples by outcome">
          {KINDS.map((k) => (
            <TabsTrigger key={k.key} value={k.key}>
              {k.label} <span className="font-mono text-xs tabular">{formatNumber(k.count(report))}</span>
            </TabsTrigger>
          ))}
        </TabsList>
        {KINDS.map((k) => {
          const samples = report.samples[k.key];
          return (
            <TabsContent key={k.key} value={k.key}>
              {samples.length === 0 ? (
                <p className="py-4 text-sm text-muted-foreground">No row of this kind.</p>
              ) : (
                <table className="w-full text-sm" aria-label={`${k.label}: sample rows`}>
                  <thead className="text-left text-xs text-muted-foreground">
                    <TableHeadings headings={SAMPLE_HEADINGS} className="py-1.5 font-medium" />
                  </thead>
                  <tbody>
                    {samples.map((s) => (
                      <tr key={s.row} className="border-t border-border">
                        <td className="py-1.5 pr-4 font-mono tabular">{s.row}</td>
                        <td className="py-1.5 pr-4 font-mono">{s.email ?? '—'}</td>
                        <td className="py-1.5 pr-4">{s.name ?? '—'}</td>
                        <td className="py-1.5 text-muted-foreground">{s.reason ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </TabsContent>
          );
        })}
      </Tabs>
    </div>
  );
}
