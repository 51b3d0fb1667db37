// A contact as the API returns it (the Contact contract: account embedded, suppression state per
// channel), built by Postgres as JSON text in the page statement itself. A list page is then one
// statement whose rows the API passes through untouched, instead of a page, a suppression lookup,
// and a mapping of every column in JavaScript. contact-json.test.ts holds it to contactView.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { accounts, contacts, emailBaseSql } from '../db/schema';

const c = contacts;
const a = accounts;

/** ISO 8601 in UTC with milliseconds, as Date#toISOString writes it. */
const isoTime = (column: SQLWrapper) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The entry that suppresses the contact's email: the address's own entry (its plus-tagged aliases
 * included: the email_base index) before its domain's. A
 * domain entry (always a registrable domain) covers its subdomains: the host's last 2 to 6 labels
 * are compared, as the segment compiler and the compliance guard do.
 */
const EMAIL_SUPPRESSION = sql`(
  select json_build_object('reason', s.reason, 'type', s.type) from suppressions s
   where ${c.email} is not null
     and ((s.email_base = ${emailBaseSql(sql`${c.email}`)})
       or (s.type = 'domain' and s.value = any (
             select array_to_string(h.l[greatest(cardinality(h.l) - n, 1):], '.')
               from (select string_to_array(split_part(${c.email}, '@', 2), '.') as l) h, generate_series(1, 5) n)))
   order by s.type = 'domain' limit 1)`;

/** The entry of the direct number, else of the mobile number. */
const PHONE_SUPPRESSION = sql`(
  select json_build_object('reason', s.reason, 'type', s.type) from suppressions s
   where s.type = 'phone' and s.value in (${c.directPhone}, ${c.mobilePhone})
   order by s.value is not distinct from ${c.directPhone} desc limit 1)`;

const CONTACT_JSON_FRAGMENT = sql`json_build_object(
  'id', ${c.id},
  'accountId', ${c.accountId},
  'account', case when ${a.id} is null then null else json_build_object('id', ${a.id}, 'name', ${a.name}, 'domain', ${a.domain}) end,
  'researchDate', to_char(${c.researchDate}, 'YYYY-MM-DD'),
  'fullName', ${c.fullName},
  'firstName', ${c.firstName},
  'lastName', ${c.lastName},
  'jobTitle', ${c.jobTitle},
  'jobFunction', ${c.jobFunction},
  'seniority', ${c.seniority},
  'email', ${c.email},
  'emailConfidence', ${c.emailConfidence},
  'emailStatus', ${c.emailStatus},
  'directPhone', ${c.directPhone},
  'directPhoneRaw', ${c.directPhoneRaw},
  'directPhoneConfidence', ${c.directPhoneConfidence},
  'mobilePhone', ${c.mobilePhone},
  'mobilePhoneRaw', ${c.mobilePhoneRaw},
  'mobilePhoneConfidence', ${c.mobilePhoneConfidence},
  'phoneExtension', ${c.phoneExtension},
  'linkedinUrl', ${c.linkedinUrl},
  'city', ${c.city},
  'state', ${c.state},
  'country', ${c.country},
  'postalCode', ${c.postalCode},
  'timezone', ${c.timezone},
  'monthsInRole', ${c.monthsInRole},
  'monthsAtCompany', ${c.monthsAtCompany},
  'consentStatus', ${c.consentStatus},
  'source', ${c.source},
  'customFields', coalesce(${c.customFields}, '{}'::jsonb),
  'createdBy', ${c.createdBy},
  'version', ${c.version},
  'createdAt', ${isoTime(c.createdAt)},
  'updatedAt', ${isoTime(c.updatedAt)},
  'deletedAt', ${isoTime(c.deletedAt)},
  'suppression', json_build_object('email', ${EMAIL_SUPPRESSION}, 'phone', ${PHONE_SUPPRESSION})
)::text`;

/**
 * One contact row (joined to its account as `accounts`) as the API's JSON, as text. It binds no
 * values, so it is rendered to SQL text once: walking its sixty column references again took half
 * of the time it took to build a page statement.
 */
export const CONTACT_JSON = renderedOnce(CONTACT_JSON_FRAGMENT);

function renderedOnce(fragment: SQL): SQL {
  const rendered = new PgDialect().sqlToQuery(fragment);
  if (rendered.params.length > 0) throw new Error('A fragment rendered once must bind no values.');
  return sql.raw(rendered.sql);
}
