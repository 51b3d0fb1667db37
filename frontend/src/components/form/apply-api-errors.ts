// Puts an API problem's field errors (`body.email` → `email`) onto a React Hook Form's fields
// and hands back what is left for the form-level banner, so every form reports a refused
// request the same way.
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError, describeError } from '@/lib/api';

export interface ApplyApiErrorsOptions {
  /**
   * The fields this form shows. Defaults to the form's own value keys; a field error for any
   * other path goes into the returned message instead of onto a field no one can see.
   */
  fields?: readonly string[];
  /** Sentences to use instead of the API's for some problem codes (e.g. `stale_write`). */
  messages?: Partial<Record<string, string>>;
}

/** Returns the form-level message to show, or null when every error landed on a field. */
export function applyApiErrors<T extends FieldValues>(
  form: Pick<UseFormReturn<T>, 'setError' | 'getValues'>,
  error: unknown,
  options: ApplyApiErrorsOptions = {},
): string | null {
  if (error instanceof ApiError && options.messages?.[error.code]) return options.messages[error.code] ?? null;
  if (!(error instanceof ApiError) || Object.keys(error.fieldErrors).length === 0) return describeError(error);

  const known = new Set(options.fields ?? Object.keys(form.getValues() ?? {}));
  const leftover: string[] = [];
  let placed = false;
  for (const [path, messages] of Object.entries(error.fieldErrors)) {
    // A nested path (`roles.0`) belongs to its top-level control when only that is shown.
    const field = known.has(path) ? path : known.has(path.split('.')[0] ?? '') ? path.split('.')[0]! : null;
    if (field === null) {
      leftover.push(path ? `${path}: ${messages.join('; ')}` : messages.join('; '));
      continue;
    }
    form.setError(field as FieldPath<T>, { type: 'server', message: messages.join('; ') }, { shouldFocus: !placed });
    placed = true;
  }
  if (leftover.length === 0) return null;
  return placed ? leftover.join(' ') : `${describeError(error)} ${leftover.join(' ')}`.trim();
}

/**
 * For a form kept in plain state: the API problem's messages by field (`{ name: '…' }`), or the
 * whole problem under `form` when it names no field.
 */
export function errorsByField(error: unknown): Record<string, string> {
  if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) {
    return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) => [field, messages.join(' ')]));
  }
  return { form: describeError(error) };
}
