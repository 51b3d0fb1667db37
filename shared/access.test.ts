import { describe, expect, it } from 'vitest';
import { ACCESS_POLICY, CAPABILITIES, can, isCapability, rolesFor } from './access';
import { CLIENT_ROLES, ROLES, STAFF_ROLES } from './roles';

describe('the access policy', () => {
  it('names known roles only, each capability held by at least one, none twice', () => {
    for (const capability of CAPABILITIES) {
      const roles = rolesFor(capability);
      expect(roles.length, capability).toBeGreaterThan(0);
      expect(new Set(roles).size, capability).toBe(roles.length);
      for (const role of roles) expect(ROLES, capability).toContain(role);
    }
  });

  it('gives admins every staff capability and keeps client users to the portal', () => {
    for (const capability of CAPABILITIES.filter((c) => c !== 'portal.client')) expect(can(['admin'], capability), capability).toBe(true);
    expect(CAPABILITIES.filter((capability) => can([...CLIENT_ROLES], capability))).toEqual(['portal.client']);
    expect(STAFF_ROLES.some((role) => can([role], 'portal.client'))).toBe(false);
  });

  it('lets a user with several roles do what any one of them may', () => {
    expect(can(['agent'], 'records.write')).toBe(false);
    expect(can(['agent'], 'audience.analyse')).toBe(false);
    expect(can(['agent', 'quality_analyst'], 'audience.analyse')).toBe(true);
    expect(can(['content_creator'], 'records.read')).toBe(false);
    expect(can(['content_creator'], 'consent.read')).toBe(true);
    expect(can([], 'records.read')).toBe(false);
  });

  it('recognises its own capability names and nothing else', () => {
    expect(isCapability('records.read')).toBe(true);
    expect(isCapability('records.delete')).toBe(false);
    expect(isCapability('toString')).toBe(false);
    expect(isCapability(undefined)).toBe(false);
    expect(Object.keys(ACCESS_POLICY)).toEqual(CAPABILITIES);
  });
});
