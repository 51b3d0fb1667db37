// Turns one CSV record into the values of a contact and its account under the confirmed mapping:
// every template value normalized (emails, domains, E.164 phones, countries, ranges, dates), with
// errors (the row is skipped) and warnings (the row is kept, the value dropped or kept raw).
import {
  CONSENT_STATUS_VALUES,
  EMAIL_STATUS_VALUES,
  LIST_SEPARATOR,
  SENIORITY_VALUES,
  type AccountTemplateKey,
  type ContactTemplateKey,
} from '@shared/template';
import {
  FREE_MAIL_DOMAINS,
  employeeRangeFor,
  joinFullName,
  normalizeCountry,
  normalizeDomain,
  normalizeEmail,
  normalizeEmployeeRange,
  normalizeName,
  normalizeRevenueRange,
  parsePhone,
  revenueRangeFor,
  splitFullName,
} from '@shared/normalize';
import { IMPORT_MAX_FIELD_CHARS, type ColumnMapping, type ImportOptions } from '@shared/contracts/imports';
import { restoreFormula } from '@shared/csv/neutralize-formula';

export interface ContactValues {
  researchDate: string | null;
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  jobFunction: string | null;
  seniority: string | null;
  email: string | null;
  emailConfidence: number | null;
  emailStatus: string | null;
  directPhone: string | null;
  directPhoneRaw: string | null;
  directPhoneConfidence: number | null;
  mobilePhone: string | null;
  mobilePhoneRaw: string | null;
  mobilePhoneConfidence: number | null;
  phoneExtension: string | null;
  linkedinUrl: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postalCode: string | null;
  timezone: string | null;
  monthsInRole: number | null;
  monthsAtCompany: number | null;
  consentStatus: string | null;
  source: string | null;
  customFields: Record<string, string> | null;
}

export interface AccountValues {
  /** The key the chunk resolves accounts by: `d:<domain>` or `n:<lower name>`. */
  key: string;
  name: string;
  domain: string | null;
  website: string | null;
  linkedinUrl: string | null;
  linkedinCompanyId: string | null;
  industry: string | null;
  subIndustry: string | null;
  sicCode: string | null;
  naicsCode: string | null;
  employeeCount: number | null;
  employeeRange: string | null;
  annualRevenue: number | null;
  revenueRange: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  phoneRaw: string | null;
  technologies: string[];
  description: string | null;
  source: string | null;
  customFields: Record<string, string> | null;
}

export interface RowIssue {
  severity: 'error' | 'warning';
  column: string | null;
  reason: string;
}

export interface MappedRow {
  contact: ContactValues;
  account: AccountValues | null;
  issues: RowIssue[];
  ok: boolean;
}

/** A mapping compiled once per chunk: for each target, the column that feeds it. */
export interface CompiledMapping {
  contact: Partial<Record<ContactTemplateKey, number>>;
  account: Partial<Record<AccountTemplateKey, number>>;
  contactCustom: [string, number][];
  accountCustom: [string, number][];
  headers: string[];
}

export function compileMapping(mapping: ColumnMapping, headers: string[]): CompiledMapping {
  const compiled: CompiledMapping = { contact: {}, account: {}, contactCustom: [], accountCustom: [], headers };
  for (const { column, target } of mapping) {
    if (!target) continue;
    const [entity, key, custom] = target.split('.') as [string, string, string | undefined];
    if (key === 'custom' && custom) {
      (entity === 'contact' ? compiled.contactCustom : compiled.accountCustom).push([custom, column]);
    } else if (entity === 'contact') compiled.contact[key as ContactTemplateKey] = column;
    else compiled.account[key as AccountTemplateKey] = column;
  }
  return compiled;
}

/** Memoized normalizers: a file repeats the same companies, countries and domains many times. */
export class NormalizeCache {
  private domains = new Map<string, string | null>();
  private countries = new Map<string, string | null>();
  domain(value: string): string | null {
    let hit = this.domains.get(value);
    if (hit === undefined) {
      hit = normalizeDomain(value);
      this.domains.set(value, hit);
    }
    return hit;
  }
  country(value: string): string | null {
    let hit = this.countries.get(value);
    if (hit === undefined) {
      hit = normalizeCountry(value);
      this.countries.set(value, hit);
    }
    return hit;
  }
}

