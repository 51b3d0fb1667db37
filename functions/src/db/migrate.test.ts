import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-db';
import { migrateDatabase } from './migrate';
import { queryOne } from './rows';
import { fileContext } from '../../test/support/file-context';

describe('migrations', () => {
  const database = fileContext(createTestDatabase, (context) => context.drop());

  it('creates time-ordered version 7 uuids', async () => {
    const { a, b } = (await queryOne<{ a: string; b: string }>(
      database.handle.db,
      sql`select uuid_generate_v7()::text as a, pg_sleep(0.002)::text, uuid_generate_v7()::text as b`,
    ))!;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('applies again without change (idempotent)', async () => {
    await migrateDatabase(database.handle);
    const row = await queryOne<{ n: number }>(database.handle.db, sql`select count(*)::int as n from bootstrap_tasks`);
    expect(row!.n).toBe(0);
  });
});
