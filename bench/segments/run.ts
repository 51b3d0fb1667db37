// `npm run bench:segments`: segment preview latency on 1,000,000 contacts and 100,000 accounts.
// Needs DATABASE_URL (a PostgreSQL server); uses the `pivotal_bench` database bench:lists seeds
// (seeding it first when it is missing). It adds a domain set of 2,000 account domains, a static
// list, and suppression entries (20,000 addresses, 100 domains, 5,000 numbers), then times
// previews of segments with 3–5 criteria — each with a domain-set and a suppression criterion —
// through the service (compile, page and count side by side, row views) against the very same
// statements run straight on pg clients (JIT and parallel workers off on both), and prints p50/p95 and their ratio.
// Target: p95 < 300 ms.
// Everything it added is removed at the end.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { EXACT_COUNT_CAP } from '../../shared/contracts/accounts';
import type { FilterGroup } from '../../shared/contracts/filters';
import { openDatabase } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { queryOne } from '../../functions/src/db/rows';
import { contacts } from '../../functions/src/db/schema';
import { countStatements } from '../../functions/src/records/list-records';
import { createDomainSet, deleteDomainSet } from '../../functions/src/modules/audience';
import { addContactsToList, createList } from '../../functions/src/modules/audience';
import { compileSegment, previewSegment } from '../../functions/src/modules/audience';
import { seedDatabase } from '../../scripts/seed';
import { ensureBenchDatabase } from '../bench-database';
import { percentile } from '../percentile';
import { moduleHooks } from '../../functions/src/composition';

const CONTACTS = 1_000_000;
const ACCOUNTS = 100_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const PAGE_SIZE = 50;
const TARGET_P95_MS = 300;
const SOURCE = 'bench:segments';

