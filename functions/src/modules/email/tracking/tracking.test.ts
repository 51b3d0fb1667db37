// The open pixel and the click redirect through the real handler kit: a token that is forged,
// altered, of another kind or of another campaign is a 404 and leaves no trace; a person's open
// and click are recorded once per hour with their touches; machines are kept apart.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../../db/rows';
import { createHttpHandler } from '../../../http/create-http-handler';
import { invoke } from '../../../../test/support/invoke';
import type { TimelineResponse } from '@shared/contracts/activity';
import { activityHooks } from '../../../composition';
import { createActivityModule } from '../../activity';
import { countQueries } from '../../compliance/testing';
import { trackingRoutes } from './tracking-routes';
import { createEmailTestContext, footprint, insertCampaign, insertRecipients, tokenFor, type EmailTestContext, type SentCampaign } from './test-fixtures';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15';
const APPLE_PROXY = 'Mozilla/5.0';
const SCANNER = 'Mozilla/5.0 (compatible; Barracuda Sentinel)';

let t: EmailTestContext;
let campaign: SentCampaign;
let other: SentCampaign;

beforeAll(async () => {
  t = await createEmailTestContext();
  campaign = await insertCampaign(t.deps.db, {
    name: 'Spring launch',
    variants: {
      A: [
        { index: 0, url: 'https://pivotal.example/pricing' },
        { index: 1, url: 'https://pivotal.example/demo?src=email' },
        { index: 2, url: 'https://pivotal.example/hello?name={{ contact.first_name }}' },
        { index: 3, url: 'javascript:alert(1)' },
      ],
    },
  });
  other = await insertCampaign(t.deps.db, { name: 'Other campaign', variants: { A: [{ index: 0, url: 'https://elsewhere.example/' }] } });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const pixel = (token: string, userAgent = BROWSER) => t.send({ method: 'GET', path: `/t/o/${token}`, headers: { 'user-agent': userAgent }, as: null });
const click = (token: string, userAgent = BROWSER) => t.send({ method: 'GET', path: `/t/c/${token}`, headers: { 'user-agent': userAgent }, as: null });

async function oneRecipient(email: string, c: SentCampaign = campaign) {
  const [r] = await insertRecipients(t.deps.db, c.campaignId, [{ email, variantId: c.variantIds.A!, messageId: `msg-${email}` }]);
  return r!;
}

const nothingRecorded = {
  recipient: { opened_at: null, machine_opened_at: null, clicked_at: null, unsubscribed_at: null, delivered_at: null, complained_at: null, bounce: null },
  events: [],
  touches: [],
  suppressions: [],
  consent: [],
};

describe('tokens that are not ours', () => {
  it('answers 404 to forged, altered, other-kind, other-campaign and unknown-recipient tokens, and records nothing', async () => {
    const r = await oneRecipient('forged@acme.example');
    const flip = (token: string) => token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const otherSecret = 'another-secret-that-is-long-enough-000000';
    const notOurs = (kind: 'o' | 'c', link?: number) => ({
      forged: tokenFor(kind, campaign.campaignId, r.id, link, otherSecret),
      altered: flip(tokenFor(kind, campaign.campaignId, r.id, link)),
      truncated: tokenFor(kind, campaign.campaignId, r.id, link).slice(0, -2),
      otherKind: kind === 'o' ? tokenFor('u', campaign.campaignId, r.id) : tokenFor('o', campaign.campaignId, r.id),
      otherCampaign: tokenFor(kind, other.campaignId, r.id, link),
      unknownRecipient: tokenFor(kind, campaign.campaignId, '999999999', link),
      garbage: 'not-a-token',
    });
    for (const [what, token] of Object.entries(notOurs('o'))) {
      const res = await pixel(token);
      expect(res.status, what).toBe(404);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
    }
    for (const [what, token] of Object.entries(notOurs('c', 0))) expect((await click(token)).status, what).toBe(404);
    // A token that does not verify never reaches the database.
    const queries = countQueries(t.database.handle);
    try {
      for (const token of [notOurs('o').forged, notOurs('o').altered, 'not-a-token']) expect((await pixel(token)).status).toBe(404);
      expect(queries.count).toBe(0);
    } finally {
      queries.restore();
    }
    expect(await footprint(t.deps.db, r)).toEqual(nothingRecorded);
  });

  it('answers 404 to every link when no tracking secret is configured', async () => {
    const r = await oneRecipient('nosecret@acme.example');
    const deps = { ...t.deps, config: { ...t.deps.config, TRACKING_SECRET: undefined } };
    const handler = createHttpHandler({ name: 'email', routes: trackingRoutes }, { deps: async () => deps });
    expect((await invoke(handler, { method: 'GET', path: `/t/o/${tokenFor('o', campaign.campaignId, r.id)}` })).status).toBe(404);
  });
});

describe('the open pixel', () => {
  it('answers a 1×1 GIF that is never cached, and records the first open once an hour with a touch', async () => {
    const r = await oneRecipient('reader@acme.example');
    const token = tokenFor('o', campaign.campaignId, r.id);
    const first = await pixel(token);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/gif');
    expect(first.headers['cache-control']).toContain('no-store');
    expect(Buffer.from(first.text, 'base64').subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect((await pixel(token)).status).toBe(200);

    const after = await footprint(t.deps.db, r);
    expect(after.recipient.opened_at).not.toBeNull();
    expect(after.recipient.machine_opened_at).toBeNull();
    expect(after.events).toMatchObject([{ kind: 'open', machine: false }]);
    expect(after.touches).toMatchObject([{ kind: 'opened', source_event_id: `email:opened:${r.id}`, summary: 'Spring launch' }]);
  });

  it('keeps an Apple privacy proxy open apart: machine, not an open of the person, no touch', async () => {
    const r = await oneRecipient('apple@acme.example');
    expect((await pixel(tokenFor('o', campaign.campaignId, r.id), APPLE_PROXY)).status).toBe(200);
    const after = await footprint(t.deps.db, r);
    expect(after.recipient.opened_at).toBeNull();
    expect(after.recipient.machine_opened_at).not.toBeNull();
    expect(after.events).toMatchObject([{ kind: 'open', machine: true, detail: { reason: expect.stringContaining('Apple') } }]);
    expect(after.touches).toEqual([]);
  });
});

describe('the click redirect', () => {
  it('sends the browser to the link of the token’s index and records the click, the open it implies and their touches', async () => {
    const r = await oneRecipient('clicker@acme.example');
    const res = await click(tokenFor('c', campaign.campaignId, r.id, 1));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://pivotal.example/demo?src=email');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect((await click(tokenFor('c', campaign.campaignId, r.id, 1))).status).toBe(302);

    const after = await footprint(t.deps.db, r);
    expect(after.recipient.clicked_at).not.toBeNull();
    expect(after.recipient.opened_at).not.toBeNull();
    expect(after.events.map((e) => [e.kind, e.machine, e.link_index])).toEqual([
      ['click', false, 1],
      ['open', false, null],
    ]);
    expect(after.touches.map((x) => [x.kind, x.source_event_id]).sort()).toEqual([
      ['clicked', `email:clicked:${r.id}:1`],
      ['opened', `email:opened:${r.id}`],
    ]);
  });

  it('renders a link written with Liquid for the recipient', async () => {
    const r = await oneRecipient('liquid@acme.example');
    await t.deps.db.execute(sql`update contacts set first_name = 'Zoë' where id = ${r.contactId}::uuid`);
    const res = await click(tokenFor('c', campaign.campaignId, r.id, 2));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('https://pivotal.example/hello?name=Zoë');
  });

  it('answers 404 for an index the message never had, and never redirects to anything but a web address', async () => {
    const r = await oneRecipient('nolink@acme.example');
    expect((await click(tokenFor('c', campaign.campaignId, r.id, 9))).status).toBe(404);
    expect((await click(tokenFor('c', campaign.campaignId, r.id, 3))).status).toBe(404);
    expect(await footprint(t.deps.db, r)).toEqual(nothingRecorded);
  });

  it('redirects a link scanner too, but keeps its click apart: no click, no open, no touch', async () => {
    const r = await oneRecipient('scanned@acme.example');
    const res = await click(tokenFor('c', campaign.campaignId, r.id, 0), SCANNER);
    expect(res.status).toBe(302);
    const after = await footprint(t.deps.db, r);
    expect(after.recipient.clicked_at).toBeNull();
    expect(after.recipient.opened_at).toBeNull();
    expect(after.events).toMatchObject([{ kind: 'click', machine: true, link_index: 0 }]);
    expect(after.touches).toEqual([]);
    const count = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from email_events where recipient_id = ${r.id}::bigint`);
    expect(count?.n).toBe(1);
  });
});

describe('the contact timeline', () => {
  it('shows the message with its outcome, its open and click on it rather than beside it, the unsubscribe also on its own (a touches-only feed lists them all)', async () => {
    const r = await oneRecipient('timeline@acme.example');
    await click(tokenFor('c', campaign.campaignId, r.id, 0));
    const unsubscribed = await t.send({ method: 'POST', path: `/t/u/${tokenFor('u', campaign.campaignId, r.id)}`, as: null, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribed.status).toBe(200);
    const activity = createHttpHandler(createActivityModule(activityHooks), { deps: async () => t.deps });
    const feed = await invoke<TimelineResponse>(activity, { method: 'GET', path: `/api/contacts/${r.contactId}/timeline`, token: t.tokens.campaign_manager });
    expect(feed.status, feed.text).toBe(200);
    const email = feed.json.items.find((i) => i.kind === 'email');
    expect(email).toMatchObject({ id: `email:${r.id}`, channel: 'email', title: 'Spring launch', detail: { campaignId: campaign.campaignId, status: 'sent', openedAt: expect.any(String), clickedAt: expect.any(String) } });
    // An opt-out is never folded: it stays listed as an item of its own.
    expect(feed.json.items.filter((i) => i.kind === 'touch' && i.channel === 'email').map((i) => i.title)).toEqual(['unsubscribed']);
    const touchesOnly = await invoke<TimelineResponse>(activity, { method: 'GET', path: `/api/contacts/${r.contactId}/timeline`, query: { kinds: 'touch' }, token: t.tokens.campaign_manager });
    expect(touchesOnly.json.items.map((i) => i.title).sort()).toEqual(['clicked', 'opened', 'unsubscribed']);
  });
});

