// `npm run seed -- --contacts 1000000 --accounts 100000 [--seed 42]`: realistic fake accounts and
// contacts for a database that has none yet (DATABASE_URL, else the local stack's PGlite in
// DATA_DIR). Value pools come from @faker-js/faker with a fixed seed and are combined by a seeded
// PRNG, so the same arguments always give the same data, fast. On a server the rows stream in
// through COPY with the secondary indexes dropped and rebuilt afterwards (much faster than
// maintaining them row by row); PGlite gets set-based inserts from JSON batches.
// `seedDemoData` is the small set `npm start -- --demo` offers on an empty database.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Faker, en } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import type { Pool } from 'pg';
import { EMPLOYEE_RANGES } from '../shared/template';
import { employeeRangeFor, revenueRangeFor } from '../shared/normalize';
import { mulberry32 } from '../shared/seeded-random';
import { parseConfig } from '../functions/src/config/config';
import { databaseSourceFromConfig, openDatabase, type DatabaseHandle } from '../functions/src/db/connection';
import { migrateDatabase } from '../functions/src/db/migrate';
import { queryOne, queryRows } from '../functions/src/db/rows';

type Value = string | number | null | string[];
type Row = Value[];

const ACCOUNT_COLUMNS = [
  'name', 'domain', 'website', 'linkedin_url', 'linkedin_company_id', 'industry', 'sub_industry', 'sic_code', 'naics_code',
  'employee_count', 'employee_range', 'annual_revenue', 'revenue_range', 'street', 'city', 'state', 'postal_code', 'country',
  'phone', 'phone_raw', 'technologies', 'description', 'enrichment_status', 'enriched_at', 'confidence', 'source', 'created_at', 'updated_at',
] as const;

const CONTACT_COLUMNS = [
  'account_id', 'research_date', 'full_name', 'first_name', 'last_name', 'job_title', 'job_function', 'seniority', 'email',
  'email_confidence', 'email_status', 'direct_phone', 'direct_phone_raw', 'direct_phone_confidence', 'mobile_phone',
  'mobile_phone_raw', 'mobile_phone_confidence', 'linkedin_url', 'city', 'state', 'country', 'postal_code', 'timezone',
  'months_in_role', 'months_at_company', 'consent_status', 'source', 'created_at', 'updated_at',
] as const;

// ── deterministic randomness ─────────────────────────────────────────────────────────────────
interface Weighted<T> {
  value: T;
  weight: number;
}

class Dice {
  constructor(private readonly rnd: () => number) {}
  next = (): number => this.rnd();
  int = (min: number, max: number): number => min + Math.floor(this.rnd() * (max - min + 1));
  pick = <T>(items: readonly T[]): T => items[Math.floor(this.rnd() * items.length)]!;
  chance = (p: number): boolean => this.rnd() < p;
  weighted<T>(items: readonly Weighted<T>[]): T {
    const total = items.reduce((s, i) => s + i.weight, 0);
    let r = this.rnd() * total;
    for (const item of items) {
      r -= item.weight;
      if (r < 0) return item.value;
    }
    return items[items.length - 1]!.value;
  }
  digits = (n: number): string => Array.from({ length: n }, () => Math.floor(this.rnd() * 10)).join('');
}

// ── value pools ──────────────────────────────────────────────────────────────────────────────
const COUNTRIES: Weighted<{ code: string; cc: string; zone: string; tld: string }>[] = [
  { value: { code: 'US', cc: '1', zone: 'America/New_York', tld: 'com' }, weight: 45 },
  { value: { code: 'GB', cc: '44', zone: 'Europe/London', tld: 'co.uk' }, weight: 10 },
  { value: { code: 'DE', cc: '49', zone: 'Europe/Berlin', tld: 'de' }, weight: 8 },
  { value: { code: 'FR', cc: '33', zone: 'Europe/Paris', tld: 'fr' }, weight: 6 },
  { value: { code: 'CA', cc: '1', zone: 'America/Toronto', tld: 'ca' }, weight: 6 },
  { value: { code: 'AU', cc: '61', zone: 'Australia/Sydney', tld: 'com.au' }, weight: 4 },
  { value: { code: 'NL', cc: '31', zone: 'Europe/Amsterdam', tld: 'nl' }, weight: 3 },
  { value: { code: 'IN', cc: '91', zone: 'Asia/Kolkata', tld: 'in' }, weight: 5 },
  { value: { code: 'ES', cc: '34', zone: 'Europe/Madrid', tld: 'es' }, weight: 3 },
  { value: { code: 'SE', cc: '46', zone: 'Europe/Stockholm', tld: 'se' }, weight: 2 },
  { value: { code: 'SG', cc: '65', zone: 'Asia/Singapore', tld: 'sg' }, weight: 2 },
  { value: { code: 'BR', cc: '55', zone: 'America/Sao_Paulo', tld: 'com.br' }, weight: 3 },
  { value: { code: 'JP', cc: '81', zone: 'Asia/Tokyo', tld: 'jp' }, weight: 2 },
  { value: { code: 'NZ', cc: '64', zone: 'Pacific/Auckland', tld: 'co.nz' }, weight: 1 },
];

