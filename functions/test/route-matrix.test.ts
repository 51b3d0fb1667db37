// The permission matrix, generated from the route tables: every route of every module in
// apiModules is called by a real signed-in user of each role, with no token, with forged and
// expired tokens, by a deactivated user and by a user who must still change the default password.
// A route added later is covered without touching this file.
import { generateKeyPair, SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '@shared/access';
import { ROLES, type Role } from '@shared/roles';
import { createHttpHandler, validateRouteTable, type HttpHandler } from '../src/http/create-http-handler';
import { routeRoles, type Route } from '../src/http/route';
import { apiModules } from '../src/modules';
import { createSigningKeys, SIGNING_ALG } from '../src/modules/identity';
import { issueAccessToken } from '../src/modules/identity';
import { deactivateUser } from '../src/modules/identity';
import { invoke, type InvokeResponse } from './support/invoke';
import { createIdentityTestContext, makeUser, signIn, type IdentityTestContext, type UserFixture } from './support/identity-fixtures';

interface RouteUnderTest {
  module: string;
  route: Route;
  handler?: HttpHandler;
}

const routes: RouteUnderTest[] = apiModules.flatMap((mod) => mod.routes.map((route) => ({ module: mod.name, route })));

/** Path parameters are filled with valid uuids: authorization is decided before validation anyway. */
const PARAM_VALUE = '0190c6c4-7b1e-7000-8000-00000000abcd';
const concretePath = (path: string) => path.replace(/\{[^}]+\}/g, PARAM_VALUE);

type BadTokenCaller =
  | 'expired'
  | 'other key'
  | 'other key, same kid'
  | 'tampered roles'
  | 'tampered subject'
  | 'wrong issuer'
  | 'wrong audience'
  | 'not an access token'
  | 'user that does not exist'
  | 'alg none'
  | 'garbage';
const BAD_TOKENS: BadTokenCaller[] = [
  'expired',
  'other key',
  'other key, same kid',
  'tampered roles',
  'tampered subject',
  'wrong issuer',
  'wrong audience',
  'not an access token',
  'user that does not exist',
  'alg none',
  'garbage',
];

