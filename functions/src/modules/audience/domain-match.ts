// Matches a domain set's entries to live accounts, set-based: domains by one UPDATE … FROM
// (the exact host, then its registrable parent); company names by one candidate query — pg_trgm's
// word similarity over the trigram-indexed account names when the extension is installed, a
// word search otherwise — ranked here on the normalized name keys, then one UPDATE for all.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { queryOne, queryRows } from '../../db/rows';
import { companyNameKey, trigramSimilarity } from './company-name';

/** Below this key similarity a name is left unmatched (the report lists it for a person to decide). */
export const NAME_MATCH_THRESHOLD = 0.55;
const CANDIDATES_PER_NAME = 8;

export type TrigramMode = 'auto' | 'js';

interface Candidate extends Record<string, unknown> {
  entry_id: number;
  account_id: string;
  name: string;
}

interface NameMatch {
  entryId: number;
  accountId: string;
  method: 'name_exact' | 'name_similar';
  confidence: number;
}

export async function hasPgTrgm(db: Database): Promise<boolean> {
  const row = await queryOne<{ ok: boolean }>(db, sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`);
  return row?.ok === true;
}

/** Domain entries: the account whose domain is the host (exact, confirmed) or the host's registrable parent (suggested). */
async function matchDomains(db: Database, setId: string): Promise<void> {
  await db.execute(sql`
    update domain_set_entries e
    set account_id = a.id,
        match_method = case when e.host = a.domain then 'domain_exact' else 'domain_parent' end,
        confidence = case when e.host = a.domain then 1 else 0.9 end,
        review_status = case when e.host = a.domain then 'confirmed' else 'suggested' end,
        updated_at = now()
    from accounts a
    where e.set_id = ${setId}::uuid and e.kind = 'domain' and e.account_id is null and e.review_status <> 'rejected'
      and a.domain = e.domain and a.deleted_at is null`);
}

/** Up to CANDIDATES_PER_NAME live accounts per name entry whose name resembles it. */
async function nameCandidates(db: Database, entries: Array<{ id: number; key: string; raw: string }>, mode: TrigramMode): Promise<Candidate[]> {
  const ids = sql.param(entries.map((e) => e.id));
  const keys = sql.param(entries.map((e) => e.key));
  const raws = sql.param(entries.map((e) => e.raw.toLowerCase()));
  if (mode === 'auto' && (await hasPgTrgm(db))) {
    // `<%` is word similarity (GIN-indexed on lower(name)): "acme" finds "Acme Corporation". The raw
    // text is probed too, so accented names meet their accented accounts.
    return queryRows<Candidate>(
      db,
      sql`select e.id as entry_id, c.id as account_id, c.name
          from unnest(${ids}::bigint[], ${keys}::text[], ${raws}::text[]) as e(id, key, raw)
          cross join lateral (
            select a.id, a.name from accounts a
            where a.deleted_at is null and (e.key <% lower(a.name) or e.raw <% lower(a.name))
            order by greatest(word_similarity(e.key, lower(a.name)), word_similarity(e.raw, lower(a.name))) desc, a.id
            limit ${CANDIDATES_PER_NAME}
          ) c`,
    );
  }
  // Without pg_trgm: accounts whose name holds the entry's longest word; ranked below in JS.
  const words = sql.param(entries.map((e) => `%${[...e.key.split(' ')].sort((x, y) => y.length - x.length)[0]!.replace(/[\\%_]/g, '\\$&')}%`));
  return queryRows<Candidate>(
    db,
    sql`select e.id as entry_id, c.id as account_id, c.name
        from unnest(${ids}::bigint[], ${words}::text[]) as e(id, word)
        cross join lateral (
          select a.id, a.name from accounts a where a.deleted_at is null and lower(a.name) like e.word order by length(a.name), a.id limit ${CANDIDATES_PER_NAME * 4}
        ) c`,
  );
}

/** The best candidate of each entry by its name key: equal keys first, then trigram similarity. */
export function rankNameCandidates(entries: Array<{ id: number; key: string }>, candidates: Candidate[]): NameMatch[] {
  const keyOf = new Map(entries.map((e) => [Number(e.id), e.key]));
  const best = new Map<number, NameMatch>();
  for (const c of candidates) {
    const entryId = Number(c.entry_id);
    const key = keyOf.get(entryId);
    const accountKey = companyNameKey(c.name);
    if (!key || !accountKey) continue;
    const exact = key === accountKey;
    const similarity = exact ? 1 : trigramSimilarity(key, accountKey);
    if (!exact && similarity < NAME_MATCH_THRESHOLD) continue;
    const match: NameMatch = {
      entryId,
      accountId: c.account_id,
      method: exact ? 'name_exact' : 'name_similar',
      // A name is weaker evidence than a domain; an equal key still leaves room for namesakes.
      confidence: Math.round((exact ? 0.85 : 0.8 * similarity) * 100) / 100,
    };
    const current = best.get(entryId);
    if (!current || match.confidence > current.confidence) best.set(entryId, match);
  }
  return [...best.values()];
}

async function matchNames(db: Database, setId: string, mode: TrigramMode): Promise<void> {
  const entries = (
    await queryRows<{ id: number; key: string; raw: string }>(
      db,
      sql`select id, name_key as key, raw from domain_set_entries
          where set_id = ${setId}::uuid and kind = 'name' and account_id is null and review_status <> 'rejected' and name_key is not null`,
    )
  ).map((e) => ({ ...e, id: Number(e.id) }));
  if (entries.length === 0) return;
  const matches = rankNameCandidates(entries, await nameCandidates(db, entries, mode));
  if (matches.length === 0) return;
  // One UPDATE for every name match of the set.
  await db.execute(sql`
    update domain_set_entries e
    set account_id = m.account_id, match_method = m.method, confidence = m.confidence, review_status = 'suggested', updated_at = now()
    from unnest(${sql.param(matches.map((m) => m.entryId))}::bigint[], ${sql.param(matches.map((m) => m.accountId))}::uuid[],
                ${sql.param(matches.map((m) => m.method))}::text[], ${sql.param(matches.map((m) => m.confidence))}::real[]) as m(id, account_id, method, confidence)
    where e.id = m.id and e.set_id = ${setId}::uuid`);
}

/** Matches the set's unmatched, unrejected entries (domains first, then names). */
export async function matchDomainSet(db: Database, setId: string, options: { trigram?: TrigramMode } = {}): Promise<void> {
  await matchDomains(db, setId);
  await matchNames(db, setId, options.trigram ?? 'auto');
}
