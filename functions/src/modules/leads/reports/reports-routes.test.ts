// The lead report through the real Lambda handler: an analyst gets the figures, the query is
// checked field by field (a bad id, a date that is not an instant, an unknown filter, a backwards
// range), and an agent is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadReport } from '@shared/contracts/lead-reports';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { noLeadsHooks } from '../hooks';
import { reportsRoutes } from './routes';

let ctx: TestContext;
let handler: HttpHandler;
let tokens: Record<Role, string>;

beforeAll(async () => {
  ctx = await createTestDeps({ env: FAST_AUTH_ENV });
  handler = createHttpHandler({ name: 'leads', routes: reportsRoutes(noLeadsHooks) }, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 120_000);
afterAll(async () => ctx?.close());

type Problem = { errors?: { field: string; message: string }[] };
const get = <T>(query: Record<string, string>, as: Role = 'quality_analyst') => invoke<T>(handler, { method: 'GET', path: '/api/leads/reports', query, token: tokens[as] });

describe('GET /api/leads/reports', () => {
  it('answers the report for the range to an analyst', async () => {
    const res = await get<LeadReport>({ from: '2026-06-01T00:00:00Z', to: '2026-06-16T00:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ from: '2026-06-01T00:00:00.000Z', to: '2026-06-16T00:00:00.000Z', total: 0, byState: expect.any(Array) });
  });

  it('names each bad field of the query', async () => {
    const bad = await get<Problem>({ campaignId: 'discovery', from: 'last week', state: 'new' });
    expect(bad.status).toBe(400);
    const fields = (bad.json.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['query.campaignId', 'query.from']));
    const backwards = await get<Problem>({ from: '2026-06-16T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.json.errors?.[0]?.field).toBe('from');
  });

  it('refuses an agent and a caller without a token', async () => {
    expect((await get({}, 'agent')).status).toBe(403);
    expect((await invoke(handler, { method: 'GET', path: '/api/leads/reports' })).status).toBe(401);
  });
});
