import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { addRoles, insertOrganisation, insertUser, updateUser } from '../modules/identity/testing';
import type { Role } from '@shared/roles';
import { addRoleClaims, DEACTIVATED_MESSAGE, DeactivatedUserError, roleClaimsFor } from './cognito-pre-token';

function tokenEvent(sub: string | undefined, triggerSource: PreTokenGenerationV2TriggerEvent['triggerSource'] = 'TokenGeneration_Authentication') {
  return {
    version: '2',
    triggerSource,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_staff',
    userName: 'someone',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    request: { userAttributes: sub ? { sub, email: 'someone@example.com' } : {}, groupConfiguration: {}, scopes: ['aws.cognito.signin.user.admin'] },
    response: { claimsAndScopeOverrideDetails: {} },
  } as unknown as PreTokenGenerationV2TriggerEvent;
}

function accessClaims(event: PreTokenGenerationV2TriggerEvent): unknown {
  return event.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride;
}

describe('the Cognito pre-token-generation trigger', () => {
  let ctx: TestContext;
  let orgId: string;
  const at = new Date('2026-03-02T09:00:00Z');

  async function user(name: string, roles: Role[], extra: { orgId?: string; cognitoSub: string }) {
    const row = await insertUser(ctx.deps.db, {
      username: name,
      email: `${name}@example.com`,
      firstName: name,
      lastName: 'Tester',
      role: roles[0] ?? null,
      orgId: extra.orgId ?? null,
      cognitoSub: extra.cognitoSub,
      createdAt: at,
      updatedAt: at,
    });
    await addRoles(ctx.deps.db, row!.id, roles, null, at);
    return row!;
  }

  beforeAll(async () => {
    ctx = await createTestDeps();
    orgId = (await insertOrganisation(ctx.deps.db, 'Northwind Traders', at))!.id;
    await user('maria', ['quality_analyst', 'admin', 'agent'], { cognitoSub: 'sub-staff-maria' });
    await user('client.ann', ['client_user'], { orgId, cognitoSub: 'sub-portal-ann' });
    const gone = await user('former.agent', ['agent'], { cognitoSub: 'sub-staff-gone' });
    await updateUser(ctx.deps.db, gone.id, { status: 'deactivated' });
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('puts a staff user’s roles, in canonical order, into the access and ID tokens', async () => {
    const event = await addRoleClaims(ctx.deps.db, tokenEvent('sub-staff-maria'));
    expect(accessClaims(event)).toEqual({ roles: ['admin', 'agent', 'quality_analyst'] });
    expect(event.response.claimsAndScopeOverrideDetails.idTokenGeneration?.claimsToAddOrOverride).toEqual({ roles: ['admin', 'agent', 'quality_analyst'] });
  });

  it('adds the organisation of a client user', async () => {
    const event = await addRoleClaims(ctx.deps.db, tokenEvent('sub-portal-ann', 'TokenGeneration_RefreshTokens'));
    expect(accessClaims(event)).toEqual({ roles: ['client_user'], org: orgId });
  });

  it('gives a Cognito user unknown to the database no roles rather than failing the sign-in', async () => {
    const event = await addRoleClaims(ctx.deps.db, tokenEvent('sub-made-in-the-console'));
    expect(accessClaims(event)).toEqual({ roles: [] });
  });

  it('refuses tokens to a deactivated user, on sign-in and on refresh', async () => {
    await expect(addRoleClaims(ctx.deps.db, tokenEvent('sub-staff-gone'))).rejects.toThrow(DEACTIVATED_MESSAGE);
    await expect(addRoleClaims(ctx.deps.db, tokenEvent('sub-staff-gone', 'TokenGeneration_RefreshTokens'))).rejects.toBeInstanceOf(DeactivatedUserError);
  });

  it('rejects an event without a sub attribute', async () => {
    await expect(addRoleClaims(ctx.deps.db, tokenEvent(undefined))).rejects.toThrow(/no sub attribute/);
  });

  it('maps states without touching the database', () => {
    expect(roleClaimsFor(undefined)).toEqual({ roles: [] });
    const base = { userId: 'u', username: 'x', mustChangePassword: false, tokenVersion: 0 };
    expect(roleClaimsFor({ ...base, status: 'active', roles: ['agent'], orgId: null })).toEqual({ roles: ['agent'] });
    expect(() => roleClaimsFor({ ...base, status: 'deactivated', roles: ['agent'], orgId: null })).toThrow(DeactivatedUserError);
  });
});
