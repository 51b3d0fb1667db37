// The bulk suppression check: which of these addresses and numbers may not be contacted, and why.
// One query whatever the batch size (addresses, their registrable domains and phones), so
// imports and the API can check thousands of values per call.
import type {
  SuppressionCheckRequest,
  SuppressionCheckResponse,
  SuppressionMatch,
  SuppressionReason,
  SuppressionType,
} from '@shared/contracts/compliance';
import { emailBase, normalizeDomain, normalizeEmail, normalizePhone } from '@shared/normalize';
import type { Deps } from '../../core/deps';
import { queryRows } from '../../db/rows';
import { matchStatement, type Db, type MatchRow } from './suppressions-repo';
import { DEFAULT_PHONE_COUNTRY } from './suppression-values';

export interface SuppressionHit {
  /** What matched: the address itself, its registrable domain, or the phone. */
  type: SuppressionType;
  value: string;
  reason: SuppressionReason;
  source: string;
  since: Date;
}

export interface SuppressionCheckResult {
  /** Suppressed addresses (normalized: trimmed, lower-case) → every entry that suppresses them. */
  emails: Map<string, SuppressionHit[]>;
  /** Suppressed E.164 numbers → their entries. */
  phones: Map<string, SuppressionHit[]>;
}

const toHit = (row: MatchRow): SuppressionHit => ({
  type: row.type,
  value: row.value,
  reason: row.reason,
  source: row.source,
  since: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
});

function push<K>(map: Map<K, SuppressionHit[]>, key: K, hit: SuppressionHit): void {
  const list = map.get(key);
  if (list) list.push(hit);
  else map.set(key, [hit]);
}

// Hosts repeat across pages and batches: each host's registrable domain is worked out once (a
// public-suffix parse) and kept, up to a bound.
const domainOfHost = new Map<string, string | null>();
const MAX_CACHED_HOSTS = 50_000;
function registrableDomainOf(host: string): string | null {
  let domain = domainOfHost.get(host);
  if (domain === undefined) {
    domain = normalizeDomain(host);
    if (domainOfHost.size >= MAX_CACHED_HOSTS) domainOfHost.clear();
    domainOfHost.set(host, domain);
  }
  return domain;
}

/** What a lookup asks: the distinct addresses and numbers, and each address's registrable domain. */
function lookupOf(input: { emails: readonly string[]; phones: readonly string[] }) {
  const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const phones = [...new Set(input.phones.map((p) => p.trim()).filter(Boolean))];
  const domainOfEmail = new Map<string, string>();
  // A plus-tagged alias is matched by its mailbox: jane+news@x.com by an entry for jane@x.com.
  const emailsOfBase = new Map<string, string[]>();
  for (const email of emails) {
    const domain = registrableDomainOf(email.slice(email.lastIndexOf('@') + 1));
    if (domain) domainOfEmail.set(email, domain);
    const base = emailBase(email);
    emailsOfBase.set(base, [...(emailsOfBase.get(base) ?? []), email]);
  }
  const statement = matchStatement({ emails: [...emailsOfBase.keys()], domains: [...new Set(domainOfEmail.values())], phones });
  return { statement, domainOfEmail, emailsOfBase };
}

/**
 * Set-based lookup of already-normalized values (addresses as contacts store them, E.164 numbers):
 * exactly one query for the addresses, their registrable domains and the phones (none when there
 * is nothing to look up). Values that are not suppressed are absent from the result.
 */
export async function findSuppressions(
  db: Db,
  input: { emails: readonly string[]; phones: readonly string[] },
): Promise<SuppressionCheckResult> {
  const { statement, domainOfEmail, emailsOfBase } = lookupOf(input);
  const rows = statement ? await queryRows<MatchRow>(db, statement) : [];

  const result: SuppressionCheckResult = { emails: new Map(), phones: new Map() };
  const byDomain = new Map<string, SuppressionHit[]>();
  for (const row of rows) {
    if (row.type === 'email') for (const email of emailsOfBase.get(row.email_base ?? row.value) ?? []) push(result.emails, email, toHit(row));
    else if (row.type === 'domain') push(byDomain, row.value, toHit(row));
    else push(result.phones, row.value, toHit(row));
  }
  if (byDomain.size) {
    for (const [email, domain] of domainOfEmail) for (const hit of byDomain.get(domain) ?? []) push(result.emails, email, hit);
  }
  return result;
}

/**
 * Which of these normalized addresses and numbers are suppressed (an address also when its
 * registrable domain is): the same one query, without the reasons. The import pipeline's
 * suppression hook has exactly this shape.
 */
export async function checkSuppressions(
  db: Db,
  input: { emails: string[]; phones: string[] },
): Promise<{ emails: ReadonlySet<string>; phones: ReadonlySet<string> }> {
  const found = await findSuppressions(db, input);
  return { emails: new Set(found.emails.keys()), phones: new Set(found.phones.keys()) };
}

/** The API's check: normalizes what the caller sent, reports unreadable values, then checks. */
export async function checkSuppressionList(deps: Pick<Deps, 'db'>, request: SuppressionCheckRequest): Promise<SuppressionCheckResponse> {
  const invalid: SuppressionCheckResponse['invalid'] = [];
  const emailInputs = new Map<string, string[]>();
  const phoneInputs = new Map<string, string[]>();
  for (const input of request.emails) {
    const email = normalizeEmail(input);
    if (!email) invalid.push({ input, channel: 'email', reason: 'is not an email address' });
    else emailInputs.set(email, [...(emailInputs.get(email) ?? []), input]);
  }
  for (const input of request.phones) {
    const phone = normalizePhone(input, request.defaultCountry ?? DEFAULT_PHONE_COUNTRY);
    if (!phone) invalid.push({ input, channel: 'phone', reason: 'is not a phone number' });
    else phoneInputs.set(phone, [...(phoneInputs.get(phone) ?? []), input]);
  }

  const found = await findSuppressions(deps.db, { emails: [...emailInputs.keys()], phones: [...phoneInputs.keys()] });

  const suppressed: SuppressionMatch[] = [];
  const report = (channel: 'email' | 'phone', hits: Map<string, SuppressionHit[]>, inputs: Map<string, string[]>) => {
    for (const [normalized, list] of hits) {
      for (const input of inputs.get(normalized) ?? []) {
        for (const hit of list) {
          suppressed.push({
            input,
            channel,
            normalized,
            matchedType: hit.type,
            matchedValue: hit.value,
            reason: hit.reason,
            source: hit.source,
            since: hit.since.toISOString(),
          });
        }
      }
    }
  };
  report('email', found.emails, emailInputs);
  report('phone', found.phones, phoneInputs);
  return { checked: request.emails.length + request.phones.length, suppressed, invalid };
}
