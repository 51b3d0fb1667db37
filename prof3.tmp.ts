import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from './functions/src/db/connection';
import { migrateDatabase } from './functions/src/db/migrate';
import { prepareChunk } from './functions/src/modules/imports/process-chunk';
import { templateMapping } from './functions/src/modules/imports/profiles';
import { TEMPLATE_HEADERS } from './shared/csv/mapping-target';
import { withRawTransaction } from './functions/src/modules/imports/raw-sql';
import { findAccounts, insertAccounts, upsertContacts } from './functions/src/modules/imports/contact-upsert-sql';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect(); await admin.query('DROP DATABASE IF EXISTS prof_imp WITH (FORCE)'); await admin.query('CREATE DATABASE prof_imp'); await admin.end();
const h = await openDatabase({ kind: 'url', url: 'postgres://postgres@127.0.0.1:5432/prof_imp' });
await migrateDatabase(h);
await h.pool!.query(`INSERT INTO import_jobs (id, origin, status, file_name, object_key) VALUES ('00000000-0000-7000-8000-000000000001','upload','running','x','x')`);
const text = (await readFile('/tmp/p10k.csv', 'utf8'));
const body = text.slice(text.indexOf('\r\n') + 2);
const headers = [...TEMPLATE_HEADERS];
for (let k = 0; k < 3; k++) {
  const prep = prepareChunk(body, { id: 'x', objectKey: '', encoding: 'utf-8', delimiter: ',', headers, mapping: templateMapping(headers), options: { dedupeMode: 'update' }, dryRun: false, createdBy: null }, { chunkIndex: 0, byteStart: 0, byteEnd: 0, firstRow: 2, duplicateRows: [], duplicateOf: [] });
  if (k > 0) prep.rows.forEach((r) => { if (r.contact.email) r.contact.email = r.contact.email.replace('@', `${k}@`); });
  await withRawTransaction(h, async (q) => {
    const byKey = new Map(); for (const r of prep.rows) if (r.account && !byKey.has(r.account.key)) byKey.set(r.account.key, r.account);
    let t = performance.now();
    const ids = await findAccounts(q, [...byKey.values()]);
    const t1 = performance.now() - t; t = performance.now();
    const created = await insertAccounts(q, [...byKey.values()].filter((a) => !ids.has(a.key)), null);
    created.forEach((v, key) => ids.set(key, v));
    const t2 = performance.now() - t; t = performance.now();
    const contacts = prep.rows.map((r) => ({ ...r.contact, accountId: r.account ? ids.get(r.account.key) ?? null : null }));
    const res = await upsertContacts(q, contacts, { mode: 'update', jobId: '00000000-0000-7000-8000-000000000001', createdBy: null });
    console.log('find', t1.toFixed(0), 'insertAcc', t2.toFixed(0), byKey.size, 'upsert', (performance.now() - t).toFixed(0), res.inserted.length, res.updated.length);
  });
}
await h.close();
