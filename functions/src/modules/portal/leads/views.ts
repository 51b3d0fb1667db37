// Reading an order's leads: the client's view (published, returned and replaced leads of an order
// of its organisation; never a lead still in QA), the staff view (every lead of the order, with
// why an approved one waits), one lead, and the same rows as CSV. Every client read goes through
// the tenant scope: an order or a lead of another organisation answers 404. The client's list
// across all its orders (one query, cursor paged, sortable) backs the portal's Leads and Returns.
import { and, asc, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { LeadState } from '@shared/contracts/leads';
import {
  PORTAL_LEAD_STATES,
  type PortalLead,
  type PortalLeadListQuery,
  type PortalLeadPage,
  type PortalLeadSort,
  type ReturnReason,
  type StaffOrderLead,
  type StaffOrderLeadPage,
} from '@shared/contracts/portal-leads';
import { orderReference } from '@shared/contracts/portal';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';
import { ACCOUNT_TEMPLATE_FIELDS, CONTACT_TEMPLATE_FIELDS } from '@shared/template';
import { notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { leadReasonCodes, leads, orders } from '../../../db/schema';
import { decodeCursor, encodeCursor } from '../../../records/cursor';
import { orderInScope, scoped, type TenantScope } from '../tenant';
import { HOLD_CODES } from './publish';

const DAY_MS = 86_400_000;

/** The lead columns a view reads, with its order's reference, return window and the return reason's label. */
const columns = {
  id: leads.id,
  orderId: leads.orderId,
  orderNumber: orders.number,
  returnWindowDays: orders.returnWindowDays,
  state: leads.state,
  fields: leads.fields,
  answers: leads.answers,
  publishedAt: leads.publishedAt,
  returnedAt: leads.returnedAt,
  reasonCode: leads.reasonCode,
  reasonNote: leads.reasonNote,
  reasonLabel: leadReasonCodes.label,
  replacedById: leads.replacedById,
  createdAt: leads.createdAt,
  createdAtText: sql<string>`${leads.createdAt}::text`,
  publishedAtText: sql<string | null>`${leads.publishedAt}::text`,
};

type Row = {
  id: string;
  orderId: string | null;
  orderNumber: number;
  returnWindowDays: number;
  state: string;
  fields: unknown;
  answers: unknown;
  publishedAt: Date | null;
  returnedAt: Date | null;
  reasonCode: string | null;
  reasonNote: string | null;
  reasonLabel: string | null;
  replacedById: string | null;
  createdAt: Date;
  createdAtText: string;
  publishedAtText: string | null;
};

/** The last moment the client may return a published lead (null: not returnable). */
export function returnableUntil(row: { state: string; publishedAt: Date | null; returnWindowDays: number }, now: Date): Date | null {
  if (row.state !== 'published' || !row.publishedAt) return null;
  const until = new Date(row.publishedAt.getTime() + row.returnWindowDays * DAY_MS);
  return until > now ? until : null;
}

const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
};

function toPortalLead(row: Row, now: Date): PortalLead {
  const returned = row.state === 'returned' || row.state === 'replaced';
  const fields = Object.fromEntries(Object.entries((row.fields ?? {}) as Record<string, unknown>).map(([k, v]) => [k, asText(v)]));
  return {
    id: row.id,
    orderId: row.orderId!,
    orderReference: orderReference(row.orderNumber),
    state: row.state as PortalLead['state'],
    fields,
    answers: (row.answers ?? {}) as Record<string, unknown>,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    returnableUntil: returnableUntil(row, now)?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
    returnReason: returned && row.reasonCode ? { code: row.reasonCode, label: row.reasonLabel ?? row.reasonCode, note: row.reasonNote } : null,
    replacedById: row.replacedById,
  };
}

function toStaffLead(row: Row, now: Date): StaffOrderLead {
  const held = row.state === 'approved' && row.reasonCode && (HOLD_CODES as readonly string[]).includes(row.reasonCode);
  return {
    ...toPortalLead(row, now),
    state: row.state as LeadState,
    hold: held ? { code: row.reasonCode!, note: row.reasonNote } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

const base = <Extra extends Record<string, SQL>>(db: Database, extra?: Extra) =>
  db
    .select({ ...columns, ...(extra as Extra) })
    .from(leads)
    .innerJoin(orders, eq(orders.id, leads.orderId))
    .leftJoin(leadReasonCodes, and(eq(leadReasonCodes.code, leads.reasonCode), eq(leadReasonCodes.kind, 'return')));

const statesOf = <S extends string>(state: S | S[] | undefined, all: readonly S[]): S[] => (state === undefined ? [...all] : Array.isArray(state) ? state : [state]);

/** `q` within the lead's name, email, company or domain ("Dana Buyer" matches first and last name together). */
const matches = (q: string | undefined): SQL | undefined =>
  q
    ? ilike(
        sql`concat_ws(' ', ${leads.fields}->>'firstName', ${leads.fields}->>'lastName', ${leads.fields}->>'email', ${leads.fields}->>'company', ${leads.fields}->>'domain')`,
        `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      )
    : undefined;

export interface ClientLeadQuery {
  state?: PortalLead['state'] | PortalLead['state'][] | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The conditions of the client's list of an order's leads (the order already checked in scope). */
function clientConditions(orderId: string, query: Omit<ClientLeadQuery, 'cursor' | 'limit'>): SQL | undefined {
  return and(
    eq(leads.orderId, orderId),
    isNull(leads.deletedAt),
    inArray(leads.state, statesOf(query.state, PORTAL_LEAD_STATES)),
    matches(query.q),
    query.from ? sql`${leads.publishedAt} >= ${query.from}::timestamptz` : undefined,
    query.to ? sql`${leads.publishedAt} < ${query.to}::timestamptz` : undefined,
  );
}

const SORT = { sort: 'published_at', order: 'desc' } as const;

/** A client's page of an order's leads, newest publication first, with the total of the filter. */
export async function listClientLeads(db: Database, scope: TenantScope, orderId: string, query: ClientLeadQuery, now: Date): Promise<PortalLeadPage> {
  const order = await orderInScope(db, scope, orderId);
  const where = clientConditions(order.id, query);
  const after = query.cursor ? decodeCursor(query.cursor, SORT) : null;
  const rows = await base(db)
    .where(
      and(
        scoped(scope, orders.orgId, where),
        after ? or(lt(leads.publishedAt, sql`${after.value}::timestamptz`), and(eq(leads.publishedAt, sql`${after.value}::timestamptz`), lt(leads.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(leads.publishedAt), desc(leads.id))
    .limit(query.limit + 1);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(leads).where(where);
  const page = rows.slice(0, query.limit) as Row[];
  const last = page.at(-1);
  return {
    items: page.map((r) => toPortalLead(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ ...SORT, value: last.publishedAtText ?? '', id: last.id }) : null,
    total: total?.n ?? 0,
  };
}

/** The sorts of the list across orders: the column and its direction. */
const LIST_SORTS: Record<PortalLeadSort, { column: typeof leads.publishedAt | typeof leads.returnedAt; text: SQL<string | null>; order: 'asc' | 'desc' }> = {
  '-published_at': { column: leads.publishedAt, text: sql<string | null>`${leads.publishedAt}::text`, order: 'desc' },
  published_at: { column: leads.publishedAt, text: sql<string | null>`${leads.publishedAt}::text`, order: 'asc' },
  '-returned_at': { column: leads.returnedAt, text: sql<string | null>`${leads.returnedAt}::text`, order: 'desc' },
  returned_at: { column: leads.returnedAt, text: sql<string | null>`${leads.returnedAt}::text`, order: 'asc' },
};

/**
 * A client's page of the leads of every order of its organisation (or of one, which must be in
 * scope: another organisation's order answers 404), with the total of the filter. The sort column
 * is never null in the list (sorting by return date keeps the returned leads), so the cursor is
 * the row's sort value and id.
 */
export async function listClientLeadsAcrossOrders(db: Database, scope: TenantScope, query: PortalLeadListQuery, now: Date): Promise<PortalLeadPage> {
  if (query.orderId) await orderInScope(db, scope, query.orderId);
  const sort = LIST_SORTS[query.sort];
  const where = scoped(
    scope,
    orders.orgId,
    query.orderId ? eq(leads.orderId, query.orderId) : undefined,
    isNull(leads.deletedAt),
    isNotNull(sort.column),
    inArray(leads.state, statesOf(query.state, PORTAL_LEAD_STATES)),
    matches(query.q),
    query.from ? sql`${leads.publishedAt} >= ${query.from}::timestamptz` : undefined,
    query.to ? sql`${leads.publishedAt} < ${query.to}::timestamptz` : undefined,
  );
  const position = { sort: query.sort, order: sort.order };
  const after = query.cursor ? decodeCursor(query.cursor, position) : null;
  const beyond = sort.order === 'desc' ? lt : gt;
  const rows = await base(db, { sortText: sort.text })
    .where(
      and(
        where,
        after
          ? or(beyond(sort.column, sql`${after.value}::timestamptz`), and(eq(sort.column, sql`${after.value}::timestamptz`), beyond(leads.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(...(sort.order === 'desc' ? [desc(sort.column), desc(leads.id)] : [asc(sort.column), asc(leads.id)]))
    .limit(query.limit + 1);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(leads).innerJoin(orders, eq(orders.id, leads.orderId)).where(where);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toPortalLead(r as Row, now)),
    nextCursor: rows.length > query.limit && last?.sortText ? encodeCursor({ ...position, value: last.sortText, id: last.id }) : null,
    total: total?.n ?? 0,
  };
}

const STAFF_SORT = { sort: 'created_at', order: 'desc' } as const;

/** Staff's page of an order's leads: every lead of it, QA included, newest first. */
export async function listStaffLeads(
  db: Database,
  scope: TenantScope,
  orderId: string,
  query: { state?: LeadState | LeadState[] | undefined; q?: string | undefined; cursor?: string | undefined; limit: number },
  now: Date,
): Promise<StaffOrderLeadPage> {
  const order = await orderInScope(db, scope, orderId);
  const where = and(eq(leads.orderId, order.id), isNull(leads.deletedAt), query.state ? inArray(leads.state, statesOf(query.state, [])) : undefined, matches(query.q));
  const after = query.cursor ? decodeCursor(query.cursor, STAFF_SORT) : null;
  const rows = await base(db)
    .where(
      and(
        where,
        after ? or(lt(leads.createdAt, sql`${after.value}::timestamptz`), and(eq(leads.createdAt, sql`${after.value}::timestamptz`), lt(leads.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(query.limit + 1);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(leads).where(where);
  const page = rows.slice(0, query.limit) as Row[];
  const last = page.at(-1);
  return {
    items: page.map((r) => toStaffLead(r, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ ...STAFF_SORT, value: last.createdAtText, id: last.id }) : null,
    total: total?.n ?? 0,
  };
}

/** One lead a client may see (delivered to an order of its organisation), else 404. */
export async function getClientLead(db: Database, scope: TenantScope, leadId: string, now: Date): Promise<PortalLead> {
  const [row] = await base(db).where(scoped(scope, orders.orgId, eq(leads.id, leadId), isNull(leads.deletedAt), inArray(leads.state, [...PORTAL_LEAD_STATES])));
  if (!row) throw notFound('lead');
  return toPortalLead(row as Row, now);
}

/** The active return reasons, by label. */
export async function returnReasons(db: Database): Promise<ReturnReason[]> {
  return db
    .select({ code: leadReasonCodes.code, label: leadReasonCodes.label })
    .from(leadReasonCodes)
    .where(and(eq(leadReasonCodes.kind, 'return'), eq(leadReasonCodes.active, true)))
    .orderBy(asc(leadReasonCodes.label));
}

// ---------------------------------------------------------------- CSV

/** A lead field's CSV header: the template's where it has one, else the field's own name. */
const TEMPLATE_HEADERS: Record<string, string> = {
  firstName: CONTACT_TEMPLATE_FIELDS.find((f) => f.key === 'firstName')!.header,
  lastName: CONTACT_TEMPLATE_FIELDS.find((f) => f.key === 'lastName')!.header,
  email: CONTACT_TEMPLATE_FIELDS.find((f) => f.key === 'email')!.header,
  phone: CONTACT_TEMPLATE_FIELDS.find((f) => f.key === 'directPhone')!.header,
  title: CONTACT_TEMPLATE_FIELDS.find((f) => f.key === 'jobTitle')!.header,
  country: CONTACT_TEMPLATE_FIELDS.find((f) => f.key === 'country')!.header,
  company: ACCOUNT_TEMPLATE_FIELDS.find((f) => f.key === 'name')!.header,
  domain: ACCOUNT_TEMPLATE_FIELDS.find((f) => f.key === 'domain')!.header,
};
const FIELD_ORDER = ['firstName', 'lastName', 'email', 'phone', 'title', 'company', 'domain', 'country'];

/** At most this many rows in one file. */
export const CSV_MAX_ROWS = 10_000;

/** The client's leads of an order as CSV (the same filters), every cell formula-neutralised. */
export async function clientLeadsCsv(
  db: Database,
  scope: TenantScope,
  orderId: string,
  query: Omit<ClientLeadQuery, 'cursor' | 'limit'>,
  now: Date,
): Promise<{ text: string; rows: number; reference: string }> {
  const order = await orderInScope(db, scope, orderId);
  const rows = (await base(db)
    .where(scoped(scope, orders.orgId, clientConditions(order.id, query)))
    .orderBy(desc(leads.publishedAt), desc(leads.id))
    .limit(CSV_MAX_ROWS)) as Row[];
  const items = rows.map((r) => toPortalLead(r, now));
  const extra = [...new Set(items.flatMap((l) => Object.keys(l.fields)))].filter((k) => !FIELD_ORDER.includes(k)).sort();
  const fieldKeys = [...FIELD_ORDER, ...extra];
  const questions = ((order.questions ?? []) as { id: string; text?: string }[]).filter((q) => typeof q?.id === 'string');
  const header = ['Lead ID', 'Order', 'Status', 'Published At', 'Returnable Until', 'Returned At', 'Return Reason', 'Return Note', ...fieldKeys.map((k) => TEMPLATE_HEADERS[k] ?? k), ...questions.map((q) => q.text ?? q.id)];
  const lines = items.map((l) => [
    l.id,
    l.orderReference,
    l.state,
    l.publishedAt ?? '',
    l.returnableUntil ?? '',
    l.returnedAt ?? '',
    l.returnReason?.label ?? '',
    l.returnReason?.note ?? '',
    ...fieldKeys.map((k) => l.fields[k] ?? ''),
    ...questions.map((q) => asText(l.answers[q.id]) ?? ''),
  ]);
  const text = stringify([header, ...lines].map((cells) => cells.map((c) => neutralizeFormula(c))), { record_delimiter: '\r\n' });
  return { text, rows: items.length, reference: orderReference(order.number) };
}
