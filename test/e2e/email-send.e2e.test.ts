// A campaign sent end to end, as issue 15 asks. Arranged through the API: a sending domain (the
// SES stand-in verifies it), a sender profile, a 200-contact segment of which a few are suppressed
// and a few over the contact policy (one email a week, and a send yesterday). In the browser: the
// campaign is built in the block editor (a greeting with a merge field, a button), passes
// pre-flight and is sent now. The SES emulator's store then holds exactly the admitted
// recipients, each once. One message's button link is followed and its one-click unsubscribe
// posted (a GET of the same link changes nothing); the campaign report and the contact's timeline
// show both, axe-clean in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { PolicyVersion } from '@shared/contracts/activity';
import type { SuppressionCheckResponse } from '@shared/contracts/compliance';
import type { Campaign, CampaignReport, SenderProfile, SendingDomain } from '@shared/contracts/email';
import type { ApiSession } from './support/api-session';
import { insertMergeField, saveStatus } from './support/email-builder';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import { browserForSuite, eventually, expectCleanInBothThemes } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 45_000;
const DOMAIN = 'letters.harrowgate-e2e.example';
const READER_DOMAIN = 'harrowgate-freight-e2e.com';
const LAST_NAME = 'Harrowgate';
const CAMPAIGN = 'Harrowgate autumn rates';
const BUTTON_LABEL = 'See the new rates';
const BUTTON_URL = 'https://harrowgate-e2e.example/rates';
const CONTACTS = 200;
const SUPPRESSED = [4, 31, 77, 120, 188];
const RECENTLY_SENT = [9, 64, 143];
/** A person's browser: the tracking routes take HTTP libraries for link scanners. */
const PERSON_AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: Array<{ name: string; value: string }>;
}

const firstName = (i: number) => `Reader${i}`;
const address = (i: number) => `reader${i}@${READER_DOMAIN}`;
const admittedIndexes = Array.from({ length: CONTACTS }, (_, i) => i).filter((i) => !SUPPRESSED.includes(i) && !RECENTLY_SENT.includes(i));

let admin: ApiSession;
let contacts: Contact[];
let policyBefore: PolicyVersion;

/** Runs the calls a few at a time, in order of the inputs. */
async function inBatches<T, R>(items: T[], size: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(call))));
  return results;
}

beforeAll(async () => {
  admin = await signInAdminViaApi();
  const domain = await admin.request<SendingDomain>('POST', '/api/email/domains', { domain: DOMAIN });
  await admin.request('POST', `/api/email/domains/${domain.id}/refresh`);
  await admin.request<SenderProfile>('POST', '/api/email/sender-profiles', {
    name: 'Harrowgate letters',
    fromName: 'Harrowgate Freight',
    fromAddress: `rates@${DOMAIN}`,
    postalAddress: '4 Dock Road, Hull',
    ratePerSecond: 50,
  });
  const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Harrowgate Freight', domain: READER_DOMAIN, country: 'GB', source: 'e2e-email-send' });
  contacts = await inBatches(Array.from({ length: CONTACTS }, (_, i) => i), 10, (i) =>
    admin.request<Contact>('POST', '/api/contacts', { accountId: account.id, firstName: firstName(i), lastName: LAST_NAME, email: address(i), country: 'GB', source: 'e2e-email-send' }),
  );
  await admin.request('POST', '/api/segments', { name: 'Harrowgate readers', filter: { type: 'and', conditions: [{ field: 'lastName', op: 'eq', value: LAST_NAME }] } });

  // Left out at send time: suppressed addresses, and a policy of one email a week with a send yesterday.
  for (const i of SUPPRESSED) await admin.request('POST', '/api/suppressions', { type: 'email', value: address(i), reason: 'unsubscribe', source: 'e2e-email-send' });
  policyBefore = await admin.request<PolicyVersion>('GET', '/api/policy');
  await admin.request('PUT', '/api/policy', { rules: { limits: [{ channel: 'email', max: 1, windowHours: 168 }], quietPeriods: [], accountCaps: [] }, basedOn: policyBefore.version });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  for (const i of RECENTLY_SENT) await admin.request('POST', `/api/contacts/${contacts[i]!.id}/touches`, { channel: 'email', kind: 'sent', occurredAt: yesterday, summary: 'Rates letter (sent by hand)' });
});

// The policy is the whole stack's: the other browser test files find it as they left it.
afterAll(async () => {
  const current = await admin.request<PolicyVersion>('GET', '/api/policy');
  await admin.request('PUT', '/api/policy', { rules: policyBefore.rules, basedOn: current.version });
});

