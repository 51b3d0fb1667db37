import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-db';
import { queryWithSettings, settingsScript } from './planner-settings';
import { queryRows } from './rows';
import { fileContext } from '../../test/support/file-context';

// On PGlite by default, on a server pool under DATABASE_URL (the integration suite): each path.
describe('a statement with planner settings of its own', () => {
  const database = fileContext(createTestDatabase, (context) => context.drop());

  it('sees its settings, with its bound values', async () => {
    const rows = await queryWithSettings<{ seq: string; index: string; echo: string }>(
      database.handle.db,
      { enable_seqscan: 'off', enable_indexscan: 'off' },
      sql`select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as index, ${'it’s “quoted”'}::text as echo`,
    );
    expect(rows).toEqual([{ seq: 'off', index: 'off', echo: 'it’s “quoted”' }]);
  });

  it('leaves no setting behind on any connection, after success or failure', async () => {
    const db = database.handle.db;
    await queryWithSettings(db, { enable_seqscan: 'off' }, sql`select 1`);
    const failed = (await queryWithSettings(db, { enable_seqscan: 'off' }, sql`select 1 / ${0}::int`).catch((error: unknown) => error)) as Error;
    expect(String((failed.cause as Error | undefined)?.message ?? failed.message)).toMatch(/division by zero/);
    // As many statements at once as a pool holds connections, and more.
    const seen = await Promise.all(
      Array.from({ length: 12 }, () => queryRows<{ seq: string }>(db, sql`select current_setting('enable_seqscan') as seq, pg_sleep(0.01)::text`)),
    );
    expect(new Set(seen.flat().map((r) => r.seq))).toEqual(new Set(['on']));
    expect((await queryWithSettings<{ n: number }>(db, { enable_seqscan: 'off' }, sql`select ${41}::int + 1 as n`))[0]).toEqual({ n: 42 });
  });

  it('refuses a setting it does not know (names are spliced into the script)', () => {
    expect(() => settingsScript({ 'work_mem = 1; drop table contacts; --': 'off' } as never)).toThrow(/Not a planner setting/);
    expect(() => settingsScript({ enable_seqscan: 'maybe' } as never)).toThrow(/Not a planner setting/);
    expect(settingsScript({ enable_seqscan: 'off' })).toBe('begin; set local enable_seqscan = off');
  });
});
