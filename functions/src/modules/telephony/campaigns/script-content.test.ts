// A call script's content links through the real handlers, wired as the root wires them: an asset
// the content module links to a call campaign is `{{ content.<key> }}` in its script (any other
// key refused at save), the editor's picker lists it, and the console reads it as the contact's own
// tracking URL, within the agent's reach only, whose click lands on that contact.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergeField } from '@shared/contracts/email-content';
import { dialerSettingsSchema, type CallCampaign, type ScriptContentLinks } from '@shared/contracts/telephony';
import type { CampaignAssetsResponse } from '@shared/contracts/content-tracking';
import type { Role } from '@shared/roles';
import { createHttpHandler, type HttpHandler } from '../../../http/create-http-handler';
import { FAST_AUTH_ENV, makeUser, usersForEveryRole } from '../../../../test/support/identity-fixtures';
import { invoke } from '../../../../test/support/invoke';
import { createTestDeps, type TestContext } from '../../../../test/support/test-deps';
import { contentModule, telephonyHooks } from '../../../composition';
import { queryRows } from '../../../db/rows';
import { campaignAgents, dialerQueueItems, dialerQueues } from '../../../db/schema';
import { createTextAsset } from '../../content';
import { insertContacts } from '../../compliance/testing';
import { issueAccessToken } from '../../identity';
import { noTelephonyHooks } from '../hooks';
import { campaignsRoutes } from './routes';

const BASE_URL = 'https://crm.example.com';
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let ctx: TestContext;
let telephony: HttpHandler;
let content: HttpHandler;
let tokens: Record<Role, string>;

type Problem = { type: string; status: number; detail: string; requestId?: string; errors?: { field: string; message: string }[] };

const call = <T = unknown>(method: string, path: string, options: { token?: string; as?: Role; body?: unknown; query?: Record<string, string> } = {}) =>
  invoke<T>(telephony, {
    method,
    path,
    token: options.token ?? tokens[options.as ?? 'campaign_manager'],
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.query ? { query: options.query } : {}),
  });

async function newCampaign(name: string): Promise<CallCampaign> {
  const res = await call<CallCampaign>('POST', '/api/telephony/campaigns', { body: { name, sellerName: 'Acme Data', sellerPhone: '+14155550111' } });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

/** An asset of the library linked to the campaign by a content creator, through the content routes. */
async function linkAsset(campaignId: string, title: string): Promise<string> {
  const { assetId } = await createTextAsset(ctx.deps.db, { type: 'landing_copy', title, body: `<p>${title}</p>`, createdBy: null });
  const res = await invoke(content, { method: 'POST', path: `/api/content/assets/${assetId}/usage`, token: tokens.content_creator, body: { campaignKind: 'call', campaignId } });
  expect(res.status, res.text).toBe(201);
  return assetId;
}

async function agentOf(campaignId: string): Promise<string> {
  const user = await makeUser(ctx.deps, { roles: ['agent'] });
  await ctx.deps.db.insert(campaignAgents).values({ campaignId, userId: user.id });
  return (await issueAccessToken(ctx.deps, { id: user.id, roles: ['agent'], orgId: null, tokenVersion: 0, sessionId: null })).accessToken;
}

let phoneSeq = 100;
/** A contact; queued in the campaign's dialer (so within its agents' reach) when a campaign is given. */
async function contact(name: string, queuedIn?: string): Promise<string> {
  const phone = `+1212555${String(++phoneSeq).padStart(4, '0')}`;
  const [id] = await insertContacts(ctx.deps.db, [{ fullName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, directPhone: phone }]);
  if (queuedIn) {
    await ctx.deps.db.insert(dialerQueues).values({ campaignId: queuedIn, status: 'paused', settings: dialerSettingsSchema.parse({}) }).onConflictDoNothing();
    await ctx.deps.db.insert(dialerQueueItems).values({ campaignId: queuedIn, contactId: id!, phone });
  }
  return id!;
}

const linksOf = (campaignId: string, contactId: string, options: { token?: string; as?: Role } = {}) =>
  call<ScriptContentLinks & Problem>('GET', `/api/telephony/campaigns/${campaignId}/content-links`, { ...options, query: { contactId } });

beforeAll(async () => {
  ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, TRACKING_SECRET: 'test-tracking-secret-0123456789-abcdefghij', PUBLIC_BASE_URL: BASE_URL } });
  telephony = createHttpHandler({ name: 'telephony', routes: campaignsRoutes(telephonyHooks) }, { deps: async () => ctx.deps });
  content = createHttpHandler(contentModule, { deps: async () => ctx.deps });
  ({ tokens } = await usersForEveryRole(ctx.deps));
}, 60_000);
afterAll(async () => ctx?.close());

