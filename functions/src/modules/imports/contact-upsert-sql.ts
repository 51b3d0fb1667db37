// The set-based statements of a chunk: resolve accounts by natural key, insert the missing ones,
// and upsert contacts from unnest'ed arrays with the dedupe mode and the Research Date rule in SQL,
// recording before-images of updated contacts in the same statement (for revert).
import type { DedupeMode } from '@shared/contracts/imports';
import type { AccountValues, ContactValues } from './map-row';
import type { RawQuery } from '../../db/raw-sql';
import { CONTACT_PERSON_CONFLICT_TARGET, contactPersonKey } from '../../db/schema/contact-key';
import { sliceYielder } from '../../core/yield-slices';

type Col<T> = { name: string; type: string; get: (v: T) => unknown };

const accountCols: Col<AccountValues>[] = [
  { name: 'name', type: 'text', get: (a) => a.name },
  { name: 'domain', type: 'text', get: (a) => a.domain },
  { name: 'website', type: 'text', get: (a) => a.website },
  { name: 'linkedin_url', type: 'text', get: (a) => a.linkedinUrl },
  { name: 'linkedin_company_id', type: 'text', get: (a) => a.linkedinCompanyId },
  { name: 'industry', type: 'text', get: (a) => a.industry },
  { name: 'sub_industry', type: 'text', get: (a) => a.subIndustry },
  { name: 'sic_code', type: 'text', get: (a) => a.sicCode },
  { name: 'naics_code', type: 'text', get: (a) => a.naicsCode },
  { name: 'employee_count', type: 'int4', get: (a) => a.employeeCount },
  { name: 'employee_range', type: 'text', get: (a) => a.employeeRange },
  { name: 'annual_revenue', type: 'float8', get: (a) => a.annualRevenue },
  { name: 'revenue_range', type: 'text', get: (a) => a.revenueRange },
  { name: 'street', type: 'text', get: (a) => a.street },
  { name: 'city', type: 'text', get: (a) => a.city },
  { name: 'state', type: 'text', get: (a) => a.state },
  { name: 'postal_code', type: 'text', get: (a) => a.postalCode },
  { name: 'country', type: 'text', get: (a) => a.country },
  { name: 'phone', type: 'text', get: (a) => a.phone },
  { name: 'phone_raw', type: 'text', get: (a) => a.phoneRaw },
  { name: 'description', type: 'text', get: (a) => a.description },
  { name: 'source', type: 'text', get: (a) => a.source },
];

/** Contact columns written from the file; `key` columns identify a contact without email and are never rewritten. */
const contactCols: (Col<ContactValues & { accountId: string | null }> & { key?: boolean })[] = [
  { name: 'account_id', type: 'uuid', get: (c) => c.accountId, key: true },
  { name: 'research_date', type: 'date', get: (c) => c.researchDate },
  { name: 'full_name', type: 'text', get: (c) => c.fullName, key: true },
  { name: 'first_name', type: 'text', get: (c) => c.firstName },
  { name: 'last_name', type: 'text', get: (c) => c.lastName },
  { name: 'job_title', type: 'text', get: (c) => c.jobTitle },
  { name: 'job_function', type: 'text', get: (c) => c.jobFunction },
  { name: 'seniority', type: 'text', get: (c) => c.seniority },
  { name: 'email', type: 'text', get: (c) => c.email, key: true },
  { name: 'email_confidence', type: 'int2', get: (c) => c.emailConfidence },
  { name: 'email_status', type: 'text', get: (c) => c.emailStatus },
  { name: 'direct_phone', type: 'text', get: (c) => c.directPhone, key: true },
  { name: 'direct_phone_raw', type: 'text', get: (c) => c.directPhoneRaw },
  { name: 'direct_phone_confidence', type: 'int2', get: (c) => c.directPhoneConfidence },
  { name: 'mobile_phone', type: 'text', get: (c) => c.mobilePhone, key: true },
  { name: 'mobile_phone_raw', type: 'text', get: (c) => c.mobilePhoneRaw },
  { name: 'mobile_phone_confidence', type: 'int2', get: (c) => c.mobilePhoneConfidence },
  { name: 'phone_extension', type: 'text', get: (c) => c.phoneExtension },
  { name: 'linkedin_url', type: 'text', get: (c) => c.linkedinUrl },
  { name: 'city', type: 'text', get: (c) => c.city },
  { name: 'state', type: 'text', get: (c) => c.state },
  { name: 'country', type: 'text', get: (c) => c.country },
  { name: 'postal_code', type: 'text', get: (c) => c.postalCode },
  { name: 'timezone', type: 'text', get: (c) => c.timezone },
  { name: 'months_in_role', type: 'int4', get: (c) => c.monthsInRole },
  { name: 'months_at_company', type: 'int4', get: (c) => c.monthsAtCompany },
  { name: 'consent_status', type: 'text', get: (c) => c.consentStatus },
];

