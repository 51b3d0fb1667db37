import { describe, expect, it } from 'vitest';
import { formatLastSignIn, fullName } from './user-format';

describe('how users read in the list', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('says when someone last signed in, roughly', () => {
    expect(formatLastSignIn(null, now)).toBe('Never');
    expect(formatLastSignIn('2026-11-25T11:59:30Z', now)).toBe('Just now');
    expect(formatLastSignIn('2026-11-25T11:45:00Z', now)).toBe('15 minutes ago');
    expect(formatLastSignIn('2026-11-25T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatLastSignIn('2026-11-24T10:00:00Z', now)).toBe('yesterday');
    expect(formatLastSignIn('2026-10-04T10:00:00Z', now)).toBe('Oct 4');
    expect(formatLastSignIn('2025-10-04T10:00:00Z', now)).toBe('Oct 4, 2025');
  });

  it('falls back to the username when there is no name', () => {
    expect(fullName({ firstName: 'Maya', lastName: 'Okafor', username: 'maya' })).toBe('Maya Okafor');
    expect(fullName({ firstName: ' ', lastName: '', username: 'maya' })).toBe('maya');
  });
});
