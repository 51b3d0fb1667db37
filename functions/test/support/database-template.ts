// The unit and integration suites' global setup: migrates one template database before any test
// file runs, so each file starts from a copy instead of running every migration again. PGlite:
// the migrated data directory is written to a temporary file each worker loads. A server
// (DATABASE_URL): a template database each file's database is created from. Both go at the end.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/connection';
import { migrateDatabase } from '../../src/db/migrate';
import { TEMPLATE_DATABASE_ENV, TEMPLATE_FILE_ENV } from './test-db';

export default async function setup(): Promise<() => Promise<void>> {
  // Each test project runs the global setup; the first one's template serves them all.
  if (process.env[TEMPLATE_FILE_ENV] || process.env[TEMPLATE_DATABASE_ENV]) return async () => {};
  const serverUrl = process.env.DATABASE_URL || undefined;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-test-template-'));
    const handle = await openDatabase({ kind: 'pglite' });
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    const file = path.join(dir, 'template.tar');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    process.env[TEMPLATE_FILE_ENV] = file;
    return async () => {
      delete process.env[TEMPLATE_FILE_ENV];
      await rm(dir, { recursive: true, force: true });
    };
  }
  const { default: pg } = await import('pg');
  const name = `pivotal_template_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'url', url: url.toString(), poolMax: 2 });
  await migrateDatabase(handle);
  await handle.close();
  process.env[TEMPLATE_DATABASE_ENV] = name;
  return async () => {
    delete process.env[TEMPLATE_DATABASE_ENV];
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}
