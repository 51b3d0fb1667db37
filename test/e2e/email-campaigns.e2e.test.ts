// Email campaigns in a browser. The sending domain (verified by the local SES stand-in), a
// sender profile and a segment of a few contacts are arranged through the API; then a campaign
// is created and its content built in the block editor (a greeting with a merge field, a
// button), saved, previewed and pre-flighted; templates are created, edited, duplicated and
// deleted; the block editor is worked from the keyboard; and the email screens pass axe-core in
// light and dark.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { Campaign, SenderProfile, SendingDomain, Template, TemplateSummary } from '@shared/contracts/email';
import { newEmailDocument } from '@shared/contracts/email-content';
import type { ApiSession } from './support/api-session';
import { screenshot } from './support/browser';
import { insertMergeField, saveStatus } from './support/email-builder';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import { browserForSuite, eventually, itShowsEachScreenCleanly, type Screen } from './support/suite';

const WAIT_MS = 45_000;
const DOMAIN = 'news.lettermore-e2e.example';
const LAST_NAME = 'Lettermore';
const READERS = ['Ines', 'Tobias', 'Wren', 'Anika'];

const launch = () => launchSignedIn('light', WAIT_MS);

interface Arranged {
  sender: SenderProfile;
  segmentId: string;
  contacts: Contact[];
}

async function arrange(admin: ApiSession): Promise<Arranged> {
  const domain = await admin.request<SendingDomain>('POST', '/api/email/domains', { domain: DOMAIN });
  const refreshed = await admin.request<SendingDomain>('POST', `/api/email/domains/${domain.id}/refresh`);
  expect(refreshed).toMatchObject({ status: 'verified', dkimVerified: true });
  const sender = await admin.request<SenderProfile>('POST', '/api/email/sender-profiles', {
    name: 'Lettermore news',
    fromName: 'Lettermore Research',
    fromAddress: `briefing@${DOMAIN}`,
    postalAddress: '12 Quay Street, Galway',
  });
  const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Lettermore Maritime', domain: 'lettermore-maritime-e2e.com', country: 'US', source: 'e2e-email' });
  const contacts: Contact[] = [];
  for (const first of READERS) {
    contacts.push(
      await admin.request<Contact>('POST', '/api/contacts', {
        accountId: account.id,
        firstName: first,
        lastName: LAST_NAME,
        email: `${first.toLowerCase()}.lettermore@lettermore-maritime-e2e.com`,
        country: 'US',
        source: 'e2e-email',
      }),
    );
  }
  const segment = await admin.request<{ id: string }>('POST', '/api/segments', {
    name: 'Lettermore readers',
    filter: { type: 'and', conditions: [{ field: 'lastName', op: 'eq', value: LAST_NAME }] },
  });
  return { sender, segmentId: segment.id, contacts };
}

/** A draft to the segment from the sender, made through the API, optionally with its content saved. */
async function draftCampaign(admin: ApiSession, name: string, options: { withContent?: boolean } = {}): Promise<Campaign> {
  const campaign = await admin.request<Campaign>('POST', '/api/email/campaigns', { name, audience: { kind: 'segment', id: data.segmentId }, senderProfileId: data.sender.id });
  if (!options.withContent) return campaign;
  return admin.request<Campaign>('PUT', `/api/email/campaigns/${campaign.id}/variants/${campaign.variants[0]!.id}`, {
    mode: 'blocks',
    document: newEmailDocument(),
    subject: 'The Lettermore briefing',
    preheader: 'What moved in the harbour this month',
  });
}

const blocksOf = (page: Page) => page.locator('[aria-roledescription="block"]');
const blockNames = async (page: Page) => (await blocksOf(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))).map((label) => label.split(':')[0]);
/** The accessible name of whatever has the focus (the test files have no DOM types). */
const focusedLabel = (page: Page) => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''");

let admin: ApiSession;
let data: Arranged;

beforeAll(async () => {
  admin = await signInAdminViaApi();
  data = await arrange(admin);
});

