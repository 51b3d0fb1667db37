// How a user reads in lists: full name, and when they last signed in.
import type { User } from '@shared/contracts/identity';

/** "3 minutes ago", "yesterday", "Mar 4" — and the exact time in the title. */
export function formatLastSignIn(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'Never';
  const at = new Date(iso);
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (seconds < 60) return 'Just now';
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return rtf.format(-Math.round(seconds / 86_400), 'day');
  return at.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: at.getFullYear() === now.getFullYear() ? undefined : 'numeric' });
}

export const fullName = (user: Pick<User, 'firstName' | 'lastName' | 'username'>) => `${user.firstName} ${user.lastName}`.trim() || user.username;
