// The public health answer says only whether the API is well; how each store answers (latencies,
// failing dependencies, version) is for an admin's token.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { invoke } from '../../../test/support/invoke';
import { createIdentityTestContext, makeUser, signIn } from '../../../test/support/identity-fixtures';
import { platformModule } from './routes';
import { fileContext } from '../../../test/support/file-context';

let platform: HttpHandler;
const t = fileContext(createIdentityTestContext);
beforeAll(async () => {
  platform = createHttpHandler(platformModule, { deps: async () => t.deps });
});

describe('health', () => {
  it('answers anyone with the status only', async () => {
    const res = await invoke<Record<string, unknown>>(platform, { method: 'GET', path: '/api/health' });
    expect([200, 503]).toContain(res.status);
    expect(Object.keys(res.json)).toEqual(['status']);
    expect(res.text).not.toContain('latencyMs');
  });

  it('gives the details to an admin only', async () => {
    const admin = await makeUser(t.deps, { roles: ['admin'] });
    const agent = await makeUser(t.deps, { roles: ['agent'] });
    const asAdmin = await invoke<{ checks: Record<string, { latencyMs: number }>; version: string }>(platform, {
      method: 'GET',
      path: '/api/health/details',
      token: (await signIn(t.identity, admin.username, admin.password)).accessToken,
    });
    expect(asAdmin.status).toBe(200);
    expect(Object.keys(asAdmin.json.checks).sort()).toEqual(['db', 'dynamo', 'email', 's3', 'workflows']);
    expect(typeof asAdmin.json.checks.db!.latencyMs).toBe('number');
    expect(typeof asAdmin.json.version).toBe('string');
    const asAgent = await invoke(platform, { method: 'GET', path: '/api/health/details', token: (await signIn(t.identity, agent.username, agent.password)).accessToken });
    expect(asAgent.status).toBe(403);
    expect((await invoke(platform, { method: 'GET', path: '/api/health/details' })).status).toBe(401);
  });
});
