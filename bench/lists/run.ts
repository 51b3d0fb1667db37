// `npm run bench:lists`: list-endpoint latency on 1,000,000 contacts and 100,000 accounts.
// Needs DATABASE_URL (a PostgreSQL server); uses a throwaway database `pivotal_bench` on it,
// seeded once and reused. For ten typical filters and for search it times the first page and a
// deep cursor page through the local gateway (HTTP on a kept-alive connection, real access token,
// the stack started in this process; timed to the response's last byte by a minimal client), then
// runs the very same SQL statements the endpoint runs (the page built as JSON; the total, a
// search's in its transaction) straight on pg clients, and prints p50/p95 of both and their ratio,
// and beside them the same request's p50 through node:http.
// Targets: p95 < 100 ms, API/raw < 1.5.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { CONTACT_SORT_KEYS, EXACT_COUNT_CAP, contactListQuerySchema, type ContactListResponse } from '../../shared/contracts/accounts';
import { encodeFilter, type FilterGroup } from '../../shared/contracts/filters';
import { openDatabase } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { queryOne } from '../../functions/src/db/rows';
import { contacts } from '../../functions/src/db/schema';
import { contactJsonPageStatement, countStatements, isIndexedSearch } from '../../functions/src/records/list-records';
import { settingsScript } from '../../functions/src/db/planner-settings';
import { findUserByLogin } from '../../functions/src/modules/identity';
import { issueAccessToken } from '../../functions/src/modules/identity';
import { createUser } from '../../functions/src/modules/identity';
import { startLocalStack } from '../../infra/local/stack';
import { seedDatabase } from '../../scripts/seed';
import { WireClient } from './wire-client';
import { ensureBenchDatabase } from '../bench-database';
import { percentile } from '../percentile';

// Node 20 is supported (README); the SDK's notice about its future Node 22 floor is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CONTACTS = 1_000_000;
const ACCOUNTS = 100_000;
// A cheap page takes a few milliseconds: 100 runs keep its p50 steady on a busy machine.
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const DEEP_PAGES = 20;
const PAGE_SIZE = 50;

interface Case {
  name: string;
  filter?: FilterGroup;
  q?: string;
  sort?: (typeof CONTACT_SORT_KEYS)[number];
  order?: 'asc' | 'desc';
}

const where = (...conditions: FilterGroup['conditions']): FilterGroup => ({ type: 'and', conditions });
const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const CASES: Case[] = [
  { name: 'no filter (newest first)' },
  { name: 'country = DE', filter: where({ field: 'country', op: 'eq', value: 'DE' }) },
  { name: 'seniority in VP, Director', filter: where({ field: 'seniority', op: 'in', value: ['VP', 'Director'] }) },
  { name: 'job title contains "marketing"', filter: where({ field: 'jobTitle', op: 'contains', value: 'marketing' }) },
  {
    name: 'email valid and country in US, CA',
    filter: where({ field: 'emailStatus', op: 'eq', value: 'valid' }, { field: 'country', op: 'in', value: ['US', 'CA'] }),
  },
  { name: 'created in the last 30 days', filter: where({ field: 'createdAt', op: 'after', value: days(30) }) },
  { name: 'email confidence > 95', filter: where({ field: 'emailConfidence', op: 'gt', value: 95 }) },
  {
    name: 'C-level in marketing or sales',
    filter: where({ field: 'seniority', op: 'eq', value: 'C-Level' }, { type: 'or', conditions: [{ field: 'jobFunction', op: 'eq', value: 'Executive' }, { field: 'jobTitle', op: 'contains', value: 'marketing' }] }),
  },
  { name: 'account domain = (one account)', filter: where({ field: 'accountDomain', op: 'eq', value: '' }) },
  { name: 'GB by last name (A→Z)', filter: where({ field: 'country', op: 'eq', value: 'GB' }), sort: 'lastName', order: 'asc' },
  { name: 'search: a last name', q: '' },
  { name: 'search: phone digits', q: '' },
];

