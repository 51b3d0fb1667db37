import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { invoke } from '../../test/support/invoke';
import { createHttpHandler } from './create-http-handler';
import type { Principal } from '../core/principal';
import { defineRoute, type ApiModule } from './route';

const ada: Principal = { userId: '0190c6c4-0000-7000-8000-00000000000a', username: 'ada', roles: ['campaign_manager'], orgId: null, mustChangePassword: false };
const bob: Principal = { ...ada, userId: '0190c6c4-0000-7000-8000-00000000000b', username: 'bob' };

const reports: ApiModule = {
  name: 'reports',
  routes: [
    defineRoute({ method: 'POST', path: '/api/reports/export', roles: ['campaign_manager'], summary: 'export', rateLimit: 'export', handler: async () => ({ ok: true }) }),
    defineRoute({ method: 'GET', path: '/api/reports/search', roles: ['campaign_manager'], summary: 'search', rateLimit: 'search', handler: async () => ({ ok: true }) }),
    defineRoute({ method: 'GET', path: '/api/reports', roles: ['campaign_manager'], summary: 'list', handler: async () => ({ ok: true }) }),
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
