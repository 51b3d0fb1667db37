// Setting up telephony in the browser: an admin adds a SIP trunk (its password is never shown
// back), creates a call campaign, chooses its audience, builds a qualification form with two
// questions (seen live in the preview), edits the dispositions, assigns an agent, writes the
// script with a contact field and a content link of the campaign, and activates it. Then every
// telephony screen is axe-clean in light and dark, with screenshots.
import { copyFile, mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CallCampaign, Trunk } from '@shared/contracts/telephony';
import { signInViaApi, type ApiSession } from './support/api-session';
import { expectNoSeriousA11yViolations, screenshot } from './support/browser';
import { launchSignedIn, openApp } from './support/session';
import { browserForSuite, eventually, expectCleanInBothThemes } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 30_000;
const TRUNK = 'Telnyx e2e';
const PASSWORD = 'e2e-Trunk-passw0rd-q7';
const CAMPAIGN = 'Data platform calls (e2e)';
const LIST = 'Call list (e2e)';
const AGENT = { username: 'ava.agent', firstName: 'Ava', lastName: 'Agent' };
const SHOTS = '/tmp/telephony-screens';

let admin: ApiSession;
let agentId: string;
let campaignId: string;

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
  const agent = await admin.request<{ id: string }>('POST', '/api/users', {
    ...AGENT,
    email: 'ava.agent@northwind-demand.com',
    password: 'Quiet-Meadow-Falcon-73',
    roles: ['agent'],
    mustChangePassword: false,
  });
  agentId = agent.id;
  await admin.request('POST', '/api/lists', { name: LIST, description: 'People to call' });
});

