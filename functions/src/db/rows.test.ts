import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-db';
import type { Database } from './connection';
import { queryRows, queryTextRows } from './rows';
import { fileContext } from '../../test/support/file-context';

// On PGlite by default, on a server pool under DATABASE_URL (the integration suite): each driver.
describe('text rows straight from the driver', () => {
  const database = fileContext(createTestDatabase, (context) => context.drop());

  const statement = sql`select ${'it’s “quoted”'}::text as echo, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as id, null::text as nothing`;
  const expected = [{ echo: 'it’s “quoted”', id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', nothing: null }];

  it('binds values and reads text, uuid and null as the Drizzle path does', async () => {
    expect(await queryTextRows(database.handle.db, statement)).toEqual(expected);
    expect(await queryRows(database.handle.db, statement)).toEqual(expected);
  });

  it('runs inside a transaction on the transaction, seeing its uncommitted work', async () => {
    const seen = await database.handle.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table rows_probe (v text) on commit drop`);
      await tx.execute(sql`insert into rows_probe values ('inside')`);
      return queryTextRows<{ v: string }>(tx as unknown as Database, sql`select v from rows_probe`);
    });
    expect(seen).toEqual([{ v: 'inside' }]);
  });

  it('passes a database error through', async () => {
    await expect(queryTextRows(database.handle.db, sql`select 1 / ${0}::int as n`)).rejects.toThrow(/division by zero/);
  });
});