describe('building a campaign', () => {
  const browser = browserForSuite(() => launch());
  let campaignId: string;

  it('creates a campaign, builds a personalised greeting and a button in the block editor, and saves it', async () => {
    const { page } = browser;
    await openApp(page, '/email/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).first().click();
    const dialog = page.getByRole('form', { name: 'New campaign' });
    await dialog.getByLabel('Campaign name').fill('Harbour briefing');
    await dialog.getByRole('combobox', { name: 'Audience', exact: true }).click();
    await page.getByRole('option', { name: 'Lettermore readers' }).click();
    await dialog.getByRole('combobox', { name: 'Sender profile' }).click();
    await page.getByRole('option', { name: /^Lettermore news/ }).click();
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/email\/campaigns\/[0-9a-f-]{36}/);
    campaignId = /campaigns\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: 'Harbour briefing' }).waitFor();

    await page.getByRole('tab', { name: /Content/ }).click();
    await page.getByLabel('Subject', { exact: true }).fill('Your harbour briefing, ');
    await insertMergeField(page, 'subject', 'First name', 'reader');

    // The greeting: the first heading, rewritten with the contact's first name.
    await page.getByRole('group', { name: /^Heading: Hi/ }).click();
    const greeting = page.getByLabel('Heading text', { exact: true });
    await greeting.fill('Welcome back, ');
    await insertMergeField(page, 'heading', 'First name', 'friend');
    await eventually(() => greeting.inputValue()).toBe('Welcome back, {{ contact.first_name | default: "friend" }}');

    // A button after it.
    await page.getByRole('button', { name: 'Add button block' }).click();
    await page.getByLabel(/^Button label/).fill('Read the briefing');
    await page.getByLabel(/^Button link/).fill('https://lettermore-e2e.example/briefing');
    await page.getByRole('group', { name: 'Button: Read the briefing' }).waitFor();

    await eventually(async () => (await saveStatus(page).textContent()) ?? '').toMatch(/^Saved/);
    const saved = await admin.request<Campaign>('GET', `/api/email/campaigns/${campaignId}`);
    const variant = saved.variants[0]!;
    expect(variant.subject).toBe('Your harbour briefing, {{ contact.first_name | default: "reader" }}');
    expect(JSON.stringify(variant.document)).toContain('Welcome back, {{ contact.first_name | default: \\"friend\\" }}');
    expect(variant.html).toContain('Read the briefing');
    expect(variant.html).toContain('https://lettermore-e2e.example/briefing');
    await screenshot(page, 'email-build-content');
  });

  it('runs pre-flight and passes it, which opens the Schedule step', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: /Pre-flight/ }).click();
    await page.getByRole('button', { name: 'Run pre-flight' }).click();
    await eventually(async () => (await page.getByTestId('preflight-summary').textContent()) ?? '').toMatch(/Ready to schedule/);
    for (const id of ['sender', 'content', 'audience']) expect(await page.getByTestId(`preflight-${id}`).getAttribute('data-status')).not.toBe('red');
    await page.getByRole('tab', { name: /Schedule/ }).click();
    expect(await page.getByTestId('schedule-blocked').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send now' }).isEnabled()).toBe(true);
  });

  it('previews as a contact: the greeting shows the contact’s first name', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: /Preview/ }).click();
    await page.getByRole('button', { name: /Preview as contact/ }).click();
    await page.getByPlaceholder('Search contacts by name or email…').fill(`${READERS[0]} ${LAST_NAME}`);
    await page.getByRole('option', { name: new RegExp(READERS[0]!) }).click();
    const frame = page.frameLocator('iframe[title^="Email preview"]');
    await frame.getByText(`Welcome back, ${READERS[0]}`).waitFor();
    expect(await page.getByTestId('preview-subject').textContent()).toBe(`Your harbour briefing, ${READERS[0]}`);
  });

  it('shows the red items the server names when it refuses to schedule', async () => {
    const { page } = browser;
    // An audience of its own, so suppressing it leaves the other tests' audience alone.
    const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Refusewell Shipping', domain: 'refusewell-e2e.com', country: 'US', source: 'e2e-email' });
    for (const first of ['Oren', 'Freya']) {
      await admin.request('POST', '/api/contacts', { accountId: account.id, firstName: first, lastName: 'Refusewell', email: `${first.toLowerCase()}@refusewell-e2e.com`, country: 'US', source: 'e2e-email' });
    }
    const segment = await admin.request<{ id: string }>('POST', '/api/segments', { name: 'Refusewell readers', filter: { type: 'and', conditions: [{ field: 'lastName', op: 'eq', value: 'Refusewell' }] } });
    const created = await admin.request<Campaign>('POST', '/api/email/campaigns', { name: 'Refused briefing', audience: { kind: 'segment', id: segment.id }, senderProfileId: data.sender.id });
    await admin.request('PUT', `/api/email/campaigns/${created.id}/variants/${created.variants[0]!.id}`, { mode: 'blocks', document: newEmailDocument(), subject: 'Refused', preheader: '' });

    await openApp(page, `/email/campaigns/${created.id}?step=preflight`);
    await page.getByRole('button', { name: 'Run pre-flight' }).click();
    await eventually(async () => (await page.getByTestId('preflight-summary').textContent()) ?? '').toMatch(/Ready to schedule/);
    await page.getByRole('tab', { name: /Schedule/ }).click();

    // Meanwhile the whole audience is suppressed: the campaign itself did not change.
    await admin.request('POST', '/api/suppressions', { type: 'domain', value: 'refusewell-e2e.com', reason: 'client_request' });
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('alertdialog', { name: 'Send the campaign now?' }).getByRole('button', { name: 'Send now' }).click();
    const refused = page.getByTestId('schedule-refused');
    await refused.waitFor();
    expect(await refused.getByTestId('preflight-audience').getAttribute('data-status')).toBe('red');
    expect(await refused.textContent()).toMatch(/Nobody in the audience/);
    await screenshot(page, 'email-schedule-refused');
    expect((await admin.request<Campaign>('GET', `/api/email/campaigns/${created.id}`)).status).toBe('draft');
  });
});

