import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { runBootstrap } from '../../bootstrap';
import { openDatabase } from '../../db/connection';
import { queryRows } from '../../db/rows';
import { buildDeps } from '../../deps';
import type { Deps } from '../../core/deps';
import { createIdentityTestContext, signIn, type IdentityTestContext } from '../../../test/support/identity-fixtures';
import { ensureDefaultAdmin } from './default-admin';
import { signInHint } from './sign-in-hint';

async function adminRows(deps: Deps) {
  return queryRows<{ username: string; email: string; first_name: string; last_name: string; must_change_password: boolean; roles: string[] }>(
    deps.db,
    sql`select u.username, u.email, u.first_name, u.last_name, u.must_change_password,
          array(select r.role from user_roles r where r.user_id = u.id) as roles
        from users u order by u.created_at`,
  );
}

describe('the default admin', () => {
  let t: IdentityTestContext | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is created on an empty database with the admin role and the documented defaults, and audited', async () => {
    t = await createIdentityTestContext();
    expect(await signInHint(t.deps)).toBe('with your username or email and password');
    await runBootstrap(t.deps);
    expect(await adminRows(t.deps)).toEqual([
      { username: 'admin', email: 'admin@crm.local', first_name: 'Admin', last_name: 'User', must_change_password: true, roles: ['admin'] },
    ]);
    const audit = await queryRows<{ action: string; actor_id: string | null; after: { createdBy: string; roles: string[] } }>(
      t.deps.db,
      sql`select action, actor_id, after from audit_log`,
    );
    expect(audit).toEqual([expect.objectContaining({ action: 'user.created', actor_id: null })]);
    expect(audit[0]!.after).toMatchObject({ createdBy: 'bootstrap', roles: ['admin'] });
    expect(await signInHint(t.deps)).toBe('admin / Admin123! — you must choose a new password (12+ characters) at first sign-in');
  });

  it('takes its name, email and password from ADMIN_*, and still has to change that password', async () => {
    t = await createIdentityTestContext({
      env: {
        ADMIN_USERNAME: 'root',
        ADMIN_EMAIL: ' Ops@Example.COM ',
        ADMIN_PASSWORD: 'a long bootstrap passphrase',
        ADMIN_FIRST_NAME: 'Grace',
        ADMIN_LAST_NAME: 'Hopper',
      },
    });
    await runBootstrap(t.deps);
    expect(await adminRows(t.deps)).toEqual([
      { username: 'root', email: 'ops@example.com', first_name: 'Grace', last_name: 'Hopper', must_change_password: true, roles: ['admin'] },
    ]);
    const session = await signIn(t.identity, 'ops@example.com', 'a long bootstrap passphrase');
    expect(session.body.user.mustChangePassword).toBe(true);
    // A password that is not the documented default is never printed.
    expect(await signInHint(t.deps)).toBe('root / the ADMIN_PASSWORD you set — you must choose a new password (12+ characters) at first sign-in');
  });

  it('is created once: running the bootstrap again changes nothing', async () => {
    t = await createIdentityTestContext();
    await runBootstrap(t.deps);
    await runBootstrap(t.deps);
    expect(await ensureDefaultAdmin(t.deps)).toEqual({ created: false });
    expect(await adminRows(t.deps)).toHaveLength(1);
  });

  it('is not re-created once the database has users, even if that admin was renamed', async () => {
    t = await createIdentityTestContext();
    await runBootstrap(t.deps);
    await t.deps.db.execute(sql`update users set username = 'chief'`);
    await runBootstrap(t.deps);
    expect((await adminRows(t.deps)).map((u) => u.username)).toEqual(['chief']);
  });

  it('is created exactly once when two instances start at the same time (two connection pools on a server)', async () => {
    t = await createIdentityTestContext();
    const ctx = t;
    // On a server each instance gets its own pool, as two Lambdas or two local stacks would;
    // embedded PGlite has one connection, so there both runs share it.
    const handles = ctx.database.url
      ? await Promise.all([0, 1].map(() => openDatabase({ kind: 'url', url: ctx.database.url!, poolMax: 2 })))
      : [];
    try {
      const instances = handles.length
        ? await Promise.all(handles.map((dbHandle) => buildDeps(ctx.deps.config, { dbHandle, logger: ctx.deps.logger })))
        : [ctx.deps, { ...ctx.deps }];
      const results = await Promise.all(instances.map((deps) => ensureDefaultAdmin(deps)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await adminRows(ctx.deps)).toHaveLength(1);
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});
