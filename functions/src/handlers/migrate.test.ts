import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { openDatabase } from '../db/connection';
import { queryRows } from '../db/rows';
import { migrateAndBootstrap, waitForDatabase } from './migrate';

describe('the migrate Lambda', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestDeps({ env: { PASSWORD_HASH_COST: '4', ADMIN_USERNAME: 'owner', ADMIN_EMAIL: 'owner@example.com' } });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('migrates and creates the first admin, and a second deploy changes nothing', async () => {
    await expect(migrateAndBootstrap(ctx.deps)).resolves.toEqual({ migrated: true, bootstrapped: true });
    await expect(migrateAndBootstrap(ctx.deps)).resolves.toEqual({ migrated: true, bootstrapped: true });
    const admins = await queryRows<{ username: string; role: string }>(
      ctx.deps.db,
      sql`select u.username, r.role from users u join user_roles r on r.user_id = u.id`,
    );
    expect(admins).toEqual([{ username: 'owner', role: 'admin' }]);
  });

  it('fails when the migrations folder is missing instead of starting on an unmigrated database', async () => {
    await expect(migrateAndBootstrap(ctx.deps, { migrationsFolder: '/nonexistent/migrations' })).rejects.toThrow();
  });

  it('gives up on a database that never answers, after the attempts it was given', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    const unreachable = await openDatabase({ kind: 'url', url: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1 });
    try {
      await expect(waitForDatabase(unreachable, { attempts: 3, delayMs: 10 })).rejects.toThrow(/after 3 attempts/);
    } finally {
      await unreachable.close();
    }
  });

  it('returns at once when the database answers', async () => {
    await expect(waitForDatabase(ctx.deps.dbHandle, { attempts: 1, delayMs: 0 })).resolves.toBeUndefined();
  });
});
