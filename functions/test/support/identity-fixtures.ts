// Fixtures for tests that need real users and real tokens: a settable clock, fast password
// hashing, a user builder (through the identity service, so roles and audit rows are real) and
// sign-in through the real POST /api/auth/login route.
import { expect } from 'vitest';
import type { TokenResponse } from '@shared/contracts/identity';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../src/http/create-http-handler';
import type { Deps } from '../../src/core/deps';
import { createOrganisation, createUser, identityModule, issueAccessToken } from '../../src/modules/identity';
import { STAFF_ROLES } from '@shared/roles';
import { REFRESH_COOKIE_NAME } from '@shared/contracts/identity';
import { invoke, type InvokeResponse } from './invoke';
import { createTestDeps, type TestContext } from './test-deps';

/** bcrypt cost 4 keeps hashing fast; the per-IP limit is lifted because every test call comes from 127.0.0.1. */
export const FAST_AUTH_ENV: Record<string, string> = { PASSWORD_HASH_COST: '4', LOGIN_RATE_LIMIT_PER_MINUTE: '100000' };

export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

/** A clock that starts at the real time and only moves when told. */
export function testClock(start = new Date()): TestClock {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

export interface IdentityTestContext extends TestContext {
  clock: TestClock;
  /** The identity module's Lambda handler, on these deps. */
  identity: HttpHandler;
}

export async function createIdentityTestContext(options: { env?: Record<string, string> } = {}): Promise<IdentityTestContext> {
  const clock = testClock();
  const ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, ...(options.env ?? {}) }, now: clock.now });
  const identity = createHttpHandler(identityModule, { deps: async () => ctx.deps });
  return { ...ctx, clock, identity };
}

let counter = 0;

export const STRONG_PASSWORD = 'correct horse battery staple';

export interface UserFixture {
  id: string;
  username: string;
  email: string;
  password: string;
  roles: Role[];
  orgId: string | null;
}

/** A user with the given roles (a client user gets a fresh organisation unless one is given). */
export async function makeUser(
  deps: Deps,
  options: { roles: Role[]; orgId?: string; username?: string; password?: string; mustChangePassword?: boolean },
): Promise<UserFixture> {
  const n = ++counter;
  const username = options.username ?? `user${n}.${options.roles.join('-').replace(/_/g, '')}`;
  const password = options.password ?? STRONG_PASSWORD;
  let orgId = options.orgId ?? null;
  if (options.roles.includes('client_user') && !orgId) {
    orgId = (await createOrganisation(deps, { request: { name: `Client Org ${n} ${Date.now()}` }, context: { userId: null, requestId: null } })).id;
  }
  const user = await createUser(deps, {
    request: {
      username,
      email: `${username.replace(/[^a-z0-9]/gi, '')}@example.com`,
      firstName: 'Test',
      lastName: `User ${n}`,
      password,
      roles: options.roles,
      ...(orgId ? { orgId } : {}),
      mustChangePassword: options.mustChangePassword ?? false,
    },
    context: { userId: null, requestId: null },
  });
  return { id: user.id, username: user.username, email: user.email, password, roles: user.roles, orgId: user.orgId };
}

export interface SignedIn {
  accessToken: string;
  /** `refresh_token=…`, as the browser sends it back. */
  refreshCookie: string;
  /** The Set-Cookie value as the server sent it. */
  setCookie: string;
  body: TokenResponse;
}

export function refreshCookieOf(res: InvokeResponse): { cookie: string; setCookie: string } {
  const setCookie = res.cookies.find((c) => c.startsWith(`${REFRESH_COOKIE_NAME}=`));
  if (!setCookie) throw new Error(`no refresh cookie in ${JSON.stringify(res.cookies)}`);
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

export function login(handler: HttpHandler, loginName: string, password: string): Promise<InvokeResponse<TokenResponse>> {
  return invoke<TokenResponse>(handler, { method: 'POST', path: '/api/auth/login', body: { login: loginName, password } });
}

/** Signs in through the real route and fails the test if that does not work. */
export async function signIn(handler: HttpHandler, loginName: string, password: string): Promise<SignedIn> {
  const res = await login(handler, loginName, password);
  expect(res.status, res.text).toBe(200);
  const { cookie, setCookie } = refreshCookieOf(res);
  return { accessToken: res.json.accessToken, refreshCookie: cookie, setCookie, body: res.json };
}

/** A new user with the given roles, signed in through the real route. */
export async function signedInUser(
  t: Pick<IdentityTestContext, 'deps' | 'identity'>,
  options: Parameters<typeof makeUser>[1],
): Promise<{ user: UserFixture; session: SignedIn; accessToken: string }> {
  const user = await makeUser(t.deps, options);
  const session = await signIn(t.identity, user.username, user.password);
  return { user, session, accessToken: session.accessToken };
}

/** A user and an access token for every role (the staff roles and client_user), for route tests. */
export async function usersForEveryRole(deps: Deps): Promise<{ tokens: Record<Role, string>; userIds: Record<Role, string> }> {
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of [...STAFF_ROLES, 'client_user'] as Role[]) {
    const user = await makeUser(deps, { roles: [role] });
    userIds[role] = user.id;
    tokens[role] = (await issueAccessToken(deps, { id: user.id, roles: [role], orgId: user.orgId, tokenVersion: 0, sessionId: null })).accessToken;
  }
  return { tokens, userIds };
}
