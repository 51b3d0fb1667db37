// Opens the relational database the configuration names: a Postgres server (DATABASE_URL), Aurora
// through RDS Proxy with IAM auth (DB_PROXY_ENDPOINT), or embedded PGlite (PGLITE_DIR, or memory).
// Everything above this file sees one Drizzle `Database` whatever the driver.
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import type { Config } from '../config/config';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'pg';
  /** Runs a multi-statement SQL script (migrations, test setup). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: Pool;
}

export type DatabaseSource =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File }
  | { kind: 'url'; url: string; poolMax?: number }
  | { kind: 'rds-proxy'; host: string; port: number; database: string; user: string; region: string; poolMax?: number };

export function databaseSourceFromConfig(config: Config): DatabaseSource {
  if (config.DATABASE_URL) return { kind: 'url', url: config.DATABASE_URL, poolMax: config.DB_POOL_MAX };
  if (config.DB_PROXY_ENDPOINT) {
    return {
      kind: 'rds-proxy',
      host: config.DB_PROXY_ENDPOINT,
      port: config.DB_PORT,
      database: config.DB_NAME,
      user: config.DB_USER,
      region: config.AWS_REGION,
      poolMax: config.DB_POOL_MAX,
    };
  }
  return { kind: 'pglite', ...(config.PGLITE_DIR ? { dataDir: config.PGLITE_DIR } : {}) };
}

export async function openDatabase(source: DatabaseSource): Promise<DatabaseHandle> {
  if (source.kind === 'pglite') return openPglite(source.dataDir, source.loadDataDir);
  return openPool(source);
}

async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<DatabaseHandle> {
  // Loaded on demand: Lambda bundles for the pg driver never pull in the WASM build.
  const [{ PGlite }, { pg_trgm }, { citext }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/citext'),
    import('drizzle-orm/pglite'),
  ]);
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm, citext },
  });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    pglite: client,
    exec: async (script) => {
      await client.exec(script);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPool(source: Exclude<DatabaseSource, { kind: 'pglite' }>): Promise<DatabaseHandle> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  let pool: Pool;
  if (source.kind === 'url') {
    pool = new pg.Pool({ connectionString: source.url, max: source.poolMax ?? 5 });
  } else {
    const { Signer } = await import('@aws-sdk/rds-signer');
    const signer = new Signer({ hostname: source.host, port: source.port, username: source.user, region: source.region });
    pool = new pg.Pool({
      host: source.host,
      port: source.port,
      database: source.database,
      user: source.user,
      // IAM auth: a fresh 15-minute token for each new connection; no password is stored anywhere.
      password: () => signer.getAuthToken(),
      ssl: { rejectUnauthorized: true },
      max: source.poolMax ?? 2,
    });
  }
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pg',
    pool,
    exec: async (script) => {
      await pool.query(script);
    },
    close: async () => {
      await pool.end();
    },
  };
}
