import { describe, expect, it } from 'vitest';
import { passwordPolicyIssues } from '@shared/contracts/identity';
import { createUserFormSchema, editUserFormSchema, generatePassword } from './user-form-schema';

const valid = {
  username: 'maya.okafor',
  email: 'Maya.Okafor@Northwind.com ',
  firstName: 'Maya',
  lastName: 'Okafor',
  password: 'Granite-Orchard-Beacon-31',
  roles: ['campaign_manager', 'quality_analyst'],
  orgId: null,
  clientAdmin: false,
  mustChangePassword: true,
};
const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));

describe('the user form rules', () => {
  it('accepts a staff user with two roles and normalizes the email like the API', () => {
    const result = createUserFormSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data?.email).toBe('maya.okafor@northwind.com');
  });

  it('refuses no roles, a bad email, a short password and a password containing the username', () => {
    expect(fieldsOf(createUserFormSchema.safeParse({ ...valid, roles: [] }))).toContain('roles');
    expect(fieldsOf(createUserFormSchema.safeParse({ ...valid, email: 'not-an-email' }))).toContain('email');
    expect(fieldsOf(createUserFormSchema.safeParse({ ...valid, password: 'short' }))).toContain('password');
    expect(fieldsOf(createUserFormSchema.safeParse({ ...valid, password: 'x-maya.okafor-2026!' }))).toContain('password');
  });

  it('needs an organisation for a client user, who holds no other role', () => {
    expect(fieldsOf(createUserFormSchema.safeParse({ ...valid, roles: ['client_user'] }))).toContain('orgId');
    expect(fieldsOf(createUserFormSchema.safeParse({ ...valid, roles: ['client_user', 'agent'], orgId: '0190a000-0000-7000-8000-000000000001' }))).toContain(
      'roles',
    );
    expect(createUserFormSchema.safeParse({ ...valid, roles: ['client_user'], orgId: '0190a000-0000-7000-8000-000000000001' }).success).toBe(true);
    expect(createUserFormSchema.safeParse({ ...valid, roles: ['client_user'], orgId: '0190a000-0000-7000-8000-000000000001', clientAdmin: true }).data?.clientAdmin).toBe(true);
  });

  it('edits profile and roles without a password', () => {
    expect(editUserFormSchema.safeParse({ email: 'maya@northwind.com', firstName: 'Maya', lastName: 'Okafor', roles: ['agent'] }).success).toBe(true);
    // The whole form's values (create-only fields included) pass too: editing ignores them.
    expect(editUserFormSchema.safeParse({ ...valid, roles: ['agent'] }).success).toBe(true);
    expect(fieldsOf(editUserFormSchema.safeParse({ email: 'maya@northwind.com', firstName: '', lastName: 'Okafor', roles: ['agent'] }))).toContain('firstName');
  });

  it('generates passwords that meet the policy and differ each time', () => {
    const a = generatePassword();
    const b = generatePassword();
    expect(a).not.toBe(b);
    expect(passwordPolicyIssues(a, { username: 'maya.okafor', email: 'maya.okafor@northwind.com' })).toEqual([]);
  });
});
