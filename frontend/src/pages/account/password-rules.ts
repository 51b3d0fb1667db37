// The password policy as a checklist the form shows while the user types; the rules themselves
// are the shared ones the API applies (passwordPolicyIssues).
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordPolicyIssues } from '@shared/contracts/identity';

export interface PasswordOwner {
  username: string;
  email: string;
}

interface Rule {
  label: string;
  met: boolean;
}

/** The policy as a checklist, re-evaluated on every keystroke. */
export function passwordRules(owner: PasswordOwner, values: { currentPassword?: string; newPassword?: string; confirmPassword?: string }): Rule[] {
  const next = values.newPassword ?? '';
  const issues = passwordPolicyIssues(next, owner);
  const has = (fragment: string) => issues.some((issue) => issue.includes(fragment));
  return [
    { label: `At least ${PASSWORD_MIN_LENGTH} characters`, met: next.length >= PASSWORD_MIN_LENGTH && next.length <= PASSWORD_MAX_LENGTH },
    { label: 'Not the default password', met: next.length > 0 && !has('default') },
    { label: 'Does not contain your username or email name', met: next.length > 0 && !has('username') && !has('email name') },
    { label: 'Different from your current password', met: next.length > 0 && next !== values.currentPassword },
    { label: 'Typed the same twice', met: next.length > 0 && next === values.confirmPassword },
  ];
}