describe('templates', () => {
  const browser = browserForSuite(() => launch());

  it('creates, edits, duplicates and deletes a template (after confirming)', async () => {
    const { page } = browser;
    await openApp(page, '/email/templates');
    await page.getByRole('button', { name: 'New template' }).first().click();
    const dialog = page.getByRole('form', { name: 'New template' });
    await dialog.getByLabel('Template name').fill('Quarterly outlook');
    await dialog.getByRole('button', { name: 'Create template' }).click();
    await page.waitForURL(/\/email\/templates\/[0-9a-f-]{36}/);
    const id = /templates\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    await page.getByLabel('Subject', { exact: true }).fill('The quarter ahead');
    await page.getByLabel('Preheader', { exact: true }).fill('Rates, routes and the people behind them');
    await eventually(async () => (await saveStatus(page).textContent()) ?? '').toMatch(/^Saved/);
    expect(await admin.request<Template>('GET', `/api/email/templates/${id}`)).toMatchObject({ name: 'Quarterly outlook', subject: 'The quarter ahead', mode: 'blocks' });

    await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await page.getByRole('heading', { name: 'Copy of Quarterly outlook' }).waitFor();
    const copyId = /templates\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(copyId).not.toBe(id);
    expect(await admin.request<Template>('GET', `/api/email/templates/${copyId}`)).toMatchObject({ subject: 'The quarter ahead' });

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Copy of Quarterly outlook”?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await admin.request<Template>('GET', `/api/email/templates/${copyId}`)).toMatchObject({ name: 'Copy of Quarterly outlook' });
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm.getByRole('button', { name: 'Delete template' }).click();
    await page.waitForURL(/\/email\/templates$/);
    await page.getByRole('link', { name: 'Quarterly outlook' }).first().waitFor();
    const left = await admin.request<{ items: TemplateSummary[] }>('GET', '/api/email/templates');
    expect(left.items.map((t) => t.name)).toContain('Quarterly outlook');
    expect(left.items.map((t) => t.id)).not.toContain(copyId);
  });
});

