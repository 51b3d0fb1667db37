// Campaign links, tracking URLs and the asset report, through the real routes and database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { AssetReport, AssetUsageResponse, CampaignAssetsResponse, TrackingLinkView } from '@shared/contracts/content-tracking';
import type { TimelineResponse } from '@shared/contracts/activity';
import { invoke } from '../../../../test/support/invoke';
import { queryRows } from '../../../db/rows';
import { contentHooks, emailHooks } from '../../../composition';
import { seedTrackingDemo, trackingUrlsFor } from '../index';
import { signLinkCode } from './link-token';
import {
  BASE_URL,
  BROWSER_UA,
  TEST_TRACKING_SECRET,
  createTrackingTestContext,
  insertAsset,
  insertCallCampaign,
  insertContact,
  insertEmailCampaign,
  insertLead,
  pathOf,
  type TrackingTestContext,
} from './test-fixtures';

let t: TrackingTestContext;
beforeEach(async () => {
  t = await createTrackingTestContext();
});
afterEach(async () => {
  await t.close();
});

const makeLink = (assetId: string, body: Record<string, unknown>, as: 'content_creator' | 'agent' | 'client_user' = 'content_creator') =>
  t.call<TrackingLinkView>({ method: 'POST', path: `/api/content/assets/${assetId}/links`, body, as });

/** A browser's GET of a path (its query string, if any, as API Gateway passes it). */
function follow(pathAndQuery: string, userAgent: string | null = BROWSER_UA) {
  const url = new URL(pathAndQuery, BASE_URL);
  const query = Object.fromEntries(url.searchParams);
  return invoke(t.content, { method: 'GET', path: url.pathname, ...(Object.keys(query).length ? { query } : {}), ...(userAgent ? { headers: { 'user-agent': userAgent } } : {}) });
}

const events = () => queryRows<{ kind: string; automated: boolean; contactId: string; campaignId: string | null }>(t.deps.db, sql`select kind, automated, contact_id as "contactId", campaign_id as "campaignId" from content_events order by id`);
const touches = () => queryRows<{ channel: string; kind: string; summary: string; campaignId: string | null }>(t.deps.db, sql`select channel, kind, summary, campaign_id as "campaignId" from touches order by id`);

