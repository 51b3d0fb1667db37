// Lead QA settings in the browser: a manager gives a call campaign its client, a checklist (ids
// from the labels, one item reordered and made optional) and account criteria, and sees them
// saved; edits the reason-code catalogue; makes a webhook delivery configuration pointing at the
// fake client endpoint, sees its signing secret once, sends a test and reads the client's 200 in
// the receipt; a refused value is shown on its field. Then every tab is axe-clean, light and dark.
import { copyFile, mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { LeadCampaignSettings, ReasonCode } from '@shared/contracts/leads';
import type { DeliveryConfig } from '@shared/contracts/lead-delivery';
import { signInViaApi, type ApiSession } from './support/api-session';
import { expectNoSeriousA11yViolations, screenshot } from './support/browser';
import { launchSignedIn, openApp } from './support/session';
import { browserForSuite, eventually, expectCleanInBothThemes } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 30_000;
const CLIENT = 'Northwind Traders (lead QA e2e)';
const CAMPAIGN = 'Data platform leads (e2e)';
const CONFIG = 'Northwind CRM webhook (e2e)';
const REASON = 'Company below the size floor';
const SHOTS = '/tmp/leads-settings-screens';
/** This file's own path on the fake client, so what it receives here is this file's alone. */
const HOOK_PATH = '/hooks/leads-settings-e2e';

interface ReceivedPost {
  path: string;
  signatureValid: boolean | null;
  status: number;
  body: string;
}

let admin: ApiSession;
let clientOrgId: string;
let campaignId: string;

const hookUrl = () => `${e2eStack().fakeClientUrl}${HOOK_PATH}`;

async function fakeClient<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${e2eStack().fakeClientUrl}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
  clientOrgId = (await admin.request<{ id: string }>('POST', '/api/organisations', { name: CLIENT })).id;
  campaignId = (
    await admin.request<{ id: string }>('POST', '/api/telephony/campaigns', {
      name: CAMPAIGN,
      sellerName: 'Northwind Demand',
      sellerPhone: '+14155550199',
    })
  ).id;
});

async function shoot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, `leads-settings-${name}`);
  await mkdir(SHOTS, { recursive: true });
  await copyFile(file, `${SHOTS}/${name}.png`);
}

const settingsUrl = (query = '') => `/leads/settings${query}`;