const launch = (colorScheme: 'light' | 'dark') => launchSignedIn(colorScheme, WAIT_MS);

/** The SES emulator's messages to this file's readers (other files send through the same stack). */
async function storedMessages(): Promise<StoredMail[]> {
  const response = await fetch(`${e2eStack().sesEndpoint}/store`);
  expect(response.status).toBe(200);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails.filter((m) => m.destination.to.some((to) => to.endsWith(`@${READER_DOMAIN}`)));
}

const header = (message: StoredMail, name: string) => message.headers?.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** The tracked link (`/t/c/…`) behind the button labelled `label` in a message's HTML. */
function trackedButtonLink(html: string, label: string): string {
  const anchors = [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)];
  const button = anchors.find(([, , inner]) => inner!.replace(/<[^>]+>/g, '').trim() === label);
  expect(button, `a link labelled "${label}"`).toBeDefined();
  return button![1]!.replace(/&amp;/g, '&');
}

const isSuppressed = async (email: string) =>
  (await admin.request<SuppressionCheckResponse>('POST', '/api/suppressions/check', { emails: [email] })).suppressed.length > 0;
const report = (id: string) => admin.request<CampaignReport>('GET', `/api/email/campaigns/${id}/report`);
/** A headline card's figure, without its rate. */
const metric = async (page: Page, name: string) => ((await page.getByTestId(`metric-${name}`).locator('dd > span').first().textContent()) ?? '').replace(/,/g, '');

let campaignId: string;
/** The reader whose message is clicked and unsubscribed from. */
const chosen = admittedIndexes[0]!;

