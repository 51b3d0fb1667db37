import { describe, expect, it } from 'vitest';
import { PROBLEM_TYPE_BASE } from '@shared/contracts/problem';
import { ApiError, describeError, isApiError } from './api';

describe('ApiError', () => {
  it('reads the problem type as a short code and keys field errors by field', () => {
    const error = new ApiError({
      type: `${PROBLEM_TYPE_BASE}invalid`,
      title: 'Your request has invalid fields',
      status: 400,
      errors: [
        { field: 'body.newPassword', message: 'must be at least 12 characters' },
        { field: 'body.newPassword', message: 'must not contain your username' },
        { field: 'query.limit', message: 'too big' },
        { field: 'roles', message: 'choose at least one role' },
      ],
    });
    expect(error.code).toBe('invalid');
    expect(error.fieldErrors).toEqual({
      newPassword: ['must be at least 12 characters', 'must not contain your username'],
      limit: ['too big'],
      roles: ['choose at least one role'],
    });
    expect(isApiError(error, 'invalid')).toBe(true);
    expect(isApiError(error, 'conflict')).toBe(false);
  });

  it('keeps a foreign problem type as it is and falls back to the title', () => {
    const error = new ApiError({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(error.code).toBe('about:blank');
    expect(describeError(error)).toBe('Bad Gateway');
    expect(error.retryAfterSeconds).toBeNull();
  });
});
