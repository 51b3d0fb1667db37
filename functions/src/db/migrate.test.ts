import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db';
import { migrateDatabase } from './migrate';
import { queryOne } from './rows';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

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