/** Every contact column an import may write (what a revert may put back). */
export const IMPORTED_CONTACT_COLUMNS: readonly string[] = [...contactCols.map((c) => c.name), 'custom_fields', 'source'];

export interface ResolvedAccount {
  id: string;
  key: string;
}

const keyOfRow = (r: { domain: string | null; lname: string }) => (r.domain ? `d:${r.domain}` : `n:${r.lname}`);

/**
 * One query: the live accounts with these domains, or (without a domain) these names. Their names
 * go into `names` (key → name) when asked, for the company-name check.
 */
export async function findAccounts(query: RawQuery, accounts: AccountValues[], names?: Map<string, string>): Promise<Map<string, string>> {
  const domains = accounts.filter((a) => a.domain).map((a) => a.domain!);
  const lowerNames = accounts.filter((a) => !a.domain).map((a) => a.name.toLowerCase());
  const found = new Map<string, string>();
  if (!domains.length && !lowerNames.length) return found;
  const rows = await query<{ id: string; domain: string | null; lname: string; name: string }>(
    `SELECT id, domain, lower(name) AS lname, name FROM accounts
      WHERE deleted_at IS NULL
        AND (domain = ANY($1::text[]) OR (domain IS NULL AND lower(name) = ANY($2::text[])))`,
    [domains, lowerNames],
  );
  for (const r of rows) {
    found.set(keyOfRow(r), r.id);
    names?.set(keyOfRow(r), r.name);
  }
  return found;
}

/** One statement: inserts the accounts (all rows at once); ones another chunk just made are skipped. */
export async function insertAccounts(query: RawQuery, accounts: AccountValues[], createdBy: string | null): Promise<Map<string, string>> {
  const created = new Map<string, string>();
  if (!accounts.length) return created;
  const params: unknown[] = accountCols.map((c) => accounts.map(c.get));
  params.push(accounts.map((a) => (a.technologies.length ? a.technologies.join('\u001f') : null)));
  params.push(accounts.map((a) => (a.customFields ? JSON.stringify(a.customFields) : null)));
  params.push(createdBy);
  const n = accountCols.length;
  const rows = await query<{ id: string; domain: string | null; lname: string }>(
    `INSERT INTO accounts (${accountCols.map((c) => c.name).join(', ')}, technologies, custom_fields, created_by)
     SELECT ${accountCols.map((c) => `t.${c.name}`).join(', ')},
            coalesce(string_to_array(t.tech, chr(31)), '{}'::text[]), coalesce(t.custom::jsonb, '{}'::jsonb), $${n + 3}::uuid
       FROM unnest(${accountCols.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}, $${n + 1}::text[], $${n + 2}::text[])
            AS t(${accountCols.map((c) => c.name).join(', ')}, tech, custom)
      ORDER BY t.domain, lower(t.name)
     ON CONFLICT DO NOTHING
     RETURNING id, domain, lower(name) AS lname`,
    params,
  );
  for (const r of rows) created.set(keyOfRow(r), r.id);
  return created;
}

export type ContactInput = ContactValues & { accountId: string | null };

export interface UpsertResult {
  inserted: string[];
  updated: string[];
  /** Rows whose contact exists and was left as it was. */
  unchanged: number;
  /** Emails (or person keys) of the rows inserted, for reporting. */
  insertedKeys: Set<string>;
  updatedKeys: Set<string>;
}

const emptyResult = (): UpsertResult => ({ inserted: [], updated: [], unchanged: 0, insertedKeys: new Set(), updatedKeys: new Set() });

/** The person key of a contact without email, as the contacts_person_live_key index computes it. */
export function personKey(c: ContactInput): string {
  return `${c.accountId ?? ''}|${(c.fullName ?? '').toLowerCase()}|${c.directPhone ?? c.mobilePhone ?? ''}`;
}

/**
 * One statement per group (with email; without email): INSERT … SELECT FROM unnest … ON CONFLICT
 * on the group's live natural-key index. `update` overwrites with the values the file carries when
 * its Research Date is not older, else only fills empty fields; `fill` only fills; `skip` leaves
 * existing contacts alone. An update that would change nothing is not made (re-imports are no-ops).
 */
export async function upsertContacts(
  query: RawQuery,
  rows: ContactInput[],
  options: { mode: DedupeMode; jobId: string; createdBy: string | null },
): Promise<UpsertResult> {
  const result = emptyResult();
  const withEmail = rows.filter((r) => r.email);
  const withoutEmail = rows.filter((r) => !r.email);
  if (withEmail.length) merge(result, await upsertGroup(query, withEmail, 'email', options));
  if (withoutEmail.length) merge(result, await upsertGroup(query, withoutEmail, 'person', options));
  return result;
}

