// The local stack's stand-in for autovacuum's analyze (PGlite has no daemon): a table changed by
// more than 50 rows plus 10 % of its size is analyzed, an unchanged or barely changed one is not,
// nor one analyzed less than a minute ago, and the planner then sees the table's real size.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../functions/src/db/connection';
import { queryOne } from '../../functions/src/db/rows';
import { analyzeChangedTables } from './autoanalyze';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
  await handle.exec(`create table busy (id int primary key, v text); create table quiet (id int primary key); create table "Odd name" (id int)`);
});
afterAll(async () => handle.close());

const reltuples = async (table: string) =>
  Number((await queryOne<{ n: number }>(handle.db, sql`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`))?.n);

describe('analyzeChangedTables', () => {
  it('analyzes a table changed past the threshold, once, and leaves the others alone', async () => {
    await handle.exec(`insert into busy select g, 'x' from generate_series(1, 400) g; insert into quiet select g from generate_series(1, 20) g; insert into "Odd name" select g from generate_series(1, 60) g`);
    expect(await reltuples('busy')).toBe(-1);
    expect(await analyzeChangedTables(handle.db, 0)).toEqual(['public.Odd name', 'public.busy']);
    expect(await reltuples('busy')).toBe(400);
    expect(await reltuples('quiet')).toBe(-1);
    // Nothing has changed since: nothing is due.
    expect(await analyzeChangedTables(handle.db, 0)).toEqual([]);
    // 80 changes on 400 rows are under 50 + 10 % of 400; 11 more pass it.
    await handle.exec(`update busy set v = 'y' where id <= 80`);
    expect(await analyzeChangedTables(handle.db, 0)).toEqual([]);
    await handle.exec(`delete from busy where id > 389`);
    // Changed enough, but analyzed a moment ago: it waits its turn (the default is a minute).
    expect(await analyzeChangedTables(handle.db)).toEqual([]);
    expect(await analyzeChangedTables(handle.db, 0)).toEqual(['public.busy']);
    expect(await reltuples('busy')).toBe(389);
  });
});
