// Raw SQL results, the same shape on both drivers (PGlite and node-postgres both answer `{ rows }`).
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './connection';

export async function queryRows<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function queryOne<T extends Record<string, unknown>>(db: Database, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}

/** A timestamp column as ISO text: the drivers answer a Date or a string; null (or a column not read) is null. */
export const isoOrNull = (value: Date | string | null | undefined): string | null => (value === null || value === undefined ? null : new Date(value).toISOString());

const dialect = new PgDialect();

interface DriverClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Rows straight from the driver's own client (node-postgres pool or PGlite), without a Drizzle
 * session around the statement: on a list page that wrapping cost a tenth of a millisecond. Only
 * for statements whose columns are text or uuid, which both drivers return as strings. Inside a
 * transaction (no driver client at hand) it is queryRows.
 */
export async function queryTextRows<T extends Record<string, string | null>>(db: Database, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: Partial<DriverClient> }).$client;
  if (!client || typeof client.query !== 'function') return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.query(text, params)).rows as T[];
}
