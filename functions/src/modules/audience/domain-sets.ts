// Domain sets (ABM target account lists): pasted domains, URLs, emails or company names, kept one
// row per distinct entry with the account each matched. The report shows matched accounts (and
// how), unmatched entries, unreadable and repeated lines, and how many contacts the matched
// accounts hold. A person confirms or rejects matches; a set then feeds segments ("account in
// domain set"), becomes a static list of the matched accounts' contacts, or creates accounts for
// its unmatched domains.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DOMAIN_SET_MAX_LINES,
  type DomainSet,
  type DomainSetEntry,
  type DomainSetReport,
  type domainSetCreateSchema,
  type domainSetReviewSchema,
  type domainSetToListSchema,
  type StaticList,
} from '@shared/contracts/audience';
import type { Deps } from '../../core/deps';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { domainSets } from '../../db/schema';
import { AppError, invalid, notFound } from '../../core/app-error';
import { isUniqueViolation } from '../../db/pg-errors';
import { matchDomainSet, type TrigramMode } from './domain-match';
import { parseDomainSet } from './domain-set-parse';
import { listSnapshotSql } from './list-snapshot';
import { getList } from './lists';
import { softDeleteNamed } from './soft-delete';

type Ctx = Pick<Deps, 'db' | 'now' | 'hooks'>;
type SetRow = typeof domainSets.$inferSelect;

/** An entry's match that counts (made and not rejected). */
const COUNTED = sql.raw(`e.account_id is not null and e.review_status <> 'rejected'`);

/** The live contacts of a domain set's matched accounts, one column of ids: a campaign's audience. */
export async function domainSetAudienceSql(db: Database, id: string): Promise<SQL> {
  await findLiveSet(db, id);
  return sql`select c.id from contacts c
    where c.deleted_at is null and c.account_id in (select e.account_id from domain_set_entries e where e.set_id = ${id}::uuid and ${COUNTED})`;
}

async function findLiveSet(db: Database, id: string): Promise<SetRow> {
  const [row] = await db.select().from(domainSets).where(and(eq(domainSets.id, id), isNull(domainSets.deletedAt)));
  if (!row) throw notFound('domain set');
  return row;
}