const where = (...conditions: FilterGroup['conditions']): FilterGroup => ({ type: 'and', conditions });

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  process.stdout.write(`  ${label}: ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return value;
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('  ✖ bench:segments needs DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres).\n');
    process.exit(1);
  }
  const url = await ensureBenchDatabase(serverUrl);
  const handle = await openDatabase({ kind: 'url', url, poolMax: 4 });
  const deps = { db: handle.db, now: () => new Date(), hooks: moduleHooks };
  const raw = new pg.Client({ connectionString: url });
  const raw2 = new pg.Client({ connectionString: url });
  await Promise.all([raw.connect(), raw2.connect()]);
  // The service runs segment statements with JIT and parallel workers off (withoutJit in db/planner-settings.ts); so does the baseline.
  await Promise.all([raw, raw2].map((client) => client.query('set jit = off; set max_parallel_workers_per_gather = 0')));
  let setId: string | null = null;
  let listId: string | null = null;
  try {
    await migrateDatabase(handle);
    const n = Number((await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from contacts`))?.n ?? 0);
    if (n < CONTACTS) {
      if (n > 0) throw new Error(`pivotal_bench holds ${n} contacts, fewer than ${CONTACTS}: drop it and run again.`);
      await seedDatabase(handle, { contacts: CONTACTS, accounts: ACCOUNTS, seed: 42 }, (line) => process.stdout.write(`    ${line}\n`));
    } else {
      // What autovacuum would do (it can be off on a bench server): fresh statistics, the visibility map set.
      for (const table of ['accounts', 'contacts']) await handle.exec(`VACUUM (ANALYZE) ${table}`);
    }
    process.stdout.write(`  pivotal_bench: ${Math.max(n, CONTACTS).toLocaleString('en')} contacts; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} CPUs\n`);

    // ── fixtures ─────────────────────────────────────────────────────────────────────────────
    await handle.exec(`delete from suppressions where source = '${SOURCE}'`);
    await timed('suppressions (20,000 addresses, 100 domains, 5,000 numbers)', async () => {
      await handle.exec(`
        insert into suppressions (type, value, reason, source)
        select 'email', email, 'unsubscribe', '${SOURCE}' from contacts where email is not null and deleted_at is null order by id limit 20000
        on conflict do nothing;
        insert into suppressions (type, value, reason, source)
        select 'domain', domain, 'client_request', '${SOURCE}' from accounts where domain is not null order by id desc limit 100
        on conflict do nothing;
        insert into suppressions (type, value, reason, source)
        select 'phone', direct_phone, 'dnc_registry', '${SOURCE}' from contacts where direct_phone is not null order by id desc limit 5000
        on conflict do nothing;`);
    });
    const domains = await raw.query<{ domain: string }>(`select domain from accounts where domain is not null and deleted_at is null order by md5(id::text) limit 2000`);
    // Decorated the way people paste them: URLs, addresses, www., upper case.
    const text = domains.rows
      .map((r, i) => (i % 4 === 0 ? `https://www.${r.domain}/about` : i % 4 === 1 ? `info@${r.domain}` : i % 4 === 2 ? r.domain.toUpperCase() : r.domain))
      .join('\n');
    const report = await timed('domain set of 2,000 lines: parse, insert, match', () =>
      createDomainSet(deps, { request: { name: `Bench targets ${Date.now()}`, text }, userId: null }),
    );
    setId = report.set.id;
    process.stdout.write(`    ${report.matched.length} matched, ${report.unmatched.length} unmatched, ${report.contactCount.toLocaleString('en')} contacts at matched accounts\n`);
    const list = await createList(deps, { request: { name: `Bench list ${Date.now()}` }, userId: null });
    listId = list.id;
    const added = await timed('static list: add every contact in DE by filter (one INSERT … SELECT)', () =>
      addContactsToList(handle.db, list.id, { filter: where({ field: 'country', op: 'eq', value: 'DE' }) }),
    );
    process.stdout.write(`    ${added.added.toLocaleString('en')} members\n`);
    // What autovacuum would do after such writes (and may not: it can be off on a bench server):
    // fresh statistics, dead rows of earlier runs gone, the visibility map set for index-only scans.
    for (const table of ['suppressions', 'static_list_members', 'domain_set_entries']) await handle.exec(`VACUUM (ANALYZE) ${table}`);

    const cases: Array<{ name: string; filter: FilterGroup }> = [
      {
        name: '3: set + not email-suppressed + seniority',
        filter: where(
          { field: 'accountInDomainSet', op: 'eq', value: setId },
          { field: 'emailSuppressed', op: 'eq', value: false },
          { field: 'seniority', op: 'in', value: ['VP', 'Director'] },
        ),
      },
      {
        name: '5: set + email ok + country + consent + title',
        filter: where(
          { field: 'accountInDomainSet', op: 'eq', value: setId },
          { field: 'emailSuppressed', op: 'eq', value: false },
          { field: 'country', op: 'in', value: ['US', 'GB'] },
          { field: 'emailConsent', op: 'neq', value: 'opted_out' },
          { field: 'jobTitle', op: 'contains', value: 'market' },
        ),
      },
      {
        name: '4: list + set or C-level + phone ok',
        filter: where(
          { field: 'inList', op: 'eq', value: listId },
          { type: 'or', conditions: [{ field: 'accountInDomainSet', op: 'eq', value: setId }, { field: 'seniority', op: 'eq', value: 'C-Level' }] },
          { field: 'phoneSuppressed', op: 'eq', value: false },
        ),
      },
      {
        name: '4: not in list + set + confidence + email ok',
        filter: where(
          { field: 'inList', op: 'neq', value: listId },
          { field: 'accountInDomainSet', op: 'in', value: [setId] },
          { field: 'emailConfidence', op: 'gt', value: 80 },
          { field: 'emailSuppressed', op: 'eq', value: false },
        ),
      },
      {
        name: '3: not in set + suppressed + US',
        filter: where(
          { field: 'accountInDomainSet', op: 'neq', value: setId },
          { field: 'emailSuppressed', op: 'eq', value: true },
          { field: 'country', op: 'eq', value: 'US' },
        ),
      },
    ];

    // The service's statements, straight on two pg connections: the page beside the capped count
    // (and the planner's estimate above the cap), as the preview runs them.
    const dialect = new PgDialect();
    const rawRun = async (filter: FilterGroup): Promise<number> => {
      const condition = compileSegment(filter);
      const page = handle.db.select().from(contacts).where(condition).orderBy(sql`${contacts.createdAt} desc`, sql`${contacts.id} desc`).limit(PAGE_SIZE).toSQL();
      const count = countStatements(contacts, condition);
      const capped = dialect.sqlToQuery(count.capped);
      const estimate = dialect.sqlToQuery(count.estimate);
      const started = performance.now();
      await Promise.all([
        raw.query(page.sql, page.params),
        raw2.query(capped.sql, capped.params).then(async (r) => {
          if ((r.rows[0] as { n: number }).n > EXACT_COUNT_CAP) await raw2.query(estimate.sql, estimate.params);
        }),
      ]);
      return performance.now() - started;
    };
    // BENCH_EXPLAIN=1 prints each case's page and count plans (EXPLAIN ANALYZE, buffers).
    const explain = async (name: string, filter: FilterGroup): Promise<void> => {
      const condition = compileSegment(filter);
      const page = handle.db.select().from(contacts).where(condition).orderBy(sql`${contacts.createdAt} desc`, sql`${contacts.id} desc`).limit(PAGE_SIZE).toSQL();
      const capped = dialect.sqlToQuery(countStatements(contacts, condition).capped);
      for (const [label, q] of [['page', page], ['count', capped]] as const) {
        const plan = await raw.query(`explain (analyze, buffers) ${q.sql}`, q.params);
        process.stdout.write(`\n  ${name} — ${label}\n${plan.rows.map((r) => `    ${(r as Record<string, string>)['QUERY PLAN']}`).join('\n')}\n`);
      }
    };
    const serviceRun = async (filter: FilterGroup): Promise<{ ms: number; count: number; exact: boolean }> => {
      const started = performance.now();
      const preview = await previewSegment(deps, { filter, limit: PAGE_SIZE });
      return { ms: performance.now() - started, count: preview.count, exact: preview.exact };
    };

    const pad = (s: string, width: number) => s.padEnd(width);
    const num = (v: number) => v.toFixed(1).padStart(8);
    const header = `${pad('segment (criteria)', 46)} ${pad('matching', 10)} ${'prev p50'.padStart(8)} ${'prev p95'.padStart(8)} ${'SQL p50'.padStart(8)} ${'SQL p95'.padStart(8)} ${'ratio'.padStart(6)}`;
    process.stdout.write(`\n  segment preview (count + first ${PAGE_SIZE}), ${ITERATIONS} runs each, times in ms (ratio = preview p50 / SQL p50)\n\n  ${header}\n  ${'-'.repeat(header.length)}\n`);
    let worst = 0;
    for (const c of cases) {
      if (process.env.BENCH_EXPLAIN) await explain(c.name, c.filter);
      const first = await serviceRun(c.filter);
      await rawRun(c.filter);
      const service: number[] = [];
      const rawTimes: number[] = [];
      // Alternate so both paths see the same cache state.
      for (let i = 0; i < ITERATIONS; i++) {
        service.push((await serviceRun(c.filter)).ms);
        rawTimes.push(await rawRun(c.filter));
      }
      const p95 = percentile(service, 95);
      worst = Math.max(worst, p95);
      const matching = `${first.exact ? '' : '~'}${first.count.toLocaleString('en')}`;
      process.stdout.write(
        `  ${pad(c.name, 46)} ${pad(matching, 10)} ${num(percentile(service, 50))} ${num(p95)} ${num(percentile(rawTimes, 50))} ${num(percentile(rawTimes, 95))} ${(percentile(service, 50) / percentile(rawTimes, 50)).toFixed(2).padStart(6)}\n`,
      );
    }
    process.stdout.write(`\n  worst preview p95 ${worst.toFixed(1)} ms (target < ${TARGET_P95_MS}): ${worst < TARGET_P95_MS ? 'met' : 'MISSED'}\n`);
    process.stdout.write(`  load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}\n\n`);
  } finally {
    if (setId) await deleteDomainSet(deps, setId).catch(() => undefined);
    // The bench's own rows go (soft-deleted sets and lists are purged, members and entries with them).
    await handle.exec(`delete from suppressions where source = '${SOURCE}'`);
    if (listId) await handle.exec(`delete from static_lists where id = '${listId}'`);
    if (setId) await handle.exec(`delete from domain_sets where id = '${setId}'`);
    for (const table of ['suppressions', 'static_list_members', 'domain_set_entries']) await handle.exec(`VACUUM (ANALYZE) ${table}`).catch(() => undefined);
    await Promise.all([raw.end(), raw2.end()]);
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`  ✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
