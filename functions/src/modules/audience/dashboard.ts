// The workspace dashboard: the size of the data, what was added lately, who may be reached, the
// latest imports and segments, and the first-run checklist, in one response. Every figure over
// contacts or accounts is a capped count (exact up to EXACT_COUNT_CAP, the planner's estimate
// above it), so a request costs the same on a thousand contacts as on millions. An agent's figures
// count only the records within their reach (records/record-scope.ts).
import { sql, type SQL } from 'drizzle-orm';
import { DASHBOARD_DAYS, type Dashboard } from '@shared/contracts/dashboard';
import type { FilterGroup } from '@shared/contracts/filters';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { accounts, contacts } from '../../db/schema';
import { countMatches } from '../../records/list-records';
import { compileSegment } from './segments';
import { accountVisibleTo, contactVisibleTo, type RecordReader } from '../../records/record-scope';

type Ctx = Pick<Deps, 'db' | 'now'>;

/** Above this many contacts added in the period, the chart's days are estimated, not counted. */
const DAILY_EXACT_LIMIT = 100_000;

const REACHABLE_BY_EMAIL: FilterGroup = {
  type: 'and',
  conditions: [
    { field: 'email', op: 'is_not_empty' },
    { field: 'emailSuppressed', op: 'eq', value: false },
    { field: 'emailConsent', op: 'neq', value: 'opted_out' },
  ],
};
const REACHABLE_BY_PHONE: FilterGroup = {
  type: 'and',
  conditions: [
    { type: 'or', conditions: [{ field: 'directPhone', op: 'is_not_empty' }, { field: 'mobilePhone', op: 'is_not_empty' }] },
    { field: 'phoneSuppressed', op: 'eq', value: false },
    { field: 'phoneConsent', op: 'neq', value: 'opted_out' },
  ],
};
const SUPPRESSED: FilterGroup = {
  type: 'or',
  conditions: [
    { field: 'emailSuppressed', op: 'eq', value: true },
    { field: 'phoneSuppressed', op: 'eq', value: true },
  ],
};

const DAY_MS = 86_400_000;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** Live rows created at or after `since`: the (created_at, id) index of live rows answers it. */
const createdSince = (table: typeof accounts | typeof contacts, since: string): SQL => sql`${table.deletedAt} is null and ${table.createdAt} >= ${since}::timestamptz`;

type Table = typeof accounts | typeof contacts;