async function setView(db: Database, row: SetRow): Promise<DomainSet> {
  const counts = await queryOne<{ entries: number; matched: number }>(
    db,
    sql`select count(*)::int as entries, count(*) filter (where ${COUNTED})::int as matched from domain_set_entries e where e.set_id = ${row.id}::uuid`,
  );
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entryCount: Number(counts?.entries ?? 0),
    matchedCount: Number(counts?.matched ?? 0),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function createDomainSet(
  deps: Ctx,
  input: { request: z.output<typeof domainSetCreateSchema>; userId: string | null; trigram?: TrigramMode },
): Promise<DomainSetReport> {
  const parsed = parseDomainSet(input.request.text);
  const lines = parsed.entries.length + parsed.invalid.length + parsed.duplicates.length;
  if (lines > DOMAIN_SET_MAX_LINES) throw invalid('body.text', `must hold at most ${DOMAIN_SET_MAX_LINES} lines (it has ${lines})`);
  if (parsed.entries.length === 0) throw invalid('body.text', 'holds no domain, URL, email address or company name');
  const now = deps.now();
  const [set] = await deps.db
    .insert(domainSets)
    .values({
      name: input.request.name,
      description: input.request.description ?? null,
      issues: { invalid: parsed.invalid, duplicates: parsed.duplicates },
      createdBy: input.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await insertEntries(deps.db, set!.id, parsed.entries);
  await matchDomainSet(deps.db, set!.id, { trigram: input.trigram ?? 'auto' });
  return domainSetReport(deps, set!.id);
}

/** Every entry of the set in one statement. */
async function insertEntries(db: Database, setId: string, e: ReturnType<typeof parseDomainSet>['entries']): Promise<void> {
  await db.execute(sql`
    insert into domain_set_entries (set_id, line_no, raw, kind, domain, host, name_key)
    select ${setId}::uuid, t.line_no, t.raw, t.kind, t.domain, t.host, t.name_key
    from unnest(${sql.param(e.map((x) => x.lineNo))}::int[], ${sql.param(e.map((x) => x.raw))}::text[], ${sql.param(e.map((x) => x.kind))}::text[],
                ${sql.param(e.map((x) => x.domain))}::text[], ${sql.param(e.map((x) => x.host))}::text[], ${sql.param(e.map((x) => x.nameKey))}::text[])
         as t(line_no, raw, kind, domain, host, name_key)`);
}

/**
 * Replaces a set's entries (and renames it) in one transaction and matches them again: a set kept
 * in step with a list that lives elsewhere (an order's target accounts) keeps its id.
 */
export async function replaceDomainSetEntries(deps: Ctx, input: { id: string; name: string; text: string }): Promise<DomainSetReport> {
  const parsed = parseDomainSet(input.text);
  if (parsed.entries.length === 0) throw invalid('body.text', 'holds no domain, URL, email address or company name');
  await deps.db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    await findLiveSet(tx, input.id);
    await tx
      .update(domainSets)
      .set({ name: input.name, issues: { invalid: parsed.invalid, duplicates: parsed.duplicates }, updatedAt: deps.now() })
      .where(eq(domainSets.id, input.id));
    await tx.execute(sql`delete from domain_set_entries where set_id = ${input.id}::uuid`);
    await insertEntries(tx, input.id, parsed.entries);
    await matchDomainSet(tx, input.id, { trigram: 'auto' });
  });
  return domainSetReport(deps, input.id);
}

export async function listDomainSets(deps: Ctx): Promise<{ items: DomainSet[] }> {
  const rows = await deps.db.select().from(domainSets).where(isNull(domainSets.deletedAt)).orderBy(sql`${domainSets.createdAt} desc`).limit(500);
  return { items: await Promise.all(rows.map((r) => setView(deps.db, r))) };
}

interface EntryRow extends Record<string, unknown> {
  id: number;
  line_no: number;
  raw: string;
  kind: 'domain' | 'name';
  domain: string | null;
  account_id: string | null;
  account_name: string | null;
  account_domain: string | null;
  match_method: DomainSetEntry['matchMethod'];
  confidence: number | null;
  review_status: DomainSetEntry['reviewStatus'];
}

function entryView(r: EntryRow): DomainSetEntry {
  return {
    id: Number(r.id),
    lineNo: Number(r.line_no),
    raw: r.raw,
    kind: r.kind,
    domain: r.domain,
    accountId: r.account_id,
    accountName: r.account_name,
    accountDomain: r.account_domain,
    matchMethod: r.match_method,
    confidence: r.confidence === null ? null : Number(r.confidence),
    reviewStatus: r.review_status,
  };
}

export async function domainSetReport(deps: Ctx, id: string): Promise<DomainSetReport> {
  const row = await findLiveSet(deps.db, id);
  const [entries, contacts] = await Promise.all([
    queryRows<EntryRow>(
      deps.db,
      sql`select e.id, e.line_no, e.raw, e.kind, e.domain, e.account_id, a.name as account_name, a.domain as account_domain,
                 e.match_method, e.confidence, e.review_status
          from domain_set_entries e left join accounts a on a.id = e.account_id
          where e.set_id = ${id}::uuid order by e.line_no`,
    ),
    queryOne<{ n: number }>(
      deps.db,
      sql`select count(*)::int as n from contacts c
          where c.deleted_at is null and c.account_id in (select e.account_id from domain_set_entries e where e.set_id = ${id}::uuid and ${COUNTED})`,
    ),
  ]);
  const views = entries.map(entryView);
  return {
    set: await setView(deps.db, row),
    invalid: row.issues.invalid,
    duplicates: row.issues.duplicates,
    matched: views.filter((v) => v.accountId !== null && v.reviewStatus !== 'rejected'),
    unmatched: views.filter((v) => v.accountId === null || v.reviewStatus === 'rejected'),
    contactCount: Number(contacts?.n ?? 0),
  };
}

/** Confirms or rejects matches (entries without a match are refused). */
export async function reviewDomainSet(deps: Ctx, input: { id: string; request: z.output<typeof domainSetReviewSchema> }): Promise<DomainSetReport> {
  await findLiveSet(deps.db, input.id);
  const d = input.request.decisions;
  const row = await queryOne<{ n: number }>(
    deps.db,
    sql`with upd as (
          update domain_set_entries e set review_status = r.status, reviewed_at = ${deps.now().toISOString()}::timestamptz, updated_at = now()
          from unnest(${sql.param(d.map((x) => x.entryId))}::bigint[], ${sql.param(d.map((x) => x.status))}::text[]) as r(id, status)
          where e.id = r.id and e.set_id = ${input.id}::uuid and e.account_id is not null
          returning 1)
        select count(*)::int as n from upd`,
  );
  if (Number(row?.n ?? 0) !== new Set(d.map((x) => x.entryId)).size) {
    throw new AppError('unprocessable', { detail: 'Some entries are not matches of this set; nothing else was left out.' });
  }
  return domainSetReport(deps, input.id);
}

/** Matches entries again (after accounts were added), leaving confirmed and rejected ones as they are. */
export async function rematchDomainSet(deps: Ctx, id: string): Promise<DomainSetReport> {
  await findLiveSet(deps.db, id);
  await deps.db.execute(sql`
    update domain_set_entries set account_id = null, match_method = null, confidence = null, updated_at = now()
    where set_id = ${id}::uuid and review_status = 'suggested'`);
  await matchDomainSet(deps.db, id);
  return domainSetReport(deps, id);
}

export async function deleteDomainSet(deps: Ctx, id: string): Promise<void> {
  await softDeleteNamed(deps, domainSets, id, 'domain set');
}

/** A static list of the live contacts at the set's matched accounts: list and members in one statement. */
export async function domainSetToList(
  deps: Ctx,
  input: { id: string; request: z.output<typeof domainSetToListSchema>; userId: string | null },
): Promise<StaticList> {
  await findLiveSet(deps.db, input.id);
  const snapshot = { name: input.request.name, description: input.request.description, origin: 'domain_set', originId: input.id, userId: input.userId, now: deps.now().toISOString() } as const;
  const row = await queryOne<{ id: string }>(
    deps.db,
    listSnapshotSql(
      snapshot,
      sql`select c.id from contacts c
          where c.deleted_at is null and c.account_id in (select e.account_id from domain_set_entries e where e.set_id = ${input.id}::uuid and ${COUNTED})`,
    ),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError('conflict', { detail: 'Another list has this name.' });
    throw error;
  });
  return getList(deps, row!.id);
}

