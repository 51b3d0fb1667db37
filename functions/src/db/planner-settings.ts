// One read statement run with planner settings of its own (SET LOCAL, so they end with it). On a
// server pool it costs one round trip more than the statement alone: BEGIN and the settings go as
// one simple-protocol message, and the COMMIT of the read-only transaction is not waited for (its
// connection returns to the pool only after it). Elsewhere (PGlite, an open transaction) it is a
// transaction of its own. On the pool the rows come as node-postgres parses them, not through
// Drizzle's parsers: meant for counts and plans, whose numbers and text read alike either way.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './connection';
import { queryRows } from './rows';

/** Planner settings a statement may change for itself (names are checked: they are spliced). */
export type PlannerSettings = Partial<Record<'enable_seqscan' | 'enable_indexscan' | 'enable_bitmapscan', 'on' | 'off'>>;

interface PoolClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  release(error?: Error | boolean): void;
}

interface Pool {
  connect(): Promise<PoolClient>;
  totalCount: number;
}

const dialect = new PgDialect();
const NAMES = new Set(['enable_seqscan', 'enable_indexscan', 'enable_bitmapscan']);

function poolOf(db: Database): Pool | null {
  const client = (db as unknown as { $client?: Partial<Pool> }).$client;
  return client && typeof client === 'object' && typeof client.connect === 'function' && typeof client.totalCount === 'number' ? (client as Pool) : null;
}

export function settingsScript(settings: PlannerSettings): string {
  const lines = Object.entries(settings).map(([name, value]) => {
    if (!NAMES.has(name) || (value !== 'on' && value !== 'off')) throw new Error(`Not a planner setting this code may change: ${name}`);
    return `set local ${name} = ${value}`;
  });
  return ['begin', ...lines].join('; ');
}

export async function queryWithSettings<T extends Record<string, unknown>>(db: Database, settings: PlannerSettings, statement: SQL): Promise<T[]> {
  const script = settingsScript(settings);
  const pool = poolOf(db);
  if (!pool) {
    return db.transaction(async (tx) => {
      for (const [name, value] of Object.entries(settings)) await tx.execute(sql`select set_config(${name}, ${value}, true)`);
      return queryRows<T>(tx as unknown as Database, statement);
    });
  }
  const client = await pool.connect();
  let rows: T[];
  try {
    await client.query(script);
    const query = dialect.sqlToQuery(statement);
    rows = (await client.query(query.sql, query.params)).rows as T[];
  } catch (error) {
    // The connection's state is unknown: it leaves the pool.
    client.release(true);
    throw error;
  }
  client.query('commit').then(
    () => client.release(),
    () => client.release(true),
  );
  return rows;
}

/**
 * Runs `fn` in a transaction with JIT compilation and parallel workers off. Statements with many
 * correlated subqueries (segments: suppression, consent, list and set membership per contact)
 * cost enough in the planner's estimate to cross jit_above_cost, yet run faster than JIT compiles
 * them (docs/decisions/0006). Workers are off because a page and its count run side by side, and a
 * page that took every core (its LIMIT rarely needs them) made the count wait. `SET LOCAL` ends
 * with the transaction (and works through RDS Proxy without pinning beyond it).
 */
export async function withoutJit<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return fn(tx as unknown as Database);
  });
}
