// What a failed statement's Postgres error says, wherever the driver put it: Drizzle wraps the
// driver's error as its cause, so each reader walks the cause chain (a few links at most).
const MAX_DEPTH = 4;

type ErrorLink = { code?: unknown; constraint?: unknown; cause?: unknown };

function findInChain<T>(error: unknown, pick: (link: ErrorLink) => T | undefined): T | undefined {
  for (let e = error as ErrorLink | undefined, depth = 0; e && depth < MAX_DEPTH; e = e.cause as ErrorLink | undefined, depth++) {
    const found = pick(e);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_CHECK_VIOLATION = '23514';

/** The SQLSTATE of a failed query, if it is a Postgres error. */
export function pgErrorCode(error: unknown): string | undefined {
  return findInChain(error, (e) => (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined));
}

/** The constraint a failed query violated, if Postgres named one. */
export function pgConstraint(error: unknown): string | undefined {
  return findInChain(error, (e) => (typeof e.constraint === 'string' ? e.constraint : undefined));
}

export const isUniqueViolation = (error: unknown): boolean => pgErrorCode(error) === PG_UNIQUE_VIOLATION;

export const isForeignKeyViolation = (error: unknown): boolean => pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION;
