// What each resource lets the API filter, sort and search on, as SQL over its table: the server's
// whitelist behind ACCOUNT_FIELDS / CONTACT_FIELDS. Sort and equality expressions are the very
// expressions of the (sort key, id) indexes in the schema, so the planner can use them.
import { sql, type SQL } from 'drizzle-orm';
import { CUSTOM_FIELD_KEY, CUSTOM_FIELD_PREFIX } from '@shared/contracts/accounts';
import { CONSENT_STATUS_VALUES, EMAIL_STATUS_VALUES, EMPLOYEE_RANGES, REVENUE_RANGES, SENIORITY_VALUES } from '@shared/template';
import { ENRICHMENT_STATUSES } from '@shared/contracts/accounts';
import { accounts, contacts } from '../db/schema';
import { countryOptions, normalizeCountry, normalizeDomain } from '@shared/normalize';
import { fail, resolverOf, type FilterColumn, type FilterColumnResolver } from '../db/filter-sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Countries are stored as ISO codes: "Germany", "de" and "DE" all filter for DE. */
const foldCountry = (v: string) => normalizeCountry(v) ?? v.toUpperCase();
/** The screens show countries by name: "contains United" means the codes whose names hold it. */
const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(countryOptions().map((o) => [o.value, o.label.toLowerCase()]));
const foldDomain = (v: string) => normalizeDomain(v) ?? v.toLowerCase();
const foldUuid = (v: string, path: string) => (UUID.test(v) ? v.toLowerCase() : fail(path, 'must be a record id'));

export type Entity = 'account' | 'contact';

export interface SortKey {
  /** The indexed sort expression (never null: nulls are folded to '' / -1 / a far past date). */
  expr: SQL;
  /** How the cursor's text form of a sort value is cast back. */
  cast: 'text' | 'float8' | 'int4' | 'timestamptz' | 'date';
}

export interface ResourceFields {
  entity: Entity;
  filter: FilterColumnResolver;
  sorts: Record<string, SortKey>;
  /** Lower-cased search text (name, email, domain, phones): the trigram-indexed expression. */
  searchText: SQL;
  /** Live rows only. */
  live: SQL;
  deletedAt: SQL;
  id: SQL;
}

const folded = (col: SQL | unknown) => sql`coalesce(lower(${col}), '')`;

const text = (col: unknown, extra: Partial<FilterColumn> = {}): FilterColumn => ({
  type: 'text',
  expr: sql`${col}`,
  folded: folded(col),
  ...extra,
});
/** A number column; a whole-number one says its Postgres type, so out-of-range values are refused. */
const num = (col: unknown, integer?: FilterColumn['integer']): FilterColumn => ({ type: 'number', expr: sql`${col}`, ...(integer ? { integer } : {}) });
const timestamp = (col: unknown): FilterColumn => ({ type: 'date', expr: sql`${col}`, dateKind: 'timestamp' });
const choice = (col: unknown, options?: readonly string[]): FilterColumn => ({
  type: 'enum',
  expr: sql`${col}`,
  ...(options ? { strictOptions: options } : {}),
});

/** `custom.<name>`: a custom field, compared as text. */
function customFieldResolver(customFields: unknown): FilterColumnResolver {
  return (key) => {
    if (!key.startsWith(CUSTOM_FIELD_PREFIX)) return undefined;
    const name = key.slice(CUSTOM_FIELD_PREFIX.length);
    if (!CUSTOM_FIELD_KEY.test(name)) return undefined;
    const expr = sql`(${customFields} ->> ${name})`;
    return { type: 'text', expr, folded: sql`coalesce(lower(${expr}), '')` };
  };
}

// ── accounts ─────────────────────────────────────────────────────────────────────────────────
const a = accounts;
export const ACCOUNT_SEARCH_TEXT = sql`lower(${a.name} || ' ' || coalesce(${a.domain}, '') || ' ' || coalesce(${a.phone}, ''))`;

const accountFilterColumns: Record<string, FilterColumn> = {
  name: text(a.name, { folded: sql`lower(${a.name})`, lowered: sql`lower(${a.name})` }),
  domain: text(a.domain, { folded: sql`coalesce(${a.domain}, '')`, lowered: sql`coalesce(${a.domain}, '')`, fold: foldDomain }),
  website: text(a.website),
  industry: text(a.industry),
  subIndustry: text(a.subIndustry),
  sicCode: text(a.sicCode),
  naicsCode: text(a.naicsCode),
  employeeCount: num(a.employeeCount, 'integer'),
  employeeRange: choice(a.employeeRange, EMPLOYEE_RANGES),
  annualRevenue: num(a.annualRevenue),
  revenueRange: choice(a.revenueRange, REVENUE_RANGES),
  city: text(a.city),
  state: text(a.state),
  // Codes are stored upper-case: equality on the plain column (its index allows index-only counts).
  country: text(a.country, { folded: sql`${a.country}`, fold: foldCountry, codeNames: COUNTRY_NAMES }),
  phone: text(a.phone),
  technologies: { type: 'text', expr: sql`${a.technologies}`, array: true },
  description: text(a.description),
  enrichmentStatus: choice(a.enrichmentStatus, ENRICHMENT_STATUSES),
  confidence: num(a.confidence, 'smallint'),
  source: text(a.source),
  createdAt: timestamp(a.createdAt),
  updatedAt: timestamp(a.updatedAt),
};

