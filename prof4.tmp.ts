import { performance } from 'node:perf_hooks';
import pg from 'pg';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/prof_imp' });
await c.connect();
const N = 10000;
await c.query("SET gin_pending_list_limit = '64MB'");
for (let k = 0; k < 3; k++) {
  const emails = Array.from({ length: N }, (_, i) => `plainc${k}_${i}@example${i % 1000}.com`);
  const names = Array.from({ length: N }, (_, i) => `Name ${i} Person`);
  const titles = Array.from({ length: N }, (_, i) => `Title ${i % 300}`);
  let t = performance.now();
  await c.query(`INSERT INTO contacts (email, full_name, job_title) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [emails, names, titles]);
  console.log('plain insert', (performance.now() - t).toFixed(0));
  const e2 = emails.map((e) => e.replace('plain', 'confc'));
  t = performance.now();
  await c.query(`INSERT INTO contacts (email, full_name, job_title) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (email) WHERE deleted_at IS NULL AND email IS NOT NULL DO NOTHING`, [e2, names, titles]);
  console.log('on confclict insert', (performance.now() - t).toFixed(0));
}
await c.query(`SET LOCAL synchronous_commit = off`);
console.log((await c.query('select count(*) from contacts')).rows);
await c.end();
