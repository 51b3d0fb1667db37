// The DNS records a domain needs, one row each (type, name, value), every name and value with a
// copy button, and "Copy all" as a zone-file snippet.
import type { DnsRecord } from '@shared/contracts/email';
import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { zoneFileSnippet } from './zone-file';

const PURPOSE_LABELS: Record<DnsRecord['purpose'], string> = {
  dkim: 'DKIM',
  spf: 'SPF',
  dmarc: 'DMARC',
  mail_from: 'MAIL FROM',
  tracking: 'Tracking',
};

export function DnsRecords({ domain, records }: { domain: string; records: readonly DnsRecord[] }) {
  return (
    <section className="grid gap-3" aria-labelledby="dns-records-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id="dns-records-title" className="text-sm font-semibold">
            DNS records to publish
          </h3>
          <p className="text-xs text-muted-foreground">Add these at the DNS host of {domain}. Names are absolute.</p>
        </div>
        <CopyButton value={zoneFileSnippet(domain, records)} text="Copy all (zone file)" />
      </div>
      <ul className="grid gap-2" aria-label="DNS records">
        {records.map((record, i) => {
          // "DKIM CNAME record 2": numbered when a purpose has several records.
          const samePurpose = (r: DnsRecord) => r.purpose === record.purpose;
          const number = records.filter(samePurpose).length > 1 ? ` ${records.slice(0, i + 1).filter(samePurpose).length}` : '';
          const what = `${PURPOSE_LABELS[record.purpose]} ${record.type} record${number}`;
          return (
            <li key={`${record.type}-${record.name}-${record.value}`} className="grid gap-1.5 rounded-lg border border-border bg-muted/30 p-3" aria-label={what}>
              <div className="flex items-center gap-2">
                <Badge variant="outline" className="font-mono">
                  {record.type}
                </Badge>
                <span className="text-xs font-medium text-muted-foreground">{PURPOSE_LABELS[record.purpose]}</span>
              </div>
              <RecordPart label="Name" value={record.name} copyLabel={`Copy name of ${what}`} />
              <RecordPart label="Value" value={record.value} copyLabel={`Copy value of ${what}`} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RecordPart({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  return (
    <div className="grid grid-cols-[3.5rem_minmax(0,1fr)_auto] items-center gap-2">
      <span className="text-xs text-muted-foreground">{label}</span>
      <code className="break-all rounded bg-card px-1.5 py-1 font-mono text-xs">{value}</code>
      <CopyButton value={value} label={copyLabel} className="size-7" />
    </div>
  );
}
