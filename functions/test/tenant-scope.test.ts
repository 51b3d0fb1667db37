// Tenant scope on a real database: client users of two organisations and staff, signed in through
// the real login route so each principal (and its organisation) is what the authenticator builds
// from a verified token. A client sees only their organisation's rows; another organisation's id
// is a 404, like a missing one; staff see all, or the organisation they ask for.
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantOrgId, assertInTenant, scopeToTenant, type TenantActor } from '../src/core/tenant-scope';
import { organisations, users } from '../src/db/schema';
import { AppError, APP_ERROR_CODES, notFound } from '../src/core/app-error';
import type { Principal } from '../src/core/principal';
import { createIdentityTestContext, makeUser, signIn, type UserFixture } from './support/identity-fixtures';
import { fileContext } from './support/file-context';

let acmeClient: Principal;
let globexClient: Principal;
let admin: Principal;
let agent: Principal;
let acmeColleague: UserFixture;

async function principalOf(user: UserFixture): Promise<Principal> {
  const { accessToken } = await signIn(t.identity, user.username, user.password);
  const principal = await t.deps.auth.authenticate(accessToken);
  expect(principal).not.toBeNull();
  return principal!;
}

const t = fileContext(createIdentityTestContext);
beforeAll(async () => {
  const acme = await makeUser(t.deps, { roles: ['client_user'], username: 'ann.acme' });
  acmeColleague = await makeUser(t.deps, { roles: ['client_user'], username: 'ben.acme', orgId: acme.orgId! });
  const globex = await makeUser(t.deps, { roles: ['client_user'], username: 'gus.globex' });
  acmeClient = await principalOf(acme);
  globexClient = await principalOf(globex);
  admin = await principalOf(await makeUser(t.deps, { roles: ['admin'], username: 'ada.admin' }));
  agent = await principalOf(await makeUser(t.deps, { roles: ['agent'], username: 'al.agent' }));
});

/** A client-facing read the way a repo function does it: by id, within the caller's tenant. */
async function getOrganisation(actor: TenantActor, id: string) {
  const [row] = await t.deps.db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), scopeToTenant(actor, organisations.id)));
  if (!row) throw notFound('organisation');
  return row;
}

async function usernames(actor: TenantActor, requestedOrgId?: string) {
  const rows = await t.deps.db
    .select({ username: users.username })
    .from(users)
    .where(scopeToTenant(actor, users.orgId, requestedOrgId))
    .orderBy(asc(users.username));
  return rows.map((r) => r.username);
}

async function notFoundStatus(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return APP_ERROR_CODES[(error as AppError).code].status;
}

describe('the tenant of a query', () => {
  it('is the client user’s own organisation, taken from the verified principal', () => {
    expect(acmeClient.orgId).not.toBeNull();
    expect(acmeClient.orgId).not.toBe(globexClient.orgId);
    expect(tenantOrgId(acmeClient)).toBe(acmeClient.orgId);
    expect(tenantOrgId(acmeClient, acmeClient.orgId)).toBe(acmeClient.orgId);
  });

  it('is every organisation for staff, or the one they ask for', () => {
    expect(tenantOrgId(admin)).toBeNull();
    expect(tenantOrgId(agent, globexClient.orgId)).toBe(globexClient.orgId);
  });

  it('lets a client read their own organisation’s rows and no one else’s', async () => {
    expect(await usernames(acmeClient)).toEqual(['ann.acme', 'ben.acme']);
    expect(await usernames(globexClient)).toEqual(['gus.globex']);
    expect((await getOrganisation(acmeClient, acmeClient.orgId!)).id).toBe(acmeClient.orgId);
  });

  it('answers 404, never 403, for another organisation’s record or organisation', async () => {
    expect(await notFoundStatus(getOrganisation(acmeClient, globexClient.orgId!))).toBe(404);
    expect(await notFoundStatus(usernames(acmeClient, globexClient.orgId!))).toBe(404);
    expect(() => assertInTenant(acmeClient, globexClient.orgId, 'delivery')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => assertInTenant(acmeClient, null, 'delivery')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => assertInTenant(acmeClient, acmeClient.orgId, 'delivery')).not.toThrow();
  });

  it('lets staff read every organisation’s rows, or one organisation’s when they ask', async () => {
    expect(await usernames(admin)).toEqual(['ada.admin', 'al.agent', 'ann.acme', 'ben.acme', 'gus.globex']);
    expect(await usernames(agent, acmeClient.orgId!)).toEqual(['ann.acme', acmeColleague.username]);
    expect((await getOrganisation(admin, globexClient.orgId!)).id).toBe(globexClient.orgId);
    expect(() => assertInTenant(admin, globexClient.orgId)).not.toThrow();
  });

  it('shows nothing to a client account that has lost its organisation', () => {
    expect(() => tenantOrgId({ roles: ['client_user'], orgId: null })).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
