// Set-based bulk statements bind whole arrays as single parameters (unnest), which Drizzle's
// `sql` template would spread into one parameter per element; these run on the driver itself,
// PGlite or node-postgres, inside one transaction.
import type { DatabaseHandle } from './connection';

export type RawQuery = <T extends Record<string, unknown> = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/**
 * Runs fn in a transaction on one connection. With `rollback`, the work is undone after fn
 * returns (dry runs) and fn's result is still returned.
 */
export async function withRawTransaction<T>(handle: DatabaseHandle, fn: (query: RawQuery) => Promise<T>, options: { rollback?: boolean } = {}): Promise<T> {
  try {
    if (handle.pglite) {
      return await handle.pglite.transaction(async (tx) => {
        const query: RawQuery = async (text, params) => (await tx.query(text, params)).rows as never;
        const value = await fn(query);
        if (options.rollback) throw new Rollback(value);
        return value;
      });
    }
    const client = await handle.pool!.connect();
    try {
      await client.query('BEGIN');
      const query: RawQuery = async (text, params) => (await client.query(text, params)).rows as never;
      const value = await fn(query);
      if (options.rollback) throw new Rollback(value);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } catch (error) {
    if (error instanceof Rollback) return error.value as T;
    throw error;
  }
}

/** One statement outside a transaction. */
export async function rawQuery<T extends Record<string, unknown>>(handle: DatabaseHandle, text: string, params: unknown[] = []): Promise<T[]> {
  if (handle.pglite) return (await handle.pglite.query(text, params)).rows as T[];
  return (await handle.pool!.query(text, params)).rows as T[];
}

const TRANSIENT_CODES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004']);
const TRANSIENT_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);

/** Errors worth a retry: deadlocks, serialization failures, lost connections, throttling. */
export function isTransientError(error: unknown): boolean {
  const e = error as { code?: string; name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (!e) return false;
  if (e.code && (TRANSIENT_CODES.has(e.code) || TRANSIENT_NODE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status === 429 || status === 500 || status === 503 || e.name === 'SlowDown' || e.name === 'TimeoutError';
}
