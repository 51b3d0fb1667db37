// The screens a new user meets first: the dashboard about the workspace's data (its figures and
// the first-run checklist, each step ticked once done), and the segment builder's account fields,
// country picker and convert-to-list with its opted-out and suppressed counts — in light and
// dark, checked by axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { Dashboard } from '@shared/contracts/dashboard';
import type { StaticList } from '@shared/contracts/audience';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp } from './support/session';
import { signInViaApi, type ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';

const WAIT_MS = 45_000;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });
const INDUSTRY = 'Quantum Widgets E2E';

let admin: ApiSession;

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
});

async function segmentCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('segment-count').textContent()) ?? '';
  return /\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : -1;
}

const figure = async (page: Page, label: string) => ((await page.getByTestId('workspace-figures').getByText(label, { exact: true }).locator('xpath=../..').textContent()) ?? '').replace(label, '');

describe('the dashboard', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchSignedIn('light', WAIT_MS);
  });
  afterAll(async () => browser?.close());

  it('shows the workspace’s data and ticks the first-run steps as they are done', async () => {
    const { page } = browser;
    const before = await admin.request<Dashboard>('GET', '/api/dashboard');
    await openApp(page, '/');
    await page.getByRole('heading', { name: 'Added, last 30 days' }).waitFor();
    for (const label of ['Contacts', 'Accounts', 'Reachable by email', 'Reachable by phone', 'Suppressed']) {
      await page.getByTestId('workspace-figures').getByText(label, { exact: true }).waitFor();
    }
    await page.getByRole('heading', { name: 'Recent imports' }).waitFor();
    if (!before.checklist.segmentBuilt) {
      const step = page.getByTestId('checklist-segment');
      expect(await step.getAttribute('data-done')).toBe('false');
      await step.getByRole('link', { name: 'Build a segment' }).waitFor();
    }

    // A contact with an address and one whose address is suppressed, a segment, a colleague.
    const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Dashboard Dynamics', domain: 'dashboard-dynamics-e2e.com', source: 'e2e-workspace' });
    await admin.request<Contact>('POST', '/api/contacts', { accountId: account.id, firstName: 'Dana', lastName: 'Board', email: 'dana@dashboard-dynamics-e2e.com', source: 'e2e-workspace' });
    await admin.request<Contact>('POST', '/api/contacts', { accountId: account.id, firstName: 'Sid', lastName: 'Board', email: 'sid@dashboard-dynamics-e2e.com', source: 'e2e-workspace' });
    await admin.request('POST', '/api/suppressions', { type: 'email', value: 'sid@dashboard-dynamics-e2e.com', reason: 'unsubscribe' });
    await admin.request('POST', '/api/segments', { name: 'Dashboard people', filter: { type: 'and', conditions: [{ field: 'accountName', op: 'eq', value: 'Dashboard Dynamics' }] } });
    await admin.request('POST', '/api/users', {
      firstName: 'Colleen',
      lastName: 'League',
      username: 'colleen.league',
      email: 'colleen.league@northwind-demand.com',
      password: 'Granite-Orchard-Beacon-31',
      roles: ['campaign_manager'],
    });
    const after = await admin.request<Dashboard>('GET', '/api/dashboard');
    // Exact below the list cap (the suite's other files add far fewer contacts than that).
    if (before.contacts.exact && after.contacts.exact) expect(after.contacts.count).toBe(before.contacts.count + 2);
    if (before.suppressed.exact && after.suppressed.exact) expect(after.suppressed.count).toBe(before.suppressed.count + 1);
    expect(after.checklist).toMatchObject({ segmentBuilt: true, colleagueInvited: true });

    await page.reload();
    await eventually(() => figure(page, 'Contacts')).toContain(after.contacts.count.toLocaleString('en-US'));
    await eventually(() => figure(page, 'Suppressed')).toContain(after.suppressed.count.toLocaleString('en-US'));
    expect(await figure(page, 'Contacts')).toContain(`+${after.contactsAddedWeek.count.toLocaleString('en-US')} this week`);
    await page.getByRole('region', { name: 'Segments' }).getByRole('link', { name: /Dashboard people/ }).waitFor();
    if (after.checklist.imported) {
      await page.getByRole('heading', { name: 'Get started' }).waitFor({ state: 'detached' });
    } else {
      expect(await page.getByTestId('checklist-segment').getAttribute('data-done')).toBe('true');
      expect(await page.getByTestId('checklist-invite').getAttribute('data-done')).toBe('true');
      expect(await page.getByTestId('checklist-import').getAttribute('data-done')).toBe('false');
      await page.getByTestId('checklist-import').getByRole('link', { name: 'Import a CSV of contacts' }).waitFor();
    }
    await page.locator('#activity .recharts-surface').first().waitFor();
    await page.getByRole('region', { name: 'System' }).waitFor();
    await screenshot(page, 'workspace-dashboard-light');
    await expectNoSeriousA11yViolations(page);
  });
});

