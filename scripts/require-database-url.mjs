// The integration suite runs against a real PostgreSQL server: refuse to run without one.
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres); each test file creates and drops its own database there.');
  process.exit(1);
}