describe('tracking links', () => {
  it('makes one link per contact, asset, campaign and channel: asked again, the same URL', async () => {
    const assetId = await insertAsset(t, { title: 'The 2027 Buyer’s Guide', publicUrl: 'https://resources.example.com/guide' });
    const campaignId = await insertEmailCampaign(t, 'Q1 Intent Nurture');
    const contactId = await insertContact(t, 'Dana Whitfield');

    const first = await makeLink(assetId, { contactId, campaignKind: 'email', campaignId, channel: 'email' });
    const again = await makeLink(assetId, { contactId, campaignKind: 'email', campaignId, channel: 'email' });
    const otherChannel = await makeLink(assetId, { contactId, campaignId, channel: 'call_script' });
    const noCampaign = await makeLink(assetId, { contactId, channel: 'resources_centre' });
    const noCampaignAgain = await makeLink(assetId, { contactId, channel: 'resources_centre' });

    expect(first.status).toBe(200);
    expect(first.json.url).toMatch(new RegExp(`^${BASE_URL}/r/[0-9A-Za-z]{10}\\.[A-Za-z0-9_-]{16}$`));
    expect(first.json.campaign).toEqual({ kind: 'email', id: campaignId, name: 'Q1 Intent Nurture' });
    expect(first.json.utm).toEqual({ utm_source: 'pivotal', utm_medium: 'email', utm_campaign: 'q1-intent-nurture', utm_content: 'the-2027-buyers-guide' });
    expect(again.json.url).toBe(first.json.url);
    expect(otherChannel.json.url).not.toBe(first.json.url);
    expect(noCampaignAgain.json.url).toBe(noCampaign.json.url);
    const [{ n }] = (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from tracking_links`)) as [{ n: number }];
    expect(n).toBe(3);
  });

  it('makes links in bulk for many contacts and assets, keeping the ones already made', async () => {
    const guide = await insertAsset(t, { title: 'Guide', publicUrl: 'https://resources.example.com/guide' });
    const webinar = await insertAsset(t, { title: 'Webinar', type: 'video_link', url: 'https://video.example.com/w' });
    const archived = await insertAsset(t, { title: 'Old', archived: true });
    const campaignId = await insertCallCampaign(t, 'Q1 Calls');
    const [ana, ben] = [await insertContact(t, 'Ana Lopez'), await insertContact(t, 'Ben Ode')];
    const single = await makeLink(guide, { contactId: ana, campaignKind: 'call', campaignId, channel: 'call_script' });

    const urls = await trackingUrlsFor(t.deps.db, t.deps.config, contentHooks, {
      assetIds: [guide, webinar, archived],
      contactIds: [ana, ben],
      campaign: { kind: 'call', id: campaignId },
      channel: 'call_script',
    });

    expect(urls.get(ana)?.get(guide)).toBe(single.json.url);
    expect([...urls.get(ben)!.keys()].sort()).toEqual([guide, webinar].sort());
    expect(urls.get(ana)?.has(archived)).toBe(false);
    await expect(
      trackingUrlsFor(t.deps.db, t.deps.config, contentHooks, { assetIds: [guide], contactIds: [ana], campaign: { kind: 'email', id: campaignId }, channel: 'email' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses unknown contacts, campaigns and assets with a 404 naming the field, and bad input with a 400', async () => {
    const assetId = await insertAsset(t, { title: 'Guide' });
    const contactId = await insertContact(t, 'Dana Whitfield');
    const callCampaign = await insertCallCampaign(t, 'Calls');

    const noContact = await makeLink(assetId, { contactId: '0190a000-0000-7000-8000-000000000001', channel: 'email' });
    const noCampaign = await makeLink(assetId, { contactId, campaignId: '0190a000-0000-7000-8000-000000000002', channel: 'email' });
    const wrongKind = await makeLink(assetId, { contactId, campaignKind: 'email', campaignId: callCampaign, channel: 'email' });
    const noAsset = await makeLink('0190a000-0000-7000-8000-000000000003', { contactId, channel: 'email' });
    const badChannel = await makeLink(assetId, { contactId, channel: 'fax' });

    expect(noContact.status).toBe(404);
    expect(noContact.json).toMatchObject({ errors: [{ field: 'contactId' }] });
    expect(noCampaign.status).toBe(404);
    expect(noCampaign.json).toMatchObject({ errors: [{ field: 'campaignId' }] });
    expect(wrongKind.status).toBe(404);
    expect(noAsset.status).toBe(404);
    expect(badChannel.status).toBe(400);
    expect(JSON.stringify(badChannel.json)).toContain('channel');
  });
});

describe('following a tracking link', () => {
  async function linkFor(input: { publicUrl?: string; channel?: string } = {}) {
    const assetId = await insertAsset(t, { title: 'Intent Data Playbook', publicUrl: input.publicUrl ?? 'https://resources.example.com/playbook?lang=en#top' });
    const campaignId = await insertEmailCampaign(t, 'Q1 Intent Nurture');
    const contactId = await insertContact(t, 'Dana Whitfield');
    const link = await makeLink(assetId, { contactId, campaignKind: 'email', campaignId, channel: input.channel ?? 'email' });
    return { assetId, campaignId, contactId, url: link.json.url };
  }

  it("records the click, puts one touch on the contact's timeline and redirects with UTM parameters, keeping the target's query", async () => {
    const { campaignId, contactId, url } = await linkFor();

    const res = await follow(pathOf(url));

    expect(res.status).toBe(302);
    const location = new URL(res.headers.location!);
    expect(`${location.origin}${location.pathname}`).toBe('https://resources.example.com/playbook');
    expect(location.hash).toBe('#top');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      lang: 'en',
      utm_source: 'pivotal',
      utm_medium: 'email',
      utm_campaign: 'q1-intent-nurture',
      utm_content: 'intent-data-playbook',
    });
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(await events()).toEqual([{ kind: 'click', automated: false, contactId, campaignId }]);
    expect(await touches()).toEqual([{ channel: 'email', kind: 'clicked', summary: 'Opened “Intent Data Playbook” from a content link', campaignId }]);

    const timeline = await invoke<TimelineResponse>(t.activity, { method: 'GET', path: `/api/contacts/${contactId}/timeline`, token: t.tokens.campaign_manager });
    expect(timeline.status).toBe(200);
    expect(timeline.json.items).toEqual([expect.objectContaining({ kind: 'touch', title: 'clicked', channel: 'email', detail: expect.objectContaining({ summary: 'Opened “Intent Data Playbook” from a content link' }) })]);
  });

  it('counts a replay within the same second once, and a click a second later again', async () => {
    const { url } = await linkFor();

    await follow(pathOf(url));
    const replay = await follow(pathOf(url));
    t.clock.advance(1000);
    await follow(pathOf(url));

    expect(replay.status).toBe(302);
    expect((await events()).length).toBe(2);
    expect((await touches()).length).toBe(2);
  });

  it('counts a link scanner or bot click as automated, with no touch', async () => {
    const { url } = await linkFor();

    const scanner = await follow(pathOf(url), 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))');
    t.clock.advance(1000);
    const noAgent = await follow(pathOf(url), null);

    expect(scanner.status).toBe(302);
    expect(noAgent.status).toBe(302);
    expect((await events()).map((e) => e.automated)).toEqual([true, true]);
    expect(await touches()).toEqual([]);
  });

  it('answers a forged, altered or unknown link with the plain 404 page and records nothing', async () => {
    const { url } = await linkFor();
    const token = pathOf(url).slice('/r/'.length);
    const [code, sig] = token.split('.') as [string, string];
    const flipped = (s: string) => (s.startsWith('A') ? 'B' : 'A') + s.slice(1);

    const paths = [
      `/r/${code}.${flipped(sig)}`, // altered signature
      `/r/${flipped(code)}.${sig}`, // altered code
      `/r/${signLinkCode('another-secret-of-at-least-32-characters!', code)}`, // signed with another secret
      `/r/${signLinkCode(TEST_TRACKING_SECRET, 'ZZZZZZZZZZ')}`, // well signed, no such link
      `/r/${code}`,
      '/r/not-a-token',
      `/r/${code}.${sig}x`,
    ];
    for (const path of paths) {
      const res = await follow(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toContain('text/html');
      expect(res.text, path).toContain('This link is not valid');
    }
    expect(await events()).toEqual([]);
    expect(await touches()).toEqual([]);
  });

  it('touches on the call channel for call-script links and on other for the Resources Centre', async () => {
    const assetId = await insertAsset(t, { title: 'Guide', publicUrl: 'https://resources.example.com/guide' });
    const callCampaign = await insertCallCampaign(t, 'Q1 Calls');
    const contactId = await insertContact(t, 'Dana Whitfield');
    const script = await makeLink(assetId, { contactId, campaignKind: 'call', campaignId: callCampaign, channel: 'call_script' });
    const centre = await makeLink(assetId, { contactId, channel: 'resources_centre' });

    await follow(pathOf(script.json.url));
    await follow(pathOf(centre.json.url));

    expect((await touches()).map((x) => [x.channel, x.campaignId])).toEqual([
      ['call', callCampaign],
      ['other', null],
    ]);
    expect(new URL((await follow(pathOf(centre.json.url))).headers.location!).searchParams.get('utm_medium')).toBe('resources-centre');
  });

  it("lands a text asset on its own page, which shows the copy and records a view; a video link on its URL", async () => {
    const landing = await insertAsset(t, { title: 'Why intent data', body: 'First paragraph.\n\nSecond <b>paragraph</b>.' });
    const video = await insertAsset(t, { title: 'Webinar', type: 'video_link', url: 'https://video.example.com/watch?v=42' });
    const contactId = await insertContact(t, 'Dana Whitfield');
    const landingLink = await makeLink(landing, { contactId, channel: 'resources_centre' });
    const videoLink = await makeLink(video, { contactId, channel: 'resources_centre' });

    const click = await follow(pathOf(landingLink.json.url));
    const target = new URL(click.headers.location!);
    expect(`${target.origin}${target.pathname}`).toBe(`${landingLink.json.url}/view`);
    expect(target.searchParams.get('utm_content')).toBe('why-intent-data');
    const page = await follow(`${target.pathname}${target.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Why intent data</h1>');
    expect(page.text).toContain('<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>');
    expect((await events()).map((e) => e.kind)).toEqual(['click', 'view']);

    const videoClick = await follow(pathOf(videoLink.json.url));
    expect(new URL(videoClick.headers.location!).searchParams.get('v')).toBe('42');
  });
});

describe('campaign links', () => {
  it('attaches an asset to email and call campaigns, lists both sides and detaches', async () => {
    const assetId = await insertAsset(t, { title: 'Intent Data Playbook' });
    const email = await insertEmailCampaign(t, 'Q1 Intent Nurture');
    const call = await insertCallCampaign(t, 'Q1 Calls');

    const attached = await t.call<AssetUsageResponse>({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'email', campaignId: email } });
    await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'call', campaignId: call } });
    const twice = await t.call<AssetUsageResponse>({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'call', campaignId: call } });
    const campaignSide = await t.call<CampaignAssetsResponse>({ method: 'GET', path: `/api/content/campaigns/email/${email}/assets`, as: 'agent' });

    expect(attached.status).toBe(201);
    expect(attached.json.items).toEqual([expect.objectContaining({ campaignKind: 'email', campaignId: email, campaignName: 'Q1 Intent Nurture', linkedBy: expect.objectContaining({ id: t.userIds.content_creator }) })]);
    expect(twice.json.items.map((i) => i.campaignName).sort()).toEqual(['Q1 Calls', 'Q1 Intent Nurture']);
    expect(campaignSide.json.items).toEqual([expect.objectContaining({ assetId, title: 'Intent Data Playbook', mergeField: 'content.intent_data_playbook', type: 'landing_copy' })]);

    const detached = await t.call({ method: 'DELETE', path: `/api/content/assets/${assetId}/usage`, query: { campaignKind: 'email', campaignId: email } });
    const after = await t.call<AssetUsageResponse>({ method: 'GET', path: `/api/content/assets/${assetId}/usage`, as: 'agent' });
    expect(detached.status).toBe(204);
    expect(after.json.items.map((i) => i.campaignKind)).toEqual(['call']);
  });

  it('answers an unknown campaign, or one of the other kind, with a 404 naming campaignId', async () => {
    const assetId = await insertAsset(t, { title: 'Guide' });
    const call = await insertCallCampaign(t, 'Q1 Calls');
    const unknown = '0190a000-0000-7000-8000-0000000000aa';

    const attachUnknown = await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'email', campaignId: unknown } });
    const attachWrongKind = await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'email', campaignId: call } });
    const detachUnknown = await t.call({ method: 'DELETE', path: `/api/content/assets/${assetId}/usage`, query: { campaignKind: 'call', campaignId: unknown } });
    const listUnknown = await t.call({ method: 'GET', path: `/api/content/campaigns/call/${unknown}/assets` });
    const badKind = await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'sms', campaignId: call } });

    for (const res of [attachUnknown, attachWrongKind, detachUnknown, listUnknown]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json).toMatchObject({ errors: [{ field: 'campaignId', message: 'no such campaign' }] });
    }
    expect(badKind.status).toBe(400);
  });

  it('lets an agent read but not change, and refuses a portal user', async () => {
    const assetId = await insertAsset(t, { title: 'Guide' });
    const email = await insertEmailCampaign(t, 'Q1 Intent Nurture');
    const contactId = await insertContact(t, 'Dana Whitfield');

    expect((await t.call({ method: 'GET', path: `/api/content/assets/${assetId}/usage`, as: 'agent' })).status).toBe(200);
    expect((await t.call({ method: 'GET', path: `/api/content/assets/${assetId}/report`, as: 'agent' })).status).toBe(200);
    expect((await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'email', campaignId: email }, as: 'agent' })).status).toBe(403);
    expect((await makeLink(assetId, { contactId, channel: 'email' }, 'agent')).status).toBe(403);
    expect((await t.call({ method: 'GET', path: `/api/content/assets/${assetId}/usage`, as: 'client_user' })).status).toBe(403);
    expect((await t.call({ method: 'GET', path: `/api/content/assets/${assetId}/report`, as: 'client_user' })).status).toBe(403);
    expect((await makeLink(assetId, { contactId, channel: 'email' }, 'client_user')).status).toBe(403);
    expect((await t.call({ method: 'GET', path: `/api/content/assets/${assetId}/usage`, as: null })).status).toBe(401);
  });
});

