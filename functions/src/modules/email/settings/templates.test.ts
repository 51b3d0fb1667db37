// Saved templates through the real Lambda handler: compiled at save (blocks through MJML, HTML
// sanitized), Liquid problems refused naming the field, duplicate and delete, the merge-field
// catalog, and that only campaign staff reach them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template, TemplateSummary } from '@shared/contracts/email';
import { newEmailDocument, type MergeField } from '@shared/contracts/email-content';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { createTemplateRoutes } from './template-routes';

let ctx: TestContext;
let handler: HttpHandler;
let tokens: Record<Role, string>;

const call = <T = unknown>(method: string, path: string, options: { as?: Role; body?: unknown } = {}) =>
  invoke<T>(handler, { method, path, token: tokens[options.as ?? 'campaign_manager'], ...(options.body !== undefined ? { body: options.body } : {}) });

beforeAll(async () => {
  ctx = await createTestDeps({ env: FAST_AUTH_ENV });
  handler = createHttpHandler({ name: 'email', routes: createTemplateRoutes((deps) => ({ ...deps, assetUrl: (key) => `https://assets.pivotal.example/${key}` })) }, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('saved templates', () => {
  let saved: Template;

  it('compiles a block template at save into HTML and a plain-text part, keeping the Liquid for send time', async () => {
    const res = await call<Template>('POST', '/api/email/templates', {
      body: { name: 'Product update', content: { mode: 'blocks', document: newEmailDocument(), subject: 'What’s new, {{ contact.first_name | default: "there" }}', preheader: 'Three things' } },
    });
    expect(res.status).toBe(201);
    saved = res.json;
    expect(saved).toMatchObject({ name: 'Product update', mode: 'blocks', preheader: 'Three things', updatedByName: expect.any(String) });
    expect(saved.html).toContain('<!doctype html>');
    expect(saved.html).toContain('contact.first_name');
    expect(saved.text).toContain('Learn more');
  });

  it('refuses content with a Liquid error as a 400 naming the field, and saves nothing', async () => {
    const res = await call<{ errors: { field: string }[] }>('POST', '/api/email/templates', {
      body: { name: 'Broken', content: { mode: 'html', html: '<p>Hi</p>', subject: 'Hello {{ contact.first_name ' } },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e) => e.field)).toContain('body.content.subject');
    expect((await call<{ items: TemplateSummary[] }>('GET', '/api/email/templates')).json.items.map((t) => t.name)).toEqual(['Product update']);
  });

  it('sanitizes an author’s HTML', async () => {
    const res = await call<Template>('PUT', `/api/email/templates/${saved.id}`, {
      body: { name: 'Product update (HTML)', content: { mode: 'html', html: '<p onclick="x()">Hello</p><script>alert(1)</script>', subject: 'Hello' } },
    });
    expect(res.status).toBe(200);
    expect(res.json.html).not.toMatch(/script|onclick/);
    expect(res.json.document).toBeNull();
  });

  it('duplicates and deletes', async () => {
    const copy = await call<Template>('POST', `/api/email/templates/${saved.id}/duplicate`, { body: {} });
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ name: 'Copy of Product update (HTML)', html: expect.stringContaining('Hello') });
    expect((await call('DELETE', `/api/email/templates/${copy.json.id}`)).status).toBe(204);
    expect((await call('GET', `/api/email/templates/${copy.json.id}`)).status).toBe(404);
  });

  it('lists the merge fields with samples', async () => {
    const res = await call<{ items: MergeField[] }>('GET', '/api/email/merge-fields');
    expect(res.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'contact.first_name', group: 'contact' })]));
  });

  it('keeps agents and analysts out of templates', async () => {
    expect((await call('GET', '/api/email/templates', { as: 'agent' })).status).toBe(403);
    expect((await call('GET', `/api/email/templates/${saved.id}`, { as: 'quality_analyst' })).status).toBe(403);
    expect((await call('GET', '/api/email/templates', { as: 'admin' })).status).toBe(200);
  });
});
