// Turns any thrown value into an RFC 9457 problem+json response. Unexpected errors are answered
// with a generic body and the request id only: their message stays in the log.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { PROBLEM_TYPE_BASE, type Problem } from '@shared/contracts/problem';
import { APP_ERROR_CODES, AppError, type FieldError } from '../core/app-error';

export function zodFieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || prefix || '(root)';
    let message = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'unrecognized_keys') message = `unknown field(s): ${issue.keys.join(', ')}`;
    return { field, message };
  });
}

export function problemResponse(
  error: AppError,
  requestId: string,
  instance?: string,
): APIGatewayProxyStructuredResultV2 {
  const meta = APP_ERROR_CODES[error.code];
  const body: Problem & Record<string, unknown> = {
    ...(error.extra ?? {}),
    type: PROBLEM_TYPE_BASE + error.code,
    title: meta.title,
    status: meta.status,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    requestId,
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
  return {
    statusCode: meta.status,
    headers: {
      'content-type': 'application/problem+json',
      'cache-control': 'no-store',
      ...(error.headers ?? {}),
    },
    body: JSON.stringify(body),
  };
}

/** Maps errors thrown by libraries (middy's router, body parsing) onto AppError. */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError('invalid', { errors: zodFieldErrors(error) });
  const status = (error as { statusCode?: unknown; status?: unknown } | null)?.statusCode;
  if (status === 404) return new AppError('not_found', { detail: 'No such route.' });
  if (status === 405) return new AppError('method_not_allowed');
  return null;
}
