import { describe, expect, it } from 'vitest';
import { describeAction, fieldChanges, formatAuditValue } from './audit-format';

describe('reading the audit trail', () => {
  it('names known actions in words and tidies unknown ones', () => {
    expect(describeAction('user.roles_changed')).toBe('Changed the roles');
    expect(describeAction('user.mfa_enrolled')).toBe('Mfa enrolled');
  });

  it('lists only the fields that changed, with role labels', () => {
    const changes = fieldChanges({ before: { roles: ['agent'], email: 'a@x.com' }, after: { roles: ['agent', 'quality_analyst'], email: 'a@x.com' } });
    expect(changes).toEqual([{ field: 'roles', label: 'Roles', before: 'Agent', after: 'Agent, Quality analyst' }]);
  });

  it('shows every field of a creation, and copes with odd shapes', () => {
    expect(fieldChanges({ before: null, after: { mustChangePassword: true, status: 'active' } })).toEqual([
      { field: 'status', label: 'Status', before: '—', after: 'active' },
      { field: 'mustChangePassword', label: 'Must change password', before: '—', after: 'yes' },
    ]);
    expect(fieldChanges({ before: 'not an object', after: [1, 2] })).toEqual([]);
    expect(formatAuditValue({ nested: 1 })).toBe('{"nested":1}');
    expect(formatAuditValue([])).toBe('—');
  });
});
