// Call campaigns through the real Lambda handler on PGlite: created with the default dispositions,
// the script sanitized and its merge fields checked, the form validated, dispositions and agents
// replaced whole, activation refused until the campaign can be dialled (and then given its paused
// dialer queue), the status moves, clone, and what an agent may read.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialerSettingsSchema, type CallCampaign, type CallCampaignSummary, type Trunk } from '@shared/contracts/telephony';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, makeUser, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { telephonyHooks } from '../../../composition';
import { dialerQueues } from '../../../db/schema';
import { createList } from '../../audience';
import { settingsRoutes } from '../settings/routes';
import { campaignsRoutes } from './routes';

let ctx: TestContext;
let handler: HttpHandler;
let tokens: Record<Role, string>;
let userIds: Record<Role, string>;
let listId: string;

const call = <T = unknown>(method: string, path: string, options: { as?: Role; body?: unknown } = {}) =>
  invoke<T>(handler, { method, path, token: tokens[options.as ?? 'campaign_manager'], ...(options.body !== undefined ? { body: options.body } : {}) });

type Problem = { detail: string; errors?: { field: string; message: string }[] };

const campaignInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Q3 data platform outreach',
  sellerName: 'Acme Data',
  sellerPhone: '+14155550111',
  script: '<h2>Opening</h2><p>Hi {{ contact.first_name | default: "there" }}, this is Sam from Acme about {{ account.name }}.</p>',
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TELEPHONY_SECRET_KEY: randomBytes(32).toString('base64') } });
  handler = createHttpHandler({ name: 'telephony', routes: [...settingsRoutes(telephonyHooks), ...campaignsRoutes(telephonyHooks)] }, { deps: async () => ctx.deps });
  ({ tokens, userIds } = await usersForEveryRole(ctx.deps));
  listId = (await createList(ctx.deps, { request: { name: 'Target contacts', description: null }, userId: null })).id;
}, 60_000);
afterAll(async () => ctx?.close());

