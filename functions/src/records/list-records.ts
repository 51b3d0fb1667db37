// Keyset-paginated lists of accounts or contacts: ORDER BY (sort key, id) over the matching
// index, the next page starting after the last row's (sort key, id). The total is exact up to
// EXACT_COUNT_CAP matches (a capped count is cheap) and the planner's estimate above it; it is
// computed for the first page only (later pages keep the first page's figure).
import { eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { EXACT_COUNT_CAP, type ListTotal } from '@shared/contracts/accounts';
import type { FilterGroup } from '@shared/contracts/filters';
import type { Database } from '../db/connection';
import { isRealDate } from '../db/filter-sql';
import { queryOne, queryTextRows } from '../db/rows';
import { invalid } from '../core/app-error';
import { accounts, contacts } from '../db/schema';
import { decodeCursor, encodeCursor } from './cursor';
import { CONTACT_RESOURCE, type ResourceFields, type SortKey } from './fields';
import { CONTACT_JSON } from './contact-json';
import { queryWithSettings, type PlannerSettings } from '../db/planner-settings';
import { selectionCondition } from './selection';
import type { AccountRow, ContactRow } from './views';

export interface ListInput {
  q?: string | undefined;
  filter?: FilterGroup | undefined;
  sort: string;
  order: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
  deleted?: 'only' | undefined;
  where?: SQL | undefined;
}

export interface ListPage<Row> {
  rows: Row[];
  nextCursor: string | null;
  total: ListTotal | null;
}

/**
 * Whether a cursor's sort value is one Postgres prints for the sort type and reads back without an
 * error (a forged or damaged cursor would otherwise fail the query with a 500).
 */
const CURSOR_VALUE: Record<SortKey['cast'], (value: string) => boolean> = {
  // Text travels as a parameter; only NUL is something Postgres refuses.
  text: (value) => value.length <= 500 && !value.includes('\u0000'),
  float8: (value) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value) && Number.isFinite(Number(value)),
  int4: (value) => /^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= 2_147_483_647,
  date: (value) => isRealDate(value, 'date'),
  timestamptz: (value) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(value) && isRealDate(value, 'timestamp'),
};

type TableOf<R> = R extends AccountRow ? typeof accounts : typeof contacts;

function sortKeyOf(fields: ResourceFields, input: ListInput): { name: string; key: SortKey; order: 'asc' | 'desc' } {
  // The trash is always newest deletion first.
  if (input.deleted === 'only') return { name: 'deletedAt', key: { expr: fields.deletedAt, cast: 'timestamptz' }, order: 'desc' };
  return { name: input.sort, key: fields.sorts[input.sort]!, order: input.order };
}

/**
 * A search term long enough for the trigram index (three characters). Its capped count runs with
 * sequential scans off. The planner guesses a substring's frequency from a 100-entry histogram: the
 * same last name came out at 0.01 % after one ANALYZE and 6 % after the next, and the high guesses
 * made a sequential scan that stops at the cap look cheapest, and it read far more rows than the
 * trigram index would have (docs/decisions/0006). With the scan off, a rare term goes through the
 * trigram index and a common one ("com") through an index scan that stops at the cap as early as
 * the sequential scan did.
 */
export const isIndexedSearch = (q: string | undefined): boolean => (q?.trim().length ?? 0) >= 3;

/** The planner settings of an indexed search's capped count. */
export const SEARCH_COUNT_SETTINGS: PlannerSettings = { enable_seqscan: 'off' };

/** The capped count and the planner-estimate statements behind a list's total. */
export function countStatements(
  table: typeof accounts | typeof contacts,
  where: SQL,
  options: { search?: boolean } = {},
): { capped: SQL; estimate: SQL; settings: PlannerSettings | null } {
  return {
    capped: sql`select count(*)::int as n from (select 1 from ${table} where ${where} limit ${EXACT_COUNT_CAP + 1}) matching`,
    estimate: sql`explain (format json) select 1 from ${table} where ${where}`,
    settings: options.search ? SEARCH_COUNT_SETTINGS : null,
  };
}

/** Counts exactly up to the cap, then asks the planner (EXPLAIN) for its estimate. */
export async function countMatches(
  db: Database,
  table: typeof accounts | typeof contacts,
  where: SQL,
  options: { search?: boolean } = {},
): Promise<ListTotal> {
  const statements = countStatements(table, where, options);
  const capped = statements.settings
    ? (await queryWithSettings<{ n: number }>(db, statements.settings, statements.capped))[0]
    : await queryOne<{ n: number }>(db, statements.capped);
  const n = Number(capped?.n ?? 0);
  if (n <= EXACT_COUNT_CAP) return { count: n, exact: true };
  const plan = await queryOne<{ 'QUERY PLAN': unknown }>(db, statements.estimate);
  const raw = plan?.['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }>;
  const estimate = Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0);
  return { count: Math.max(estimate, EXACT_COUNT_CAP + 1), exact: false };
}