describe('the block editor from the keyboard', () => {
  const browser = browserForSuite(() => launch());

  it('adds a block, moves it with Alt+Arrow, deletes it and brings it back with Undo', async () => {
    const { page } = browser;
    const campaign = await draftCampaign(admin, 'Keyboard briefing', { withContent: true });
    await openApp(page, `/email/campaigns/${campaign.id}?step=content`);
    await blocksOf(page).first().waitFor();
    expect(await blockNames(page)).toEqual(['Heading', 'Text', 'Button', 'Footer']);

    // Select the paragraph, then add a divider from the palette with Enter: it lands after it.
    await page.getByRole('group', { name: /^Text:/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Add divider block' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => blockNames(page)).toEqual(['Heading', 'Text', 'Divider', 'Button', 'Footer']);
    await eventually(() => focusedLabel(page)).toMatch(/^Divider/);

    // Alt+↑ twice: above the paragraph, then above the heading.
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(() => blockNames(page)).toEqual(['Heading', 'Divider', 'Text', 'Button', 'Footer']);
    await page.keyboard.press('Alt+ArrowUp');
    await eventually(() => blockNames(page)).toEqual(['Divider', 'Heading', 'Text', 'Button', 'Footer']);
    await page.keyboard.press('Alt+ArrowDown');
    await eventually(() => blockNames(page)).toEqual(['Heading', 'Divider', 'Text', 'Button', 'Footer']);

    // Delete removes it and moves the focus on; Undo puts it back where it was.
    await page.keyboard.press('Delete');
    await eventually(() => blockNames(page)).toEqual(['Heading', 'Text', 'Button', 'Footer']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => blockNames(page)).toEqual(['Heading', 'Divider', 'Text', 'Button', 'Footer']);

    await eventually(async () => (await saveStatus(page).textContent()) ?? '').toMatch(/^Saved/);
    const saved = await admin.request<Campaign>('GET', `/api/email/campaigns/${campaign.id}`);
    expect(JSON.stringify(saved.variants[0]!.document)).toContain('"type":"divider"');
  });
});

describe('the email screens in light and dark', () => {
  const browser = browserForSuite(() => launch());
  let draft: Campaign;
  let scheduled: Campaign;
  let template: Template;
  beforeAll(async () => {
    draft = await draftCampaign(admin, 'Screens draft', { withContent: true });
    scheduled = await draftCampaign(admin, 'Screens scheduled', { withContent: true });
    await admin.request('POST', `/api/email/campaigns/${scheduled.id}/schedule`, { schedule: { kind: 'at', at: '2099-03-01T09:00:00Z' }, version: scheduled.version });
    template = await admin.request<Template>('POST', '/api/email/templates', {
      name: 'Screens template',
      content: { mode: 'blocks', document: newEmailDocument(), subject: 'Screens', preheader: '' },
    });
  });

  const step = (name: string, ready: (page: Page) => Promise<unknown>): Screen => ({ name: `builder-${name}`, path: () => `/email/campaigns/${draft.id}?step=${name}`, ready });
  const screens: Screen[] = [
    { name: 'campaigns', path: () => '/email/campaigns', ready: (page) => page.getByRole('link', { name: 'Screens draft' }).waitFor() },
    step('setup', (page) => page.getByRole('form', { name: 'Campaign setup' }).getByText('Lettermore news', { exact: false }).first().waitFor()),
    step('content', (page) => blocksOf(page).first().waitFor()),
    // The preview is the author's email in a script-less sandboxed iframe, not our UI: axe cannot run inside it.
    { ...step('preview', (page) => page.getByRole('button', { name: /Preview as contact/ }).waitFor()), axeExclude: ['iframe[title^="Email preview"]'] },
    step('preflight', async (page) => {
      await page.getByRole('button', { name: 'Run pre-flight' }).click();
      await page.getByTestId('preflight-summary').waitFor();
    }),
    step('schedule', (page) => page.getByRole('form', { name: 'Test send' }).waitFor()),
    { name: 'scheduled', path: () => `/email/campaigns/${scheduled.id}`, ready: (page) => page.getByText(/Scheduled for/).first().waitFor() },
    { name: 'templates', path: () => '/email/templates', ready: (page) => page.getByRole('link', { name: 'Screens template' }).waitFor() },
    { name: 'template-editor', path: () => `/email/templates/${template.id}`, ready: (page) => blocksOf(page).first().waitFor() },
  ];
  itShowsEachScreenCleanly(browser, { prefix: 'email', screens });
});
