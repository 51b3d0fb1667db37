// Creates or drops the throwaway database the integration suite runs against in CI.
// Usage: node scripts/ci-database.mjs create|drop NAME   (server from PGHOST_URL, default local)
import pg from 'pg';

const [action, name] = process.argv.slice(2);
const server = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!['create', 'drop'].includes(action) || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: node scripts/ci-database.mjs create|drop NAME (lower-case letters, digits, _)');
  process.exit(2);
}
const client = new pg.Client({ connectionString: server });
await client.connect();
if (action === 'create') {
  await client.query(`CREATE DATABASE ${name}`);
} else {
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  // Per-file test databases left behind by an interrupted run.
  const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'pivotal_test_%'`);
  for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
}
await client.end();
