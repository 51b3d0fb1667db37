// Test fixtures for the audience module: a fresh database, the module's real Lambda handler (and
// the accounts one, to create records through their API), and a real signed-in user per role.
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../test/support/identity-fixtures';
import { invoke, type InvokeResponse } from '../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { accountsModule } from '../accounts';
import { audienceModule } from './routes';

type CallOptions = { as?: Role; body?: unknown; query?: Record<string, string> };

export interface AudienceTestContext extends TestContext {
  handler: HttpHandler;
  accounts: HttpHandler;
  userIds: Record<Role, string>;
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<InvokeResponse<T>>;
  callAccounts<T = unknown>(method: string, path: string, options?: CallOptions): Promise<InvokeResponse<T>>;
}

export async function createAudienceTestContext(): Promise<AudienceTestContext> {
  const ctx = await createTestDeps({ env: FAST_AUTH_ENV });
  const handler = createHttpHandler(audienceModule, { deps: async () => ctx.deps });
  const accounts = createHttpHandler(accountsModule, { deps: async () => ctx.deps });
  const { tokens, userIds } = await usersForEveryRole(ctx.deps);
  const caller =
    (h: HttpHandler) =>
    <T>(method: string, path: string, options: CallOptions = {}) =>
      invoke<T>(h, {
        method,
        path,
        token: tokens[options.as ?? 'campaign_manager'],
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.query ? { query: options.query } : {}),
      });
  return { ...ctx, handler, accounts, userIds, call: caller(handler), callAccounts: caller(accounts) };
}
