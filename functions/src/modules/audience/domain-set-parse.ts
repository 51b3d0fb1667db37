// Reads a pasted domain set: one entry per line, or CSV text with a header (the domain / website /
// email column when there is one, else the company column). Each entry becomes a registrable
// domain (scheme, path, port, www. and subdomains dropped; IDN to punycode; lower-case) or a
// company-name key; unreadable lines and repeats of an earlier entry are reported, not kept.
import { parse as parseCsv } from 'csv-parse/sync';
import type { DomainSetIssues } from '../../db/schema/audience';
import { detectDelimiter } from '@shared/csv/detect-delimiter';
import { isFreeMailDomain, normalizeDomain } from '@shared/normalize';
import { companyNameKey } from './company-name';

export interface ParsedEntry {
  lineNo: number;
  raw: string;
  kind: 'domain' | 'name';
  domain: string | null;
  host: string | null;
  nameKey: string | null;
}

export interface ParsedDomainSet extends DomainSetIssues {
  entries: ParsedEntry[];
}

const DOMAIN_HEADERS = /^(domain|company domain|website|web site|url|company url|site|email|e-mail|email address|work email)$/i;
const NAME_HEADERS = /^(company|company name|account|account name|organisation|organization|name)$/i;
const DOMAIN_LIKE = /^[^\s]+\.[^\s]+$/;

/** The host a domain-like entry names, lower-case ASCII (for the parent/subdomain distinction). */
function hostOf(value: string): string | null {
  let v = value.trim().toLowerCase().replace(/^mailto:/, '');
  const at = v.lastIndexOf('@');
  if (at >= 0) v = v.slice(at + 1);
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split(/[/?#\s]/)[0] ?? '';
  v = v.replace(/:\d*$/, '').replace(/\.+$/, '').replace(/^www\d?\./, '');
  try {
    return v ? new URL(`http://${v}`).hostname : null;
  } catch {
    return null;
  }
}

/** The column values to read: CSV with a recognised header, else every non-empty line. */
function cells(text: string): Array<{ lineNo: number; raw: string }> {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const first = lines[0] ?? '';
  const { delimiter } = detectDelimiter(lines.slice(0, 20).join('\n'));
  const header = delimiter && first.includes(delimiter) ? first.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '')) : [first.trim()];
  const domainCol = header.findIndex((h) => DOMAIN_HEADERS.test(h));
  const nameCol = header.findIndex((h) => NAME_HEADERS.test(h));
  const col = domainCol >= 0 ? domainCol : nameCol;
  if (col >= 0 && header.length > 1) {
    const records = parseCsv(text.replace(/^\ufeff/, ''), { delimiter, relax_column_count: true, relax_quotes: true, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    // A row without a domain falls back to its company name.
    const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
    return records
      .slice(1)
      .map((r) => ({ lineNo: r.info.lines, raw: cell(r.record, col) || cell(r.record, nameCol) }))
      .filter((c) => c.raw !== '');
  }
  const start = col >= 0 ? 1 : 0;
  return lines
    .slice(start)
    .map((raw, i) => ({ lineNo: start + i + 1, raw: raw.trim().replace(/^"(.*)"$/, '$1').trim() }))
    .filter((c) => c.raw !== '');
}

export function parseDomainSet(text: string): ParsedDomainSet {
  const entries: ParsedEntry[] = [];
  const invalid: DomainSetIssues['invalid'] = [];
  const duplicates: DomainSetIssues['duplicates'] = [];
  const seen = new Map<string, number>();
  for (const { lineNo, raw } of cells(text)) {
    const shown = raw.slice(0, 500);
    let entry: ParsedEntry;
    if (raw.includes('@') || raw.includes('://') || DOMAIN_LIKE.test(raw)) {
      const domain = normalizeDomain(raw);
      if (!domain) {
        invalid.push({ lineNo, raw: shown, reason: 'not a domain, URL or email address with a known public suffix' });
        continue;
      }
      if (raw.includes('@') && isFreeMailDomain(domain)) {
        invalid.push({ lineNo, raw: shown, reason: `a free-mail address (${domain}) names no company` });
        continue;
      }
      entry = { lineNo, raw: shown, kind: 'domain', domain, host: hostOf(raw) ?? domain, nameKey: null };
    } else {
      const nameKey = companyNameKey(raw);
      if (!nameKey || !/\p{L}/u.test(nameKey)) {
        invalid.push({ lineNo, raw: shown, reason: 'neither a domain nor a company name' });
        continue;
      }
      entry = { lineNo, raw: shown, kind: 'name', domain: null, host: null, nameKey };
    }
    const key = entry.kind === 'domain' ? `d:${entry.domain}` : `n:${entry.nameKey}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      duplicates.push({ lineNo, raw: shown, sameAs: earlier });
      continue;
    }
    seen.set(key, lineNo);
    entries.push(entry);
  }
  return { entries, invalid, duplicates };
}