const INDUSTRIES: Record<string, string[]> = {
  Software: ['SaaS', 'Security', 'Developer Tools', 'Data & Analytics'],
  'Financial Services': ['Banking', 'Insurance', 'Payments', 'Asset Management'],
  Healthcare: ['Hospitals', 'Medical Devices', 'Pharmaceuticals', 'Health IT'],
  Manufacturing: ['Industrial Machinery', 'Automotive', 'Electronics', 'Chemicals'],
  Retail: ['E-commerce', 'Grocery', 'Apparel', 'Home Goods'],
  Telecommunications: ['Wireless', 'Broadband', 'Network Equipment'],
  Education: ['Higher Education', 'EdTech', 'K-12'],
  'Professional Services': ['Consulting', 'Legal', 'Accounting', 'Staffing'],
  Media: ['Publishing', 'Broadcasting', 'Advertising'],
  Energy: ['Oil & Gas', 'Renewables', 'Utilities'],
  Logistics: ['Freight', 'Warehousing', 'Last Mile'],
  'Real Estate': ['Commercial', 'Residential', 'PropTech'],
};
const SIC_BY_INDUSTRY: Record<string, string> = {
  Software: '7372', 'Financial Services': '6199', Healthcare: '8062', Manufacturing: '3559', Retail: '5961',
  Telecommunications: '4813', Education: '8221', 'Professional Services': '8742', Media: '2711', Energy: '4911',
  Logistics: '4213', 'Real Estate': '6531',
};
const TECHNOLOGIES = ['Salesforce', 'HubSpot', 'Marketo', 'AWS', 'Azure', 'Google Cloud', 'Snowflake', 'Slack', 'Zoom', 'Okta', 'Workday', 'SAP', 'Oracle', 'Shopify', 'Stripe', 'Zendesk', 'Jira', 'Tableau', 'Segment', 'Outreach'];
const FUNCTIONS: Weighted<string>[] = [
  { value: 'Marketing', weight: 18 }, { value: 'Sales', weight: 20 }, { value: 'IT', weight: 14 }, { value: 'Engineering', weight: 12 },
  { value: 'Finance', weight: 8 }, { value: 'HR', weight: 6 }, { value: 'Operations', weight: 10 }, { value: 'Executive', weight: 5 },
  { value: 'Customer Success', weight: 4 }, { value: 'Product', weight: 3 },
];
const SENIORITY: Weighted<string>[] = [
  { value: 'C-Level', weight: 4 }, { value: 'VP', weight: 8 }, { value: 'Director', weight: 16 }, { value: 'Manager', weight: 28 },
  { value: 'Senior', weight: 24 }, { value: 'Entry', weight: 20 },
];
const TITLE_BY_SENIORITY: Record<string, string[]> = {
  'C-Level': ['Chief {f} Officer', 'CEO', 'CFO', 'CTO', 'CMO', 'COO'],
  VP: ['VP of {f}', 'Vice President, {f}', 'SVP {f}'],
  Director: ['Director of {f}', '{f} Director', 'Senior Director, {f}'],
  Manager: ['{f} Manager', 'Senior {f} Manager', '{f} Operations Manager', 'Head of {f}'],
  Senior: ['Senior {f} Specialist', 'Lead {f} Analyst', 'Senior {f} Engineer', 'Principal {f} Consultant'],
  Entry: ['{f} Coordinator', '{f} Associate', '{f} Analyst', 'Junior {f} Specialist'],
};
const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com'];
const SOURCES: Weighted<string>[] = [
  { value: 'import', weight: 60 }, { value: 'enrichment', weight: 20 }, { value: 'web form', weight: 10 }, { value: 'manual', weight: 10 },
];