describe('content links in a call script', () => {
  it('lists the campaign’s content links in the script’s merge fields, after the contact and account fields', async () => {
    const campaign = await newCampaign('Intent data calls');
    await linkAsset(campaign.id, 'Why intent data?');

    const res = await call<{ items: MergeField[] }>('GET', '/api/telephony/merge-fields', { query: { campaignId: campaign.id } });

    expect(res.status, res.text).toBe(200);
    expect(res.json.items.at(-1)).toEqual({ key: 'content.why_intent_data', label: 'Why intent data?', group: 'content', sample: 'https://pivotal.example/r/sample-why_intent_data' });
    expect(res.json.items.some((f) => f.key === 'contact.first_name')).toBe(true);
    const plain = await call<{ items: MergeField[] }>('GET', '/api/telephony/merge-fields');
    expect(plain.json.items.some((f) => f.group === 'content')).toBe(false);
    const gone = await call<Problem>('GET', '/api/telephony/merge-fields', { query: { campaignId: randomUUID() } });
    expect(gone.status).toBe(404);
  });

  it('saves a script using a linked asset and refuses an unknown content key with problem+json naming the field and why', async () => {
    const campaign = await newCampaign('Playbook calls');
    await linkAsset(campaign.id, 'Intent Data Playbook');

    const saved = await call<CallCampaign>('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { script: '<p>I will send you {{ content.intent_data_playbook }} now.</p>' } });
    const refused = await call<Problem>('PATCH', `/api/telephony/campaigns/${campaign.id}`, { body: { script: '<p>Here is {{ content.pricing_sheet }}.</p>' } });

    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.script).toBe('<p>I will send you {{ content.intent_data_playbook }} now.</p>');
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json.errors).toEqual([{ field: 'body.script', message: 'unknown merge field "content.pricing_sheet": no content of that name is linked to this campaign' }]);
    // The script saved before is still the one in place.
    const after = await call<CallCampaign>('GET', `/api/telephony/campaigns/${campaign.id}`);
    expect(after.json.script).toBe(saved.json.script);
  });

  it('refuses a content key on a new campaign: nothing can be linked to it yet', async () => {
    const res = await call<Problem>('POST', '/api/telephony/campaigns', {
      body: { name: 'New calls', sellerName: 'Acme Data', sellerPhone: '+14155550111', script: '<p>{{ content.intent_data_playbook }}</p>' },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]).toMatchObject({ field: 'body.script', message: expect.stringContaining('"content.intent_data_playbook"') });
  });
});

