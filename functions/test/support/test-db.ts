// A fresh, migrated database for each test file: PGlite in memory (cloned from a migrated
// template, ~0.5 s) by default, or a throwaway database on the server named by DATABASE_URL. The
// suites' global setup (./database-template.ts) migrates the template once for every worker; a
// file run without it migrates its own.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection';
import { migrateDatabase } from '../../src/db/migrate';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The server URL of this test database (server mode only). */
  url?: string;
  drop(): Promise<void>;
}

/** The migrated PGlite data directory the global setup wrote (a tar file). */
export const TEMPLATE_FILE_ENV = 'PIVOTAL_TEST_TEMPLATE_FILE';
/** The migrated template database on the server the global setup made. */
export const TEMPLATE_DATABASE_ENV = 'PIVOTAL_TEST_TEMPLATE_DATABASE';

let template: Promise<Blob> | undefined;

async function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = process.env[TEMPLATE_FILE_ENV];
    if (file) return new Blob([await readFile(file)]);
    const handle = await openDatabase({ kind: 'pglite' });
    await migrateDatabase(handle);
    const dump = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return template;
}

/** The server the integration suite runs against, when one is configured. */
export function testServerUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const handle = await openDatabase({ kind: 'pglite', loadDataDir: await migratedTemplate() });
    return { handle, drop: () => handle.close() };
  }
  const { default: pg } = await import('pg');
  const name = `pivotal_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const templateName = process.env[TEMPLATE_DATABASE_ENV];
  await admin.query(templateName ? `CREATE DATABASE ${name} TEMPLATE ${templateName}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'url', url: url.toString(), poolMax: 8 });
  if (!templateName) await migrateDatabase(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
