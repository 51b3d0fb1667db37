// The benches' own database on the server they are pointed at, made on first use so a bench
// never writes into the database the server's URL names.
import pg from 'pg';

/** Creates `pivotal_bench` on the server when it is missing and returns its URL. */
export async function ensureBenchDatabase(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = '/pivotal_bench';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'pivotal_bench'`);
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE pivotal_bench');
  await admin.end();
  return url.toString();
}
