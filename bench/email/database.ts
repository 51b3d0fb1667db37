// The email bench's own database, `pivotal_bench_email`, on the server DATABASE_URL names: a copy
// of `pivotal_bench_policy` when nobody is connected to it (a template copy needs that), else
// seeded here with 1,000,000 contacts, 100,000 accounts and two touches a contact (the gate reads
// touches; the email bench does not need the policy bench's ten). Migrated on every run, so the
// email tables exist however the copy was made.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { queryOne } from '../../functions/src/db/rows';
import { seedDatabase } from '../../scripts/seed';

export const BENCH_DATABASE = 'pivotal_bench_email';
export const CONTACTS = 1_000_000;
const ACCOUNTS = 100_000;

async function createDatabase(serverUrl: string, log: (line: string) => void): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [BENCH_DATABASE]);
    if (exists.rowCount !== 0) return;
    const template = await admin.query<{ others: number }>(
      `select (select count(*)::int from pg_stat_activity where datname = 'pivotal_bench_policy') as others
        where exists (select 1 from pg_database where datname = 'pivotal_bench_policy')`,
    );
    if (template.rowCount === 1 && template.rows[0]!.others === 0) {
      try {
        await admin.query(`CREATE DATABASE ${BENCH_DATABASE} TEMPLATE pivotal_bench_policy`);
        log(`copied pivotal_bench_policy into ${BENCH_DATABASE}`);
        return;
      } catch (error) {
        log(`could not copy pivotal_bench_policy (${(error as Error).message}): seeding instead`);
      }
    }
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
}

/** Opens the bench database, creating, migrating and seeding it as needed. */
export async function openBenchDatabase(serverUrl: string, log: (line: string) => void, poolMax = 8): Promise<DatabaseHandle> {
  await createDatabase(serverUrl, log);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const handle = await openDatabase({ kind: 'url', url: url.toString(), poolMax });
  await migrateDatabase(handle);
  const counts = await queryOne<{ contacts: number }>(handle.db, sql`select count(*)::int as contacts from contacts`);
  const contacts = Number(counts?.contacts ?? 0);
  if (contacts < CONTACTS) {
    if (contacts > 0) throw new Error(`${BENCH_DATABASE} is partly seeded: DROP DATABASE ${BENCH_DATABASE} and run again.`);
    log(`seeding ${BENCH_DATABASE}: ${CONTACTS.toLocaleString('en')} contacts, ${ACCOUNTS.toLocaleString('en')} accounts, 2 touches each…`);
    const report = await seedDatabase(handle, { contacts: CONTACTS, accounts: ACCOUNTS, seed: 42, touchesPerContact: 2 }, (line) => log(`  ${line}`));
    log(`seeded in ${report.seconds.toFixed(0)} s`);
  } else {
    log(`${BENCH_DATABASE} holds ${contacts.toLocaleString('en')} contacts: reusing it`);
  }
  return handle;
}