/** The planner's estimate of a condition's rows (EXPLAIN, no rows read). */
async function estimate(db: Database, table: Table, where: SQL): Promise<number> {
  const plan = await queryOne<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) select 1 from ${table} where ${where}`);
  const raw = plan?.['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }>;
  return Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * Rows added per UTC day from `first` on. Counted (one range scan of the live created_at index,
 * grouped by day) when the period holds at most DAILY_EXACT_LIMIT rows; else each day estimated.
 */
async function addedPerDay(
  db: Database,
  table: Table,
  first: string,
  month: { count: number; exact: boolean },
  reach: (table: Table, where: SQL) => SQL,
): Promise<{ counts: number[]; exact: boolean }> {
  const days = Array.from({ length: DASHBOARD_DAYS }, (_, i) => utcDay(new Date(Date.parse(`${first}T00:00:00Z`) + i * DAY_MS)));
  if (month.exact || month.count <= DAILY_EXACT_LIMIT) {
    const rows = await queryRows<{ day: string; n: number }>(
      db,
      sql`select (${table.createdAt} at time zone 'UTC')::date::text as day, count(*)::int as n
          from ${table} where ${reach(table, createdSince(table, `${first}T00:00:00Z`))} group by 1`,
    );
    const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
    return { counts: days.map((d) => byDay.get(d) ?? 0), exact: true };
  }
  const counts: number[] = [];
  for (const day of days) {
    const next = utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS));
    counts.push(await estimate(db, table, reach(table, sql`${createdSince(table, `${day}T00:00:00Z`)} and ${table.createdAt} < ${`${next}T00:00:00Z`}::timestamptz`)));
  }
  return { counts, exact: false };
}

export async function getDashboard(deps: Ctx, reader: RecordReader): Promise<Dashboard> {
  const db = deps.db;
  const now = deps.now();
  const today = utcDay(now);
  const first = utcDay(new Date(Date.parse(`${today}T00:00:00Z`) - (DASHBOARD_DAYS - 1) * DAY_MS));
  const weekStart = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const monthStart = new Date(now.getTime() - DASHBOARD_DAYS * DAY_MS).toISOString();
  const live = (table: Table) => sql`${table.deletedAt} is null`;
  // No SQL is added for a reader who sees every record.
  const reach = (table: Table, where: SQL): SQL => {
    const visible = table === contacts ? contactVisibleTo(reader) : accountVisibleTo(reader);
    return visible ? sql`${where} and ${visible}` : where;
  };

  const [contactsTotal, accountsTotal, contactsWeek, contactsMonth, accountsWeek, accountsMonth, email, phone, suppressed] = await Promise.all([
    countMatches(db, contacts, reach(contacts, live(contacts))),
    countMatches(db, accounts, reach(accounts, live(accounts))),
    countMatches(db, contacts, reach(contacts, createdSince(contacts, weekStart))),
    countMatches(db, contacts, reach(contacts, createdSince(contacts, monthStart))),
    countMatches(db, accounts, reach(accounts, createdSince(accounts, weekStart))),
    countMatches(db, accounts, reach(accounts, createdSince(accounts, monthStart))),
    countMatches(db, contacts, reach(contacts, compileSegment(REACHABLE_BY_EMAIL, 'filter'))),
    countMatches(db, contacts, reach(contacts, compileSegment(REACHABLE_BY_PHONE, 'filter'))),
    countMatches(db, contacts, reach(contacts, compileSegment(SUPPRESSED, 'filter'))),
  ]);
  const [contactDays, accountDays, imports, segmentRows, facts] = await Promise.all([
    addedPerDay(db, contacts, first, contactsMonth, reach),
    addedPerDay(db, accounts, first, accountsMonth, reach),
    queryRows<{ id: string; file_name: string; status: string; dry_run: boolean; inserted: number; updated: number; created_at: string }>(
      db,
      sql`select id::text, file_name, status, dry_run, inserted, updated, created_at::text from import_jobs order by created_at desc, id desc limit 5`,
    ),
    queryRows<{ id: string; name: string; updated_at: string }>(
      db,
      sql`select id::text, name, updated_at::text from segments where deleted_at is null order by updated_at desc, id desc limit 5`,
    ),
    queryOne<{ segments: number; imported: boolean; users: number }>(
      db,
      sql`select (select count(*)::int from segments where deleted_at is null) as segments,
            exists (select 1 from import_jobs where status = 'completed' and not dry_run) as imported,
            (select count(*)::int from users where status = 'active') as users`,
    ),
  ]);
  const iso = (text: string) => new Date(text).toISOString();
  const startOfFirst = Date.parse(`${first}T00:00:00Z`);
  return {
    contacts: contactsTotal,
    accounts: accountsTotal,
    contactsAddedWeek: contactsWeek,
    contactsAddedMonth: contactsMonth,
    accountsAddedWeek: accountsWeek,
    accountsAddedMonth: accountsMonth,
    days: contactDays.counts.map((n, i) => ({
      day: utcDay(new Date(startOfFirst + i * DAY_MS)),
      contacts: n,
      accounts: accountDays.counts[i] ?? 0,
      exact: contactDays.exact && accountDays.exact,
    })),
    reachableByEmail: email,
    reachableByPhone: phone,
    suppressed,
    recentImports: imports.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      status: r.status,
      dryRun: Boolean(r.dry_run),
      inserted: Number(r.inserted),
      updated: Number(r.updated),
      createdAt: iso(r.created_at),
    })),
    segments: { count: Number(facts?.segments ?? 0), recent: segmentRows.map((r) => ({ id: r.id, name: r.name, updatedAt: iso(r.updated_at) })) },
    checklist: { imported: Boolean(facts?.imported), segmentBuilt: Number(facts?.segments ?? 0) > 0, colleagueInvited: Number(facts?.users ?? 0) > 1 },
  };
}
