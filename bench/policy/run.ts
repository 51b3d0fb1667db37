// `npm run bench:policy`: the contact gate's preview on 1,000,000 contacts and 10,000,000 touches.
// Needs DATABASE_URL (a PostgreSQL server); uses a throwaway database `pivotal_bench_policy`
// there, seeded once (contacts, accounts, ten touches a contact over 90 days) and reused. For
// audiences of 10,000 and 100,000 contacts it times the preview (counts by exclusion reason, no
// writes) on email and on phone under a realistic policy, and the same statement with an empty
// policy (the compliance guard alone) as the baseline, and prints p50/p95 and their ratio.
// Target: a 100k audience previews in p95 < 500 ms.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { GateChannel, PolicyRules } from '../../shared/contracts/activity';
import { openDatabase } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { queryOne } from '../../functions/src/db/rows';
import { previewAudience, savePolicy } from '../../functions/src/modules/activity';
import { seedDatabase } from '../../scripts/seed';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CONTACTS = 1_000_000;
const ACCOUNTS = 100_000;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);

/** What an agency sets: 3 emails a week, 2 call attempts a day, 6 touches a month; 90 quiet days after "not interested"; account caps. */
const POLICY: PolicyRules = {
  limits: [
    { channel: 'email', max: 3, windowHours: 168 },
    { channel: 'call', max: 2, windowHours: 24 },
    { channel: 'any', max: 6, windowHours: 720 },
  ],
  quietPeriods: [{ channel: 'call', outcome: null, disposition: 'not_interested', hours: 2160 }],
  accountCaps: [
    { mode: 'connected', max: 20, windowHours: 720 },
    { mode: 'positive', max: 5, windowHours: 2160 },
    { mode: 'queue', max: 10, windowHours: 24 },
  ],
};

async function benchUrl(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = 'pivotal_bench_policy'`);
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE pivotal_bench_policy');
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = '/pivotal_bench_policy';
  return url.toString();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    process.stderr.write('  ✖ bench:policy needs DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/postgres).\n');
    process.exit(1);
  }
  const handle = await openDatabase({ kind: 'url', url: await benchUrl(serverUrl), poolMax: 2 });
  try {
    await migrateDatabase(handle);
    const counts = await queryOne<{ contacts: number; touches: number }>(
      handle.db,
      sql`select (select count(*)::int from contacts) as contacts, (select count(*)::int from touches) as touches`,
    );
    if (Number(counts?.contacts ?? 0) < CONTACTS) {
      if (Number(counts?.contacts ?? 0) > 0) throw new Error('pivotal_bench_policy is partly seeded: DROP DATABASE pivotal_bench_policy and run again.');
      process.stdout.write(`  seeding pivotal_bench_policy: ${CONTACTS.toLocaleString('en')} contacts, ${ACCOUNTS.toLocaleString('en')} accounts, 10 touches each…\n`);
      const report = await seedDatabase(handle, { contacts: CONTACTS, accounts: ACCOUNTS, seed: 42, touchesPerContact: 10 }, (line) => process.stdout.write(`    ${line}\n`));
      process.stdout.write(`  seeded in ${report.seconds.toFixed(0)} s\n`);
    } else {
      process.stdout.write(`  pivotal_bench_policy holds ${Number(counts!.contacts).toLocaleString('en')} contacts and ${Number(counts!.touches).toLocaleString('en')} touches: reusing it\n`);
    }
    process.stdout.write(`  load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${os.cpus().length} CPUs; ${ITERATIONS} runs a case\n`);

    // Two versions side by side: the empty policy (baseline: the guard alone) and the realistic one.
    await handle.exec('delete from contact_policy_versions');
    await savePolicy(handle.db, { update: { rules: { limits: [], quietPeriods: [], accountCaps: [] }, basedOn: 0 }, actorId: null, at: new Date() });
    await savePolicy(handle.db, { update: { rules: POLICY, basedOn: 1 }, actorId: null, at: new Date() });

    const at = new Date();
    process.stdout.write('\n  | audience | channel | admitted | gate p50 | gate p95 | guard-only p50 | ratio (p50) |\n  |---|---|---|---|---|---|---|\n');
    for (const size of [10_000, 100_000]) {
      // A realistic audience, kept in a table as a saved list is: every n-th contact, so it spans
      // accounts, countries and zones.
      const table = `bench_audience_${size}`;
      await handle.exec(`drop table if exists ${table}; create unlogged table ${table} (id uuid primary key);
        insert into ${table} select id from (select id, row_number() over (order by id) as n from contacts) x where x.n % ${Math.floor(CONTACTS / size)} = 0 limit ${size};
        analyze ${table};`);
      const audience = { kind: 'query' as const, sql: sql`select id from ${sql.raw(table)}` };
      for (const channel of ['email', 'phone'] as GateChannel[]) {
        let admitted = 0;
        const gate = await time(async () => {
          admitted = (await previewAudience(handle.db, audience, { channel, at, policyVersion: 2 })).admitted;
        });
        const base = await time(() => previewAudience(handle.db, audience, { channel, at, policyVersion: 1 }));
        process.stdout.write(
          `  | ${size.toLocaleString('en')} | ${channel} | ${admitted.toLocaleString('en')} | ${gate.p50.toFixed(0)} ms | ${gate.p95.toFixed(0)} ms | ${base.p50.toFixed(0)} ms | ${(gate.p50 / base.p50).toFixed(2)} |\n`,
        );
      }
    }
    process.stdout.write('\n  target: 100,000 audience p95 < 500 ms\n');
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`  ✖ ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