describe('a manager setting up lead QA', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it('gives a campaign its client, checklist and criteria, and sees them saved', async () => {
    const { page } = browser;
    await openApp(page, settingsUrl());
    await page.getByRole('heading', { name: 'Lead QA settings', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: 'Campaign' }).click();
    await page.getByRole('option', { name: new RegExp(CAMPAIGN.replace(/[()]/g, '\\$&')) }).click();
    const form = page.getByRole('form', { name: `QA settings of ${CAMPAIGN}` });
    await form.waitFor();

    await form.getByRole('combobox', { name: 'Client organisation' }).click();
    await page.getByRole('option', { name: CLIENT }).click();
    await form.getByRole('switch', { name: /Deliver approved leads automatically/ }).click();

    await form.getByRole('button', { name: 'Add item' }).click();
    await form.getByRole('textbox', { name: 'Checklist item 1' }).fill('Budget confirmed?');
    await form.getByRole('button', { name: 'Add item' }).click();
    await form.getByRole('textbox', { name: 'Checklist item 2' }).fill('Timeline within six months');
    await form.getByRole('switch', { name: 'Timeline within six months is required' }).click();
    await form.getByRole('button', { name: 'Move Timeline within six months up' }).click();
    // The ids follow the labels.
    await form.getByText('timeline_within_six_months', { exact: true }).waitFor();
    await form.getByText('budget_confirmed', { exact: true }).waitFor();

    await form.getByLabel('Industries', { exact: true }).fill('Software, Financial services');
    await form.getByLabel('Industries', { exact: true }).press('Enter');
    await form.getByLabel('Countries', { exact: true }).fill('us');
    await form.getByLabel('Countries', { exact: true }).press('Enter');
    // Not a two-letter code: it stays in the box and says why.
    await form.getByLabel('Countries', { exact: true }).fill('USA');
    await form.getByLabel('Countries', { exact: true }).press('Enter');
    await form.getByText('Not added: USA').waitFor();
    await form.getByLabel('Countries', { exact: true }).fill('');
    await form.getByLabel('Technologies', { exact: true }).fill('Snowflake');
    await form.getByLabel('Technologies', { exact: true }).press('Enter');
    await form.getByLabel('Employees from').fill('200');
    await form.getByLabel('Employees to').fill('5000');
    await shoot(page, 'light-qa-editing');
    await form.getByRole('button', { name: 'Save QA settings' }).click();
    await page.getByText(`QA settings of ${CAMPAIGN} saved.`).waitFor();

    const saved = await admin.request<LeadCampaignSettings>('GET', `/api/leads/campaigns/${campaignId}/settings`);
    expect(saved).toMatchObject({
      campaignKind: 'call',
      clientOrgId,
      autoDeliver: true,
      checklist: [
        { id: 'timeline_within_six_months', label: 'Timeline within six months', required: false },
        { id: 'budget_confirmed', label: 'Budget confirmed?', required: true },
      ],
      criteria: { industries: ['Software', 'Financial services'], countries: ['US'], technologies: ['Snowflake'], employeeMin: 200, employeeMax: 5000, revenueMin: null, revenueMax: null },
    });

    // A fresh load shows what was saved, with nothing left to save.
    await page.reload();
    await form.waitFor();
    expect(await form.getByRole('textbox', { name: 'Checklist item 1' }).inputValue()).toBe('Timeline within six months');
    expect(await form.getByRole('list', { name: 'Chosen countries' }).textContent()).toContain('US');
    expect(await form.getByRole('button', { name: 'Save QA settings' }).isDisabled()).toBe(true);
  });

  it('shows a refused value on the field it belongs to, and saves nothing', async () => {
    const { page } = browser;
    await openApp(page, settingsUrl(`?campaign=${campaignId}`));
    const form = page.getByRole('form', { name: `QA settings of ${CAMPAIGN}` });
    await form.getByRole('textbox', { name: 'Checklist item 2' }).fill('   ');
    await form.getByLabel('Employees from').fill('-5');
    await form.getByRole('button', { name: 'Save QA settings' }).click();
    const item = form.getByRole('textbox', { name: 'Checklist item 2' });
    await eventually(() => item.getAttribute('aria-invalid')).toBe('true');
    const described = await item.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe('must not be empty');
    expect(await form.getByLabel('Employees from').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'light-qa-refused');
    const saved = await admin.request<LeadCampaignSettings>('GET', `/api/leads/campaigns/${campaignId}/settings`);
    expect(saved.checklist[1]?.label).toBe('Budget confirmed?');
    expect(saved.criteria.employeeMin).toBe(200);
  });

  it('adds a reject reason and switches one off', async () => {
    const { page } = browser;
    await openApp(page, settingsUrl('?tab=reasons'));
    await page.getByRole('button', { name: 'Add reject reason' }).click();
    await page.getByRole('textbox', { name: 'Label of new reject reason' }).fill(REASON);
    await page.getByText('company_below_the_size_floor').waitFor();
    await page.getByRole('switch', { name: 'Duplicate of an earlier lead is active' }).click();
    await page.getByRole('button', { name: 'Save reason codes' }).click();
    await page.getByText('Reason codes saved.').waitFor();
    const { codes } = await admin.request<{ codes: ReasonCode[] }>('GET', '/api/leads/reason-codes');
    expect(codes).toContainEqual({ code: 'company_below_the_size_floor', label: REASON, kind: 'reject', active: true });
    expect(codes.find((c) => c.code === 'duplicate' && c.kind === 'reject')?.active).toBe(false);
  });

  it('makes a webhook to the client, shows its secret once, and a signed test send reads the client’s 200', async () => {
    const { page } = browser;
    await openApp(page, settingsUrl('?tab=delivery'));
    await page.getByRole('button', { name: 'Add configuration' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add delivery configuration' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(CONFIG);
    await dialog.getByRole('combobox', { name: /Client/ }).click();
    await page.getByRole('option', { name: CLIENT }).click();
    // A URL that is not one is refused on its field.
    await dialog.getByRole('textbox', { name: /Webhook URL/ }).fill('client endpoint');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByLabel('Our field, entry 1').fill('email');
    await dialog.getByLabel("Client's field, entry 1").fill('Email_Address');
    await dialog.getByRole('button', { name: 'Add configuration' }).click();
    const url = dialog.getByRole('textbox', { name: /Webhook URL/ });
    await eventually(() => url.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await url.getAttribute('aria-describedby')}"]`).textContent()).toBe('must be a URL');
    await shoot(page, 'light-delivery-refused');

    await url.fill(hookUrl());
    await dialog.getByRole('button', { name: 'Add configuration' }).click();
    const secretBox = page.getByTestId('delivery-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await page.getByText('It is shown only this once').waitFor();
    await shoot(page, 'light-delivery-secret');
    // The client is given the secret shown, and checks the test send's signature with it.
    await fakeClient('POST', '/__client/secret', { secret, path: HOOK_PATH });
    await page.getByRole('button', { name: 'I have stored it' }).click();

    // The configuration opens; the secret is nowhere on the page any more, nor in the API's answer.
    const sheet = page.getByRole('dialog', { name: CONFIG });
    await sheet.waitFor();
    expect(await page.content()).not.toContain(secret);
    const configs = (await admin.request<{ items: DeliveryConfig[] }>('GET', `/api/leads/delivery-configs?clientOrgId=${clientOrgId}`)).items;
    const config = configs.find((c) => c.name === CONFIG);
    expect(config).toMatchObject({ kind: 'webhook', url: hookUrl(), campaignId: null, active: true, hasSecret: true, fieldMap: [{ from: 'email', to: 'Email_Address' }] });
    expect(JSON.stringify(configs)).not.toContain(secret);

    await sheet.getByRole('button', { name: 'Send test' }).click();
    const receipt = sheet.getByRole('region', { name: 'Test receipt' });
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('HTTP 200');
    expect(await receipt.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const received = (await fakeClient<{ items: ReceivedPost[] }>('GET', '/__client/received')).items.filter((post) => post.path === HOOK_PATH);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ status: 200, signatureValid: true });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'lead.test', mapped: { Email_Address: expect.any(String) } });
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-delivery-test-receipt');
    await page.keyboard.press('Escape');
    await page.getByRole('row', { name: new RegExp(CONFIG.replace(/[()]/g, '\\$&')) }).waitFor();
  });
});

describe('every tab in light and dark', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it.each([
    { id: 'qa', query: () => `?campaign=${campaignId}`, ready: (page: Page) => page.getByRole('table', { name: 'Checklist' }).waitFor() },
    { id: 'reasons', query: () => '?tab=reasons', ready: (page: Page) => page.getByRole('heading', { name: 'Reject reasons' }).waitFor() },
    { id: 'delivery', query: () => '?tab=delivery', ready: (page: Page) => page.getByRole('row', { name: new RegExp(CONFIG.replace(/[()]/g, '\\$&')) }).waitFor() },
    { id: 'deliveries', query: () => '?tab=deliveries', ready: (page: Page) => page.getByText(/No deliveries yet|\d+ deliver(y|ies)/).first().waitFor() },
  ])('shows $id cleanly, without serious accessibility findings', async ({ id, query, ready }) => {
    const { page } = browser;
    await openApp(page, settingsUrl(query()));
    await ready(page);
    await expectCleanInBothThemes(page, { prefix: 'leads-settings', name: id });
  });
});
