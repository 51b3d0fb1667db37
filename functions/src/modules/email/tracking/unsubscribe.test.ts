// The unsubscribe link (RFC 8058) through the real handler kit: GET and HEAD show the preference
// page and change nothing; a one-click POST unsubscribes at once (suppression and consent), answers
// 200 without a redirect and is repeatable; the page's pause opts the contact out with its end date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailTestContext, footprint, insertCampaign, insertRecipients, tokenFor, type EmailTestContext, type SentCampaign } from './test-fixtures';

let t: EmailTestContext;
let campaign: SentCampaign;

beforeAll(async () => {
  t = await createEmailTestContext();
  campaign = await insertCampaign(t.deps.db, { name: 'Quarterly digest', variants: { A: [] } });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const path = (token: string) => `/t/u/${token}`;

async function oneRecipient(email: string) {
  const [r] = await insertRecipients(t.deps.db, campaign.campaignId, [{ email, variantId: campaign.variantIds.A!, messageId: `msg-${email}` }]);
  return { ...r!, token: tokenFor('u', campaign.campaignId, r!.id) };
}

describe('showing the unsubscribe link', () => {
  it('GET and HEAD show the preference page and change nothing', async () => {
    const r = await oneRecipient('looker@acme.example');
    const before = await footprint(t.deps.db, r);

    const page = await t.send({ method: 'GET', path: path(r.token), as: null, headers: { 'user-agent': 'Mozilla/5.0 (compatible; LinkScanner)' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain('value="unsubscribe_all"');
    expect(page.text).toContain('value="pause_90_days"');
    expect(page.text).toContain('l•••@acme.example');
    expect(page.text).not.toContain('looker@acme.example');

    const head = await t.send({ method: 'HEAD', path: path(r.token), as: null });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');

    expect(await footprint(t.deps.db, r)).toEqual(before);
    expect(before.suppressions).toEqual([]);
    expect(before.consent).toEqual([]);
    expect(before.events).toEqual([]);
    expect(before.recipient.unsubscribed_at).toBeNull();
  });

  it('answers a plain 404 page to a forged token, on GET and POST alike, recording nothing', async () => {
    const r = await oneRecipient('forger@acme.example');
    const forged = tokenFor('u', campaign.campaignId, r.id, undefined, 'an-attacker-secret-that-is-long-enough-00');
    const page = await t.send({ method: 'GET', path: path(forged), as: null });
    expect(page.status).toBe(404);
    expect(page.text).toContain('This link is not valid');
    expect((await t.send({ method: 'POST', path: path(forged), as: null, headers: FORM, body: 'List-Unsubscribe=One-Click' })).status).toBe(404);
    expect((await t.send({ method: 'POST', path: path(forged), as: null, headers: FORM, body: 'choice=unsubscribe_all' })).status).toBe(404);
    const after = await footprint(t.deps.db, r);
    expect([after.events, after.suppressions, after.consent, after.touches]).toEqual([[], [], [], []]);
  });
});

describe('one-click unsubscribe', () => {
  it('unsubscribes at once (suppression naming the campaign, consent opted out), answers 200 without a redirect, and a second POST is a no-op', async () => {
    const r = await oneRecipient('oneclick@acme.example');
    const res = await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    expect(res.headers.location).toBeUndefined();

    const after = await footprint(t.deps.db, r);
    expect(after.recipient.unsubscribed_at).not.toBeNull();
    expect(after.suppressions).toMatchObject([{ reason: 'unsubscribe', source: `email-campaign:${campaign.campaignId}`, note: expect.stringContaining('Quarterly digest') }]);
    expect(after.consent).toMatchObject([{ status: 'opted_out', source: 'email-unsubscribe' }]);
    expect(after.events).toMatchObject([{ kind: 'unsubscribe', detail: { choice: 'unsubscribe_all', via: 'one_click' } }]);
    expect(after.touches).toMatchObject([{ kind: 'unsubscribed' }]);

    const again = await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: 'List-Unsubscribe=One-Click' });
    expect(again.status).toBe(200);
    expect(await footprint(t.deps.db, r)).toEqual(after);
  });

  it('takes the one-click body as multipart/form-data too', async () => {
    const r = await oneRecipient('multipart@acme.example');
    const boundary = '----mailprovider42';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`;
    const res = await t.send({ method: 'POST', path: path(r.token), as: null, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBe(200);
    expect((await footprint(t.deps.db, r)).suppressions).toHaveLength(1);
  });

  it('refuses a POST that is neither one-click nor a choice, recording nothing', async () => {
    const r = await oneRecipient('emptypost@acme.example');
    expect((await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: 'List-Unsubscribe=Maybe' })).status).toBe(400);
    expect((await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: `choice=unsubscribe_all&token=${tokenFor('u', campaign.campaignId, '42')}` })).status).toBe(400);
    expect((await footprint(t.deps.db, r)).events).toEqual([]);
  });
});

describe('the preference page', () => {
  it('pauses for 90 days: the consent is opted out with the end date, nothing is suppressed, and the page then says paused', async () => {
    const r = await oneRecipient('pauser@acme.example');
    const res = await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: `choice=pause_90_days&token=${r.token}` });
    expect(res.status).toBe(200);
    expect(res.text).toContain('paused until');

    const after = await footprint(t.deps.db, r);
    expect(after.suppressions).toEqual([]);
    expect(after.consent).toMatchObject([{ status: 'opted_out', source: 'email-pause', evidence: expect.stringMatching(/Paused email for 90 days, until \d{4}-\d{2}-\d{2}/) }]);
    expect(after.events).toMatchObject([{ kind: 'unsubscribe', detail: { choice: 'pause_90_days', via: 'preference_page', until: expect.any(String) } }]);
    expect(after.recipient.unsubscribed_at).not.toBeNull();

    const page = await t.send({ method: 'GET', path: path(r.token), as: null });
    expect(page.text).toContain('is paused until');

    // Pausing twice is pausing once; unsubscribing afterwards still suppresses, and a later pause changes nothing.
    await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: 'choice=pause_90_days' });
    expect((await footprint(t.deps.db, r)).consent).toHaveLength(1);
    await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: 'choice=unsubscribe_all' });
    const unsubscribed = await footprint(t.deps.db, r);
    expect(unsubscribed.suppressions).toMatchObject([{ reason: 'unsubscribe' }]);
    expect(unsubscribed.consent.map((c) => c.source)).toEqual(['email-pause', 'email-unsubscribe']);
    await t.send({ method: 'POST', path: path(r.token), as: null, headers: FORM, body: 'choice=pause_90_days' });
    expect(await footprint(t.deps.db, r)).toEqual(unsubscribed);
    expect((await t.send({ method: 'GET', path: path(r.token), as: null })).text).toContain('is unsubscribed');
  });
});
