// The one sentence a refused sign-in shows: wrong credentials said the same way whatever was
// wrong, and a lockout with the time it ends.
import { ApiError } from '@/lib/api';

/** The sentence to show for a refused sign-in. */
export function signInErrorMessage(error: unknown, now: Date = new Date()): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.status === 401) return 'Username or password is incorrect.';
  if (error.code === 'rate_limited') {
    if (error.retryAfterSeconds) {
      const until = new Date(now.getTime() + error.retryAfterSeconds * 1000);
      const time = until.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      return `${error.detail ?? 'Too many attempts.'} You can sign in again at ${time}.`;
    }
    return error.detail ?? 'Too many attempts: wait a little and try again.';
  }
  if (error.status === 0) return 'The server could not be reached. Check your connection and try again.';
  return error.detail ?? error.title;
}
