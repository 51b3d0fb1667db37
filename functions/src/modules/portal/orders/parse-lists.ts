// What a client uploads, read line by line: a target-account list (a CSV with a domain or website
// column, else its first column, or pasted lines) to registrable domains, and a suppression list
// (a CSV with email, domain or phone columns, or entries) to normalized values. Every line that
// cannot be read is reported with its line number and why; duplicates are counted, not kept.
import { parse } from 'csv-parse/sync';
import { normalizeHeader } from '@shared/csv/auto-map';
import { detectDelimiter } from '@shared/csv/detect-delimiter';
import { normalizeDomain } from '@shared/normalize/normalize-domain';
import { normalizeEmail } from '@shared/normalize/normalize-email';
import { normalizePhone } from '@shared/normalize/normalize-phone';
import { ORDER_TARGETS_MAX, type OrderTargets } from '@shared/contracts/portal';
import { invalid } from '../../../core/app-error';

export interface InvalidLine {
  line: number;
  value: string;
  reason: string;
}

export interface ParsedTargets {
  domains: { domain: string; label: string | null }[];
  duplicates: number;
  invalid: InvalidLine[];
}

/** At most this many invalid lines are reported back (the count of kept domains stays exact). */
const MAX_REPORTED = 1000;
const DOMAIN_HEADERS = new Set(['domain', 'domains', 'website', 'websites', 'url', 'web', 'site', 'companydomain', 'companywebsite', 'accountdomain', 'websiteurl', 'companyurl']);
const LABEL_HEADERS = new Set(['company', 'companyname', 'account', 'accountname', 'name', 'organisation', 'organization']);
const EMAIL_HEADERS = new Set(['email', 'emailaddress', 'emails', 'mail']);
const PHONE_HEADERS = new Set(['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'directphone', 'mobilephone']);

interface CsvRow {
  line: number;
  cells: string[];
}

function readCsv(csv: string, field: string): CsvRow[] {
  const text = csv.replace(/^\uFEFF/, '');
  try {
    const records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.slice(0, 20_000)).delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      info: true,
      max_record_size: 100_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw invalid(field, `is not a CSV file we can read (${(error as Error).message.split('\n')[0]!.slice(0, 200)})`);
  }
}

const blank = (cells: string[]) => cells.every((c) => !c || !c.trim());
const report = (list: InvalidLine[], entry: InvalidLine) => void (list.length < MAX_REPORTED && list.push({ ...entry, value: entry.value.slice(0, 200) }));

function domainReason(value: string): string {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value.trim()) || value.includes('[')) return 'is an IP address, not a company domain';
  if (!value.includes('.')) return 'is not a domain or website';
  return 'has no registrable domain (unknown suffix or not a domain)';
}

/** The target-account list as registrable domains, in the order first given. */
export function parseTargets(input: OrderTargets, field = 'targets'): ParsedTargets {
  const lines: { line: number; value: string; label: string | null }[] = [];
  if (input.domains !== undefined) {
    input.domains.forEach((value, i) => lines.push({ line: i + 1, value, label: null }));
  } else {
    const rows = readCsv(input.csv ?? '', `${field}.csv`).filter((r) => !blank(r.cells));
    const header = rows[0]?.cells.map(normalizeHeader) ?? [];
    let column = header.findIndex((h) => DOMAIN_HEADERS.has(h));
    const labelColumn = header.findIndex((h) => LABEL_HEADERS.has(h));
    // No domain column named: the first column; the first row is a header only if nothing in it is a domain.
    const hasHeader = column >= 0 || (rows[0] !== undefined && rows[0].cells.every((c) => normalizeDomain(c) === null) && rows.length > 1);
    if (column < 0) column = 0;
    for (const row of hasHeader ? rows.slice(1) : rows) {
      const label = labelColumn >= 0 && labelColumn !== column ? row.cells[labelColumn]?.trim() || null : null;
      lines.push({ line: row.line, value: row.cells[column] ?? '', label });
    }
  }
  const seen = new Set<string>();
  const result: ParsedTargets = { domains: [], duplicates: 0, invalid: [] };
  for (const { line, value, label } of lines) {
    const trimmed = value.trim();
    if (!trimmed) {
      if (input.domains !== undefined) continue;
      report(result.invalid, { line, value, reason: 'has no domain' });
      continue;
    }
    const domain = normalizeDomain(trimmed);
    if (!domain) {
      report(result.invalid, { line, value: trimmed, reason: domainReason(trimmed) });
      continue;
    }
    if (seen.has(domain)) {
      result.duplicates++;
      continue;
    }
    seen.add(domain);
    result.domains.push({ domain, label: label ? label.slice(0, 200) : null });
  }
  if (result.domains.length > ORDER_TARGETS_MAX) {
    throw invalid(`${field}.${input.domains !== undefined ? 'domains' : 'csv'}`, `holds ${result.domains.length} domains: at most ${ORDER_TARGETS_MAX} per order`);
  }
  return result;
}

export type SuppressionKind = 'email' | 'domain' | 'phone';

export interface ParsedSuppressions {
  entries: { kind: SuppressionKind; value: string }[];
  duplicates: number;
  invalid: InvalidLine[];
}

/** E.164, read as an international number, else in the organisation's likely country (US). */
export function normalizeSuppressionValue(kind: SuppressionKind, value: string): string | null {
  switch (kind) {
    case 'email':
      return normalizeEmail(value);
    case 'domain':
      return normalizeDomain(value);
    case 'phone':
      return normalizePhone(value, 'US');
  }
}

const SUPPRESSION_REASONS: Record<SuppressionKind, string> = {
  email: 'is not an email address',
  domain: 'is not a company domain',
  phone: 'is not a phone number (use the international format, +44…)',
};

/** A suppression upload: the CSV's email, domain (or website) and phone columns, or the entries given. */
export function parseSuppressions(input: { csv?: string; entries?: { kind: SuppressionKind; value: string }[] }): ParsedSuppressions {
  const raw: { line: number; kind: SuppressionKind; value: string }[] = [];
  if (input.entries !== undefined) {
    input.entries.forEach((e, i) => raw.push({ line: i + 1, kind: e.kind, value: e.value }));
  } else {
    const rows = readCsv(input.csv ?? '', 'csv').filter((r) => !blank(r.cells));
    const header = rows[0]?.cells.map(normalizeHeader) ?? [];
    const columns: { kind: SuppressionKind; index: number }[] = [];
    header.forEach((h, index) => {
      if (EMAIL_HEADERS.has(h)) columns.push({ kind: 'email', index });
      else if (DOMAIN_HEADERS.has(h)) columns.push({ kind: 'domain', index });
      else if (PHONE_HEADERS.has(h)) columns.push({ kind: 'phone', index });
    });
    if (!columns.length) throw invalid('csv', 'needs an email, domain or phone column (name it in the first row)');
    for (const row of rows.slice(1)) {
      for (const { kind, index } of columns) {
        const value = row.cells[index]?.trim() ?? '';
        if (value) raw.push({ line: row.line, kind, value });
      }
    }
  }
  const seen = new Set<string>();
  const result: ParsedSuppressions = { entries: [], duplicates: 0, invalid: [] };
  for (const { line, kind, value } of raw) {
    const normalized = normalizeSuppressionValue(kind, value);
    if (!normalized) {
      report(result.invalid, { line, value, reason: SUPPRESSION_REASONS[kind] });
      continue;
    }
    const key = `${kind}:${normalized}`;
    if (seen.has(key)) {
      result.duplicates++;
      continue;
    }
    seen.add(key);
    result.entries.push({ kind, value: normalized });
  }
  return result;
}
