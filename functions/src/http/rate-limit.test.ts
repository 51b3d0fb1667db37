import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { invoke } from '../../test/support/invoke';
import { createHttpHandler } from './create-http-handler';
import type { Principal } from '../core/principal';
import { defineRoute, reply, type ApiModule } from './route';

const ada: Principal = { userId: '0190c6c4-0000-7000-8000-00000000000a', username: 'ada', roles: ['campaign_manager'], orgId: null, mustChangePassword: false };
const bob: Principal = { ...ada, userId: '0190c6c4-0000-7000-8000-00000000000b', username: 'bob' };

const reports: ApiModule = {
  name: 'reports',
  routes: [
    defineRoute({ method: 'POST', path: '/api/reports/export', capability: 'imports.run', summary: 'export', rateLimit: 'export', handler: async () => ({ ok: true }) }),
    defineRoute({ method: 'GET', path: '/api/reports/search', capability: 'records.read', summary: 'search', rateLimit: 'search', handler: async () => ({ ok: true }) }),
    defineRoute({ method: 'GET', path: '/api/reports', capability: 'records.read', summary: 'list', handler: async () => ({ ok: true }) }),
  ],
};

describe('per-user rate limits', () => {
  let ctx: TestContext;
  // 12:00:50 on a fixed day: ten seconds before the minute's window ends.
  let now = new Date('2026-03-02T12:00:50.000Z');
  let handler: ReturnType<typeof createHttpHandler>;
  const call = (path: string, token: string, method = 'POST') => invoke<{ type: string; detail: string }>(handler, { method, path, token });

  beforeAll(async () => {
    ctx = await createTestDeps({
      env: { RATE_LIMIT_EXPORT_PER_MINUTE: '3', RATE_LIMIT_SEARCH_PER_MINUTE: '5' },
      auth: { authenticate: async (token) => (token === 'ada' ? ada : token === 'bob' ? bob : null) },
      now: () => now,
    });
    handler = createHttpHandler(reports, { deps: async () => ctx.deps });
  });
  afterAll(async () => ctx.close());

  it('answers 429 with Retry-After past the limit, per user and per class, and logs it once', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn');
    try {
      for (let i = 0; i < 3; i++) expect((await call('/api/reports/export', 'ada')).status).toBe(200);
      const refused = await call('/api/reports/export', 'ada');
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toBe('application/problem+json');
      expect(refused.headers['retry-after']).toBe('10');
      expect(refused.json.type).toMatch(/\/rate_limited$/);
      expect(refused.json.detail).toMatch(/at most 3 a minute/);
      expect((await call('/api/reports/export', 'ada')).status).toBe(429);

      // Another user, another class and an unlimited route are not affected.
      expect((await call('/api/reports/export', 'bob')).status).toBe(200);
      expect((await call('/api/reports/search', 'ada', 'GET')).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await call('/api/reports', 'ada', 'GET')).status).toBe(200);

      const events = warn.mock.calls.filter(([message]) => message === 'security: rate.limited');
      expect(events).toHaveLength(1);
      expect(events[0]![1]).toMatchObject({ securityEvent: 'rate.limited', actorId: ada.userId, reason: 'export', limit: 3 });
    } finally {
      warn.mockRestore();
    }
  });

  it('counts again from zero in the next minute', async () => {
    now = new Date('2026-03-02T12:01:05.000Z');
    expect((await call('/api/reports/export', 'ada')).status).toBe(200);
  });

  it('refuses an unauthenticated call before counting it', async () => {
    expect((await call('/api/reports/export', 'nobody')).status).toBe(401);
  });
});

describe('rows read per user per minute', () => {
  let ctx: TestContext;
  let now = new Date('2026-03-02T12:00:45.000Z');
  const page = (size: number) => ({ items: Array.from({ length: size }, (_, i) => ({ id: i, name: `Contact ${i}` })), nextCursor: 'next' });
  const contacts: ApiModule = {
    name: 'contacts',
    routes: [
      defineRoute({ method: 'GET', path: '/api/contacts', capability: 'records.write', summary: 'list', handler: async () => page(100) }),
      defineRoute({
        method: 'GET',
        path: '/api/contacts/raw',
        capability: 'records.write',
        summary: 'list as pre-serialised JSON',
        handler: async () => reply(200, undefined, { raw: { text: JSON.stringify(page(100)) }, rows: 100 }),
      }),
      defineRoute({ method: 'GET', path: '/api/me', capability: 'records.write', summary: 'me', handler: async () => ({ roles: ['campaign_manager'] }) }),
    ],
  };
  let handler: ReturnType<typeof createHttpHandler>;
  const get = (path: string, token: string) => invoke<{ type: string; detail: string }>(handler, { method: 'GET', path, token });

  beforeAll(async () => {
    ctx = await createTestDeps({
      env: { RATE_LIMIT_ROWS_PER_MINUTE: '250' },
      auth: { authenticate: async (token) => (token === 'ada' ? ada : token === 'bob' ? bob : null) },
      now: () => now,
    });
    handler = createHttpHandler(contacts, { deps: async () => ctx.deps });
  });
  afterAll(async () => ctx.close());

  it('serves pages until their rows reach the limit, then answers 429 with Retry-After and logs it once', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn');
    try {
      expect((await get('/api/contacts', 'ada')).status).toBe(200);
      expect((await get('/api/contacts/raw', 'ada')).status).toBe(200);
      expect((await get('/api/contacts', 'ada')).status).toBe(200);
      const refused = await get('/api/contacts/raw', 'ada');
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('15');
      expect(refused.json.type).toMatch(/\/rate_limited$/);
      expect(refused.json.detail).toMatch(/at most 250 records a minute/);
      expect((await get('/api/contacts', 'ada')).status).toBe(429);

      // Reads that reveal no records, and other users, go on.
      expect((await get('/api/me', 'ada')).status).toBe(200);
      expect((await get('/api/contacts', 'bob')).status).toBe(200);

      const events = warn.mock.calls.filter(([message]) => message === 'security: rate.limited');
      expect(events).toHaveLength(1);
      expect(events[0]![1]).toMatchObject({ securityEvent: 'rate.limited', actorId: ada.userId, reason: 'rows', limit: 250 });
    } finally {
      warn.mockRestore();
    }
  });

  it('reads again in the next minute', async () => {
    now = new Date('2026-03-02T12:01:01.000Z');
    expect((await get('/api/contacts', 'ada')).status).toBe(200);
  });
});
