// Segment statements run with JIT compilation off. Their correlated subqueries (suppression,
// consent, list and set membership per contact) make the planner's cost estimates large enough to
// cross jit_above_cost, yet they run in well under a second: on 1,000,000 contacts EXPLAIN showed
// 2.2 s of JIT compilation for 0.6 s of execution. Parallel workers are off too: a preview runs
// its page and its count side by side, and a page that took every core with workers (its LIMIT
// rarely needs them) made the count beside it wait. `SET LOCAL` keeps the settings to this
// transaction (and works through RDS Proxy without pinning beyond it).
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/connection';

export async function withoutJit<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return fn(tx as unknown as Database);
  });
}