interface Pools {
  firstNames: string[];
  lastNames: string[];
  companyNames: string[];
  streets: string[];
  cities: string[];
  states: string[];
  zips: string[];
  phrases: string[];
}

function makePools(seed: number): Pools {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const many = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);
  return {
    firstNames: [...new Set(many(3000, () => faker.person.firstName()))],
    lastNames: [...new Set(many(5000, () => faker.person.lastName()))],
    companyNames: [...new Set(many(20000, () => faker.company.name()))],
    streets: many(3000, () => faker.location.streetAddress()),
    cities: [...new Set(many(2000, () => faker.location.city()))],
    states: [...new Set(many(200, () => faker.location.state()))],
    zips: many(3000, () => faker.location.zipCode()),
    phrases: many(2000, () => faker.company.catchPhrase()),
  };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 30) || 'company';

function phoneFor(dice: Dice, cc: string): { e164: string; raw: string } {
  if (cc === '1') {
    const area = `${dice.int(2, 9)}${dice.digits(2)}`;
    const exchange = `${dice.int(2, 9)}${dice.digits(2)}`;
    const line = dice.digits(4);
    return { e164: `+1${area}${exchange}${line}`, raw: `(${area}) ${exchange}-${line}` };
  }
  const national = `${dice.int(2, 9)}${dice.digits(8)}`;
  return { e164: `+${cc}${national}`, raw: `+${cc} ${national.slice(0, 3)} ${national.slice(3)}` };
}

const DAY = 86_400_000;

// ── generators ───────────────────────────────────────────────────────────────────────────────
export interface SeedOptions {
  accounts: number;
  contacts: number;
  seed: number;
  /** Newest created_at; rows spread over the two years before it. */
  now?: Date;
  source?: string;
  /** Touches (emails, calls and their outcomes) per contact over the 90 days before `now`; default 10. */
  touchesPerContact?: number;
}

function* accountRows(pools: Pools, options: SeedOptions, dice: Dice): Generator<Row> {
  const now = (options.now ?? new Date()).getTime();
  const usedDomains = new Set<string>();
  for (let i = 0; i < options.accounts; i++) {
    const country = dice.weighted(COUNTRIES);
    const name = dice.pick(pools.companyNames);
    let domain = `${slug(name)}.${country.tld}`;
    for (let n = 2; usedDomains.has(domain); n++) domain = `${slug(name)}${n}.${country.tld}`;
    usedDomains.add(domain);
    const industry = dice.pick(Object.keys(INDUSTRIES));
    const employees = Math.max(1, Math.round(Math.exp(dice.next() * Math.log(200_000))));
    const revenue = Math.round(employees * dice.int(60_000, 400_000));
    const phone = phoneFor(dice, country.cc);
    const created = new Date(now - Math.floor(dice.next() * 730 * DAY));
    const enriched = dice.chance(0.6);
    const techCount = dice.int(0, 5);
    const technologies = [...new Set(Array.from({ length: techCount }, () => dice.pick(TECHNOLOGIES)))];
    yield [
      name,
      domain,
      `https://www.${domain}`,
      `https://www.linkedin.com/company/${slug(name)}`,
      dice.digits(8),
      industry,
      dice.pick(INDUSTRIES[industry]!),
      SIC_BY_INDUSTRY[industry]!,
      `${dice.int(11, 92)}${dice.digits(4)}`,
      employees,
      employeeRangeFor(employees) ?? EMPLOYEE_RANGES[0],
      revenue,
      revenueRangeFor(revenue),
      dice.pick(pools.streets),
      dice.pick(pools.cities),
      country.code === 'US' ? dice.pick(pools.states) : null,
      dice.pick(pools.zips),
      country.code,
      phone.e164,
      phone.raw,
      technologies,
      dice.pick(pools.phrases),
      enriched ? 'enriched' : 'none',
      enriched ? new Date(created.getTime() + dice.int(0, 30) * DAY).toISOString() : null,
      enriched ? dice.int(40, 100) : null,
      options.source ?? dice.weighted(SOURCES),
      created.toISOString(),
      created.toISOString(),
    ];
  }
}