export const ACCOUNT_RESOURCE: ResourceFields = {
  entity: 'account',
  filter: resolverOf(accountFilterColumns, customFieldResolver(a.customFields)),
  sorts: {
    name: { expr: sql`lower(${a.name})`, cast: 'text' },
    domain: { expr: sql`coalesce(${a.domain}, '')`, cast: 'text' },
    industry: { expr: sql`coalesce(lower(${a.industry}), '')`, cast: 'text' },
    employeeCount: { expr: sql`coalesce(${a.employeeCount}, -1)`, cast: 'int4' },
    annualRevenue: { expr: sql`coalesce(${a.annualRevenue}, -1)`, cast: 'float8' },
    city: { expr: sql`coalesce(lower(${a.city}), '')`, cast: 'text' },
    country: { expr: sql`coalesce(${a.country}, '')`, cast: 'text' },
    createdAt: { expr: sql`${a.createdAt}`, cast: 'timestamptz' },
    updatedAt: { expr: sql`${a.updatedAt}`, cast: 'timestamptz' },
  },
  searchText: ACCOUNT_SEARCH_TEXT,
  live: sql`${a.deletedAt} is null`,
  deletedAt: sql`${a.deletedAt}`,
  id: sql`${a.id}`,
};

// ── contacts ─────────────────────────────────────────────────────────────────────────────────
const c = contacts;
export const CONTACT_SEARCH_TEXT = sql`lower(coalesce(${c.fullName}, '') || ' ' || coalesce(${c.email}, '') || ' ' || coalesce(${c.directPhone}, '') || ' ' || coalesce(${c.mobilePhone}, ''))`;

/** A field of the contact's account, tested through a semi-join on live accounts. */
const viaAccount = (column: FilterColumn): FilterColumn => ({
  ...column,
  via: {
    fk: sql`${c.accountId}`,
    subquery: (condition) => sql`select ${a.id} from ${a} where ${a.deletedAt} is null and ${condition}`,
  },
});

const contactFilterColumns: Record<string, FilterColumn> = {
  fullName: text(c.fullName),
  firstName: text(c.firstName),
  lastName: text(c.lastName),
  email: text(c.email, { folded: sql`coalesce(${c.email}, '')`, lowered: sql`coalesce(${c.email}, '')` }),
  emailStatus: choice(c.emailStatus, EMAIL_STATUS_VALUES),
  emailConfidence: num(c.emailConfidence, 'smallint'),
  jobTitle: text(c.jobTitle, { lowered: sql`lower(${c.jobTitle})` }),
  jobFunction: { type: 'enum', expr: sql`${c.jobFunction}`, folded: folded(c.jobFunction) },
  seniority: choice(c.seniority, SENIORITY_VALUES),
  directPhone: text(c.directPhone),
  mobilePhone: text(c.mobilePhone),
  city: text(c.city),
  state: text(c.state),
  country: text(c.country, { folded: sql`${c.country}`, fold: foldCountry, codeNames: COUNTRY_NAMES }),
  timezone: text(c.timezone),
  monthsInRole: num(c.monthsInRole, 'integer'),
  monthsAtCompany: num(c.monthsAtCompany, 'integer'),
  consentStatus: choice(c.consentStatus, CONSENT_STATUS_VALUES),
  researchDate: { type: 'date', expr: sql`${c.researchDate}`, dateKind: 'date' },
  // Compared as text where it is tested for empty (a uuid cannot be compared with '').
  accountId: text(sql`${c.accountId}::text`, { folded: sql`${c.accountId}`, lowered: sql`coalesce(${c.accountId}::text, '')`, fold: foldUuid }),
  accountName: viaAccount(text(a.name, { folded: sql`lower(${a.name})`, lowered: sql`lower(${a.name})` })),
  accountDomain: viaAccount(text(a.domain, { folded: sql`coalesce(${a.domain}, '')`, lowered: sql`coalesce(${a.domain}, '')`, fold: foldDomain })),
  source: text(c.source),
  createdAt: timestamp(c.createdAt),
  updatedAt: timestamp(c.updatedAt),
};

export const CONTACT_RESOURCE: ResourceFields = {
  entity: 'contact',
  filter: resolverOf(contactFilterColumns, customFieldResolver(c.customFields)),
  sorts: {
    fullName: { expr: sql`coalesce(lower(${c.fullName}), '')`, cast: 'text' },
    lastName: { expr: sql`coalesce(lower(${c.lastName}), '')`, cast: 'text' },
    email: { expr: sql`coalesce(${c.email}, '')`, cast: 'text' },
    jobTitle: { expr: sql`coalesce(lower(${c.jobTitle}), '')`, cast: 'text' },
    country: { expr: sql`coalesce(${c.country}, '')`, cast: 'text' },
    researchDate: { expr: sql`coalesce(${c.researchDate}, '0001-01-01'::date)`, cast: 'date' },
    createdAt: { expr: sql`${c.createdAt}`, cast: 'timestamptz' },
    updatedAt: { expr: sql`${c.updatedAt}`, cast: 'timestamptz' },
  },
  searchText: CONTACT_SEARCH_TEXT,
  live: sql`${c.deletedAt} is null`,
  deletedAt: sql`${c.deletedAt}`,
  id: sql`${c.id}`,
};

/** Exposed for the tests that check the shared field lists and this whitelist agree. */
export const FILTER_COLUMN_KEYS = {
  account: Object.keys(accountFilterColumns),
  contact: Object.keys(contactFilterColumns),
};
