// PGlite runs no autovacuum daemon, so nothing ever ANALYZEs its tables: the planner works from
// guesses, and a join of a few hundred rows can be planned as nested loops over whole tables (an
// order's match preview of 500 domains over 60 contacts took 16–33 s, with the stack's one event
// loop blocked meanwhile). The local stack therefore does what autovacuum's analyze does on a
// Postgres server, Aurora included, with its default thresholds: a table changed by more than
// 50 rows plus 10 % of its size since it was last analyzed is analyzed again.
import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/src/db/connection';
import { queryRows } from '../../functions/src/db/rows';

/** How often the local stack looks for tables to analyze. */
export const AUTOANALYZE_EVERY_SECONDS = 10;
/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, PostgreSQL's defaults. */
const THRESHOLD = 50;
const SCALE_FACTOR = 0.1;

/**
 * A table analyzed less than this long ago waits, however much it changed: ANALYZE runs on the
 * stack's event loop (about 1.1 s for 200,000 contacts), and a large import would otherwise have
 * the growing table analyzed on every check.
 */
export const REANALYZE_AFTER_SECONDS = 60;

/** Analyzes the tables changed enough since they were last analyzed; answers their names. */
export async function analyzeChangedTables(db: Database, reanalyzeAfterSeconds = REANALYZE_AFTER_SECONDS): Promise<string[]> {
  // PGlite's one backend hands its counts to the statistics views lazily; these are asked for now.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  const due = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select s.schemaname as schema, s.relname as name
      from pg_stat_user_tables s join pg_class c on c.oid = s.relid
      where s.n_mod_since_analyze > ${THRESHOLD} + ${SCALE_FACTOR} * greatest(c.reltuples, 0)
        and (s.last_analyze is null or s.last_analyze < now() - make_interval(secs => ${reanalyzeAfterSeconds}))
      order by s.schemaname, s.relname`,
  );
  for (const table of due) await db.execute(sql`analyze ${sql.identifier(table.schema)}.${sql.identifier(table.name)}`);
  return due.map((t) => `${t.schema}.${t.name}`);
}
