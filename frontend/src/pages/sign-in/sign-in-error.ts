// The one sentence a refused sign-in shows: wrong credentials said the same way whatever was
// wrong (by our API or by Cognito), and a lockout with the time it ends.
import { ApiError } from '@/lib/api';

/** Cognito's refusals (Amplify throws them by the service's exception name). */
function cognitoMessage(error: Error): string | null {
  switch (error.name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return /disabled/i.test(error.message) ? 'This account is deactivated: ask an administrator of your workspace.' : 'Username or password is incorrect.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
    case 'TooManyFailedAttemptsException':
      return 'Too many attempts: wait a little and try again.';
    case 'InvalidPasswordException':
      return `The new password is not accepted: ${error.message.replace(/^Password does not conform to policy:\s*/i, '')}`;
    case 'PasswordResetRequiredException':
      return 'Your password must be reset: ask an administrator of your workspace.';
    case 'NetworkError':
      return 'The server could not be reached. Check your connection and try again.';
    default:
      return null;
  }
}

/** The sentence to show for a refused sign-in. */
export function signInErrorMessage(error: unknown, now: Date = new Date()): string {
  if (!(error instanceof ApiError)) return (error instanceof Error && cognitoMessage(error)) || 'Something went wrong. Try again.';
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
