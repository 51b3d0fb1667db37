// The match preview of an order's target-account list, set-based from start to end: the target
// domains we hold a live account for (accounts.domain is the registrable domain, as the list is),
// the contacts there who fit the order's criteria, those the client's own suppression list leaves
// out, and of the rest how many the contact gate (compliance and the contact policy, through the
// previewReach hook) would let us reach now by email and by phone, with why the others not.
import { sql, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';
import type { MatchPreview, OrderCriteria } from '@shared/contracts/portal';
import type { Database } from '../../../db/connection';
import { queryOne, queryRows } from '../../../db/rows';
import type { PortalHooks, ReachCounts } from '../hooks';

/** How many unmatched domains the preview lists (the CSV has them all). */
export const UNMATCHED_SAMPLE = 50;
/** The calling window is a when, not a whether: a contact outside calling hours right now is reachable today. */
const NOT_AN_EXCLUSION = new Set(['outside_calling_window']);

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const lowered = (values: readonly string[]) => textArray(values.map((v) => v.trim().toLowerCase()));
const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The employee band of a head count, for accounts that have a count but no range. */
const employeeBand = sql`case
  when a.employee_count is null then null
  when a.employee_count <= 10 then '1-10' when a.employee_count <= 50 then '11-50'
  when a.employee_count <= 200 then '51-200' when a.employee_count <= 500 then '201-500'
  when a.employee_count <= 1000 then '501-1000' when a.employee_count <= 5000 then '1001-5000'
  when a.employee_count <= 10000 then '5001-10000' else '10000+' end`;

/** The criteria as conditions on contact `c` and its account `a` (empty lists accept anyone). */
export function criteriaSql(criteria: Partial<OrderCriteria>): SQL {
  const parts: SQL[] = [sql`true`];
  if (criteria.countries?.length) parts.push(sql`upper(coalesce(c.country, a.country)) = any(${textArray(criteria.countries.map((c) => c.toUpperCase()))})`);
  if (criteria.industries?.length) {
    parts.push(sql`(lower(a.industry) = any(${lowered(criteria.industries)}) or lower(a.sub_industry) = any(${lowered(criteria.industries)}))`);
  }
  if (criteria.sizes?.length) {
    // The template's top band is 10000+; the order form's 10001+ means the same.
    const sizes = lowered(criteria.sizes.map((s) => (s.trim() === '10001+' ? '10000+' : s)));
    parts.push(sql`lower(coalesce(a.employee_range, ${employeeBand})) = any(${sizes})`);
  }
  if (criteria.revenues?.length) parts.push(sql`lower(a.revenue_range) = any(${lowered(criteria.revenues)})`);
  if (criteria.titles?.length) {
    // Each title's words, in order, as whole words of the job title (case-insensitive).
    const patterns = criteria.titles.map((t) => `\\m${t.trim().split(/\s+/).map(escapeRegex).join('\\s+')}\\M`);
    parts.push(sql`c.job_title ~* any(${textArray(patterns)})`);
  }
  if (criteria.seniorities?.length) parts.push(sql`lower(c.seniority) = any(${lowered(criteria.seniorities)})`);
  if (criteria.functions?.length) parts.push(sql`lower(c.job_function) = any(${lowered(criteria.functions)})`);
  return sql.join(parts, sql` and `);
}

/** Contacts at the order's matched accounts who fit its criteria: `fit` (id, email, phones, domain). */
function fitSql(orderId: string, criteria: Partial<OrderCriteria>): SQL {
  return sql`select c.id, c.email, c.direct_phone, c.mobile_phone, a.domain
    from order_target_domains t
    join accounts a on a.domain = t.domain and a.deleted_at is null
    join contacts c on c.account_id = a.id and c.deleted_at is null
    where t.order_id = ${orderId}::uuid and ${criteriaSql(criteria)}`;
}

/** Of `fit`, those on the client organisation's own list: by address, by company or email domain, or by either phone. */
function clientSuppressedSql(orgId: string): SQL {
  return sql`exists (
    select 1 from client_suppressions s
    where s.org_id = ${orgId}::uuid and (
      (s.kind = 'email' and s.value = f.email)
      or (s.kind = 'domain' and (s.value = f.domain or s.value = split_part(f.email, '@', 2) or split_part(f.email, '@', 2) like '%.' || s.value))
      or (s.kind = 'phone' and (s.value = f.direct_phone or s.value = f.mobile_phone))
    ))`;
}

function reached(counts: ReachCounts): { admitted: number; excluded: [string, number][] } {
  let admitted = counts.admitted;
  const excluded: [string, number][] = [];
  for (const [reason, n] of Object.entries(counts.excluded)) {
    if (!n) continue;
    if (NOT_AN_EXCLUSION.has(reason)) admitted += n;
    else excluded.push([reason, n]);
  }
  return { admitted, excluded };
}

/** The match preview of an order (already in the caller's scope). */
export async function matchPreview(
  db: Database,
  hooks: Pick<PortalHooks, 'previewReach'>,
  order: { id: string; orgId: string; channel: string; criteria: unknown },
  at: Date,
): Promise<MatchPreview> {
  const criteria = (order.criteria ?? {}) as Partial<OrderCriteria>;
  const fit = fitSql(order.id, criteria);
  const counts = await queryOne<{ targets: number; matched: number; accounts: number; at_accounts: number; fit: number; client_suppressed: number }>(
    db,
    sql`with matched as (
        select t.domain, a.id as account_id
        from order_target_domains t join accounts a on a.domain = t.domain and a.deleted_at is null
        where t.order_id = ${order.id}::uuid
      ), fit as (${fit})
      select
        (select count(*)::int from order_target_domains where order_id = ${order.id}::uuid) as targets,
        (select count(distinct domain)::int from matched) as matched,
        (select count(*)::int from matched) as accounts,
        (select count(*)::int from contacts c join matched m on m.account_id = c.account_id where c.deleted_at is null) as at_accounts,
        (select count(*)::int from fit) as fit,
        (select count(*)::int from fit f where ${clientSuppressedSql(order.orgId)}) as client_suppressed`,
  );
  const audience = sql`select f.id from (${fit}) f where not ${clientSuppressedSql(order.orgId)}`;
  const [email, phone, sample] = await Promise.all([
    hooks.previewReach(db, audience, { channel: 'email', at }),
    hooks.previewReach(db, audience, { channel: 'phone', at }),
    queryRows<{ domain: string }>(db, sql`${unmatchedSql(order.id)} limit ${UNMATCHED_SAMPLE}`),
  ]);
  const byEmail = reached(email);
  const byPhone = reached(phone);
  const targets = Number(counts?.targets ?? 0);
  const matched = Number(counts?.matched ?? 0);
  const clientSuppressed = Number(counts?.client_suppressed ?? 0);
  const excluded: MatchPreview['excluded'] = [];
  if (clientSuppressed) excluded.push({ reason: 'client_suppressed', channel: 'both', count: clientSuppressed });
  for (const [reason, count] of byEmail.excluded) excluded.push({ reason, channel: 'email', count });
  for (const [reason, count] of byPhone.excluded) excluded.push({ reason, channel: 'phone', count });
  return {
    targets,
    matchedDomains: matched,
    unmatchedDomains: targets - matched,
    unmatchedSample: sample.map((r) => r.domain),
    accounts: Number(counts?.accounts ?? 0),
    contacts: Number(counts?.fit ?? 0),
    notFitting: Number(counts?.at_accounts ?? 0) - Number(counts?.fit ?? 0),
    reachableEmail: byEmail.admitted,
    reachablePhone: byPhone.admitted,
    reachable: order.channel === 'email' ? byEmail.admitted : order.channel === 'telemarketing' ? byPhone.admitted : Math.max(byEmail.admitted, byPhone.admitted),
    excluded,
    computedAt: at.toISOString(),
  };
}

/** The order's target domains we hold no live account for, alphabetically. */
function unmatchedSql(orderId: string): SQL {
  return sql`select t.domain, t.label from order_target_domains t
    where t.order_id = ${orderId}::uuid
      and not exists (select 1 from accounts a where a.domain = t.domain and a.deleted_at is null)
    order by t.domain`;
}

/** Every unmatched domain as CSV (domain, company as the client named it), each cell formula-neutralized. */
export async function unmatchedCsv(db: Database, orderId: string): Promise<{ text: string; rows: number }> {
  const rows = await queryRows<{ domain: string; label: string | null }>(db, unmatchedSql(orderId));
  const records = rows.map((r) => [neutralizeFormula(r.domain), neutralizeFormula(r.label ?? '')]);
  return { text: stringify([['domain', 'company'], ...records], { record_delimiter: '\r\n' }), rows: rows.length };
}
