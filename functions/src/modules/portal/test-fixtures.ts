// Fixtures of the portal tests: the local stack's pieces (a fresh database, dynalite, s3rver), the
// portal, leads and telephony APIs wired as the root wires them, staff users of each role and
// client users of an organisation (client admins too) with real tokens, and an order builder.
import { eq } from 'drizzle-orm';
import type { OrderState } from '@shared/contracts/portal';
import type { Role } from '@shared/roles';
import { createEmulatedStack, type EmulatedStack } from '../../../test/support/emulated-stack';
import type { TestContext } from '../../../test/support/test-deps';
import { makeUser } from '../../../test/support/identity-fixtures';
import { invoke, type InvokeRequest, type InvokeResponse } from '../../../test/support/invoke';
import { leadsHooks, portalHooks, telephonyHooks } from '../../composition';
import { orders, orderTargetDomains, organisations, users } from '../../db/schema';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { issueAccessToken } from '../identity';
import { createLeadsModule } from '../leads';
import { createTelephonyModule } from '../telephony';
import { createPortalModule } from './index';

export const BUCKET = 'pivotal-portal-test';

export interface PortalTestContext extends EmulatedStack {
  portalApi: HttpHandler;
  leadsApi: HttpHandler;
  telephonyApi: HttpHandler;
  /** A call to the portal module (client and staff routes alike). */
  api<T = unknown>(token: string, request: Omit<InvokeRequest, 'token'>): Promise<InvokeResponse<T>>;
}

export async function createPortalTestContext(): Promise<PortalTestContext> {
  const ctx = await createEmulatedStack('portal');
  const portalApi = createHttpHandler(createPortalModule(portalHooks), { deps: async () => ctx.deps });
  const leadsApi = createHttpHandler(createLeadsModule(leadsHooks), { deps: async () => ctx.deps });
  const telephonyApi = createHttpHandler(createTelephonyModule(telephonyHooks), { deps: async () => ctx.deps });
  return { ...ctx, portalApi, leadsApi, telephonyApi, api: (token, request) => invoke(portalApi, { ...request, token }) };
}

export interface UserWithToken {
  id: string;
  token: string;
  orgId: string | null;
}

/** A staff user holding `roles`, with a real access token. */
export async function staffWithToken(t: TestContext, roles: Role[]): Promise<UserWithToken> {
  const user = await makeUser(t.deps, { roles });
  const { accessToken } = await issueAccessToken(t.deps, { id: user.id, roles, orgId: null, tokenVersion: 0, sessionId: null });
  return { id: user.id, token: accessToken, orgId: null };
}

/** A client organisation by name (made once). */
export async function organisationFixture(t: TestContext, name: string): Promise<string> {
  await t.deps.db.insert(organisations).values({ name }).onConflictDoNothing();
  const [org] = await t.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return org!.id;
}

/** A client user of `orgId` (a client admin when asked), with a real access token. */
export async function clientWithToken(t: TestContext, orgId: string, options: { clientAdmin?: boolean } = {}): Promise<UserWithToken> {
  const user = await makeUser(t.deps, { roles: ['client_user'], orgId });
  if (options.clientAdmin) await t.deps.db.update(users).set({ clientAdmin: true }).where(eq(users.id, user.id));
  const { accessToken } = await issueAccessToken(t.deps, { id: user.id, roles: ['client_user'], orgId, tokenVersion: 0, sessionId: null });
  return { id: user.id, token: accessToken, orgId };
}

/** An order of `orgId` written straight to the table (state, window and targets as given). */
export async function orderFixture(
  t: TestContext,
  input: { orgId: string; state?: OrderState; volume?: number; startsOn?: string; endsOn?: string; domains?: string[]; name?: string },
): Promise<string> {
  const today = t.deps.now().toISOString().slice(0, 10);
  const [order] = await t.deps.db
    .insert(orders)
    .values({
      orgId: input.orgId,
      name: input.name ?? 'Q1 pipeline: IT decision makers',
      state: input.state ?? 'submitted',
      channel: 'telemarketing',
      volume: input.volume ?? 100,
      costPerLeadCents: 8500,
      startsOn: input.startsOn ?? today,
      endsOn: input.endsOn ?? new Date(t.deps.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
    })
    .returning({ id: orders.id });
  if (input.domains?.length) {
    await t.deps.db.insert(orderTargetDomains).values(input.domains.map((domain) => ({ orderId: order!.id, domain })));
  }
  return order!.id;
}