function editPayload(token: string, edit: (payload: Record<string, unknown>) => void): string {
  const [header, , signature] = token.split('.');
  const payload = decodeJwt(token) as Record<string, unknown>;
  edit(payload);
  return [header, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}

// Read through the access policy: the matrix checks each route against the roles its capability names there.
const expectedRoles = (route: Route): readonly Role[] => {
  const roles = routeRoles(route);
  return roles === 'public' || roles === 'authenticated' ? ROLES : roles;
};

describe('the route × role matrix (every route of every module)', () => {
  let t: IdentityTestContext;
  const roleTokens = new Map<Role, string>();
  const badTokens = new Map<BadTokenCaller, string>();
  let deactivatedToken: string;
  let mustChangeToken: string;
  let cookieOwner: UserFixture;

  beforeAll(async () => {
    t = await createIdentityTestContext();
    const deps = t.deps;
    for (const entry of routes) {
      const mod = apiModules.find((m) => m.name === entry.module)!;
      entry.handler = createHttpHandler(mod, { deps: async () => deps });
    }

    const users = new Map<Role, UserFixture>();
    for (const role of ROLES) {
      const user = await makeUser(deps, { roles: [role] });
      users.set(role, user);
      roleTokens.set(role, (await signIn(t.identity, user.username, user.password)).accessToken);
    }
    expect(users.get('client_user')!.orgId).not.toBeNull();

    // Forged and stale tokens are made for the admin, so a check that fails to reject them shows.
    const admin = users.get('admin')!;
    const adminSubject = { id: admin.id, roles: ['admin'] as Role[], orgId: null, tokenVersion: 0, sessionId: null };
    const past = new Date(Date.now() - 2 * 3600 * 1000);
    badTokens.set('expired', (await issueAccessToken({ ...deps, now: () => past }, adminSubject)).accessToken);
    const otherKeys = createSigningKeys({ AUTH_KEYS_DIR: undefined });
    badTokens.set('other key', (await issueAccessToken({ ...deps, signingKeys: otherKeys }, adminSubject)).accessToken);
    const realKid = (await deps.signingKeys.current()).kid;
    const impostor = await generateKeyPair(SIGNING_ALG);
    const iat = Math.floor(Date.now() / 1000);
    const forge = (claims: Record<string, unknown>, overrides: { issuer?: string; audience?: string } = {}) =>
      new SignJWT({ sub: admin.id, roles: ['admin'], ver: 0, token_use: 'access', ...claims })
        .setProtectedHeader({ alg: SIGNING_ALG, kid: realKid, typ: 'JWT' })
        .setIssuer(overrides.issuer ?? deps.config.AUTH_ISSUER)
        .setAudience(overrides.audience ?? deps.config.AUTH_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + 600);
    badTokens.set('other key, same kid', await forge({}).sign(impostor.privateKey));
    const realKey = (await deps.signingKeys.current()).privateKey;
    badTokens.set('wrong issuer', await forge({}, { issuer: 'https://attacker.example' }).sign(realKey));
    badTokens.set('wrong audience', await forge({}, { audience: 'someone-else' }).sign(realKey));
    badTokens.set('not an access token', await forge({ token_use: 'id' }).sign(realKey));
    badTokens.set('user that does not exist', await forge({ sub: '0190c6c4-7b1e-7000-8000-0000deadbeef' }).sign(realKey));
    const agentToken = roleTokens.get('agent')!;
    badTokens.set('tampered roles', editPayload(agentToken, (p) => void (p.roles = [...ROLES])));
    badTokens.set('tampered subject', editPayload(agentToken, (p) => void (p.sub = admin.id)));
    const unsigned = editPayload(agentToken, (p) => void (p.sub = admin.id)).split('.');
    badTokens.set('alg none', [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), unsigned[1], ''].join('.'));
    badTokens.set('garbage', 'not-a-jwt');
    // The forged tokens are otherwise well-formed: only the signature (or its key) gives them away.
    expect(decodeJwt(badTokens.get('tampered roles')!).roles).toEqual([...ROLES]);

    const gone = await makeUser(deps, { roles: ['admin'] });
    deactivatedToken = (await signIn(t.identity, gone.username, gone.password)).accessToken;
    await deactivateUser(deps, { userId: gone.id, context: { userId: null, requestId: null } });

    const fresh = await makeUser(deps, { roles: ['admin'], mustChangePassword: true });
    mustChangeToken = (await signIn(t.identity, fresh.username, fresh.password)).accessToken;

    cookieOwner = await makeUser(deps, { roles: ['agent'] });
  });
  afterAll(async () => t?.close());

  async function call(entry: RouteUnderTest, token: string | undefined): Promise<InvokeResponse<{ type?: string }>> {
    const { route } = entry;
    // Public routes that authenticate by cookie (refresh, logout) get a live session of their own,
    // so the only thing varying between callers is the bearer token.
    const cookies = route.access === 'public' ? [(await signIn(t.identity, cookieOwner.username, cookieOwner.password)).refreshCookie] : undefined;
    return invoke(entry.handler!, {
      method: route.method,
      path: concretePath(route.path),
      ...(token ? { token } : {}),
      ...(cookies ? { cookies } : {}),
    });
  }

  const passedAuth = (status: number) => status !== 401 && status !== 403;

  it('covers every route of every module, and every route declares its capability', () => {
    expect(() => validateRouteTable(apiModules)).not.toThrow();
    expect(routes.length).toBe(apiModules.reduce((n, m) => n + m.routes.length, 0));
    expect(routes.length).toBeGreaterThan(0);
  });

  // What a screen offers must pass authorization for everyone who sees the screen: the record
  // timeline offers each call's recording to whoever reads the record (lead QA among them).
  it("lets every role that reads records play a call's recording from the timeline", async () => {
    const entry = routes.find((e) => e.route.method === 'GET' && e.route.path === '/api/telephony/calls/{id}/recording');
    expect(entry).toBeDefined();
    const readers = ROLES.filter((role) => can([role], 'records.read'));
    expect(readers).toContain('quality_analyst');
    for (const role of readers) {
      const res = await call(entry!, roleTokens.get(role));
      expect(passedAuth(res.status), `${role} got ${res.status}: ${res.text}`).toBe(true);
    }
  });

  describe.each(routes.map((entry) => [`${entry.route.method} ${entry.route.path} (${entry.module})`, entry] as const))('%s', (_name, entry) => {
    const { route } = entry;

    if (route.access === 'public') {
      it('is open to everyone: no caller gets 401 or 403, and the token makes no difference', async () => {
        const statuses = new Map<string, number>();
        statuses.set('no token', (await call(entry, undefined)).status);
        for (const role of ROLES) statuses.set(role, (await call(entry, roleTokens.get(role))).status);
        for (const bad of BAD_TOKENS) statuses.set(bad, (await call(entry, badTokens.get(bad))).status);
        statuses.set('deactivated', (await call(entry, deactivatedToken)).status);
        statuses.set('must change password', (await call(entry, mustChangeToken)).status);
        for (const [caller, status] of statuses) expect(passedAuth(status), `${caller} got ${status}`).toBe(true);
        expect(new Set(statuses.values()).size, JSON.stringify(Object.fromEntries(statuses))).toBe(1);
      });
      return;
    }

    it(`lets exactly ${route.access === 'authenticated' ? 'every signed-in role' : `${route.access} (${expectedRoles(route).join(', ')})`} past authorization`, async () => {
      const passed: Role[] = [];
      const statuses: Record<string, number> = {};
      for (const role of ROLES) {
        const res = await call(entry, roleTokens.get(role));
        statuses[role] = res.status;
        if (passedAuth(res.status)) passed.push(role);
        else expect(res.status, `${role}: ${res.text}`).toBe(403);
      }
      expect(passed, JSON.stringify(statuses)).toEqual([...expectedRoles(route)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)));
    });

    it('answers 401 with no token and with every bad token', async () => {
      const none = await call(entry, undefined);
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      for (const bad of BAD_TOKENS) {
        const res = await call(entry, badTokens.get(bad));
        expect(res.status, `${bad}: ${res.text}`).toBe(401);
      }
    });

    it('answers 401 to a deactivated user whose token has not expired', async () => {
      expect((await call(entry, deactivatedToken)).status).toBe(401);
    });

    it(
      route.allowDuringPasswordChange
        ? 'stays open to a user who must still change the default password'
        : 'answers 403 password_change_required while the default password is unchanged',
      async () => {
        const res = await call(entry, mustChangeToken);
        if (route.allowDuringPasswordChange) {
          expect(passedAuth(res.status), res.text).toBe(true);
        } else {
          expect(res.status).toBe(403);
          expect(res.json.type).toMatch(/\/password_change_required$/);
        }
      },
    );
  });
});