/**
 * New accounts for the set's unmatched domains (one per domain; the domain is its name until
 * enriched), each recorded in the field history, and the entries matched to them: one statement.
 * A domain some account took meanwhile is matched by the rematch that follows.
 */
export async function createAccountsForUnmatched(deps: Ctx, input: { id: string; userId: string | null; requestId: string }): Promise<{ created: number; matched: number }> {
  await findLiveSet(deps.db, input.id);
  const now = deps.now().toISOString();
  const row = await queryOne<{ created: number; matched: number }>(
    deps.db,
    sql`with todo as (
          select distinct e.domain from domain_set_entries e
          where e.set_id = ${input.id}::uuid and e.kind = 'domain' and (e.account_id is null or e.review_status = 'rejected')
        ),
        ins as (
          insert into accounts (name, domain, website, source, created_by, created_at, updated_at)
          select t.domain, t.domain, 'https://' || t.domain, 'domain_set', ${input.userId}::uuid, ${now}::timestamptz, ${now}::timestamptz from todo t
          on conflict (domain) where deleted_at is null and domain is not null do nothing
          returning id, domain),
        hist as (
          insert into record_changes (entity_type, entity_id, action, changes, actor_id, request_id, at)
          select 'account', ins.id, 'create', jsonb_build_object('domain', jsonb_build_object('from', null, 'to', ins.domain)), ${input.userId}::uuid, ${input.requestId}, ${now}::timestamptz
          from ins),
        upd as (
          update domain_set_entries e set account_id = ins.id, match_method = 'domain_exact', confidence = 1, review_status = 'confirmed', updated_at = now()
          from ins where e.set_id = ${input.id}::uuid and e.kind = 'domain' and e.domain = ins.domain
          returning 1)
        select (select count(*) from ins)::int as created, (select count(*) from upd)::int as matched`,
  );
  await matchDomainSet(deps.db, input.id);
  return { created: Number(row?.created ?? 0), matched: Number(row?.matched ?? 0) };
}
