// Authorization as data: every route of the module × every role, generated from the route table,
// plus no token and a forged token. A route added later is covered without touching this file.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@shared/roles';
import { invoke } from '../../../test/support/invoke';
import { routeRoles } from '../../http/route';
import { accountsModule } from './routes';
import { createAccountsTestContext } from './test-fixtures';
import { fileContext } from '../../../test/support/file-context';

const t = fileContext(createAccountsTestContext);

const SOME_ID = '0190f0f0-0000-7000-8000-000000000000';
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, SOME_ID);

describe('who may call each accounts route', () => {
  for (const route of accountsModule.routes) {
    const allowed = routeRoles(route) as readonly Role[];
    it(`${route.method} ${route.path}: ${route.access} (${allowed.join(', ')})`, async () => {
      expect(Array.isArray(allowed)).toBe(true);
      for (const role of ROLES) {
        const res = await t.call(route.method, concrete(route.path), { as: role, query: route.path === '/api/search' ? { q: 'x' } : {} });
        if (allowed.includes(role)) expect(res.status, `${role}: ${res.text}`).not.toBe(403);
        else expect(res.status, role).toBe(403);
      }
      expect((await invoke(t.handler, { method: route.method, path: concrete(route.path) })).status).toBe(401);
      const forged = t.tokens.admin.slice(0, -4) + 'AAAA';
      expect((await invoke(t.handler, { method: route.method, path: concrete(route.path), token: forged })).status).toBe(401);
    });
  }

  it('lets quality analysts and agents read but not write', () => {
    for (const route of accountsModule.routes) {
      expect(route.access, `${route.method} ${route.path}`).toBe(route.method === 'GET' ? 'records.read' : 'records.write');
      const roles = routeRoles(route) as readonly Role[];
      expect(roles.includes('agent'), `${route.method} ${route.path}`).toBe(route.method === 'GET');
      expect(roles.includes('content_creator')).toBe(false);
      expect(roles.includes('client_user')).toBe(false);
    }
  });
});
