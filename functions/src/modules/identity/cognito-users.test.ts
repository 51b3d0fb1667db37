// With AUTH_MODE=cognito the user pools follow our users. Cognito itself is stubbed at the SDK
// boundary (aws-sdk-client-mock), the database and our services are real.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { sql } from 'drizzle-orm';
import { runBootstrap } from '../../bootstrap';
import { queryRows } from '../../db/rows';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { FAST_AUTH_ENV } from '../../../test/support/identity-fixtures';
import { createOrganisation } from './organisations';
import { createUser, deactivateUser, reactivateUser } from './users';
import { SYSTEM_ACTOR } from '../../core/actor';

const STAFF_POOL = 'us-east-1_Staff0001';
const PORTAL_POOL = 'us-east-1_Portal001';
const system = SYSTEM_ACTOR;

describe('Cognito user pools follow our users (AUTH_MODE=cognito)', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);
  let ctx: TestContext;
  let subs = 0;

  beforeAll(async () => {
    ctx = await createTestDeps({
      env: {
        ...FAST_AUTH_ENV,
        AUTH_MODE: 'cognito',
        COGNITO_STAFF_POOL_ID: STAFF_POOL,
        COGNITO_STAFF_CLIENT_ID: 'staffclient',
        COGNITO_PORTAL_POOL_ID: PORTAL_POOL,
        COGNITO_PORTAL_CLIENT_ID: 'portalclient',
      },
    });
  });
  beforeEach(() => {
    cognito.reset();
    cognito.on(AdminCreateUserCommand).callsFake(async () => ({ User: { Attributes: [{ Name: 'sub', Value: `sub-${++subs}` }] } }));
  });
  afterAll(async () => {
    cognito.restore();
    await ctx?.close();
  });

  it('the bootstrap creates the admin in the staff pool with ADMIN_PASSWORD as a temporary password', async () => {
    await runBootstrap(ctx.deps);
    const calls = cognito.commandCalls(AdminCreateUserCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toMatchObject({ UserPoolId: STAFF_POOL, Username: 'admin', TemporaryPassword: 'Admin123!', MessageAction: 'SUPPRESS' });
    const [admin] = await queryRows<{ cognito_sub: string; password_hash: string | null; must_change_password: boolean }>(
      ctx.deps.db,
      sql`select cognito_sub, password_hash, must_change_password from users where username = 'admin'`,
    );
    // Cognito makes them replace the temporary password; we keep no password of our own.
    expect(admin).toEqual({ cognito_sub: 'sub-1', password_hash: null, must_change_password: false });
  });

  it('creates staff in the staff pool and client users in the portal pool, storing their sub', async () => {
    const staff = await createUser(ctx.deps, {
      request: { username: 'ana.staff', email: 'ana@example.com', firstName: 'Ana', lastName: 'Silva', password: 'temporary passphrase', roles: ['agent'] },
      context: system,
    });
    const org = await createOrganisation(ctx.deps, { request: { name: 'Globex' }, context: system });
    const client = await createUser(ctx.deps, {
      request: { username: 'bo.client', email: 'bo@globex.example', firstName: 'Bo', lastName: 'Li', password: 'temporary passphrase', roles: ['client_user'], orgId: org.id },
      context: system,
    });
    const pools = cognito.commandCalls(AdminCreateUserCommand).map((c) => [c.args[0].input.Username, c.args[0].input.UserPoolId]);
    expect(pools).toEqual([
      ['ana.staff', STAFF_POOL],
      ['bo.client', PORTAL_POOL],
    ]);
    const rows = await queryRows<{ username: string; cognito_sub: string }>(
      ctx.deps.db,
      sql`select username, cognito_sub from users where id in (${staff.id}::uuid, ${client.id}::uuid) order by username`,
    );
    expect(rows.map((r) => r.cognito_sub)).toEqual([expect.stringMatching(/^sub-/), expect.stringMatching(/^sub-/)]);
  });

  it('rolls the user back when Cognito refuses to create them', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new Error('InvalidPasswordException'));
    await expect(
      createUser(ctx.deps, {
        request: { username: 'cy.fail', email: 'cy@example.com', firstName: 'Cy', lastName: 'Fail', password: 'temporary passphrase', roles: ['agent'] },
        context: system,
      }),
    ).rejects.toThrow();
    expect(await queryRows(ctx.deps.db, sql`select 1 from users where username = 'cy.fail'`)).toEqual([]);
  });

  it('disables and signs out a deactivated user, and enables them again on reactivation', async () => {
    const user = await createUser(ctx.deps, {
      request: { username: 'dee.leaver', email: 'dee@example.com', firstName: 'Dee', lastName: 'Leaver', password: 'temporary passphrase', roles: ['agent'] },
      context: system,
    });
    await deactivateUser(ctx.deps, { userId: user.id, context: system });
    expect(cognito.commandCalls(AdminDisableUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: STAFF_POOL, Username: 'dee.leaver' });
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
    await reactivateUser(ctx.deps, { userId: user.id, context: system });
    expect(cognito.commandCalls(AdminEnableUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: STAFF_POOL, Username: 'dee.leaver' });
  });
});