interface AccountRef {
  id: string;
  domain: string;
  country: string;
}

function* contactRows(pools: Pools, options: SeedOptions, dice: Dice, accounts: AccountRef[]): Generator<Row> {
  const now = (options.now ?? new Date()).getTime();
  const usedEmails = new Set<string>();
  const byCode = new Map(COUNTRIES.map((c) => [c.value.code, c.value]));
  for (let i = 0; i < options.contacts; i++) {
    const first = dice.pick(pools.firstNames);
    const last = dice.pick(pools.lastNames);
    // Skewed: a few large accounts hold many contacts, most hold a handful.
    const freeMail = accounts.length === 0 || dice.chance(0.03);
    const account = freeMail ? null : accounts[Math.floor(accounts.length * dice.next() ** 1.6)]!;
    const country = account ? byCode.get(account.country)! : dice.weighted(COUNTRIES);
    const domain = account ? account.domain : dice.pick(FREE_MAIL);
    const local = `${slug(first)}.${slug(last)}`;
    let email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
    const seniority = dice.weighted(SENIORITY);
    const fn = seniority === 'C-Level' ? 'Executive' : dice.weighted(FUNCTIONS);
    const title = dice.pick(TITLE_BY_SENIORITY[seniority]!).replace('{f}', fn);
    const direct = dice.chance(0.7) ? phoneFor(dice, country.cc) : null;
    const mobile = dice.chance(0.4) ? phoneFor(dice, country.cc) : null;
    const created = new Date(now - Math.floor(dice.next() * 730 * DAY));
    const status = dice.weighted([
      { value: 'valid', weight: 70 }, { value: 'catch-all', weight: 12 }, { value: 'unknown', weight: 12 }, { value: 'invalid', weight: 6 },
    ]);
    const atCompany = dice.int(1, 180);
    yield [
      account?.id ?? null,
      new Date(created.getTime() - dice.int(0, 60) * DAY).toISOString().slice(0, 10),
      `${first} ${last}`,
      first,
      last,
      title,
      fn,
      seniority,
      email,
      dice.int(50, 100),
      status,
      direct?.e164 ?? null,
      direct?.raw ?? null,
      direct ? dice.int(40, 100) : null,
      mobile?.e164 ?? null,
      mobile?.raw ?? null,
      mobile ? dice.int(40, 100) : null,
      `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${dice.digits(4)}`,
      dice.pick(pools.cities),
      country.code === 'US' ? dice.pick(pools.states) : null,
      country.code,
      dice.pick(pools.zips),
      country.zone,
      dice.int(1, Math.min(atCompany, 120)),
      atCompany,
      dice.weighted([{ value: 'opted-in', weight: 30 }, { value: 'unknown', weight: 60 }, { value: 'opted-out', weight: 10 }]),
      options.source ?? dice.weighted(SOURCES),
      created.toISOString(),
      created.toISOString(),
    ];
  }
}

