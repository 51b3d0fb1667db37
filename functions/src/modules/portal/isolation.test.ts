// Tenant isolation, generated from the portal module's route table: every client route
// (portal.client) is called by a client user of organisation A with the ids of organisation B's
// objects in its path (404, exactly like an id that does not exist, and none of B's data in the
// answer), routes without ids are called too (none of B's data, none of B's rows changed), and A's
// own ids are found; a list route that takes an object's id in its query (orderId) is called with
// B's id there too (404). Every other portal route refuses a client user (403). A route added to
// the table is covered without touching this file, unless it takes a path or query id or a body
// this file does not know yet: then the test fails and says what to add.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fileContext } from '../../../test/support/file-context';
import { portalHooks } from '../../composition';
import { clientSuppressions, leads, orders, orderTargetDomains, users } from '../../db/schema';
import type { Route } from '../../http/route';
import { apiModules } from '../index';
import { createPortalModule } from './index';
import { clientWithToken, createPortalTestContext, orderFixture, organisationFixture, type UserWithToken } from './test-fixtures';

const t = fileContext(createPortalTestContext);

const routes = createPortalModule(portalHooks).routes;
const clientRoutes = routes.filter((r) => r.access === 'portal.client');
const otherRoutes = routes.filter((r) => r.access !== 'portal.client' && r.access !== 'public' && r.access !== 'authenticated');
const key = (route: Route) => `${route.method} ${route.path}`;

interface Objects {
  orgName: string;
  orgId: string;
  orderId: string;
  leadId: string;
  userId: string;
  suppressionId: string;
  /** Text only this organisation's objects hold: none of it may reach the other organisation. */
  secrets: string[];
}

/** An organisation with an order (and its targets), a published lead of it, a client user and an entry on its suppression list. */
async function organisationWithObjects(tag: string): Promise<Objects> {
  const orgName = `Tenant ${tag} Holdings`;
  const orgId = await organisationFixture(t, orgName);
  const secret = (what: string) => `${tag.toLowerCase()}-secret-${what}`;
  const orderId = await orderFixture(t, { orgId, name: `Tenant ${tag} secret order`, domains: [`${secret('target')}.com`] });
  const [lead] = await t.deps.db
    .insert(leads)
    .values({ state: 'published', source: 'manual', orderId, clientOrgId: orgId, publishedAt: t.deps.now(), fields: { email: `${secret('lead')}@example.com`, company: `Tenant ${tag} lead company` } })
    .returning({ id: leads.id });
  const user = await clientWithToken(t, orgId);
  const [userRow] = await t.deps.db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
  const [suppression] = await t.deps.db
    .insert(clientSuppressions)
    .values({ orgId, kind: 'domain', value: `${secret('suppressed')}.com` })
    .returning({ id: clientSuppressions.id });
  return {
    orgName,
    orgId,
    orderId,
    leadId: lead!.id,
    userId: user.id,
    suppressionId: suppression!.id,
    secrets: [orgName, `Tenant ${tag} secret order`, secret('target'), secret('lead'), `Tenant ${tag} lead company`, secret('suppressed'), userRow!.email],
  };
}

/** Each path parameter a portal client route may take, and whose object it names. */
const PARAMS: Record<string, (o: Objects) => string> = {
  orderId: (o) => o.orderId,
  leadId: (o) => o.leadId,
  userId: (o) => o.userId,
};

/** A valid body for each client route that takes one (an invalid body would answer 400 before the scope is reached). */
const BODIES: Record<string, (other: Objects) => unknown> = {
  'POST /api/portal/orders': () => ({ name: 'A fresh order', channel: 'email', volume: 5, costPerLeadCents: 100, startsOn: '2030-01-01', endsOn: '2030-02-01' }),
  'PATCH /api/portal/orders/{orderId}': () => ({ name: 'Renamed by another tenant', notes: 'changed' }),
  'POST /api/portal/orders/{orderId}/cancel': () => ({ note: 'cancelled by another tenant' }),
  'PUT /api/portal/orders/{orderId}/targets': () => ({ domains: ['written-by-another-tenant.com'] }),
  'POST /api/portal/suppressions': () => ({ entries: [{ kind: 'domain', value: 'added-by-a.com' }] }),
  'DELETE /api/portal/suppressions': (other) => ({ ids: [other.suppressionId] }),
  'POST /api/portal/leads/{leadId}/return': () => ({ reasonCode: 'wrong_title', note: 'returned by another tenant' }),
  'POST /api/portal/users': () => ({ email: 'invited-by-a@example.com', firstName: 'Ivy', lastName: 'Invited' }),
};

/**
 * Each object id a portal client route may take in its query, whose object it names, and what
 * another organisation's id there gets: 404 (like a missing one) or ignored (a staff-only filter
 * the client scope overrides: the answer is the caller's own rows).
 */
const QUERY_IDS: Record<string, { pick: (o: Objects) => string; foreign: 'not_found' | 'ignored' }> = {
  orderId: { pick: (o) => o.orderId, foreign: 'not_found' },
  orgId: { pick: (o) => o.orgId, foreign: 'ignored' },
};