describe('call campaigns', () => {
  let campaign: CallCampaign;

  it('creates a draft with the six default dispositions and a sanitized script', async () => {
    const res = await call<CallCampaign>('POST', '/api/telephony/campaigns', {
      body: campaignInput({ script: '<h2>Opening</h2><p onclick="x()">Hi {{ contact.first_name | default: "there" }}</p><script>alert(1)</script>' }),
    });
    expect(res.status, res.text).toBe(201);
    campaign = res.json;
    expect(campaign).toMatchObject({ status: 'draft', form: [], agentIds: [], record: true, recordingRetentionDays: 365 });
    // Liquid's double-quoted strings come back single-quoted (the same to Liquid, safe in an attribute).
    expect(campaign.script).toBe("<h3>Opening</h3><p>Hi {{ contact.first_name | default: 'there' }}</p>");
    expect(campaign.dispositions.map((d) => [d.label, d.outcomeClass, d.shortcut, d.position])).toEqual([
      ['Interested', 'positive', '1', 0],
      ['Not interested', 'negative', '2', 1],
      ['Call back', 'callback', '3', 2],
      ['Do not call', 'do_not_call', '4', 3],
      ['Wrong number', 'wrong_number', '5', 4],
      ['No decision-maker', 'neutral', '6', 5],
    ]);
  });

  it('refuses a script with an unknown merge field or broken Liquid, on body.script', async () => {
    const unknown = await call<Problem>('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { script: '<p>{{ sender.from_name }}</p>' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([{ field: 'body.script', message: expect.stringContaining('unknown merge field "sender.from_name"') }]);
    const broken = await call<Problem>('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { script: '<p>{{ contact.first_name </p>' } });
    expect(broken.status).toBe(400);
    expect(broken.json.errors?.[0]?.message).toMatch(/^Liquid syntax/);
  });

  it('saves a qualification form the contract accepts and refuses one it does not', async () => {
    const form = [
      { id: 'budget', label: 'Budget this year', type: 'number', required: true, min: 0 },
      { id: 'timeline', label: 'Buying timeline', type: 'choice', options: ['This quarter', 'Next quarter', 'Later'] },
    ];
    const saved = await call<CallCampaign>('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { form } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.form.map((f) => f.id)).toEqual(['budget', 'timeline']);
    // A patch leaves what it does not name alone.
    expect(saved.json.script).toBe(campaign.script);
    const bad = await call<Problem>('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { form: [{ id: 'pick', label: 'Pick', type: 'choice', options: ['Only'] }] } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors?.map((e) => e.field)).toEqual(['body.form.0.options']);
  });

  it('replaces the dispositions whole: order is position, codes and keys unique, ids kept', async () => {
    const [interested, , callBack] = campaign.dispositions;
    const list = [
      { id: callBack!.id, code: 'call_back', label: 'Call back later', outcomeClass: 'callback', shortcut: '1', retryAfterMinutes: 60 },
      { id: interested!.id, code: 'interested', label: 'Interested', outcomeClass: 'positive', shortcut: '2' },
      { code: 'meeting_booked', label: 'Meeting booked', outcomeClass: 'positive', shortcut: 'm' },
    ];
    const res = await call<CallCampaign>('PUT', `/api/telephony/campaigns/${campaign.id}/dispositions`, { body: { dispositions: list } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.dispositions.map((d) => [d.code, d.shortcut, d.position, d.retryAfterMinutes])).toEqual([
      ['call_back', '1', 0, 60],
      ['interested', '2', 1, null],
      ['meeting_booked', 'm', 2, null],
    ]);
    expect(res.json.dispositions[0]!.id).toBe(callBack!.id);

    const twice = await call<Problem>('PUT', `/api/telephony/campaigns/${campaign.id}/dispositions`, {
      body: { dispositions: [list[0], { ...list[2], shortcut: '1' }, { ...list[1], code: 'call_back' }] },
    });
    expect(twice.status).toBe(400);
    expect(twice.json.errors?.map((e) => e.field)).toEqual(['body.dispositions.1.shortcut', 'body.dispositions.2.code']);
  });

  it('assigns only users whose role makes calls', async () => {
    const refused = await call<Problem>('PUT', `/api/telephony/campaigns/${campaign.id}/agents`, { body: { userIds: [userIds.agent, userIds.quality_analyst] } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors?.map((e) => e.field)).toEqual(['body.userIds.1']);
    const res = await call<CallCampaign>('PUT', `/api/telephony/campaigns/${campaign.id}/agents`, { body: { userIds: [userIds.agent] } });
    expect(res.json.agentIds).toEqual([userIds.agent]);
    const agents = await call<{ items: { id: string }[] }>('GET', '/api/telephony/agents');
    expect(agents.json.items.map((a) => a.id)).toEqual(expect.arrayContaining([userIds.agent, userIds.campaign_manager, userIds.admin]));
    expect(agents.json.items.map((a) => a.id)).not.toContain(userIds.quality_analyst);
  });

  it('refuses to activate until it has an audience and a trunk, naming each; then makes its paused dialer queue', async () => {
    const refused = await call<Problem>('POST', `/api/telephony/campaigns/${campaign.id}/activate`);
    expect(refused.status).toBe(409);
    expect(refused.json.errors?.map((e) => e.field)).toEqual(['audience', 'trunkId']);

    const trunk = await call<Trunk>('POST', '/api/telephony/trunks', {
      as: 'admin',
      body: { name: 'Main', sipHost: 'sip.telnyx.com', sipUsername: 'acme', sipPassword: 'passw0rd-main', connectionId: '123', callerIds: ['+14155550100'], isDefault: true },
    });
    expect(trunk.status, trunk.text).toBe(201);
    await call('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { audience: { kind: 'list', id: listId }, callerId: '+12125550199' } });
    const options = await call<{ items: { name: string; callerIds: string[] }[] }>('GET', '/api/telephony/trunk-options');
    expect(options.json.items).toEqual([{ id: trunk.json.id, name: 'Main', isDefault: true, active: true, callerIds: ['+14155550100'] }]);
    const wrongCaller = await call<Problem>('POST', `/api/telephony/campaigns/${campaign.id}/activate`);
    expect(wrongCaller.json.errors?.map((e) => e.field)).toEqual(['callerId']);
    await call('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { callerId: '+14155550100' } });

    const active = await call<CallCampaign>('POST', `/api/telephony/campaigns/${campaign.id}/activate`);
    expect(active.status, active.text).toBe(200);
    expect(active.json.status).toBe('active');
    const [queue] = await ctx.deps.db.select().from(dialerQueues).where(eq(dialerQueues.campaignId, campaign.id));
    expect(queue).toMatchObject({ status: 'paused', settings: dialerSettingsSchema.parse({}) });

    expect((await call('DELETE', `/api/telephony/campaigns/${campaign.id}`)).status).toBe(409);
    const removeTrunk = await call<Problem>('DELETE', `/api/telephony/trunks/${trunk.json.id}`, { as: 'admin' });
    expect(removeTrunk.status).toBe(409);
  });

  it('moves active ⇄ paused → completed, refusing the rest; a completed campaign is read-only', async () => {
    expect((await call<CallCampaign>('POST', `/api/telephony/campaigns/${campaign.id}/pause`)).json.status).toBe('paused');
    expect((await call('POST', `/api/telephony/campaigns/${campaign.id}/pause`)).status).toBe(409);
    expect((await call<CallCampaign>('POST', `/api/telephony/campaigns/${campaign.id}/activate`)).json.status).toBe('active');
    const [queue] = await ctx.deps.db.select().from(dialerQueues).where(eq(dialerQueues.campaignId, campaign.id));
    expect(queue!.status).toBe('paused');
    expect((await call<CallCampaign>('POST', `/api/telephony/campaigns/${campaign.id}/complete`)).json.status).toBe('completed');
    expect((await call('POST', `/api/telephony/campaigns/${campaign.id}/activate`)).status).toBe(409);
    expect((await call('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { name: 'Too late' } })).status).toBe(409);
  });

  it('clones the settings, script, form, dispositions and agents into a new draft', async () => {
    const res = await call<CallCampaign>('POST', `/api/telephony/campaigns/${campaign.id}/clone`, { body: {} });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ name: 'Q3 data platform outreach (copy)', status: 'draft', agentIds: [userIds.agent], script: campaign.script });
    expect(res.json.form).toHaveLength(2);
    expect(res.json.dispositions.map((d) => d.code)).toEqual(['call_back', 'interested', 'meeting_booked']);
  });
});

describe('who reads call campaigns', () => {
  it('shows an agent only the campaigns they are assigned to; another is a 404, like a missing one', async () => {
    const other = await makeUser(ctx.deps, { roles: ['agent'] });
    const mine = (await call<CallCampaign>('POST', '/api/telephony/campaigns', { body: campaignInput({ name: 'Assigned' }) })).json;
    const notMine = (await call<CallCampaign>('POST', '/api/telephony/campaigns', { body: campaignInput({ name: 'Not assigned' }) })).json;
    await call('PUT', `/api/telephony/campaigns/${mine.id}/agents`, { body: { userIds: [other.id, userIds.agent] } });

    const list = await call<{ items: CallCampaignSummary[] }>('GET', '/api/telephony/campaigns', { as: 'agent' });
    expect(list.json.items.map((c) => c.name)).toContain('Assigned');
    expect(list.json.items.map((c) => c.name)).not.toContain('Not assigned');
    expect(list.json.items.find((c) => c.name === 'Assigned')).toMatchObject({ agents: 2, queued: 0, calls: 0 });
    expect((await call('GET', `/api/telephony/campaigns/${mine.id}`, { as: 'agent' })).status).toBe(200);
    expect((await call('GET', `/api/telephony/campaigns/${notMine.id}`, { as: 'agent' })).status).toBe(404);
    expect((await call('GET', `/api/telephony/campaigns/${notMine.id}`)).status).toBe(200);
  });

  it('lets only managers change campaigns', async () => {
    expect((await call('POST', '/api/telephony/campaigns', { as: 'agent', body: campaignInput() })).status).toBe(403);
    expect((await call('GET', '/api/telephony/campaigns', { as: 'quality_analyst' })).status).toBe(403);
    expect((await call('GET', '/api/telephony/agents', { as: 'agent' })).status).toBe(403);
  });
});
