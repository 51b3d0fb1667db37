// Test fixtures for the accounts module: a fresh database, the module's real Lambda handler, and a
// real signed-in user (real access token, verified by the real authenticator) for every role.
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../test/support/identity-fixtures';
import { invoke, type InvokeResponse } from '../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { accountsModule } from './routes';

export interface AccountsTestContext extends TestContext {
  handler: HttpHandler;
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  call<T = unknown>(
    method: string,
    path: string,
    options?: { as?: Role; body?: unknown; query?: Record<string, string>; headers?: Record<string, string> },
  ): Promise<InvokeResponse<T>>;
}

export async function createAccountsTestContext(options: { env?: Record<string, string> } = {}): Promise<AccountsTestContext> {
  const ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, ...(options.env ?? {}) } });
  const handler = createHttpHandler(accountsModule, { deps: async () => ctx.deps });
  const { tokens, userIds } = await usersForEveryRole(ctx.deps);
  return {
    ...ctx,
    handler,
    tokens,
    userIds,
    call: (method, path, options = {}) =>
      invoke(handler, {
        method,
        path,
        token: tokens[options.as ?? 'campaign_manager'],
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.query ? { query: options.query } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
      }),
  };
}
