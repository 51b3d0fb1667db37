// The DNS records a domain needs, as a zone-file snippet (RFC 1035 master-file lines) an admin
// can paste into a DNS host's import box or hand to whoever runs the zone.
import type { DnsRecord } from '@shared/contracts/email';

export const ZONE_TTL_SECONDS = 3600;
/** A TXT record's character-strings hold at most 255 bytes each; longer values are split. */
const TXT_CHUNK = 255;

/** A host name as an absolute zone-file name (a trailing dot: not relative to the zone's origin). */
const absolute = (name: string) => (name.endsWith('.') ? name : `${name}.`);

function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The record's data as a zone file writes it: TXT quoted (and split), CNAME and MX targets absolute. */
export function zoneRecordData(record: Pick<DnsRecord, 'type' | 'value'>): string {
  switch (record.type) {
    case 'TXT': {
      const chunks: string[] = [];
      for (let i = 0; i < record.value.length; i += TXT_CHUNK) chunks.push(record.value.slice(i, i + TXT_CHUNK));
      return (chunks.length ? chunks : ['']).map(quoted).join(' ');
    }
    case 'CNAME':
      return absolute(record.value);
    case 'MX': {
      // "10 feedback-smtp.us-east-1.amazonses.com": the preference, then the exchange.
      const [preference, exchange] = record.value.trim().split(/\s+/, 2);
      return exchange ? `${preference} ${absolute(exchange)}` : absolute(record.value.trim());
    }
  }
}

/** Every record as one zone-file line, names aligned, under a comment naming the domain. */
export function zoneFileSnippet(domain: string, records: readonly Pick<DnsRecord, 'type' | 'name' | 'value'>[], ttl = ZONE_TTL_SECONDS): string {
  const names = records.map((r) => absolute(r.name));
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const typeWidth = Math.max(0, ...records.map((r) => r.type.length));
  const lines = records.map((record, i) => `${names[i]!.padEnd(nameWidth)}  ${ttl}  IN  ${record.type.padEnd(typeWidth)}  ${zoneRecordData(record)}`);
  return [`; DNS records for ${domain}`, ...lines].join('\n') + '\n';
}