function merge(into: UpsertResult, from: UpsertResult) {
  into.inserted.push(...from.inserted);
  into.updated.push(...from.updated);
  into.unchanged += from.unchanged;
  from.insertedKeys.forEach((k) => into.insertedKeys.add(k));
  from.updatedKeys.forEach((k) => into.updatedKeys.add(k));
}

async function upsertGroup(
  query: RawQuery,
  rows: ContactInput[],
  group: 'email' | 'person',
  options: { mode: DedupeMode; jobId: string; createdBy: string | null },
): Promise<UpsertResult> {
  const n = contactCols.length;
  // A column at a time, in slices: a chunk's thousands of rows are milliseconds per column.
  const slice = sliceYielder();
  const params: unknown[] = [];
  for (const c of contactCols) {
    params.push(rows.map(c.get));
    await slice();
  }
  params.push(rows.map((r) => r.source));
  params.push(rows.map((r) => (r.customFields ? JSON.stringify(r.customFields) : null)));
  params.push(options.createdBy, options.jobId);
  const pSource = n + 1;
  const pCustom = n + 2;
  const pCreatedBy = n + 3;
  const pJob = n + 4;

  const conflict =
    group === 'email'
      ? `ON CONFLICT (email) WHERE deleted_at IS NULL AND email IS NOT NULL`
      : `ON CONFLICT ${CONTACT_PERSON_CONFLICT_TARGET}`;
  const matchBefore =
    group === 'email'
      ? `c.email = i.email AND c.email IS NOT NULL`
      : `c.email IS NULL AND ${contactPersonKey('c')} = ${contactPersonKey('i')}`;

  // Columns the dedupe mode may change: not the natural key of the group.
  const mergeable = contactCols.filter((c) => c.name !== 'email' && !(group === 'person' && c.key));
  const newer = `(EXCLUDED.research_date IS NULL OR c.research_date IS NULL OR EXCLUDED.research_date >= c.research_date)`;
  const mergedValue = (col: string) =>
    options.mode === 'fill'
      ? `coalesce(c.${col}, EXCLUDED.${col})`
      : `CASE WHEN ${newer} THEN coalesce(EXCLUDED.${col}, c.${col}) ELSE coalesce(c.${col}, EXCLUDED.${col}) END`;
  const mergedCustom =
    options.mode === 'fill'
      ? `EXCLUDED.custom_fields || c.custom_fields`
      : `CASE WHEN ${newer} THEN c.custom_fields || EXCLUDED.custom_fields ELSE EXCLUDED.custom_fields || c.custom_fields END`;
  const targets = [...mergeable.map((c) => c.name), 'custom_fields', 'source'];
  const values = [...mergeable.map((c) => mergedValue(c.name)), mergedCustom, `coalesce(c.source, EXCLUDED.source)`];

  const onConflict =
    options.mode === 'skip'
      ? `${conflict} DO NOTHING`
      : `${conflict} DO UPDATE SET (${targets.join(', ')}, version, updated_at) = (${values.join(', ')}, c.version + 1, now())
         WHERE (${targets.map((t) => `c.${t}`).join(', ')}) IS DISTINCT FROM (${values.join(', ')})`;

  const statement = `
    WITH i AS (
      SELECT * FROM unnest(${contactCols.map((c, k) => `$${k + 1}::${c.type}[]`).join(', ')}, $${pSource}::text[], $${pCustom}::text[])
        AS t(${contactCols.map((c) => c.name).join(', ')}, source, custom)
    ),
    before AS (
      SELECT c.* FROM contacts c JOIN i ON ${matchBefore} WHERE c.deleted_at IS NULL
    ),
    upserted AS (
      INSERT INTO contacts AS c (${contactCols.map((c) => c.name).join(', ')}, source, custom_fields, created_by)
      SELECT ${contactCols.map((c) => `i.${c.name}`).join(', ')}, i.source, coalesce(i.custom::jsonb, '{}'::jsonb), $${pCreatedBy}::uuid
        FROM i ORDER BY i.email, i.full_name
      ${onConflict}
      RETURNING c.id, c.email, (xmax = 0) AS inserted
    ),
    logged AS (
      INSERT INTO import_changes (job_id, entity, entity_id, before)
      SELECT $${pJob}::uuid, 'contact', b.id, to_jsonb(b) FROM before b JOIN upserted u ON u.id = b.id AND NOT u.inserted
      ON CONFLICT DO NOTHING
    )
    SELECT id, email, inserted FROM upserted`;
  const out = await query<{ id: string; email: string | null; inserted: boolean }>(statement, params);
  const result = emptyResult();
  for (const r of out) {
    if (r.inserted) {
      result.inserted.push(r.id);
      if (r.email) result.insertedKeys.add(r.email);
    } else {
      result.updated.push(r.id);
      if (r.email) result.updatedKeys.add(r.email);
    }
  }
  result.unchanged = rows.length - out.length;
  return result;
}
