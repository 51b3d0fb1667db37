// The campaign report and the recipients table on a fixture campaign built by the real tracking
// and feedback paths: every figure counted, machine opens apart, exclusions from the gate's proof
// and after it; the recipients filtered and paged, and exported as CSV with formulas neutralized.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignReport, Recipient } from '@shared/contracts/email';
import { sampleSesEvent } from '../content';
import { FEEDBACK_INJECTION_PATH } from './feedback-routes';
import { createEmailTestContext, insertCampaign, insertRecipients, tokenFor, type EmailTestContext, type SeededRecipient, type SentCampaign } from './test-fixtures';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

let t: EmailTestContext;
let campaign: SentCampaign;
let r: Record<string, SeededRecipient>;

beforeAll(async () => {
  t = await createEmailTestContext();
  const [left1, left2] = await insertRecipients(t.deps.db, (await insertCampaign(t.deps.db, { name: 'scratch', variants: {} })).campaignId, [
    { email: 'left1@x.example', status: 'excluded' },
    { email: 'left2@x.example', status: 'excluded' },
  ]);
  campaign = await insertCampaign(t.deps.db, {
    name: 'Launch report',
    variants: { A: [{ index: 0, url: 'https://pivotal.example/a' }], B: [{ index: 0, url: 'https://pivotal.example/b' }, { index: 1, url: 'https://pivotal.example/b2' }] },
    winner: 'B',
    proof: {
      audience: 9,
      exclusions: [
        { contactId: left1!.contactId!, reason: 'suppressed_email' },
        { contactId: left2!.contactId!, reason: 'opted_out' },
      ],
    },
  });
  const { A, B } = campaign.variantIds;
  const seeded = await insertRecipients(t.deps.db, campaign.campaignId, [
    { email: 'ann@alpha.example', fullName: 'Ann Opener', variantId: A, messageId: 'm-ann' },
    { email: 'bob@alpha.example', fullName: 'Bob Clicker', variantId: B, messageId: 'm-bob' },
    { email: 'cy@beta.example', fullName: '=cmd|"/c calc"!A1', variantId: B, messageId: 'm-cy' },
    { email: 'dee@beta.example', fullName: 'Dee Bounce', variantId: A, messageId: 'm-dee' },
    { email: 'eve@beta.example', fullName: 'Eve Soft', variantId: B, messageId: 'm-eve' },
    { email: 'fay@gamma.example', fullName: 'Fay Failed', variantId: A, status: 'failed', reason: 'Rejected by SES', sentAt: null },
    { email: 'gus@gamma.example', fullName: 'Gus Late', variantId: null, status: 'excluded', reason: 'suppressed_email', sentAt: null },
  ]);
  r = Object.fromEntries(seeded.map((s) => [s.email.split('@')[0]!, s]));

  const get = (path: string, userAgent = BROWSER) => t.send({ method: 'GET', path, headers: { 'user-agent': userAgent }, as: null });
  const c = campaign.campaignId;
  await get(`/t/o/${tokenFor('o', c, r.ann!.id)}`);
  await get(`/t/o/${tokenFor('o', c, r.ann!.id)}`, 'Mozilla/5.0');
  await get(`/t/c/${tokenFor('c', c, r.bob!.id, 1)}`);
  await get(`/t/c/${tokenFor('c', c, r.bob!.id, 0)}`);
  await get(`/t/c/${tokenFor('c', c, r.cy!.id, 1)}`, 'python-requests/2.31');
  await t.send({ method: 'POST', path: `/t/u/${tokenFor('u', c, r.cy!.id)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', as: null });
  const inject = (body: unknown) => t.send({ method: 'POST', path: FEEDBACK_INJECTION_PATH, body, as: 'admin' });
  await inject([
    ...['ann', 'bob', 'cy', 'eve'].map((who) => sampleSesEvent('delivery', { messageId: `m-${who}`, email: r[who]!.email })),
    sampleSesEvent('bounce', { messageId: 'm-dee', email: r.dee!.email, bounceType: 'Permanent' }),
    sampleSesEvent('bounce', { messageId: 'm-eve', email: r.eve!.email, bounceType: 'Transient' }),
    sampleSesEvent('complaint', { messageId: 'm-bob', email: r.bob!.email }),
  ]);
}, 90_000);
afterAll(async () => {
  await t?.close();
});

describe('the campaign report', () => {
  it('counts every outcome, keeps machine opens and clicks apart, and lists exclusions by reason', async () => {
    const res = await t.send<CampaignReport>({ method: 'GET', path: `/api/email/campaigns/${campaign.campaignId}/report` });
    expect(res.status, res.text).toBe(200);
    const report = res.json;
    expect(report.totals).toEqual({
      audience: 9,
      admitted: 7,
      excluded: 3,
      queued: 0,
      sent: 5,
      failed: 1,
      uncertain: 0,
      delivered: 4,
      bounced: 2,
      opened: 2,
      clicked: 2,
      unsubscribed: 1,
      complained: 1,
      hardBounced: 1,
      softBounced: 1,
      uniqueOpens: 2,
      machineOpens: 1,
      uniqueClicks: 1,
      machineClicks: 1,
    });
    expect(report.exclusions).toEqual({ opted_out: 1, suppressed_email: 2 });
    expect(report.variants).toEqual([
      { variantId: campaign.variantIds.A, key: 'A', sent: 2, uniqueOpens: 1, uniqueClicks: 0, winner: false },
      { variantId: campaign.variantIds.B, key: 'B', sent: 3, uniqueOpens: 1, uniqueClicks: 1, winner: true },
    ]);
    expect(report.links).toEqual([
      { index: 0, url: 'https://pivotal.example/a', clicks: 0, uniqueClicks: 0 },
      { index: 0, url: 'https://pivotal.example/b', clicks: 1, uniqueClicks: 1 },
      { index: 1, url: 'https://pivotal.example/b2', clicks: 1, uniqueClicks: 1 },
    ]);
    expect(report.domains).toEqual([
      { domain: 'beta.example', sent: 3, delivered: 2, bounced: 2, opened: 0, clicked: 0 },
      { domain: 'alpha.example', sent: 2, delivered: 2, bounced: 0, opened: 2, clicked: 1 },
      { domain: 'gamma.example', sent: 0, delivered: 0, bounced: 0, opened: 0, clicked: 0 },
    ]);
    const sum = (k: keyof CampaignReport['series'][number]) => report.series.reduce((n, p) => n + (p[k] as number), 0);
    expect([sum('sent'), sum('delivered'), sum('opened'), sum('clicked'), sum('bounced'), sum('unsubscribed')]).toEqual([5, 4, 2, 2, 2, 1]);
    for (const point of report.series) expect(point.at).toMatch(/T\d{2}:00:00\.000Z$/);
  });

  it('is for those who may send campaigns, and a 404 for a campaign that does not exist', async () => {
    expect((await t.send({ method: 'GET', path: `/api/email/campaigns/${campaign.campaignId}/report`, as: 'agent' })).status).toBe(403);
    expect((await t.send({ method: 'GET', path: `/api/email/campaigns/${campaign.campaignId}/report`, as: null })).status).toBe(401);
    expect((await t.send({ method: 'GET', path: '/api/email/campaigns/0190a1b2-0000-7000-8000-000000000000/report' })).status).toBe(404);
  });
});

describe('the recipients table', () => {
  const list = (query: Record<string, string> = {}) =>
    t.send<{ items: Recipient[]; nextCursor: string | null }>({ method: 'GET', path: `/api/email/campaigns/${campaign.campaignId}/recipients`, query });

  it('pages through every recipient in order', async () => {
    const first = await list({ limit: '4' });
    expect(first.status, first.text).toBe(200);
    expect(first.json.items.map((i) => i.email)).toEqual(['ann@alpha.example', 'bob@alpha.example', 'cy@beta.example', 'dee@beta.example']);
    const second = await list({ limit: '4', cursor: first.json.nextCursor! });
    expect(second.json.items.map((i) => i.email)).toEqual(['eve@beta.example', 'fay@gamma.example', 'gus@gamma.example']);
    expect(second.json.nextCursor).toBeNull();
    expect(first.json.items[1]).toMatchObject({ contactName: 'Bob Clicker', variantKey: 'B', status: 'sent', messageId: 'm-bob', bounce: null, complainedAt: expect.any(String), clickedAt: expect.any(String) });
  });

  it('filters by status, by event and by a search on the address or the name', async () => {
    const emails = async (query: Record<string, string>) => (await list(query)).json.items.map((i) => i.email);
    expect(await emails({ status: 'failed' })).toEqual(['fay@gamma.example']);
    expect(await emails({ event: 'opened' })).toEqual(['ann@alpha.example', 'bob@alpha.example']);
    expect(await emails({ event: 'not_opened' })).toEqual(['cy@beta.example', 'dee@beta.example', 'eve@beta.example']);
    expect(await emails({ event: 'bounced' })).toEqual(['dee@beta.example', 'eve@beta.example']);
    expect(await emails({ event: 'unsubscribed' })).toEqual(['cy@beta.example']);
    expect(await emails({ q: 'BETA' })).toEqual(['cy@beta.example', 'dee@beta.example', 'eve@beta.example']);
    expect(await emails({ q: 'clicker' })).toEqual(['bob@alpha.example']);
    expect(await emails({ q: '%' })).toEqual([]);
    expect((await list({ cursor: 'abc' })).status).toBe(400);
  });

  it('exports as CSV with every formula neutralized', async () => {
    const res = await t.send({ method: 'GET', path: `/api/email/campaigns/${campaign.campaignId}/recipients/export`, query: { event: 'bounced' } });
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="campaign-[0-9a-f-]+-recipients\.csv"$/);
    const rows = parse(res.text) as string[][];
    expect(rows[0]).toEqual(['Email', 'Contact', 'Variant', 'Status', 'Reason', 'Message ID', 'Sent at', 'Delivered at', 'Opened at', 'Clicked at', 'Bounce', 'Unsubscribed at', 'Complained at']);
    expect(rows.slice(1).map((row) => [row[0], row[10]])).toEqual([
      ['dee@beta.example', 'hard'],
      ['eve@beta.example', 'soft'],
    ]);
    const all = parse((await t.send({ method: 'GET', path: `/api/email/campaigns/${campaign.campaignId}/recipients/export` })).text) as string[][];
    expect(all.find((row) => row[0] === 'cy@beta.example')?.[1]).toBe(`'=cmd|"/c calc"!A1`);
  });
});
