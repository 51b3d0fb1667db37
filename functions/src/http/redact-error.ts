// What an unexpected error may put in the log. Request data must not: a driver's error message
// quotes the query's parameters (Drizzle: "params: ada@example.com") and Postgres quotes values in
// messages and details ("Key (email)=(ada@example.com) already exists"). So a database error is
// logged by its codes and names only; any other error by its name, a shortened message and its
// stack frames.

/** A Postgres SQLSTATE: five digits or capitals. */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_MESSAGE_CHARS = 300;
const MAX_STACK_FRAMES = 15;
const MAX_CAUSES = 4;

/** The fields of a Postgres error (pg's and PGlite's DatabaseError) that name things, never values. */
const SAFE_DB_FIELDS = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

type ErrorLike = Record<string, unknown> & { name?: unknown; message?: unknown; stack?: unknown; cause?: unknown };

export interface RedactedError {
  name: string;
  message?: string;
  /** The Postgres error behind it, by codes and names only. */
  database?: Partial<Record<(typeof SAFE_DB_FIELDS)[number], string>> & { name: string };
  stack?: string[];
  cause?: RedactedError;
}

const isObject = (value: unknown): value is ErrorLike => typeof value === 'object' && value !== null;

const nameOf = (error: unknown): string =>
  isObject(error) ? (typeof error.name === 'string' && error.name) || error.constructor?.name || 'Object' : typeof error;

/** The error and its causes, outermost first. */
function chainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length <= MAX_CAUSES; e = isObject(e) ? e.cause : undefined) {
    chain.push(e);
  }
  return chain;
}

const isDatabaseError = (error: unknown): error is ErrorLike => isObject(error) && typeof error.code === 'string' && SQLSTATE.test(error.code);

/** The "at …" lines only: a stack's first line repeats the message. */
function framesOf(error: unknown): string[] | undefined {
  if (!isObject(error) || typeof error.stack !== 'string') return undefined;
  const frames = error.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_STACK_FRAMES)
    .map((line) => line.trim());
  return frames.length ? frames : undefined;
}

function shorten(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

export function redactError(error: unknown, depth = 0): RedactedError {
  const chain = chainOf(error);
  const stack = framesOf(error);
  const dbError = chain.find(isDatabaseError);
  if (dbError) {
    const database: NonNullable<RedactedError['database']> = { name: nameOf(dbError) };
    for (const field of SAFE_DB_FIELDS) {
      const value = dbError[field];
      if (typeof value === 'string' && value) database[field] = value;
    }
    return { name: nameOf(error), database, ...(stack ? { stack } : {}) };
  }
  const message = isObject(error) ? error.message : error;
  const cause = isObject(error) ? error.cause : undefined;
  return {
    name: nameOf(error),
    ...(typeof message === 'string' || typeof message === 'number' ? { message: shorten(String(message)) } : {}),
    ...(stack ? { stack } : {}),
    ...(cause !== undefined && cause !== null && depth < MAX_CAUSES ? { cause: redactError(cause, depth + 1) } : {}),
  };
}