async function shoot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, `telephony-${name}`);
  await mkdir(SHOTS, { recursive: true });
  await copyFile(file, `${SHOTS}/${name}.png`);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('an admin setting up telephony', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it('adds a SIP trunk whose password is never shown back', async () => {
    const { page } = browser;
    await openApp(page, '/settings/telephony');
    await page.getByRole('heading', { name: 'Telephony', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add trunk' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add SIP trunk' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(TRUNK);
    await dialog.getByRole('textbox', { name: /Connection id/ }).fill('1684641123236054244');
    await dialog.getByRole('textbox', { name: /SIP username/ }).fill('pivotal-e2e');
    await dialog.getByLabel(/SIP password/).fill(PASSWORD);
    await dialog.getByRole('textbox', { name: /Caller ids/ }).fill('415 555 0100');
    await dialog.getByRole('button', { name: 'Add trunk' }).click();
    await dialog.getByText('415 555 0100 is not in international form').waitFor();
    await dialog.getByRole('textbox', { name: /Caller ids/ }).fill('+14155550100\n+12125550142');
    await dialog.getByRole('switch', { name: /Default trunk/ }).click();
    await dialog.getByRole('button', { name: 'Add trunk' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: new RegExp(TRUNK) });
    await eventually(() => row.textContent()).toContain('••••••q7');
    expect(await row.textContent()).toContain('Default');
    expect(await page.content()).not.toContain(PASSWORD);
    const [trunk] = (await admin.request<{ items: Trunk[] }>('GET', '/api/telephony/trunks')).items.filter((t) => t.name === TRUNK);
    expect(trunk).toMatchObject({ isDefault: true, active: true, callerIds: ['+14155550100', '+12125550142'], secretHint: '••••••q7' });
    expect(JSON.stringify(trunk)).not.toContain(PASSWORD);

    // Editing leaves the password blank, to keep the stored one.
    await page.getByRole('button', { name: `Edit ${TRUNK}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${TRUNK}` });
    expect(await edit.getByLabel(/SIP password/).inputValue()).toBe('');
    await edit.getByText('Leave blank to keep it.').waitFor();
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-trunk-dialog');
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('creates a call campaign and chooses its audience', async () => {
    const { page } = browser;
    await openApp(page, '/telephony/campaigns');
    await page.getByRole('heading', { name: 'Call campaigns', level: 1 }).waitFor();
    await page.getByRole('button', { name: /New call campaign/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New call campaign' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(CAMPAIGN);
    await dialog.getByRole('textbox', { name: /Seller name/ }).fill('Northwind Demand');
    await dialog.getByRole('textbox', { name: /Seller phone/ }).fill('+14155550111');
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByRole('heading', { name: CAMPAIGN, level: 1 }).waitFor();
    campaignId = new URL(page.url()).pathname.split('/').pop()!;

    // Without an audience it cannot start: the refusal names what is missing and where to fix it.
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('alertdialog', { name: /Activate/ }).getByRole('button', { name: 'Activate' }).click();
    const refused = page.getByTestId('activation-refused');
    await refused.getByText('Audience:').waitFor();
    expect(await refused.textContent()).not.toContain('Trunk');
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-activation-refused');
    await refused.getByRole('button', { name: 'Dismiss' }).click();

    await page.getByRole('combobox', { name: 'Audience', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(escape(LIST)) }).click();
    await page.getByRole('button', { name: 'Save setup' }).click();
    await eventually(async () => (await admin.request<CallCampaign>('GET', `/api/telephony/campaigns/${campaignId}`)).audience?.kind).toBe('list');
  });

  it('builds a qualification form with two questions, seen live in the preview', async () => {
    const { page } = browser;
    await tab(page, 'Qualification form').click();
    await page.getByRole('button', { name: 'Add question' }).click();
    const first = page.getByRole('listitem', { name: /^Question 1/ });
    await first.getByRole('textbox', { name: 'Question' }).fill('Budget this year');
    await first.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Number' }).click();
    await first.getByRole('switch', { name: 'Required' }).click();

    await page.getByRole('button', { name: 'Add question' }).click();
    const second = page.getByRole('listitem', { name: /^Question 2/ });
    await second.getByRole('textbox', { name: 'Question' }).fill('Buying timeline');
    await second.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'One choice' }).click();
    await second.getByRole('textbox', { name: /Options/ }).fill('This quarter\nNext quarter\nLater');

    const preview = page.getByRole('group', { name: 'Form preview' });
    await preview.getByRole('spinbutton', { name: /Budget this year/ }).waitFor();
    await preview.getByRole('radio', { name: 'Next quarter' }).waitFor();
    await page.getByRole('button', { name: 'Check answers' }).click();
    await preview.getByText('is required').waitFor();
    await preview.getByRole('spinbutton', { name: /Budget this year/ }).fill('50000');
    await preview.getByText('These answers would be accepted.').waitFor();

    await page.getByRole('button', { name: 'Save form' }).click();
    await eventually(async () => (await admin.request<CallCampaign>('GET', `/api/telephony/campaigns/${campaignId}`)).form.map((f) => [f.id, f.type, f.required])).toEqual([
      ['budget_this_year', 'number', true],
      ['buying_timeline', 'choice', false],
    ]);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-form-builder');
  });

  it('edits the dispositions and assigns an agent', async () => {
    const { page } = browser;
    await tab(page, 'Dispositions').click();
    const table = page.getByRole('table', { name: 'Dispositions' });
    await table.getByRole('textbox', { name: 'Label of disposition 6' }).waitFor();
    await page.getByRole('button', { name: 'Remove No decision-maker' }).click();
    await page.getByRole('button', { name: 'Add disposition' }).click();
    await table.getByRole('textbox', { name: 'Label of disposition 6' }).fill('Meeting booked');
    await table.getByRole('combobox', { name: 'Class of Meeting booked' }).click();
    await page.getByRole('option', { name: 'Positive' }).click();
    await table.getByRole('textbox', { name: 'Shortcut key of Meeting booked' }).fill('m');
    await page.getByRole('button', { name: 'Move Meeting booked up' }).click();
    await page.getByRole('button', { name: 'Save dispositions' }).click();
    await eventually(async () => (await admin.request<CallCampaign>('GET', `/api/telephony/campaigns/${campaignId}`)).dispositions.map((d) => d.code)).toEqual([
      'interested',
      'not_interested',
      'call_back',
      'do_not_call',
      'meeting_booked',
      'wrong_number',
    ]);
    await shoot(page, 'light-dispositions');

    await tab(page, 'Agents').click();
    await page.getByRole('checkbox', { name: /Ava Agent/ }).click();
    await page.getByRole('button', { name: 'Save agents' }).click();
    await eventually(async () => (await admin.request<CallCampaign>('GET', `/api/telephony/campaigns/${campaignId}`)).agentIds).toEqual([agentId]);
  });

  it('writes the script with a merge field from the contact and a content link of the campaign', async () => {
    const { page } = browser;
    const asset = await admin.request<{ id: string }>('POST', '/api/content/assets', { type: 'landing_copy', title: 'Buyer guide e2e', body: '<p>Guide</p>' });
    await admin.request('POST', `/api/content/assets/${asset.id}/usage`, { campaignKind: 'call', campaignId });
    await tab(page, 'Script').click();
    const script = page.getByRole('textbox', { name: 'Call script' });
    await script.click();
    await page.keyboard.type('Hi ');
    await page.getByRole('button', { name: 'Insert merge field into call script' }).click();
    await page.getByRole('textbox', { name: 'Fallback when empty' }).fill('there');
    await page.getByRole('option', { name: /^First Name/ }).click();
    // The campaign's content links are listed under their own heading, inserted without a fallback.
    await page.getByRole('button', { name: 'Insert merge field into call script' }).click();
    await page.getByRole('option', { name: /^Buyer guide e2e/ }).click();
    await page.getByRole('button', { name: 'Save script' }).click();
    await eventually(async () => (await admin.request<CallCampaign>('GET', `/api/telephony/campaigns/${campaignId}`)).script).toMatch(
      /Hi \{\{ contact\.first_name \| default: '?"?there'?"? \}\}.*\{\{ content\.buyer_guide_e2e \}\}/,
    );
  });

  it('activates the campaign after a confirmation', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Activate' }).click();
    const confirm = page.getByRole('alertdialog', { name: /Activate/ });
    await confirm.getByRole('button', { name: 'Activate' }).click();
    await eventually(() => page.getByTestId('call-campaign-status').textContent()).toBe('Active');
    expect((await admin.request<CallCampaign>('GET', `/api/telephony/campaigns/${campaignId}`)).status).toBe('active');
    await page.getByRole('button', { name: 'Pause' }).waitFor();
  });
});

describe('the telephony screens in light and dark', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it.each([
    { name: 'trunks', path: () => '/settings/telephony', ready: (page: Page) => page.getByRole('row', { name: new RegExp(TRUNK) }).waitFor() },
    { name: 'campaigns', path: () => '/telephony/campaigns', ready: (page: Page) => page.getByRole('row', { name: new RegExp(escape(CAMPAIGN)) }).waitFor() },
    { name: 'setup', path: () => `/telephony/campaigns/${campaignId}`, ready: (page: Page) => page.getByRole('button', { name: 'Save setup' }).waitFor() },
    { name: 'script', path: () => `/telephony/campaigns/${campaignId}?tab=script`, ready: (page: Page) => page.getByRole('textbox', { name: 'Call script' }).waitFor() },
    {
      name: 'form',
      path: () => `/telephony/campaigns/${campaignId}?tab=form`,
      ready: (page: Page) => page.getByRole('group', { name: 'Form preview' }).getByRole('radio').first().waitFor(),
    },
    { name: 'dispositions', path: () => `/telephony/campaigns/${campaignId}?tab=dispositions`, ready: (page: Page) => page.getByRole('table', { name: 'Dispositions' }).waitFor() },
    { name: 'agents', path: () => `/telephony/campaigns/${campaignId}?tab=agents`, ready: (page: Page) => page.getByRole('checkbox', { name: /Ava Agent/ }).waitFor() },
  ])('shows $name cleanly, without serious accessibility findings', async ({ name, path, ready }) => {
    const { page } = browser;
    await openApp(page, path());
    await ready(page);
    await expectCleanInBothThemes(page, { prefix: 'telephony', name });
  });
});
