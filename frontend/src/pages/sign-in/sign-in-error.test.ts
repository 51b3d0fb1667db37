import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPE_BASE } from '@shared/contracts/problem';
import { ApiError } from '@/lib/api';
import { signInErrorMessage } from './sign-in-error';

const problem = (code: string, status: number, detail?: string) => ({ type: PROBLEM_TYPE_BASE + code, title: code, status, detail });

describe('the sign-in error sentence', () => {
  it('says the same for any refused credentials, whatever the server detail', () => {
    expect(signInErrorMessage(new ApiError(problem('unauthenticated', 401, 'The username, email or password is not correct.')))).toBe(
      'Username or password is incorrect.',
    );
  });

  it('gives the lockout with the time it ends', () => {
    const now = new Date(2026, 10, 25, 9, 0, 0);
    const message = signInErrorMessage(
      new ApiError(problem('rate_limited', 429, 'Too many failed sign-ins: try again in 15 minutes.'), 900),
      now,
    );
    expect(message).toContain('Too many failed sign-ins: try again in 15 minutes.');
    const at = new Date(now.getTime() + 900_000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    expect(message).toContain(`You can sign in again at ${at}.`);
  });

  it('explains an unreachable server and anything unexpected', () => {
    expect(signInErrorMessage(new ApiError({ type: 'network', title: 'x', status: 0 }))).toMatch(/could not be reached/);
    expect(signInErrorMessage(new Error('boom'))).toBe('Something went wrong. Try again.');
  });

  it('says the same for refusals by Cognito, and tells a lockout or a disabled account apart', () => {
    const cognito = (name: string, message: string) => Object.assign(new Error(message), { name });
    expect(signInErrorMessage(cognito('NotAuthorizedException', 'Incorrect username or password.'))).toBe('Username or password is incorrect.');
    expect(signInErrorMessage(cognito('UserNotFoundException', 'User does not exist.'))).toBe('Username or password is incorrect.');
    expect(signInErrorMessage(cognito('NotAuthorizedException', 'User is disabled.'))).toMatch(/deactivated/);
    expect(signInErrorMessage(cognito('TooManyRequestsException', 'Rate exceeded'))).toMatch(/Too many attempts/);
    expect(signInErrorMessage(cognito('InvalidPasswordException', 'Password does not conform to policy: Password not long enough'))).toBe(
      'The new password is not accepted: Password not long enough',
    );
  });
});
