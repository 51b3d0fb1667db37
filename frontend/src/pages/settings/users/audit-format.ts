// Turns audit rows into sentences and field changes: "Roles changed — roles: Agent → Agent,
// Quality analyst". Pure, so the trail reads the same wherever it is shown.
import type { AuditEntry } from '@shared/contracts/identity';
import { isRole, ROLE_LABELS } from '@shared/roles';

const ACTIONS: Record<string, string> = {
  'user.created': 'Created the user',
  'user.updated': 'Edited the profile',
  'user.roles_changed': 'Changed the roles',
  'user.roles_migrated': 'Migrated the legacy role',
  'user.deactivated': 'Deactivated the user',
  'user.reactivated': 'Reactivated the user',
  'user.password_changed': 'Changed the password',
};

const FIELDS: Record<string, string> = {
  username: 'Username',
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  status: 'Status',
  roles: 'Roles',
  orgId: 'Organisation',
  mustChangePassword: 'Must change password',
};

export function describeAction(action: string): string {
  return ACTIONS[action] ?? action.replace(/^[a-z]+\./, '').replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => (isRole(v) ? ROLE_LABELS[v] : formatAuditValue(v))).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Each field whose value differs between before and after (all of `after` for a creation). */
export function fieldChanges(entry: Pick<AuditEntry, 'before' | 'after'>): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  // Known fields in a fixed reading order (the stored JSON keeps none), unknown ones after.
  const rank = (field: string) => {
    const index = Object.keys(FIELDS).indexOf(field);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => rank(a) - rank(b));
  return keys
    .map((field) => ({
      field,
      label: FIELDS[field] ?? field,
      before: formatAuditValue(before[field]),
      after: formatAuditValue(after[field]),
    }))
    .filter((change) => change.before !== change.after);
}
