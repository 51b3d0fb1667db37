import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { invoke } from '../../test/support/invoke';
import { AppError } from './app-error';
import { createHttpHandler, validateRouteTable } from './create-http-handler';
import type { Principal } from './principal';
import { defineRoute, reply, type ApiModule } from './route';

const agent: Principal = { userId: '0190c6c4-0000-7000-8000-000000000001', username: 'ada', roles: ['agent'], orgId: null, mustChangePassword: false };

const widgets: ApiModule = {
  name: 'widgets',
  routes: [
    defineRoute({
      method: 'POST',
      path: '/api/widgets',
      roles: ['agent'],
      summary: 'create',
      body: z.strictObject({ name: z.string().min(2), size: z.number().int().positive() }),
      handler: async ({ body }) => reply(201, { created: body.name }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/widgets/{widgetId}',
      roles: ['admin'],
      summary: 'get',
      params: z.object({ widgetId: z.string().uuid() }),
      handler: async ({ params }) => ({ id: params.widgetId }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/widgets/boom',
      roles: 'public',
      summary: 'fails',
      handler: async () => {
        throw new Error('relation "secret_table" does not exist at /var/task/index.mjs:1:2');
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/widgets/conflict',
      roles: 'public',
      summary: 'conflicts',
      handler: async () => {
        throw new AppError('stale_write', { detail: 'Reload and try again.' });
      },
    }),
  ],
};

describe('the HTTP handler kit', () => {
  let ctx: TestContext;
  let handler: ReturnType<typeof createHttpHandler>;

  beforeAll(async () => {
    ctx = await createTestDeps({
      env: { MAX_BODY_BYTES: '2048' },
      auth: { authenticate: async (token) => (token === 'agent-token' ? agent : null) },
    });
    handler = createHttpHandler(widgets, { deps: async () => ctx.deps });
  });
  afterAll(async () => ctx.close());

  it('answers an unknown path with 404 problem+json', async () => {
    const res = await invoke<{ type: string; status: number }>(handler, { method: 'GET', path: '/api/nope' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json.type).toMatch(/\/not_found$/);
  });

  it('answers a malformed JSON body with 400 problem+json', async () => {
    const res = await invoke<{ type: string; detail: string }>(handler, {
      method: 'POST',
      path: '/api/widgets',
      token: 'agent-token',
      body: '{"name": "x",',
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json.detail).toMatch(/not valid JSON/);
  });

  it('names every invalid field, including unknown ones', async () => {
    const res = await invoke<{ errors: { field: string; message: string }[] }>(handler, {
      method: 'POST',
      path: '/api/widgets',
      token: 'agent-token',
      body: { name: 'x', size: -1, tenantId: 'other' },
    });
    expect(res.status).toBe(400);
    const fields = res.json.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['body', 'body.name', 'body.size']);
    expect(res.json.errors.find((e) => e.field === 'body')?.message).toMatch(/tenantId/);
  });

  it('validates path parameters', async () => {
    const admin = createHttpHandler(widgets, {
      deps: async () => ({ ...ctx.deps, auth: { authenticate: async () => ({ ...agent, roles: ['admin'] }) } }),
    });
    const res = await invoke<{ errors: { field: string }[] }>(admin, { method: 'GET', path: '/api/widgets/not-a-uuid', token: 't' });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]!.field).toBe('params.widgetId');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await invoke(handler, {
      method: 'POST',
      path: '/api/widgets',
      token: 'agent-token',
      body: { name: 'x'.repeat(4096), size: 1 },
    });
    expect(res.status).toBe(413);
  });

  it('asks for a token (401) before checking roles (403)', async () => {
    const anonymous = await invoke(handler, { method: 'POST', path: '/api/widgets', body: { name: 'ok', size: 1 } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    const wrongRole = await invoke(handler, { method: 'GET', path: '/api/widgets/0190c6c4-0000-7000-8000-000000000009', token: 'agent-token' });
    expect(wrongRole.status).toBe(403);
    const ok = await invoke<{ created: string }>(handler, { method: 'POST', path: '/api/widgets', token: 'agent-token', body: { name: 'ok', size: 1 } });
    expect(ok.status).toBe(201);
    expect(ok.json.created).toBe('ok');
  });

  it('maps domain errors to their status', async () => {
    const res = await invoke<{ detail: string }>(handler, { method: 'GET', path: '/api/widgets/conflict' });
    expect(res.status).toBe(409);
    expect(res.json.detail).toBe('Reload and try again.');
  });

  it('answers unexpected errors with 500, the request id and nothing internal', async () => {
    const res = await invoke<{ requestId: string; detail: string }>(handler, { method: 'GET', path: '/api/widgets/boom' });
    expect(res.status).toBe(500);
    expect(res.json.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(res.text).not.toMatch(/secret_table|\/var\/task|stack/);
    expect(res.json.detail).toContain(res.json.requestId);
  });
});

describe('route tables', () => {
  it('refuse a route that declares no roles', () => {
    const bad = { name: 'bad', routes: [{ method: 'GET', path: '/api/x', roles: [], summary: '', handler: async () => null }] };
    expect(() => validateRouteTable([bad as unknown as ApiModule])).toThrow(/declares no roles/);
    const missing = { name: 'bad', routes: [{ method: 'GET', path: '/api/x', summary: '', handler: async () => null }] };
    expect(() => createHttpHandler(missing as unknown as ApiModule)).toThrow(/declares no roles/);
  });

  it('refuse the same method and path twice', () => {
    const route = { method: 'GET', path: '/api/x', roles: 'public', summary: '', handler: async () => null };
    expect(() => validateRouteTable([{ name: 'dup', routes: [route, route] } as unknown as ApiModule])).toThrow(/declared twice/);
  });
});