describe('sending a campaign to a 200-contact segment', () => {
  const browser = browserForSuite(() => launch('light'));

  it('builds the campaign in the editor, passes pre-flight and sends it now, until it shows Sent', async () => {
    const { page } = browser;
    await openApp(page, '/email/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).first().click();
    const dialog = page.getByRole('form', { name: 'New campaign' });
    await dialog.getByLabel('Campaign name').fill(CAMPAIGN);
    await dialog.getByRole('combobox', { name: 'Audience', exact: true }).click();
    await page.getByRole('option', { name: 'Harrowgate readers' }).click();
    await dialog.getByRole('combobox', { name: 'Sender profile' }).click();
    await page.getByRole('option', { name: /^Harrowgate letters/ }).click();
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/email\/campaigns\/[0-9a-f-]{36}/);
    campaignId = /campaigns\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await page.getByRole('tab', { name: /Content/ }).click();
    await page.getByLabel('Subject', { exact: true }).fill('Autumn rates for ');
    await insertMergeField(page, 'subject', 'First name', 'you');
    await page.getByRole('group', { name: /^Heading: Hi/ }).click();
    const greeting = page.getByLabel('Heading text', { exact: true });
    await greeting.fill('Good morning, ');
    await insertMergeField(page, 'heading', 'First name', 'friend');
    await eventually(() => greeting.inputValue()).toBe('Good morning, {{ contact.first_name | default: "friend" }}');
    await page.getByRole('button', { name: 'Add button block' }).click();
    await page.getByLabel(/^Button label/).fill(BUTTON_LABEL);
    await page.getByLabel(/^Button link/).fill(BUTTON_URL);
    await page.getByRole('group', { name: `Button: ${BUTTON_LABEL}` }).waitFor();
    await eventually(async () => (await saveStatus(page).textContent()) ?? '').toMatch(/^Saved/);

    await page.getByRole('tab', { name: /Pre-flight/ }).click();
    await page.getByRole('button', { name: 'Run pre-flight' }).click();
    await eventually(async () => (await page.getByTestId('preflight-summary').textContent()) ?? '').toMatch(/Ready to schedule/);
    const statuses = await page.locator('[data-testid^="preflight-"][data-status]').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-testid')}=${n.getAttribute('data-status')}`));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s.endsWith('=red'))).toEqual([]);
    const admitted = admittedIndexes.length;
    expect(await page.getByTestId('preflight-audience').textContent()).toContain(`${admitted} of ${CONTACTS} would be sent to`);

    await page.getByRole('tab', { name: /Schedule/ }).click();
    await page.getByRole('button', { name: 'Send now' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Send the campaign now?' });
    await confirm.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('heading', { name: 'Sent', exact: true }).waitFor({ timeout: 90_000 });
    const sent = await admin.request<Campaign>('GET', `/api/email/campaigns/${campaignId}`);
    expect(sent).toMatchObject({ status: 'sent', counts: { sent: admitted, failed: 0, uncertain: 0 } });
  }, 150_000);

  it('hands SES one personalised message for each admitted recipient, and none for the suppressed or over-policy', async () => {
    const messages = await storedMessages();
    const perAddress = new Map<string, StoredMail[]>();
    for (const m of messages) for (const to of m.destination.to) perAddress.set(to, [...(perAddress.get(to) ?? []), m]);
    expect([...perAddress.keys()].sort()).toEqual(admittedIndexes.map(address).sort());
    for (const i of admittedIndexes) {
      const [message, ...more] = perAddress.get(address(i))!;
      expect(more).toEqual([]);
      expect(message!.subject).toBe(`Autumn rates for ${firstName(i)}`);
      expect(message!.body.html).toContain(`Good morning, ${firstName(i)}`);
    }
    for (const i of [...SUPPRESSED, ...RECENTLY_SENT]) expect(perAddress.has(address(i))).toBe(false);
  });

  it("follows the button's tracked link, shows the unsubscribe page without acting on a GET, and unsubscribes on the one-click POST", async () => {
    const [message] = (await storedMessages()).filter((m) => m.destination.to.includes(address(chosen)));
    const click = trackedButtonLink(message!.body.html!, BUTTON_LABEL);
    expect(click).toMatch(/\/t\/c\/[A-Za-z0-9_-]+$/);
    const followed = await fetch(click, { redirect: 'manual', headers: { 'user-agent': PERSON_AGENT } });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(BUTTON_URL);

    expect(header(message!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /<(https?:\/\/[^>]+\/t\/u\/[^>]+)>/.exec(header(message!, 'List-Unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toBeDefined();

    // A GET (a link scanner, or a person opening it) only shows the page.
    const shown = await fetch(unsubscribe!, { redirect: 'manual', headers: { 'user-agent': PERSON_AGENT } });
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toContain('value="unsubscribe_all"');
    expect(page).not.toContain('is unsubscribed');
    expect((await report(campaignId)).totals.unsubscribed).toBe(0);
    expect(await isSuppressed(address(chosen))).toBe(false);

    const posted = await fetch(unsubscribe!, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': PERSON_AGENT },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('location')).toBeNull();
    expect(await isSuppressed(address(chosen))).toBe(true);
    expect(await (await fetch(unsubscribe!)).text()).toContain('is unsubscribed');
  });

  it('shows the click, the unsubscribe and the link in the campaign report', async () => {
    const { page } = browser;
    await openApp(page, `/email/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: 'Report' }).waitFor();
    expect(Number(await metric(page, 'unique-clicks'))).toBeGreaterThanOrEqual(1);
    expect(await metric(page, 'unsubscribes')).toBe('1');
    expect(await metric(page, 'sent')).toBe(String(admittedIndexes.length));
    const links = page.getByRole('table', { name: 'Clicks per link' });
    const row = links.getByRole('row').filter({ hasText: BUTTON_URL });
    expect(await row.getByRole('cell').allTextContents()).toEqual([expect.any(String), BUTTON_URL, '1', '1']);
  });

  it("shows the message, the click and the unsubscribe on the contact's timeline", async () => {
    const { page } = browser;
    await openApp(page, `/contacts/${contacts[chosen]!.id}`);
    const timeline = page.getByRole('list', { name: 'Contact activity' });
    const email = timeline.getByRole('listitem').filter({ hasText: `Email · ${CAMPAIGN}` });
    await email.waitFor();
    expect(await email.textContent()).toMatch(/Clicked · Unsubscribed/);
    await timeline.getByRole('listitem').filter({ hasText: /Unsubscribed from all email through one-click unsubscribe/ }).first().waitFor();
  });
});

describe('the report and the timeline in light and dark', () => {
  const browser = browserForSuite(() => launch('light'));

  it('shows the campaign report without serious accessibility findings', async () => {
    const { page } = browser;
    await openApp(page, `/email/campaigns/${campaignId}`);
    await page.getByRole('table', { name: 'Clicks per link' }).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'email-send', name: 'report' });
  });

  it("shows the contact's timeline without serious accessibility findings", async () => {
    const { page } = browser;
    await openApp(page, `/contacts/${contacts[chosen]!.id}`);
    await page.getByRole('list', { name: 'Contact activity' }).getByText(`Email · ${CAMPAIGN}`).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'email-send', name: 'timeline' });
  });
});