async function ensureSeeded(url: string): Promise<void> {
  const handle = await openDatabase({ kind: 'url', url, poolMax: 4 });
  try {
    await migrateDatabase(handle);
    const n = Number((await queryOne<{ n: number }>(handle.db, sql`select count(*)::int as n from contacts`))?.n ?? 0);
    if (n >= CONTACTS) {
      process.stdout.write(`  pivotal_bench already holds ${n.toLocaleString('en')} contacts: reusing it\n`);
      // Fresh statistics (a newer migration may have added some) and visibility map.
      for (const table of ['accounts', 'contacts', 'suppressions']) await handle.exec(`VACUUM (ANALYZE) ${table}`);
      return;
    }
    if (n > 0) throw new Error(`pivotal_bench holds ${n} contacts, fewer than ${CONTACTS}: drop it (DROP DATABASE pivotal_bench) and run again.`);
    process.stdout.write(`  seeding pivotal_bench with ${CONTACTS.toLocaleString('en')} contacts and ${ACCOUNTS.toLocaleString('en')} accounts…\n`);
    const report = await seedDatabase(handle, { contacts: CONTACTS, accounts: ACCOUNTS, seed: 42 }, (line) => process.stdout.write(`    ${line}\n`));
    process.stdout.write(`  seeded in ${report.seconds.toFixed(0)} s\n`);
  } finally {
    await handle.close();
  }
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('  ✖ bench:lists needs DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres).\n');
    process.exit(1);
  }
  const benchUrl = await ensureBenchDatabase(serverUrl);
  await ensureSeeded(benchUrl);

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-bench-'));
  const stack = await startLocalStack({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    // The bench reads far more pages a minute than any person: lift the per-user row budget.
    env: { DATABASE_URL: benchUrl, LOG_LEVEL: 'SILENT', DB_POOL_MAX: '4', RATE_LIMIT_ROWS_PER_MINUTE: '1000000000' },
    spa: 'none',
    ephemeral: true,
  });
  const stoppers: Array<() => void> = [];
  const raw = new pg.Client({ connectionString: benchUrl });
  const raw2 = new pg.Client({ connectionString: benchUrl });
  await Promise.all([raw.connect(), raw2.connect()]);
  try {
    // A real user and a real access token from the local issuer.
    let user = await findUserByLogin(stack.deps.db, 'bench.runner');
    if (!user) {
      await createUser(stack.deps, {
        request: {
          username: 'bench.runner',
          email: 'bench.runner@bench.local',
          firstName: 'Bench',
          lastName: 'Runner',
          password: randomBytes(18).toString('base64url'),
          roles: ['campaign_manager'],
          mustChangePassword: false,
        },
        context: { userId: null, requestId: null },
      });
      user = (await findUserByLogin(stack.deps.db, 'bench.runner'))!;
    }
    const { accessToken } = await issueAccessToken(stack.deps, { id: user.id, roles: ['campaign_manager'], orgId: null, tokenVersion: user.tokenVersion, sessionId: null });

    // Values that exist in the seeded data, picked the same way each run.
    const sample = await raw.query<{ last_name: string; direct_phone: string; domain: string }>(
      `select c.last_name, c.direct_phone, a.domain from contacts c join accounts a on a.id = c.account_id
       where c.direct_phone is not null and c.deleted_at is null order by c.id limit 1 offset 4242`,
    );
    const big = await raw.query<{ domain: string }>(
      `select a.domain from accounts a join contacts c on c.account_id = a.id group by a.domain order by count(*) desc limit 1`,
    );
    for (const c of CASES) {
      if (c.name.startsWith('account domain')) c.filter = where({ field: 'accountDomain', op: 'eq', value: big.rows[0]!.domain });
      if (c.name === 'search: a last name') c.q = sample.rows[0]!.last_name.toLowerCase();
      if (c.name === 'search: phone digits') c.q = sample.rows[0]!.direct_phone.slice(-7);
    }

    const dialect = new PgDialect();
    const authorization = `Bearer ${accessToken}`;
    // Timed: a minimal client on one kept-alive connection, as a browser holds one to the API.
    const wire = new WireClient(new URL(stack.url), { authorization });
    stoppers.push(() => wire.close());
    // Shown beside it: the same request through node:http, whose own work in this process (request
    // objects, response stream) lands in the API's time.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    stoppers.push(() => agent.destroy());
    const viaNodeHttp = (target: string) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        http
          .get(target, { agent, headers: { authorization } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              Buffer.concat(chunks).toString('utf8');
              resolve(performance.now() - started);
            });
            res.on('error', reject);
          })
          .on('error', reject);
      });
    const pathOf = (query: Record<string, string>) => `/api/contacts?${new URLSearchParams(query)}`;
    // The body is parsed only where the bench reads it (its garbage would land in the next timing).
    const api = async (query: Record<string, string>): Promise<{ ms: number; body: () => ContactListResponse }> => {
      const started = performance.now();
      const res = await wire.get(pathOf(query));
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`GET /api/contacts answered ${res.status}: ${res.text}`);
      return { ms, body: () => JSON.parse(res.text) as ContactListResponse };
    };
    // The endpoint's statements, run as raw SQL the way it runs them: the page (each contact built
    // as JSON with its account and suppression state) beside the total (first page only; two connections).
    const exec = (client: pg.Client, query: { sql: string; params: unknown[] }) => client.query(query.sql, query.params);
    const rawRun = async (query: Record<string, string>, firstPage: boolean): Promise<number> => {
      const input = contactListQuerySchema.parse(query);
      const built = contactJsonPageStatement(input);
      const page = dialect.sqlToQuery(built.statement) as { sql: string; params: unknown[] };
      const count = countStatements(contacts, built.where, { search: isIndexedSearch(input.q) });
      const capped = dialect.sqlToQuery(count.capped) as { sql: string; params: unknown[] };
      const estimate = dialect.sqlToQuery(count.estimate) as { sql: string; params: unknown[] };
      const script = count.settings ? settingsScript(count.settings) : null;
      // A search's count runs as the endpoint runs it: BEGIN and its settings in one message, the
      // count, and a COMMIT that is not waited for.
      const countOf = async () => {
        if (!script) return exec(raw2, capped);
        await raw2.query(script);
        const result = await exec(raw2, capped);
        void raw2.query('commit').catch(() => undefined);
        return result;
      };
      const started = performance.now();
      await Promise.all([
        exec(raw, page),
        firstPage
          ? countOf().then(async (r) => {
              if ((r.rows[0] as { n: number }).n > EXACT_COUNT_CAP) await exec(raw2, estimate);
            })
          : null,
      ]);
      return performance.now() - started;
    };

    interface Line {
      name: string;
      page: string;
      apiP50: number;
      apiP95: number;
      nodeHttpP50: number;
      rawP50: number;
      rawP95: number;
      total: string;
    }
    const lines: Line[] = [];
    for (const c of CASES.filter((x) => !process.env.BENCH_ONLY || x.name.includes(process.env.BENCH_ONLY))) {
      const base: Record<string, string> = { limit: String(PAGE_SIZE) };
      if (c.filter) base.filter = encodeFilter(c.filter);
      if (c.q) base.q = c.q;
      if (c.sort) base.sort = c.sort;
      if (c.order) base.order = c.order;
      // Walk to a deep page once to get its cursor.
      const first = (await api(base)).body();
      let cursor = first.nextCursor;
      let reached = 1;
      while (cursor && reached < DEEP_PAGES) {
        cursor = (await api({ ...base, cursor })).body().nextCursor;
        reached += 1;
      }
      const pages: Array<[string, Record<string, string>]> = [['first', base]];
      if (cursor) pages.push([`page ${reached + 1}`, { ...base, cursor }]);
      for (const [label, query] of pages) {
        const firstPage = !query.cursor;
        const apiTimes: number[] = [];
        const nodeHttpTimes: number[] = [];
        const rawTimes: number[] = [];
        // Warm the paths, then alternate them so all see the same cache state.
        await api(query);
        await viaNodeHttp(`${stack.url}${pathOf(query)}`);
        await rawRun(query, firstPage);
        for (let i = 0; i < ITERATIONS; i++) {
          apiTimes.push((await api(query)).ms);
          rawTimes.push(await rawRun(query, firstPage));
          nodeHttpTimes.push(await viaNodeHttp(`${stack.url}${pathOf(query)}`));
        }
        const total = first.total;
        lines.push({
          name: c.name,
          page: label,
          apiP50: percentile(apiTimes, 50),
          apiP95: percentile(apiTimes, 95),
          nodeHttpP50: percentile(nodeHttpTimes, 50),
          rawP50: percentile(rawTimes, 50),
          rawP95: percentile(rawTimes, 95),
          total: total ? `${total.exact ? '' : '~'}${total.count.toLocaleString('en')}` : '',
        });
      }
    }

    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (n: number) => n.toFixed(1).padStart(7);
    const header = `${pad('query', 38)} ${pad('page', 8)} ${pad('matching', 10)} ${'API p50'.padStart(7)} ${'API p95'.padStart(7)} ${'SQL p50'.padStart(7)} ${'SQL p95'.padStart(7)} ${'ratio'.padStart(6)} ${'node:http p50'.padStart(13)}`;
    process.stdout.write(`\n  contacts list on ${CONTACTS.toLocaleString('en')} contacts, ${ITERATIONS} runs each, times in ms (ratio = API p50 / SQL p50; node:http p50: the same request through node:http's client)\n\n  ${header}\n  ${'-'.repeat(header.length)}\n`);
    let worstP95 = 0;
    let worstRatio = 0;
    for (const l of lines) {
      const ratio = l.apiP50 / l.rawP50;
      worstP95 = Math.max(worstP95, l.apiP95);
      worstRatio = Math.max(worstRatio, ratio);
      process.stdout.write(
        `  ${pad(l.name, 38)} ${pad(l.page, 8)} ${pad(l.total, 10)} ${num(l.apiP50)} ${num(l.apiP95)} ${num(l.rawP50)} ${num(l.rawP95)} ${ratio.toFixed(2).padStart(6)} ${num(l.nodeHttpP50).padStart(13)}\n`,
      );
    }
    process.stdout.write(
      `\n  worst API p95 ${worstP95.toFixed(1)} ms (target < 100): ${worstP95 < 100 ? 'met' : 'MISSED'}; worst ratio ${worstRatio.toFixed(2)} (target < 1.5): ${worstRatio < 1.5 ? 'met' : 'MISSED'}\n\n`,
    );
  } finally {
    for (const stop of stoppers) stop();
    await Promise.all([raw.end(), raw2.end()]);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`  ✖ ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