const queryIdNames = (route: Route) => Object.keys((route.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {}).filter((name) => name.endsWith('Id'));
const takesIds = (route: Route) => route.method === 'GET' && queryIdNames(route).length > 0;

/** The route's query with each object id it takes set to `objects`' (unknown ones fail the test, saying what to add). */
function idQuery(route: Route, objects: Objects): Record<string, string> {
  return Object.fromEntries(
    queryIdNames(route).map((name) => {
      const known = QUERY_IDS[name];
      if (!known) throw new Error(`${key(route)}: query parameter ${name} is unknown to the isolation test; add it to QUERY_IDS with the object it names.`);
      return [name, known.pick(objects)];
    }),
  );
}

function concretePath(route: Route, objects: Objects): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const pick = PARAMS[name];
    if (!pick) throw new Error(`${key(route)}: path parameter {${name}} is unknown to the isolation test; add it to PARAMS with the object it names.`);
    return pick(objects);
  });
}

function bodyFor(route: Route, other: Objects): unknown {
  if (!route.body) return undefined;
  const body = BODIES[key(route)]?.(other) ?? {};
  const parsed = (route.body as z.ZodType).safeParse(body);
  if (!parsed.success) throw new Error(`${key(route)}: the isolation test has no valid body for it; add one to BODIES (${parsed.error.message.slice(0, 300)}).`);
  return body;
}

describe('tenant isolation of the portal (generated from its route table)', () => {
  let a: Objects;
  let b: Objects;
  let caller: UserWithToken;
  const tested = new Set<string>();
  const setUp = async () => {
    a ??= await organisationWithObjects('Alpha');
    b ??= await organisationWithObjects('Bravo');
    if (!caller) {
      const [orgA] = await t.deps.db.select({ orgId: orders.orgId }).from(orders).where(eq(orders.id, a.orderId));
      caller = await clientWithToken(t, orgA!.orgId, { clientAdmin: true });
    }
  };
  const bState = async () => ({
    order: (await t.deps.db.select({ name: orders.name, state: orders.state, notes: orders.notes, updatedAt: orders.updatedAt }).from(orders).where(eq(orders.id, b.orderId)))[0],
    targets: (await t.deps.db.select({ domain: orderTargetDomains.domain }).from(orderTargetDomains).where(eq(orderTargetDomains.orderId, b.orderId))).map((r) => r.domain),
    lead: (await t.deps.db.select({ state: leads.state, returnedAt: leads.returnedAt }).from(leads).where(eq(leads.id, b.leadId)))[0],
    user: (await t.deps.db.select({ status: users.status, clientAdmin: users.clientAdmin }).from(users).where(eq(users.id, b.userId)))[0],
    suppressions: (await t.deps.db.select({ id: clientSuppressions.id }).from(clientSuppressions).where(eq(clientSuppressions.id, b.suppressionId))).length,
  });

  it('has client routes to test', () => {
    expect(clientRoutes.length).toBeGreaterThan(0);
    expect(clientRoutes.filter(takesIds).map(key)).toContain('GET /api/portal/leads');
  });

  it.each(clientRoutes.map((route) => [key(route), route] as const))("%s as a client of A: B's ids in the path answer 404; no B data in the answer; no B row changed", async (_name, route) => {
    await setUp();
    const before = await bState();
    const path = concretePath(route, b);
    const res = await t.api(caller.token, { method: route.method, path, ...(route.body ? { body: bodyFor(route, b) } : {}) });
    if (path !== route.path) {
      expect(res.status, res.text).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    } else {
      expect(res.status, res.text).toBeLessThan(500);
    }
    for (const secret of b.secrets) expect(res.text.toLowerCase(), `${key(route)} leaked "${secret}"`).not.toContain(secret.toLowerCase());
    expect(await bState()).toEqual(before);
    tested.add(key(route));
  });

  it.each(clientRoutes.filter((r) => r.method === 'GET' && r.path.includes('{')).map((route) => [key(route), route] as const))(
    "%s: organisation A's own ids are found",
    async (_name, route) => {
      await setUp();
      const res = await t.api(caller.token, { method: route.method, path: concretePath(route, a) });
      expect(res.status, res.text).not.toBe(404);
      expect(res.status, res.text).toBeLessThan(500);
    },
  );

  it.each(clientRoutes.filter(takesIds).map((route) => [key(route), route] as const))("%s as a client of A: B's ids in the query answer 404 (or are ignored) with no B data; A's own are found", async (_name, route) => {
    await setUp();
    const foreign = await t.api(caller.token, { method: route.method, path: route.path, query: idQuery(route, b) });
    if (queryIdNames(route).some((name) => QUERY_IDS[name]?.foreign === 'not_found')) {
      expect(foreign.status, foreign.text).toBe(404);
      expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    } else {
      expect(foreign.status, foreign.text).toBe(200);
    }
    for (const secret of b.secrets) expect(foreign.text.toLowerCase(), `${key(route)} leaked "${secret}"`).not.toContain(secret.toLowerCase());
    const own = await t.api(caller.token, { method: route.method, path: route.path, query: idQuery(route, a) });
    expect(own.status, own.text).toBe(200);
  });

  it('tested every client route of the table', () => {
    expect(tested.size).toBe(clientRoutes.length);
  });

  it.each(otherRoutes.map((route) => [key(route), route] as const))('%s: a client user is refused (403)', async (_name, route) => {
    await setUp();
    const res = await t.api(caller.token, { method: route.method, path: concretePath(route, b), ...(route.body ? { body: {} } : {}) });
    expect(res.status, res.text).toBe(403);
  });

  it("is one of the API's modules, so the route matrix calls each of its staff routes as a client user (403) too", () => {
    const portal = apiModules.find((m) => m.name === 'portal');
    expect(portal).toBeDefined();
    expect(portal!.routes.map(key).sort()).toEqual(routes.map(key).sort());
  });
});