describe('the console’s content links', () => {
  let campaign: CallCampaign;
  let assetId: string;
  let agent: string;
  let dana: string;

  beforeAll(async () => {
    campaign = await newCampaign('Q3 playbook outreach');
    assetId = await linkAsset(campaign.id, 'The 2027 Buyer’s Guide');
    agent = await agentOf(campaign.id);
    dana = await contact('Dana Whitfield', campaign.id);
  });

  it('gives the agent the contact’s own tracking URL of each linked asset, the same one each time', async () => {
    const first = await linksOf(campaign.id, dana, { token: agent });
    const again = await linksOf(campaign.id, dana, { token: agent });

    expect(first.status, first.text).toBe(200);
    expect(first.json.items).toEqual([{ key: 'the_2027_buyers_guide', assetId, title: 'The 2027 Buyer’s Guide', url: expect.stringMatching(new RegExp(`^${BASE_URL}/r/[0-9A-Za-z]{10}\\.[A-Za-z0-9_-]{16}$`)) }]);
    expect(again.json.items[0]!.url).toBe(first.json.items[0]!.url);
    const links = await queryRows<{ assetId: string; campaignId: string; campaignKind: string; channel: string }>(
      ctx.deps.db,
      sql`select asset_id as "assetId", campaign_id as "campaignId", campaign_kind as "campaignKind", channel from tracking_links where contact_id = ${dana}::uuid`,
    );
    expect(links).toEqual([{ assetId, campaignId: campaign.id, campaignKind: 'call', channel: 'call_script' }]);
  });

  it('attributes a click on that URL to the contact, in this campaign', async () => {
    const { json } = await linksOf(campaign.id, dana, { token: agent });
    const url = new URL(json.items[0]!.url!);

    const click = await invoke(content, { method: 'GET', path: url.pathname, headers: { 'user-agent': BROWSER_UA } });

    expect(click.status).toBe(302);
    const events = await queryRows<{ kind: string; contactId: string; campaignId: string }>(
      ctx.deps.db,
      sql`select kind, contact_id as "contactId", campaign_id as "campaignId" from content_events where automated = false`,
    );
    expect(events).toEqual([{ kind: 'click', contactId: dana, campaignId: campaign.id }]);
  });

  it('answers a contact out of the agent’s reach exactly as a missing one: 404', async () => {
    const stranger = await contact('Sam Stranger');
    const outOfReach = await linksOf(campaign.id, stranger, { token: agent });
    const missing = await linksOf(campaign.id, randomUUID(), { token: agent });

    expect(outOfReach.status).toBe(404);
    // Each answer has its own request id; everything else is the same.
    const { requestId: _a, ...refused } = outOfReach.json;
    const { requestId: _b, ...absent } = missing.json;
    expect(refused).toEqual(absent);
    expect(refused.detail).toBe('No such contact.');
    const made = await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from tracking_links where contact_id = ${stranger}::uuid`);
    expect(made[0]!.n).toBe(0);
  });

  it('answers 404 to an agent not assigned to the campaign, even for a contact they reach elsewhere', async () => {
    const other = await newCampaign('Other calls');
    const otherAgent = await agentOf(other.id);
    const theirs = await contact('Lee Other', other.id);

    const res = await linksOf(campaign.id, theirs, { token: otherAgent });

    expect(res.status).toBe(404);
    expect(res.json.detail).toBe('No such call campaign.');
  });

  it('lets a campaign manager read any contact’s links', async () => {
    const stranger = await contact('Kim Anyone');
    const res = await linksOf(campaign.id, stranger, { as: 'campaign_manager' });
    expect(res.status, res.text).toBe(200);
    expect(res.json.items.map((l) => [l.key, typeof l.url])).toEqual([['the_2027_buyers_guide', 'string']]);
  });

  it('answers an empty list when nothing is linked to the campaign', async () => {
    const bare = await newCampaign('No content calls');
    const res = await linksOf(bare.id, dana);
    expect(res.status, res.text).toBe(200);
    expect(res.json.items).toEqual([]);
  });
});

describe('the scriptContent hook', () => {
  it('is wired at the root to the content module: the same keys its campaign assets list shows, two assets of one title told apart', async () => {
    const campaign = await newCampaign('Two guides');
    const first = await linkAsset(campaign.id, 'Buyer guide');
    const second = await linkAsset(campaign.id, 'Buyer guide');

    const fields = await telephonyHooks.scriptContent.fields(ctx.deps.db, campaign.id);
    const listed = await invoke<CampaignAssetsResponse>(content, { method: 'GET', path: `/api/content/campaigns/call/${campaign.id}/assets`, token: tokens.content_creator });

    const secondKey = `buyer_guide_${second.replace(/-/g, '').slice(-6)}`;
    expect(fields).toEqual([
      { key: 'buyer_guide', assetId: first, title: 'Buyer guide' },
      { key: secondKey, assetId: second, title: 'Buyer guide' },
    ]);
    expect(Object.fromEntries(listed.json.items.map((i) => [i.assetId, i.mergeField]))).toEqual({ [first]: 'content.buyer_guide', [second]: `content.${secondKey}` });
    const dana = await contact('Dana Twice');
    expect(Object.keys(await telephonyHooks.scriptContent.urls(ctx.deps, { campaignId: campaign.id, contactId: dana })).sort()).toEqual(['buyer_guide', secondKey].sort());
  });

  it('defaults to no content: without the root, a script may use no content key', async () => {
    expect(await noTelephonyHooks.scriptContent.fields(ctx.deps.db, randomUUID())).toEqual([]);
    expect(await noTelephonyHooks.scriptContent.urls(ctx.deps, { campaignId: randomUUID(), contactId: randomUUID() })).toEqual({});
  });
});