const SENIORITY_ALIASES: Record<string, string> = {
  clevel: 'C-Level', csuite: 'C-Level', cxo: 'C-Level', chief: 'C-Level', executive: 'C-Level', owner: 'C-Level', founder: 'C-Level',
  vp: 'VP', vicepresident: 'VP', svp: 'VP', evp: 'VP', avp: 'VP',
  director: 'Director', head: 'Director', manager: 'Manager', senior: 'Senior', entry: 'Entry', junior: 'Entry', intern: 'Entry', staff: 'Entry',
};
const CONSENT_ALIASES: Record<string, string> = {
  optedin: 'opted-in', optin: 'opted-in', yes: 'opted-in', y: 'opted-in', true: 'opted-in', granted: 'opted-in', subscribed: 'opted-in',
  optedout: 'opted-out', optout: 'opted-out', no: 'opted-out', n: 'opted-out', false: 'opted-out', unsubscribed: 'opted-out', withdrawn: 'opted-out',
  unknown: 'unknown',
};
const EMAIL_STATUS_ALIASES: Record<string, string> = {
  valid: 'valid', verified: 'valid', deliverable: 'valid', ok: 'valid',
  invalid: 'invalid', undeliverable: 'invalid', bad: 'invalid', bounced: 'invalid',
  catchall: 'catch-all', acceptall: 'catch-all', acceptsall: 'catch-all',
  unknown: 'unknown', risky: 'unknown', unverified: 'unknown',
};
const bareKey = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');

function enumValue(raw: string, values: readonly string[], aliases: Record<string, string>): string | null {
  const key = bareKey(raw);
  return values.find((v) => bareKey(v) === key) ?? aliases[key] ?? null;
}

const validZones = new Map<string, boolean>();
function isTimeZone(zone: string): boolean {
  let ok = validZones.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(zone, ok);
  }
  return ok;
}

/** ISO (2024-03-05, 2024-03-05T10:00Z) or US M/D/YYYY → YYYY-MM-DD; null when not a real date. */
export function parseResearchDate(raw: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(raw);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [y, m, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "1,250", "1.5k", "$2.5M", "3 billion" → number; null when unreadable. */
export function parseAmount(raw: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|thousand|m|mm|mn|million|b|bn|billion)?\s*(usd)?$/i.exec(raw.trim());
  if (!match) return null;
  const base = Number(match[1]!.replace(/,/g, '') + (match[2] ?? ''));
  const unit = (match[3] ?? '').toLowerCase();
  const factor = unit.startsWith('k') || unit === 'thousand' ? 1e3 : unit.startsWith('m') ? 1e6 : unit.startsWith('b') ? 1e9 : 1;
  const value = base * factor;
  return Number.isFinite(value) && value <= 1e15 ? value : null;
}

/** Reads one record's cells: trimmed, length-checked, with the issues they raise. One per row. */
class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(
    private readonly fields: readonly string[],
    private readonly headers: readonly string[],
  ) {}

  private headerOf(column: number | undefined): string | null {
    return column === undefined ? null : (this.headers[column] ?? `Column ${column + 1}`);
  }
  error(column: number | undefined, reason: string): void {
    this.issues.push({ severity: 'error', column: this.headerOf(column), reason });
  }
  warn(column: number | undefined, reason: string): void {
    this.issues.push({ severity: 'warning', column: this.headerOf(column), reason });
  }
  raw(column: number | undefined): string | null {
    if (column === undefined) return null;
    const value = this.fields[column];
    if (value === undefined) return null;
    // Our own export's formula escape ('+44 20…) comes off, so an exported file imports back as it was.
    const trimmed = restoreFormula(value.trim()).trim();
    if (!trimmed) return null;
    if (trimmed.length > IMPORT_MAX_FIELD_CHARS) {
      this.error(column, `is longer than ${IMPORT_MAX_FIELD_CHARS} characters`);
      return null;
    }
    return trimmed;
  }
  text(column: number | undefined, max = 500): string | null {
    const v = this.raw(column);
    if (v !== null && v.length > max) {
      this.warn(column, `was cut to ${max} characters`);
      return v.slice(0, max);
    }
    return v;
  }
  score(column: number | undefined): number | null {
    const v = this.raw(column);
    if (v === null) return null;
    const n = Number(v.endsWith('%') ? v.slice(0, -1) : v);
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      this.warn(column, `"${v}" is not a score from 0 to 100 and was left empty`);
      return null;
    }
    return n;
  }
  count(column: number | undefined): number | null {
    const v = this.raw(column);
    if (v === null) return null;
    const n = Number(v.replace(/[,\s]/g, ''));
    if (!Number.isInteger(n) || n < 0 || n > 100_000_000) {
      this.warn(column, `"${v}" is not a whole number and was left empty`);
      return null;
    }
    return n;
  }
  pick(column: number | undefined, values: readonly string[], aliases: Record<string, string>): string | null {
    const v = this.raw(column);
    if (v === null) return null;
    const found = enumValue(v, values, aliases);
    if (!found) this.warn(column, `"${v}" is not one of ${values.join(', ')} and was left empty`);
    return found;
  }
  digits(column: number | undefined, pattern: RegExp, what: string): string | null {
    const v = this.raw(column);
    if (v === null) return null;
    if (!pattern.test(v)) {
      this.warn(column, `"${v}" is not ${what} and was left empty`);
      return null;
    }
    return v;
  }
  phone(column: number | undefined, region: string | null): { e164: string | null; raw: string | null; extension: string | null } {
    const v = this.raw(column);
    if (v === null) return { e164: null, raw: null, extension: null };
    const parsed = parsePhone(v, region);
    if (!parsed.e164) this.warn(column, `"${v}" is not a valid phone number${region ? ` for ${region}` : ''}: kept as written`);
    return parsed;
  }
  custom(pairs: [string, number][]): Record<string, string> | null {
    if (!pairs.length) return null;
    const out: Record<string, string> = {};
    let any = false;
    for (const [name, column] of pairs) {
      const v = this.raw(column);
      if (v !== null) {
        out[name] = v.slice(0, 2000);
        any = true;
      }
    }
    return any ? out : null;
  }
}