describe("an asset's report", () => {
  it('counts views, clicks by people, clickers and leads by campaign, automated ones apart, with a daily series', async () => {
    const assetId = await insertAsset(t, { title: 'Why intent data', body: 'Copy.' });
    const email = await insertEmailCampaign(t, 'Q1 Intent Nurture');
    const call = await insertCallCampaign(t, 'Q1 Calls');
    const quiet = await insertEmailCampaign(t, 'Attached, never clicked');
    await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'email', campaignId: quiet } });
    const [ana, ben, cy] = [await insertContact(t, 'Ana Lopez'), await insertContact(t, 'Ben Ode'), await insertContact(t, 'Cy Park')];
    const link = async (contactId: string, campaignKind: 'email' | 'call', campaignId: string) =>
      pathOf((await makeLink(assetId, { contactId, campaignKind, campaignId, channel: campaignKind === 'email' ? 'email' : 'call_script' })).json.url);

    // Ana clicks twice (two days), Ben once, on the email campaign; a scanner once; Cy on the calls, and views the page.
    const anaEmail = await link(ana, 'email', email);
    await follow(anaEmail);
    t.clock.advance(86_400_000);
    await follow(anaEmail);
    await follow(await link(ben, 'email', email));
    t.clock.advance(1000);
    await follow(anaEmail, 'Mozilla/5.0 Proofpoint URL Defense');
    const cyCall = await link(cy, 'call', call);
    const landing = new URL((await follow(cyCall)).headers.location!);
    await follow(`${landing.pathname}${landing.search}`);
    // Leads: Ana's of the email campaign (she clicked it), Ben's of the call campaign (he never clicked its link), Cy's of the call campaign.
    await insertLead(t, { campaignId: email, campaignKind: 'email', contactId: ana });
    await insertLead(t, { campaignId: call, campaignKind: 'call', contactId: ben });
    await insertLead(t, { campaignId: call, campaignKind: 'call', contactId: cy });

    const day = (at: Date) => at.toISOString().slice(0, 10);
    const res = await t.call<AssetReport>({ method: 'GET', path: `/api/content/assets/${assetId}/report`, query: { days: '7' } });

    expect(res.status).toBe(200);
    expect(res.json.totals).toEqual({ views: 1, clicks: 4, clickers: 3, automated: 1, leads: 2 });
    expect(res.json.campaigns).toEqual([
      { campaignKind: 'email', campaignId: email, campaignName: 'Q1 Intent Nurture', clicks: 3, clickers: 2, leads: 1 },
      { campaignKind: 'call', campaignId: call, campaignName: 'Q1 Calls', clicks: 1, clickers: 1, leads: 1 },
      { campaignKind: 'email', campaignId: quiet, campaignName: 'Attached, never clicked', clicks: 0, clickers: 0, leads: 0 },
    ]);
    expect(res.json.daily).toHaveLength(7);
    expect(res.json.daily.slice(-2)).toEqual([
      { day: day(new Date(t.clock.now().getTime() - 86_400_000 - 1000)), views: 0, clicks: 1 },
      { day: day(t.clock.now()), views: 1, clicks: 3 },
    ]);
  });

  it('is empty for an asset nobody clicked, and a 404 for an unknown one', async () => {
    const assetId = await insertAsset(t, { title: 'Guide' });
    const empty = await t.call<AssetReport>({ method: 'GET', path: `/api/content/assets/${assetId}/report` });
    const unknown = await t.call({ method: 'GET', path: '/api/content/assets/0190a000-0000-7000-8000-0000000000bb/report' });
    const badDays = await t.call({ method: 'GET', path: `/api/content/assets/${assetId}/report`, query: { days: '2' } });

    expect(empty.json.totals).toEqual({ views: 0, clicks: 0, clickers: 0, automated: 0, leads: 0 });
    expect(empty.json.campaigns).toEqual([]);
    expect(empty.json.daily).toHaveLength(30);
    expect(unknown.status).toBe(404);
    expect(badDays.status).toBe(400);
  });
});

