import { describe, expect, it } from 'vitest';
import { passwordRules } from './password-rules';

const owner = { username: 'priya.raman', email: 'priya.raman@northwind.com' };
const met = (values: Parameters<typeof passwordRules>[1]) =>
  Object.fromEntries(passwordRules(owner, values).map((rule) => [rule.label, rule.met]));

describe('the password checklist', () => {
  it('shows nothing met before anything is typed', () => {
    expect(Object.values(met({}))).toEqual([false, false, false, false, false]);
  });

  it('marks each rule as the password comes to meet it', () => {
    const rules = met({ currentPassword: 'Admin123!', newPassword: 'Copper-Kettle-Sunrise-19', confirmPassword: 'Copper-Kettle-Sunrise-19' });
    expect(Object.values(rules).every(Boolean)).toBe(true);
  });

  it('catches the default password, the username inside it, reuse and a mistyped confirmation', () => {
    expect(met({ newPassword: 'Admin123!' })['Not the default password']).toBe(false);
    expect(met({ newPassword: 'my-priya.raman-secret' })['Does not contain your username or email name']).toBe(false);
    expect(met({ currentPassword: 'Same-Password-123', newPassword: 'Same-Password-123' })['Different from your current password']).toBe(false);
    expect(met({ newPassword: 'Copper-Kettle-Sunrise-19', confirmPassword: 'Copper-Kettle-Sunrise-91' })['Typed the same twice']).toBe(false);
    expect(met({ newPassword: 'short' })['At least 12 characters']).toBe(false);
  });
});
