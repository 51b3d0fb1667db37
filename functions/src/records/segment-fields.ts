// What a segment may filter on: every contact field (and the account fields a contact list offers),
// the account firmographics of ABM (`account.<key>`, tested on the contact's live account), plus
// the audience criteria — static list membership, the account's place in a domain set,
// suppression for email or phone, consent per channel — each compiled to a subquery on its own
// table with bound parameters, so a whole segment is one SQL statement.
import { sql } from 'drizzle-orm';
import { ACCOUNT_FIELD_PREFIX, ACCOUNT_SEGMENT_FIELD_KEYS } from '@shared/contracts/audience';
import { contacts, emailBaseSql } from '../db/schema';
import { fail, type FilterColumn, type FilterColumnResolver } from '../db/filter-sql';
import { ACCOUNT_RESOURCE, CONTACT_RESOURCE, type ResourceFields } from './fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const c = contacts;

/** List and set ids: equality compares the uuid column (indexed), text operators its text form. */
function idColumn(column: string, via: FilterColumn['via'], what: string): FilterColumn {
  return {
    type: 'text',
    expr: sql.raw(`${column}::text`),
    folded: sql.raw(column),
    lowered: sql.raw(`${column}::text`),
    fold: (value, path) => (UUID.test(value) ? value.toLowerCase() : fail(path, `must be a ${what} id`)),
    via,
  };
}

/** The contact is a member of the list (live lists only). */
const inList = idColumn(
  'm.list_id',
  {
    fk: sql`${c.id}`,
    subquery: (condition) =>
      sql`select m.contact_id from static_list_members m join static_lists l on l.id = m.list_id and l.deleted_at is null where ${condition}`,
  },
  'list',
);

/** The contact's account matched an entry of the set (a rejected match does not count). */
const accountInDomainSet = idColumn(
  'e.set_id',
  {
    fk: sql`${c.accountId}`,
    subquery: (condition) =>
      sql`select e.account_id from domain_set_entries e join domain_sets s on s.id = e.set_id and s.deleted_at is null
          where e.account_id is not null and e.review_status <> 'rejected' and ${condition}`,
  },
  'domain set',
);

/**
 * The address (or its mailbox, for a plus-tagged alias), or its registrable domain, is on the
 * suppression list. A domain entry covers the domain and its subdomains: the host's last 2 to 6
 * labels are compared (as the guard does), in one index probe per contact.
 */
const EMAIL_SUPPRESSED = sql`(
  exists (select 1 from suppressions s where s.email_base = ${emailBaseSql(sql`lower(btrim(${c.email}))`)})
  or exists (
    select 1 from suppressions s, lateral (select string_to_array(split_part(lower(btrim(${c.email})), '@', 2), '.') as l) h
    where s.type = 'domain' and ${c.email} is not null
      and s.value = any (array[array_to_string(h.l[cardinality(h.l) - 1:], '.'), array_to_string(h.l[cardinality(h.l) - 2:], '.'), array_to_string(h.l[cardinality(h.l) - 3:], '.'),
                               array_to_string(h.l[cardinality(h.l) - 4:], '.'), array_to_string(h.l[cardinality(h.l) - 5:], '.')])
  )
)`;

/** One of the contact's numbers is on the do-not-call list. */
const PHONE_SUPPRESSED = sql`exists (select 1 from suppressions s where s.type = 'phone' and s.value in (${c.directPhone}, ${c.mobilePhone}))`;

/** The consent in force for a channel: the recorded one, else the template's Consent Status. */
const consent = (channel: 'email' | 'phone'): FilterColumn => ({
  type: 'enum',
  expr: sql`coalesce(
    (select cc.status from contact_consent cc where cc.contact_id = ${c.id} and cc.channel = ${channel}),
    case ${c.consentStatus} when 'opted-in' then 'opted_in' when 'opted-out' then 'opted_out' else 'unknown' end)`,
  strictOptions: ['opted_in', 'opted_out', 'unknown'],
});

const audienceColumns: Record<string, FilterColumn> = {
  inList,
  accountInDomainSet,
  emailSuppressed: { type: 'boolean', expr: EMAIL_SUPPRESSED },
  phoneSuppressed: { type: 'boolean', expr: PHONE_SUPPRESSED },
  emailConsent: consent('email'),
  phoneConsent: consent('phone'),
};

export const AUDIENCE_FIELD_KEYS = Object.keys(audienceColumns);

const ACCOUNT_KEYS: ReadonlySet<string> = new Set(ACCOUNT_SEGMENT_FIELD_KEYS);

/** `account.<key>`: the account resource's own column, tested by a semi-join on live accounts. */
function accountColumn(key: string): FilterColumn | undefined {
  const name = key.slice(ACCOUNT_FIELD_PREFIX.length);
  const column = ACCOUNT_KEYS.has(name) ? ACCOUNT_RESOURCE.filter(name) : undefined;
  if (!column) return undefined;
  return {
    ...column,
    via: {
      fk: sql`${c.accountId}`,
      subquery: (condition) => sql`select accounts.id from accounts where accounts.deleted_at is null and ${condition}`,
    },
  };
}

const segmentFilter: FilterColumnResolver = (key) => {
  if (Object.hasOwn(audienceColumns, key)) return audienceColumns[key];
  if (key.startsWith(ACCOUNT_FIELD_PREFIX)) return accountColumn(key);
  return CONTACT_RESOURCE.filter(key);
};

/** Contacts as a segment sees them: the contact whitelist plus the audience criteria. */
export const SEGMENT_RESOURCE: ResourceFields = { ...CONTACT_RESOURCE, filter: segmentFilter };
