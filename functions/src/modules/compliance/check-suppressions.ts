// The bulk suppression check: which of these addresses and numbers may not be contacted, and why.
// Two queries whatever the batch size (one for addresses and their domains, one for phones), so
// imports and the API can check thousands of values per call.
import type {
  SuppressionCheckRequest,
  SuppressionCheckResponse,
  SuppressionMatch,
  SuppressionReason,
  SuppressionType,
} from '@shared/contracts/compliance';
import { normalizeDomain, normalizeEmail, normalizePhone } from '@shared/normalize';
import type { Deps } from '../../deps';
import { matchEmailsAndDomains, matchPhones, type Db, type MatchRow } from './suppressions-repo';
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

/**
 * Set-based lookup of already-normalized values (addresses as contacts store them, E.164 numbers):
 * exactly one query for the addresses and their registrable domains and one for the phones
 * (none for an empty side). Values that are not suppressed are absent from the result.
 */
export async function findSuppressions(
  db: Db,
  input: { emails: readonly string[]; phones: readonly string[] },
): Promise<SuppressionCheckResult> {
  const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const phones = [...new Set(input.phones.map((p) => p.trim()).filter(Boolean))];

  // Many addresses share a host: derive each host's registrable domain once.
  const domainOfHost = new Map<string, string | null>();
  const domainOfEmail = new Map<string, string>();
  for (const email of emails) {
    const host = email.slice(email.lastIndexOf('@') + 1);
    if (!domainOfHost.has(host)) domainOfHost.set(host, normalizeDomain(host));
    const domain = domainOfHost.get(host);
    if (domain) domainOfEmail.set(email, domain);
  }
  const domains = [...new Set(domainOfEmail.values())];

  const [emailRows, phoneRows] = await Promise.all([
    emails.length ? matchEmailsAndDomains(db, emails, domains) : Promise.resolve([]),
    phones.length ? matchPhones(db, phones) : Promise.resolve([]),
  ]);

  const result: SuppressionCheckResult = { emails: new Map(), phones: new Map() };
  const byDomain = new Map<string, SuppressionHit[]>();
  for (const row of emailRows) {
    if (row.type === 'email') push(result.emails, row.value, toHit(row));
    else push(byDomain, row.value, toHit(row));
  }
  if (byDomain.size) {
    for (const [email, domain] of domainOfEmail) for (const hit of byDomain.get(domain) ?? []) push(result.emails, email, hit);
  }
  for (const row of phoneRows) push(result.phones, row.value, toHit(row));
  return result;
}

/**
 * Which of these normalized addresses and numbers are suppressed (an address also when its
 * registrable domain is): the same two queries, without the reasons. The import pipeline's
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
