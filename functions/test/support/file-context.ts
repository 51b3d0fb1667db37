// A test context made once before the tests of a file (or a describe block) and closed after
// them: `const t = fileContext(createTestDeps)` in place of a `let`, a beforeAll and an afterAll.
import { afterAll, beforeAll } from 'vitest';

interface Closable {
  close(): Promise<void>;
}

/**
 * The context `create` makes in a beforeAll hook, disposed of in an afterAll hook (`close()` unless
 * `dispose` says otherwise). What it returns stands for that context: reading a property before the
 * hook has run is an error naming the property, since the context does not exist yet; writing a
 * property writes it on the context.
 */
export function fileContext<T extends Closable>(create: () => Promise<T>): T;
export function fileContext<T extends object>(create: () => Promise<T>, dispose: (context: T) => Promise<void>): T;
export function fileContext<T extends object>(
  create: () => Promise<T>,
  dispose: (context: T) => Promise<void> = (context) => (context as unknown as Closable).close(),
): T {
  let current: T | undefined;
  beforeAll(async () => {
    current = await create();
  });
  afterAll(async () => {
    if (current) await dispose(current);
  });
  // The hooks run after the file is collected, so the caller holds this stand-in, which reads
  // through to the context once it exists (methods keep the context as `this`).
  const context = (key: PropertyKey): T => {
    if (!current) throw new Error(`The test context's ${String(key)} was used before its beforeAll hook ran.`);
    return current;
  };
  return new Proxy({} as T, {
    get(_target, key) {
      const value: unknown = Reflect.get(context(key), key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
    // A test may swap a part of the context (its hooks, say) for the tests that follow.
    set: (_target, key, value) => Reflect.set(context(key), key, value),
    has: (_target, key) => key in context(key),
  });
}