/** A list's clauses: its WHERE (without the cursor, for the total), the page's WHERE and ORDER BY. */
function listClauses(fields: ResourceFields, input: ListInput) {
  const { name, key, order } = sortKeyOf(fields, input);
  const where = selectionCondition(fields, { ...input, deleted: input.deleted === 'only' }, 'query.filter');
  let pageWhere = where;
  if (input.cursor) {
    const position = decodeCursor(input.cursor, { sort: name, order });
    if (!CURSOR_VALUE[key.cast](position.value)) throw invalid('query.cursor', 'is not a cursor this API gave out');
    const after = sql`(${key.expr}, ${fields.id}) ${order === 'asc' ? sql`>` : sql`<`} (${position.value}::${sql.raw(key.cast)}, ${position.id}::uuid)`;
    pageWhere = sql`${where} and ${after}`;
  }
  const direction = order === 'asc' ? sql`asc` : sql`desc`;
  return { where, pageWhere, direction, orderBy: sql`${key.expr} ${direction}, ${fields.id} ${direction}`, sortExpr: key.expr, sortName: name, order };
}

/** The page query of a list (and its WHERE without the cursor, for the total). */
export function buildListQuery(db: Database, fields: ResourceFields, table: typeof accounts | typeof contacts, input: ListInput) {
  const clauses = listClauses(fields, input);
  const { sortExpr, direction, pageWhere } = clauses;
  const sortKey = sql<string>`(${sortExpr})::text`.as('sort_key');
  // Contacts carry their account's name and domain: joined here, so a page is one statement.
  const page =
    table === contacts
      ? db
          .select({ ...getTableColumns(contacts), sortKey, accountName: accounts.name, accountDomain: accounts.domain })
          .from(contacts)
          .leftJoin(accounts, eq(accounts.id, contacts.accountId))
          .where(pageWhere)
          .orderBy(sql`${sortExpr} ${direction}`, sql`${fields.id} ${direction}`)
          .limit(input.limit + 1)
      : db
          .select({ ...getTableColumns(accounts), sortKey })
          .from(accounts)
          .where(pageWhere)
          .orderBy(sql`${sortExpr} ${direction}`, sql`${fields.id} ${direction}`)
          .limit(input.limit + 1);
  return { page, ...clauses };
}

/**
 * A page of contacts as the API's JSON text, one statement: each row is built by CONTACT_JSON in
 * Postgres (account embedded, suppression state included) and passed through as it is. The total
 * is counted beside it on the first page, as listRecords does.
 *
 * The page's contacts are chosen first, in a subquery named like the table (contact filters and
 * sort keys read contacts alone), and only they are joined to their accounts. Joined before the
 * LIMIT, a search looked up the account of every matching contact to keep one page of them.
 */
export function contactJsonPageStatement(input: ListInput): { statement: SQL; where: SQL; sortName: string; order: 'asc' | 'desc' } {
  const built = listClauses(CONTACT_RESOURCE, input);
  const statement = sql`select (${built.sortExpr})::text as sort_key, ${contacts.id} as id, ${CONTACT_JSON} as item
    from (select * from ${contacts} where ${built.pageWhere} order by ${built.orderBy} limit ${input.limit + 1}) ${contacts}
    left join ${accounts} on ${accounts.id} = ${contacts.accountId}
    order by ${built.orderBy}`;
  return { statement, where: built.where, sortName: built.sortName, order: built.order };
}

export interface ContactJsonPage {
  /** Each contact's JSON text (the Contact contract). */
  items: string[];
  nextCursor: string | null;
  total: ListTotal | null;
}

export async function listContactJson(db: Database, input: ListInput): Promise<ContactJsonPage> {
  const built = contactJsonPageStatement(input);
  const [rows, total] = await Promise.all([
    queryTextRows<{ sort_key: string; id: string; item: string }>(db, built.statement),
    input.cursor ? Promise.resolve(null) : countMatches(db, contacts, built.where, { search: isIndexedSearch(input.q) }),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ sort: built.sortName, order: built.order, value: last.sort_key, id: last.id }) : null;
  return { items: page.map((r) => r.item), nextCursor, total };
}

/** The list response's JSON text around the items' own JSON text. */
export function contactListJson(page: ContactJsonPage): string {
  return `{"items":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)},"total":${JSON.stringify(page.total)}}`;
}

export async function listRecords<Row extends AccountRow | ContactRow>(
  db: Database,
  fields: ResourceFields,
  table: TableOf<Row>,
  input: ListInput,
): Promise<ListPage<Row>> {
  const query = buildListQuery(db, fields, table, input);
  // The first page's total runs beside the page query (on a server pool they overlap).
  const [rows, counted] = await Promise.all([
    query.page as unknown as Promise<Array<Row & { sortKey: string }>>,
    input.cursor ? Promise.resolve(null) : countMatches(db, table, query.where, { search: isIndexedSearch(input.q) }),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ sort: query.sortName, order: query.order, value: last.sortKey, id: last.id }) : null;
  const total = counted;
  return { rows: page.map(({ sortKey: _sortKey, ...row }) => row as unknown as Row), nextCursor, total };
}

/** A contact row of a list page with its account's name and domain (null without an account). */
export type ContactListRow = ContactRow & { accountName: string | null; accountDomain: string | null };
