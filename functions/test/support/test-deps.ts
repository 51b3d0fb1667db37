// Dependencies for service and route tests: a fresh test database, the real configuration
// parser (defaults plus what the test passes) and a silent logger.
import { parseConfig, type Config } from '../../src/config/config';
import { buildDeps } from '../../src/deps';
import type { Deps } from '../../src/core/deps';
import type { Authenticator } from '../../src/core/principal';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface TestContext {
  deps: Deps;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestDeps(
  options: { env?: Record<string, string>; auth?: Authenticator; now?: () => Date } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config: Config = parseConfig({ LOG_LEVEL: 'SILENT', ...(options.env ?? {}) });
  const deps = await buildDeps(config, {
    dbHandle: database.handle,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return { deps, database, close: () => database.drop() };
}
