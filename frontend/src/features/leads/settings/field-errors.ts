// The problems of a whole-object form kept in plain state, by field path (`checklist.2.label`):
// the same map whether the contract's schema refused the values here or the API refused them,
// so each message lands on the field it names and the rest in the form's banner.
import type { z } from 'zod';
import { errorsByField } from '@/components/form/apply-api-errors';

export type FieldErrors = Record<string, string>;

/** A zod refusal as messages by dotted path (the first message of each path). */
export function issuesByPath(error: z.ZodError): FieldErrors {
  const byPath: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    byPath[path] ??= issue.message;
  }
  return byPath;
}

/** An API refusal as messages by path (`form` for what names no field). */
export const apiFieldErrors = (error: unknown): FieldErrors => errorsByField(error);

/** The messages no shown field takes, for the banner. */
export function leftoverErrors(errors: FieldErrors, shown: (path: string) => boolean): string | null {
  const left = Object.entries(errors)
    .filter(([path]) => !shown(path))
    .map(([path, message]) => (path === 'form' ? message : `${path}: ${message}`));
  return left.length ? left.join(' ') : null;
}