describe('the segment builder', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Qubit Works', domain: 'qubit-works-e2e.com', industry: INDUSTRY, employeeCount: 120, country: 'DE', source: 'e2e-workspace' });
    for (const [first, country] of [['Greta', 'DE'], ['Gunnar', 'DE'], ['Uma', 'US']] as const) {
      await admin.request<Contact>('POST', '/api/contacts', { accountId: account.id, firstName: first, lastName: 'Qubit', email: `${first.toLowerCase()}@qubit-works-e2e.com`, country, source: 'e2e-workspace' });
    }
    await admin.request('POST', '/api/suppressions', { type: 'email', value: 'gunnar@qubit-works-e2e.com', reason: 'unsubscribe' });
  });
  afterAll(async () => browser?.close());

  it('filters on the account’s industry and the contact’s country by name, and converts leaving the suppressed out', async () => {
    const { page } = browser;
    await openApp(page, '/segments/new');
    await eventually(() => segmentCount(page)).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('group', { name: 'Account' }).waitFor();
    await page.getByRole('option', { name: /^Industry/ }).click();
    const industry = page.getByRole('form', { name: 'Filter on Industry' });
    await industry.getByLabel('Value').fill(INDUSTRY);
    await industry.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => segmentCount(page)).toBe(3);

    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^Country/ }).click();
    const country = page.getByRole('form', { name: 'Filter on Country' });
    // "is" by default, with a picker of names.
    expect(await country.getByLabel('Condition').textContent()).toBe('is');
    await country.getByLabel('Value').click();
    await page.getByRole('option', { name: 'Germany', exact: true }).click();
    await screenshot(page, 'workspace-segment-country-light');
    await country.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: 'Edit filter: Country is Germany' }).waitFor();
    await eventually(() => segmentCount(page)).toBe(2);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: 'Save segment' }).click();
    const save = page.getByRole('form', { name: 'Save segment' });
    await save.getByLabel('Name').fill('Quantum Germans');
    await save.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { name: 'Quantum Germans' }).waitFor();

    await page.getByRole('button', { name: 'Convert to list' }).click();
    const convert = page.getByRole('form', { name: 'Convert to a list' });
    const reach = convert.getByTestId('segment-reachability');
    await eventually(async () => (await reach.textContent()) ?? '').toContain('1 of 2 contacts are opted out or suppressed');
    expect(await reach.textContent()).toContain('Email address suppressed1');
    expect(await convert.getByRole('checkbox', { name: /Leave out the 1 opted-out or suppressed/ }).getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'workspace-segment-convert-light');
    await expectNoSeriousA11yViolations(page);
    await convert.getByLabel('List name').fill('Quantum Germans, reachable');
    await convert.getByRole('button', { name: 'Create list' }).click();
    await page.getByRole('heading', { name: 'Quantum Germans, reachable' }).waitFor();
    await eventually(async () => (await page.getByTestId('member-count').textContent()) ?? '').toMatch(/^1 members?$/);
    const lists = await admin.request<{ items: StaticList[] }>('GET', '/api/lists');
    expect(lists.items.find((l) => l.name === 'Quantum Germans, reachable')?.memberCount).toBe(1);
  });
});

describe('in the dark theme', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await launchSignedIn('dark', WAIT_MS);
    const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Nachtschicht GmbH', domain: 'nachtschicht-e2e.de', country: 'DE', source: 'e2e-workspace' });
    await admin.request<Contact>('POST', '/api/contacts', { accountId: account.id, firstName: 'Nora', lastName: 'Nacht', email: 'nora@nachtschicht-e2e.de', source: 'e2e-workspace' });
  });
  afterAll(async () => browser?.close());

  it('the dashboard and the builder pass axe-core', async () => {
    const { page } = browser;
    await openApp(page, '/');
    await page.locator('#activity .recharts-surface').first().waitFor();
    await screenshot(page, 'workspace-dashboard-dark');
    await expectNoSeriousA11yViolations(page);

    await openApp(page, '/segments/new');
    await eventually(() => segmentCount(page)).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^Account country/ }).click();
    const country = page.getByRole('form', { name: 'Filter on Account country' });
    // By keyboard this time: the picker opens with Enter and takes the focused country with Enter.
    await country.getByLabel('Value').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Germany', exact: true }).waitFor();
    // Focus the option, then Enter (typed type-ahead is timing-dependent on a busy machine).
    await page.getByRole('option', { name: 'Germany', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => (await country.getByLabel('Value').textContent()) ?? '').toBe('Germany');
    await country.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('button', { name: 'Edit filter: Account country is Germany' }).waitFor();
    await eventually(() => segmentCount(page)).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'workspace-segment-dark');
    await expectNoSeriousA11yViolations(page);
  });
});