// ── loading ──────────────────────────────────────────────────────────────────────────────────
function copyText(value: Value): string {
  if (value === null) return '\\N';
  const text = Array.isArray(value) ? `{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}` : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function* chunks<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Server: COPY … FROM STDIN, streamed (text format). */
async function copyRows(pool: Pool, table: string, columns: readonly string[], rows: Iterable<Row>): Promise<number> {
  const client = await pool.connect();
  let count = 0;
  try {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    const source = Readable.from(
      (function* () {
        for (const batch of chunks(rows, 2000)) {
          count += batch.length;
          yield batch.map((row) => row.map(copyText).join('\t')).join('\n') + '\n';
        }
      })(),
    );
    await pipeline(source, stream);
  } finally {
    client.release();
  }
  return count;
}

/** PGlite (or any driver): one set-based INSERT … SELECT FROM json_populate_recordset per batch. */
async function insertJsonRows(handle: DatabaseHandle, table: string, columns: readonly string[], rows: Iterable<Row>): Promise<number> {
  let count = 0;
  for (const batch of chunks(rows, 5000)) {
    const objects = batch.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    const cols = sql.raw(columns.join(', '));
    // 5,000 rows in one statement: the table's row type parses the JSON.
    await handle.db.execute(sql`insert into ${sql.identifier(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(objects)}::json)`);
    count += batch.length;
  }
  return count;
}

interface IndexDef {
  name: string;
  definition: string;
}

/** Secondary (non-unique, non-constraint) indexes of a table, to drop before a big load. */
async function secondaryIndexes(handle: DatabaseHandle, table: string): Promise<IndexDef[]> {
  return queryRows<{ name: string; definition: string }>(
    handle.db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
        where i.schemaname = 'public' and i.tablename = ${table} and not x.indisunique and not x.indisprimary`,
  );
}

async function rebuildIndexes(pool: Pool, defs: IndexDef[], parallel = 2): Promise<void> {
  const queue = [...defs];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const client = await pool.connect();
      try {
        await client.query(`set maintenance_work_mem = '512MB'`);
        for (let def = queue.shift(); def; def = queue.shift()) await client.query(def.definition.replace(/^CREATE INDEX/, 'CREATE INDEX IF NOT EXISTS'));
      } finally {
        client.release();
      }
    }),
  );
}

export interface SeedReport {
  accounts: number;
  contacts: number;
  touches: number;
  seconds: number;
}

/** Contacts whose touches one statement writes (about ten rows each). */
const TOUCH_BATCH_CONTACTS = 50_000;

/**
 * About `perContact` touches a contact over the 90 days before `now`, generated in SQL from a
 * hash of the contact and the touch number (so no rows cross the wire): 40 % emails sent, 15 %
 * opened, 5 % clicked, 2 % bounced, 25 % call attempts, 8 % connected, 5 % dispositions (a
 * fifth positive, half negative "not interested", the rest callbacks).
 */
async function seedTouches(handle: DatabaseHandle, options: { perContact: number; now: Date; seed: number }, log: (line: string) => void): Promise<number> {
  if (options.perContact <= 0) return 0;
  const started = Date.now();
  let written = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const row = await queryOne<{ n: number; last: string | null }>(
      handle.db,
      sql`with batch as (
          select id, account_id from contacts where id > ${after}::uuid order by id limit ${TOUCH_BATCH_CONTACTS}
        ),
        drawn as (
          select b.id as contact_id, b.account_id, g,
            abs(hashtext(b.id::text || ':' || g || ':' || ${options.seed})) % 100 as r,
            abs(hashtext(g || ':' || b.id::text || ':' || ${options.seed})) % (90 * 24 * 60) as minutes_ago
          from batch b cross join generate_series(1, ${options.perContact}) as g
        ),
        inserted as (
          insert into touches (source_event_id, channel, kind, contact_id, account_id, outcome, disposition, occurred_at)
          select 'seed:' || d.contact_id || ':' || d.g,
            case when d.r < 62 then 'email' else 'call' end,
            case when d.r < 40 then 'sent' when d.r < 55 then 'opened' when d.r < 60 then 'clicked' when d.r < 62 then 'bounced'
                 when d.r < 87 then 'attempted' when d.r < 95 then 'connected' else 'disposition' end,
            d.contact_id, d.account_id,
            case when d.r >= 95 then (case when d.minutes_ago % 10 < 2 then 'positive' when d.minutes_ago % 10 < 7 then 'negative' else 'neutral' end) end,
            case when d.r >= 95 then (case when d.minutes_ago % 10 < 2 then 'interested' when d.minutes_ago % 10 < 7 then 'not_interested' else 'callback' end) end,
            ${options.now.toISOString()}::timestamptz - make_interval(mins => d.minutes_ago::int)
          from drawn d
          on conflict (source_event_id) do nothing
          returning 1
        )
        select (select count(*)::int from inserted) as n, (select max(id::text) from batch) as last`,
    );
    if (!row?.last) break;
    written += Number(row.n);
    after = row.last;
    if (written % 1_000_000 < options.perContact * TOUCH_BATCH_CONTACTS) log(`touches: ${written} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return written;
}

export async function seedDatabase(handle: DatabaseHandle, options: SeedOptions, log: (line: string) => void = () => undefined): Promise<SeedReport> {
  const started = Date.now();
  const existing = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from accounts`);
  if (Number(existing?.n ?? 0) > 0) throw new Error(`The database already has ${existing!.n} accounts: seed an empty database.`);
  const pools = makePools(options.seed);
  const dice = new Dice(mulberry32(options.seed));
  const big = handle.driver === 'pg' && options.contacts + options.accounts > 50_000;

  const dropped: IndexDef[] = [];
  if (big) {
    for (const table of ['accounts', 'contacts', 'touches']) {
      const defs = await secondaryIndexes(handle, table);
      for (const def of defs) await handle.exec(`DROP INDEX IF EXISTS ${def.name}`);
      dropped.push(...defs);
    }
    log(`dropped ${dropped.length} secondary indexes for the load`);
  }
  try {
    const load = (table: string, columns: readonly string[], rows: Iterable<Row>) =>
      handle.driver === 'pg' ? copyRows(handle.pool!, table, columns, rows) : insertJsonRows(handle, table, columns, rows);
    const accounts = await load('accounts', ACCOUNT_COLUMNS, accountRows(pools, options, dice));
    log(`accounts: ${accounts} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const refs = await queryRows<{ id: string; domain: string; country: string }>(
      handle.db,
      sql`select id, domain, country from accounts where deleted_at is null order by domain`,
    );
    const contacts = await load('contacts', CONTACT_COLUMNS, contactRows(pools, options, dice, refs));
    log(`contacts: ${contacts} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const touches = await seedTouches(handle, { perContact: options.touchesPerContact ?? 10, now: options.now ?? new Date(), seed: options.seed }, log);
    log(`touches: ${touches} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (big) {
      await rebuildIndexes(handle.pool!, dropped);
      dropped.length = 0;
      log(`indexes rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    // VACUUM sets the visibility map, so counts and index-only scans skip the heap from the start.
    // (One statement per call: VACUUM cannot run inside the implicit transaction of a script.)
    for (const table of ['accounts', 'contacts', 'touches']) await handle.exec(`VACUUM (ANALYZE) ${table}`);
    return { accounts, contacts, touches, seconds: (Date.now() - started) / 1000 };
  } finally {
    // Never leave the tables without their indexes, even when the load failed.
    if (dropped.length) await rebuildIndexes(handle.pool!, dropped);
  }
}

/** The small demo set `npm start -- --demo` (or DEMO_DATA=1) loads into an empty database. */
export async function seedDemoData(handle: DatabaseHandle): Promise<SeedReport | null> {
  const existing = await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from accounts`);
  if (Number(existing?.n ?? 0) > 0) return null;
  return seedDatabase(handle, { accounts: 200, contacts: 2000, seed: 7, source: 'demo' });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      contacts: { type: 'string', default: '1000' },
      accounts: { type: 'string', default: '100' },
      seed: { type: 'string', default: '42' },
      'touches-per-contact': { type: 'string', default: '10' },
    },
  });
  const count = (name: string, raw: string | undefined, min = 0): number => {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) {
      process.stderr.write(`  ✖ --${name} must be a whole number ≥ ${min} (got "${raw}").\n`);
      process.exit(1);
    }
    return n;
  };
  const options: SeedOptions = {
    contacts: count('contacts', values.contacts),
    accounts: count('accounts', values.accounts),
    seed: count('seed', values.seed),
    touchesPerContact: count('touches-per-contact', values['touches-per-contact']),
  };
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'SILENT' };
  // Like the local stack: DATABASE_URL, else PGlite in DATA_DIR/pg.
  if (!env.DATABASE_URL && !env.PGLITE_DIR) env.PGLITE_DIR = path.join(path.resolve(env.DATA_DIR ?? '.data'), 'pg');
  if (env.PGLITE_DIR) await mkdir(env.PGLITE_DIR, { recursive: true });
  const config = parseConfig(env);
  const handle = await openDatabase(databaseSourceFromConfig(config));
  try {
    await migrateDatabase(handle);
    const report = await seedDatabase(handle, options, (line) => process.stdout.write(`  ${line}\n`));
    process.stdout.write(`  seeded ${report.accounts} accounts, ${report.contacts} contacts and ${report.touches} touches in ${report.seconds.toFixed(1)} s\n`);
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`  ✖ ${(error as Error).message}\n`);
    process.exit(1);
  });
}