describe("a campaign's emails", () => {
  it("carry each recipient's tracking URL of every asset attached to the campaign, by merge name", async () => {
    const playbook = await insertAsset(t, { title: 'Intent Data Playbook', publicUrl: 'https://resources.example.com/playbook' });
    const guide = await insertAsset(t, { title: '2027 Buyer’s Guide', publicUrl: 'https://resources.example.com/guide' });
    await insertAsset(t, { title: 'Not attached' });
    const campaignId = await insertEmailCampaign(t, 'Q1 Intent Nurture');
    const [ana, ben] = [await insertContact(t, 'Ana Lopez'), await insertContact(t, 'Ben Ode')];
    for (const assetId of [playbook, guide]) await t.call({ method: 'POST', path: `/api/content/assets/${assetId}/usage`, body: { campaignKind: 'email', campaignId } });
    const anasLink = await makeLink(playbook, { contactId: ana, campaignKind: 'email', campaignId, channel: 'email' });

    const links = await emailHooks.contentLinks!(t.deps, { campaignId, contactIds: [ana, ben] });

    expect(Object.keys(links.get(ana)!).sort()).toEqual(['asset_2027_buyers_guide', 'intent_data_playbook']);
    expect(links.get(ana)!.intent_data_playbook).toBe(anasLink.json.url);
    expect(links.get(ben)!.intent_data_playbook).not.toBe(anasLink.json.url);
    expect((await emailHooks.contentLinks!(t.deps, { campaignId: await insertEmailCampaign(t, 'No content'), contactIds: [ana] })).size).toBe(0);
  });
});

describe('the demo', () => {
  it('attaches the assets to the campaigns, makes links and clicks with their touches, once', async () => {
    const assetId = await insertAsset(t, { title: 'Intent Data Playbook', publicUrl: 'https://resources.example.com/playbook' });
    await insertEmailCampaign(t, 'Q1 Intent Nurture');
    await insertCallCampaign(t, 'Q1 Calls');
    for (let i = 0; i < 12; i++) await insertContact(t, `Demo Person ${i}`);

    const report = await seedTrackingDemo(t.deps, contentHooks, { assetIds: [assetId] });
    const again = await seedTrackingDemo(t.deps, contentHooks, { assetIds: [assetId] });

    expect(report).toMatchObject({ attachments: 2, links: 12 });
    expect(report!.clicks).toBeGreaterThan(0);
    expect((await touches()).length).toBe(report!.touches);
    const res = await t.call<AssetReport>({ method: 'GET', path: `/api/content/assets/${assetId}/report` });
    expect(res.json.totals.clicks + res.json.totals.automated).toBe(report!.clicks);
    expect(res.json.campaigns).toHaveLength(2);
    expect(again).toBeNull();
  });
});