const LINKEDIN_ID = /^\d{1,20}$/;
const SIC = /^\d{4}$/;
const NAICS = /^\d{2,6}$/;
const EXTENSION_PREFIX = /^(ext\.?|x)\s*/i;

export function mapRow(fields: readonly string[], m: CompiledMapping, options: ImportOptions, cache: NormalizeCache): MappedRow {
  const r = new RowReader(fields, m.headers);
  const c = m.contact;
  const a = m.account;

  // ── contact ──
  const emailRaw = r.raw(c.email);
  const email = emailRaw === null ? null : normalizeEmail(emailRaw);
  if (emailRaw !== null && email === null) r.error(c.email, `"${emailRaw.slice(0, 100)}" is not a valid email address`);

  let fullName = normalizeName(r.text(c.fullName, 300));
  let firstName = normalizeName(r.text(c.firstName, 150));
  let lastName = normalizeName(r.text(c.lastName, 150));
  if (!fullName && (firstName || lastName)) fullName = joinFullName(firstName, lastName);
  if (fullName && !firstName && !lastName) ({ firstName, lastName } = splitFullName(fullName));
  if (!email && !fullName && emailRaw === null) r.error(undefined, 'The row has neither an email nor a name');

  let researchDate: string | null = null;
  const dateRaw = r.raw(c.researchDate);
  if (dateRaw !== null) {
    researchDate = parseResearchDate(dateRaw);
    if (!researchDate) r.warn(c.researchDate, `"${dateRaw}" is not a date (YYYY-MM-DD or M/D/YYYY) and was left empty`);
  }

  const countryRaw = r.raw(c.country);
  const country = countryRaw === null ? null : cache.country(countryRaw);
  if (countryRaw !== null && !country) r.warn(c.country, `"${countryRaw}" is not a country name or ISO code and was left empty`);

  // ── account ──
  const accountCountryRaw = r.raw(a.country);
  const accountCountry = accountCountryRaw === null ? null : cache.country(accountCountryRaw);
  if (accountCountryRaw !== null && !accountCountry) r.warn(a.country, `"${accountCountryRaw}" is not a country name or ISO code and was left empty`);
  const phoneCountry = country ?? accountCountry ?? options.defaultCountry ?? null;

  const direct = r.phone(c.directPhone, phoneCountry);
  const mobile = r.phone(c.mobilePhone, phoneCountry);
  let phoneExtension = r.text(c.phoneExtension, 20);
  if (phoneExtension !== null && !/^\d{1,10}$/.test(phoneExtension.replace(EXTENSION_PREFIX, ''))) {
    r.warn(c.phoneExtension, `"${phoneExtension}" is not an extension (digits) and was left empty`);
    phoneExtension = null;
  } else if (phoneExtension !== null) phoneExtension = phoneExtension.replace(EXTENSION_PREFIX, '');
  phoneExtension ??= direct.extension;

  let timezone = r.text(c.timezone, 64);
  if (timezone !== null && !isTimeZone(timezone)) {
    r.warn(c.timezone, `"${timezone}" is not an IANA time zone and was left empty`);
    timezone = null;
  }

  const contactCustom = r.custom(m.contactCustom);
  const source = r.text(c.source, 200) ?? options.source ?? null;

  const contact: ContactValues = {
    researchDate,
    fullName,
    firstName,
    lastName,
    jobTitle: r.text(c.jobTitle, 300),
    jobFunction: r.text(c.jobFunction, 100),
    seniority: r.pick(c.seniority, SENIORITY_VALUES, SENIORITY_ALIASES),
    email,
    emailConfidence: r.score(c.emailConfidence),
    emailStatus: r.pick(c.emailStatus, EMAIL_STATUS_VALUES, EMAIL_STATUS_ALIASES),
    directPhone: direct.e164,
    directPhoneRaw: direct.raw,
    directPhoneConfidence: r.score(c.directPhoneConfidence),
    mobilePhone: mobile.e164,
    mobilePhoneRaw: mobile.raw,
    mobilePhoneConfidence: r.score(c.mobilePhoneConfidence),
    phoneExtension,
    linkedinUrl: r.text(c.linkedinUrl, 2000),
    city: r.text(c.city, 200),
    state: r.text(c.state, 200),
    country,
    postalCode: r.text(c.postalCode, 40),
    timezone,
    monthsInRole: r.count(c.monthsInRole),
    monthsAtCompany: r.count(c.monthsAtCompany),
    consentStatus: r.pick(c.consentStatus, CONSENT_STATUS_VALUES, CONSENT_ALIASES),
    source,
    customFields: contactCustom,
  };

  // The account: by Company Domain, else Website, else the email's domain unless free mail; else by name.
  const name = normalizeName(r.text(a.name, 300));
  const domainRaw = r.raw(a.domain);
  const websiteRaw = r.raw(a.website);
  let domain: string | null = null;
  if (domainRaw !== null) {
    domain = cache.domain(domainRaw);
    if (!domain) r.warn(a.domain, `"${domainRaw}" is not a company domain and was left empty`);
  }
  if (!domain && websiteRaw !== null) domain = cache.domain(websiteRaw);
  if (!domain && email) {
    const fromEmail = cache.domain(email.slice(email.lastIndexOf('@') + 1));
    if (fromEmail && !FREE_MAIL_DOMAINS.has(fromEmail)) domain = fromEmail;
  }
  let account: AccountValues | null = null;
  if (domain || name) {
    const employeeCount = r.count(a.employeeCount);
    const employeeRangeRaw = r.raw(a.employeeRange);
    let employeeRange = employeeRangeRaw === null ? null : normalizeEmployeeRange(employeeRangeRaw);
    if (employeeRangeRaw !== null && !employeeRange) r.warn(a.employeeRange, `"${employeeRangeRaw}" is not an employee range and was left empty`);
    employeeRange ??= employeeRangeFor(employeeCount);
    const revenueRaw = r.raw(a.annualRevenue);
    const annualRevenue = revenueRaw === null ? null : parseAmount(revenueRaw);
    if (revenueRaw !== null && annualRevenue === null) r.warn(a.annualRevenue, `"${revenueRaw}" is not an amount and was left empty`);
    const revenueRangeRaw = r.raw(a.revenueRange);
    let revenueRange = revenueRangeRaw === null ? null : normalizeRevenueRange(revenueRangeRaw);
    if (revenueRangeRaw !== null && !revenueRange) r.warn(a.revenueRange, `"${revenueRangeRaw}" is not a revenue range and was left empty`);
    revenueRange ??= revenueRangeFor(annualRevenue);
    const companyPhone = r.phone(a.phone, accountCountry ?? phoneCountry);
    account = {
      key: domain ? `d:${domain}` : `n:${name!.toLowerCase()}`,
      name: name ?? domain!,
      domain,
      website: r.text(a.website, 2000),
      linkedinUrl: r.text(a.linkedinUrl, 2000),
      linkedinCompanyId: r.digits(a.linkedinCompanyId, LINKEDIN_ID, 'a LinkedIn company id (digits)'),
      industry: r.text(a.industry, 200),
      subIndustry: r.text(a.subIndustry, 200),
      sicCode: r.digits(a.sicCode, SIC, 'a 4-digit SIC code'),
      naicsCode: r.digits(a.naicsCode, NAICS, 'a NAICS code (2–6 digits)'),
      employeeCount,
      employeeRange,
      annualRevenue,
      revenueRange,
      street: r.text(a.street, 300),
      city: r.text(a.city, 200),
      state: r.text(a.state, 200),
      postalCode: r.text(a.postalCode, 40),
      country: accountCountry,
      phone: companyPhone.e164,
      phoneRaw: companyPhone.raw,
      technologies: (r.raw(a.technologies) ?? '')
        .split(LIST_SEPARATOR)
        .map((t) => t.trim().slice(0, 100))
        .filter(Boolean)
        .slice(0, 200),
      description: r.text(a.description, 5000),
      source,
      customFields: r.custom(m.accountCustom),
    };
  }

  if (fields.length > m.headers.length && fields.slice(m.headers.length).some((f) => f.trim() !== '')) {
    r.warn(undefined, `The row has ${fields.length} fields but the header has ${m.headers.length}: the extra fields were ignored`);
  }
  return { contact, account, issues: r.issues, ok: !r.issues.some((i) => i.severity === 'error') };
}

