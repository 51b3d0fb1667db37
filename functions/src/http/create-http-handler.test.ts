import { Logger } from '@aws-lambda-powertools/logger';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestDeps, type TestContext } from '../../test/support/test-deps';
import { invoke } from '../../test/support/invoke';
import { AppError } from '../core/app-error';
import { createHttpHandler, validateRouteTable } from './create-http-handler';
import type { Principal } from '../core/principal';
import { defineRoute, reply, type ApiModule } from './route';
import { fileContext } from '../../test/support/file-context';

const agent: Principal = { userId: '0190c6c4-0000-7000-8000-000000000001', username: 'ada', roles: ['agent'], orgId: null, mustChangePassword: false };

const widgets: ApiModule = {
  name: 'widgets',
  routes: [
    defineRoute({
      method: 'POST',
      path: '/api/widgets',
      capability: 'calls.make',
      summary: 'create',
      body: z.strictObject({ name: z.string().min(2), size: z.number().int().positive() }),
      handler: async ({ body }) => reply(201, { created: body.name }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/widgets/{widgetId}',
      capability: 'admin',
      summary: 'get',
      params: z.object({ widgetId: z.string().uuid() }),
      handler: async ({ params }) => ({ id: params.widgetId }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/widgets/boom',
      public: true,
      summary: 'fails',
      handler: async () => {
        throw new Error('relation "secret_table" does not exist at /var/task/index.mjs:1:2');
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/widgets/suppress',
      public: true,
      summary: 'a query that fails in the database with the caller\'s email among its parameters',
      body: z.object({ email: z.string(), as: z.enum(['duplicate', 'number']) }),
      handler: async ({ body, deps }) => {
        if (body.as === 'number') return deps.db.execute(sql`select ${body.email}::int as n`);
        const insert = sql`insert into suppressions (type, value, reason, source) values ('email', ${body.email}, 'manual', 'test')`;
        await deps.db.execute(insert);
        return deps.db.execute(insert);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/widgets/conflict',
      public: true,
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

  it('refuses a NUL character in a query parameter or a body field with 400 naming it', async () => {
    const inBody = await invoke<{ errors: { field: string }[] }>(handler, {
      method: 'POST',
      path: '/api/widgets',
      token: 'agent-token',
      body: { name: 'nul\u0000name', size: 1 },
    });
    expect(inBody.status).toBe(400);
    expect(inBody.json.errors[0]!.field).toBe('body.name');
    const inQuery = await invoke<{ errors: { field: string }[] }>(handler, { method: 'GET', path: '/api/widgets/conflict', query: { q: 'a\u0000b' } });
    expect(inQuery.status).toBe(400);
    expect(inQuery.json.errors[0]!.field).toBe('query.q');
  });

  it('refuses an unpaired surrogate escape in a body field or a query parameter, with 400 naming it', async () => {
    const inBody = await invoke<{ errors: { field: string }[] }>(handler, {
      method: 'POST',
      path: '/api/widgets',
      token: 'agent-token',
      body: '{"name": "lone \\ud800 half", "size": 1}',
    });
    expect(inBody.status, inBody.text).toBe(400);
    expect(inBody.json.errors[0]!.field).toBe('body.name');
    const inQuery = await invoke<{ errors: { field: string }[] }>(handler, { method: 'GET', path: '/api/widgets/conflict', query: { q: 'a\ud800' } });
    expect(inQuery.status).toBe(400);
    expect(inQuery.json.errors[0]!.field).toBe('query.q');
    const paired = await invoke(handler, { method: 'POST', path: '/api/widgets', token: 'agent-token', body: '{"name": "emoji \\ud83d\\ude00", "size": 1}' });
    expect(paired.status, paired.text).toBe(201);
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

  it('asks for a token (401) before checking the capability (403)', async () => {
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

describe('the log of an unexpected error', () => {
  const ctx = fileContext(createTestDeps);

  /** Runs a request with a logger that writes errors, and returns what it wrote to stdout and stderr. */
  async function logOf(body: unknown) {
    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    try {
      const logger = new Logger({ serviceName: 'pivotal-crm', logLevel: 'ERROR' });
      const handler = createHttpHandler(widgets, { deps: async () => ({ ...ctx.deps, logger }) });
      const res = await invoke<{ requestId: string; detail: string }>(handler, { method: 'POST', path: '/api/widgets/suppress', body });
      return { res, log: written.join('') };
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  }

  it('names the database error by its codes, never by the values in its parameters or detail', async () => {
    const { res, log } = await logOf({ email: 'ada.lovelace@example.com', as: 'duplicate' });
    expect(res.status).toBe(500);
    expect(res.json.detail).toContain(res.json.requestId);
    expect(log).toContain('unhandled error');
    expect(log).toContain(res.json.requestId);
    expect(log).toContain('23505');
    expect(log).toContain('suppressions_type_value_key');
    expect(log).not.toMatch(/ada\.lovelace|example\.com/i);
  });

  it('keeps a value Postgres quotes in its message out of the log', async () => {
    const { res, log } = await logOf({ email: 'grace.hopper@example.org', as: 'number' });
    expect(res.status).toBe(500);
    expect(log).toContain('22P02');
    expect(log).not.toMatch(/grace\.hopper|example\.org/i);
  });
});

describe('route tables', () => {
  it('refuse a route that declares no capability, or one the access policy does not know', () => {
    const bad = { name: 'bad', routes: [{ method: 'GET', path: '/api/x', access: 'records.delete', summary: '', handler: async () => null }] };
    expect(() => validateRouteTable([bad as unknown as ApiModule])).toThrow(/declares no capability/);
    const missing = { name: 'bad', routes: [{ method: 'GET', path: '/api/x', summary: '', handler: async () => null }] };
    expect(() => createHttpHandler(missing as unknown as ApiModule)).toThrow(/declares no capability/);
  });

  it('are built only from routes that declare exactly one of capability, public or authenticated', () => {
    const base = { method: 'GET', path: '/api/x', summary: 'x', handler: async () => null } as const;
    expect(() => defineRoute(base)).toThrow(/exactly one of capability, public or authenticated/);
    expect(() => defineRoute({ ...base, capability: 'admin', public: true })).toThrow(/exactly one/);
    expect(() => defineRoute({ ...base, public: true, authenticated: true })).toThrow(/exactly one/);
    expect(() => defineRoute({ ...base, capability: 'everything' as 'admin' })).toThrow(/exactly one/);
    expect(defineRoute({ ...base, capability: 'records.read' }).access).toBe('records.read');
    expect(defineRoute({ ...base, public: true }).access).toBe('public');
    expect(defineRoute({ ...base, authenticated: true }).access).toBe('authenticated');
  });

  it('refuse the same method and path twice', () => {
    const route = { method: 'GET', path: '/api/x', access: 'public', summary: '', handler: async () => null };
    expect(() => validateRouteTable([{ name: 'dup', routes: [route, route] } as unknown as ApiModule])).toThrow(/declared twice/);
  });
});
