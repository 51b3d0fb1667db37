// Raw SQL results, the same shape on both drivers (PGlite and node-postgres both answer `{ rows }`).
import type { SQL } from 'drizzle-orm';
import type { Database } from './connection';

export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}
