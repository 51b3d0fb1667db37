// Accounts and contacts in a browser: the filter bar narrows the accounts, the Cards / Table
// switch keeps the filter and the selection, a contact is edited in place (and a stale edit is
// refused plainly), a bulk delete is undone — and every screen passes axe-core in light and dark.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import { expectNoSeriousA11yViolations, screenshot } from './support/browser';
import { launchSignedIn, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { browserForSuite, eventually, expectCleanInBothThemes, itShowsEachScreenCleanly } from './support/suite';
import { e2eStack } from './support/stack';

/** The industry of the accounts the filter tests look for (no other seeded account has it). */
const TARGET_INDUSTRY = 'Maritime Analytics';
const TARGET_COUNT = 14;
/** The source of this file's records: other files on the stack add accounts of their own. */
const SOURCE = 'e2e-accounts';
const OTHER_INDUSTRIES = ['Software', 'Logistics', 'Healthcare', 'Financial Services', 'Manufacturing', 'Retail'];
const PREFIXES = ['Harbor', 'Northwind', 'Bluepeak', 'Cedar', 'Lumen', 'Ironbridge', 'Silverline', 'Quayside', 'Meridian', 'Orchard'];
const SUFFIXES = ['Systems', 'Labs', 'Partners', 'Group', 'Works', 'Dynamics'];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'CA', 'NL'];
const RANGES = ['11-50', '51-200', '201-500', '501-1000', '1001-5000'] as const;
const REVENUES = ['1M-10M', '10M-50M', '50M-100M', '100M-500M'] as const;
const FIRST = ['Ava', 'Liam', 'Noah', 'Mia', 'Ethan', 'Zoe', 'Lucas', 'Emma', 'Omar', 'Priya'];
const LAST = ['Patel', 'Nguyen', 'Schmidt', 'Dubois', 'Okafor', 'Silva', 'Kowalski', 'Brennan', 'Haddad', 'Lindqvist'];
const TITLES = ['VP Marketing', 'Head of Demand Generation', 'Marketing Operations Manager', 'CMO', 'Director of Sales'];

// Each test opens pages on a stack shared with the rest of the suite; leave room for a slow one.
vi.setConfig({ testTimeout: 180_000 });

const shell = (page: Page) => page.getByTestId('app-shell');
/** Waits up to this long for a page or an element (the stack and the browser share the machine). */
const WAIT_MS = 45_000;

const launch = () => launchSignedIn('light', WAIT_MS);

interface Seeded {
  accounts: Account[];
  contacts: Contact[];
}

/** Runs at most `width` calls at once (the local stack is one process). */
async function inBatches<T, R>(items: T[], width: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += width) {
    results.push(...(await Promise.all(items.slice(start, start + width).map((item, offset) => run(item, start + offset)))));
  }
  return results;
}

async function seed(admin: ApiSession): Promise<Seeded> {
  const specs = Array.from({ length: 60 }, (_, i) => {
    const name = `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length]}`;
    return {
      name,
      domain: `${name.toLowerCase().replace(/\s+/g, '')}.com`,
      industry: i < TARGET_COUNT ? TARGET_INDUSTRY : (OTHER_INDUSTRIES[i % OTHER_INDUSTRIES.length] as string),
      employeeRange: RANGES[i % RANGES.length],
      revenueRange: REVENUES[i % REVENUES.length],
      country: COUNTRIES[i % COUNTRIES.length],
      city: ['Boston', 'London', 'Berlin', 'Paris', 'Toronto', 'Rotterdam'][i % 6],
      website: `https://www.${name.toLowerCase().replace(/\s+/g, '')}.com`,
      source: SOURCE,
    };
  });
  const accounts = await inBatches(specs, 8, (spec) => admin.request<Account>('POST', '/api/accounts', spec));
  const contacts = await inBatches(accounts, 8, (account, i) => {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
    return admin.request<Contact>('POST', '/api/contacts', {
      accountId: account.id,
      firstName: first,
      lastName: last,
      email: `${first}.${last}@${account.domain}`.toLowerCase(),
      emailConfidence: 35 + ((i * 7) % 65),
      emailStatus: i % 5 === 0 ? 'catch-all' : 'valid',
      jobTitle: TITLES[i % TITLES.length],
      seniority: i % 3 === 0 ? 'VP' : 'Director',
      directPhone: `+1 617 555 ${String(1000 + i).slice(-4)}`,
      country: account.country,
      consentStatus: i % 4 === 0 ? 'opted-in' : i % 9 === 0 ? 'opted-out' : 'unknown',
      source: SOURCE,
    });
  });
  return { accounts, contacts };
}

let admin: ApiSession;
let data: Seeded;

beforeAll(async () => {
  admin = await signInAdminViaApi();
  data = await seed(admin);
});

async function open(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, e2eStack().baseUrl).href);
  try {
    await shell(page).waitFor({ state: 'visible', timeout: WAIT_MS / 2 });
  } catch {
    // A machine shared with other suites can stall the stack for a while: say what the page
    // showed, then give it one more load before failing.
    const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
    console.warn(`${path} showed no app shell yet (at ${page.url()}): ${text}`);
    await screenshot(page, `accounts-stalled-${Date.now()}`);
    await page.reload();
    await shell(page).waitFor({ state: 'visible' });
  }
}

/** The matching count the current layout shows ("14 matching"). */
async function matchingCount(page: Page): Promise<number> {
  const text = await page.getByText(/^[\d,]+ matching$/).first().textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

async function addIndustryFilter(page: Page, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('option', { name: /^Industry/ }).click();
  const editor = page.getByRole('form', { name: 'Filter on Industry' });
  await editor.getByLabel('Value').fill(value);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('filter-chip').waitFor({ state: 'visible' });
}

async function addSourceFilter(page: Page, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('option', { name: /^Source/ }).click();
  const editor = page.getByRole('form', { name: 'Filter on Source' });
  await editor.getByLabel('Condition').click();
  await page.getByRole('option', { name: 'is', exact: true }).click();
  await editor.getByLabel('Value').fill(value);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('filter-chip').waitFor({ state: 'visible' });
}

describe('the accounts list', () => {
  const browser = browserForSuite(() => launch());

  it('filters with the filter bar, and Cards / Table keep the filter and the selection', async () => {
    const { page } = browser;
    await open(page, '/accounts?view=table');
    await page.getByRole('grid', { name: 'Accounts' }).getByRole('row').nth(1).waitFor();
    expect(await matchingCount(page)).toBeGreaterThanOrEqual(60);

    await addIndustryFilter(page, TARGET_INDUSTRY);
    await eventually(() => matchingCount(page)).toBe(TARGET_COUNT);
    expect(new URL(page.url()).searchParams.get('filter')).toBeTruthy();
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await eventually(() => grid.locator('tbody tr[role="row"]').count()).toBe(TARGET_COUNT);

    // Select two rows in the table.
    await grid.getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
    await grid.getByRole('checkbox', { name: 'Select row 3', exact: true }).click();
    const bulkBar = page.getByTestId('bulk-bar');
    expect(await bulkBar.textContent()).toContain('2 selected');
    const selectedInTable = await grid.locator('tbody tr[data-state="selected"] a').allTextContents();
    expect(selectedInTable).toHaveLength(2);

    // Cards: same filter, same two selected.
    await page.getByRole('radio', { name: 'Cards' }).click();
    const cards = page.getByTestId('account-card');
    await cards.first().waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('cards');
    expect(await page.getByTestId('filter-chip').textContent()).toContain(TARGET_INDUSTRY);
    expect(await matchingCount(page)).toBe(TARGET_COUNT);
    expect(await page.getByTestId('bulk-bar').textContent()).toContain('2 selected');
    const selectedCards = await page.locator('[data-testid="account-card"][data-state="selected"] a').allTextContents();
    expect(selectedCards.sort()).toEqual([...selectedInTable].sort());
    for (const name of await cards.locator('a').allTextContents()) expect(data.accounts.find((a) => a.name === name)?.industry).toBe(TARGET_INDUSTRY);

    // A third selected in cards is still selected back in the table.
    const unselected = cards.and(page.locator(':not([data-state="selected"])')).first();
    await unselected.getByRole('checkbox').click();
    expect(await page.getByTestId('bulk-bar').textContent()).toContain('3 selected');
    await page.getByRole('radio', { name: 'Table' }).click();
    await grid.locator('tbody tr[role="row"]').first().waitFor();
    expect(await page.getByTestId('bulk-bar').textContent()).toContain('3 selected');
    expect(await grid.locator('tbody tr[data-state="selected"]').count()).toBe(3);
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('keeps the scroll place when switching layouts', async () => {
    const { page } = browser;
    await open(page, '/accounts?view=table');
    await addSourceFilter(page, SOURCE);
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await eventually(() => page.getByTestId('table-status').textContent()).toContain('60 of 60 loaded');
    const rowHeight = await grid.locator('tbody tr[role="row"]').first().evaluate((row: { offsetHeight: number }) => row.offsetHeight);
    const paneTop = () => grid.evaluate((table: { parentElement: { scrollTop: number } }) => table.parentElement.scrollTop);
    // Scroll the pane itself (a wheel event can be coalesced or cut short on a busy machine).
    await grid.evaluate((table: { parentElement: { scrollTop: number } }, top: number) => {
      table.parentElement.scrollTop = top;
    }, 30 * rowHeight);
    await eventually(paneTop).toBe(30 * rowHeight);
    const row30 = grid.locator('tbody tr[aria-rowindex="32"]');
    await row30.waitFor();
    const name = (await row30.locator('a').textContent()) ?? '';

    await page.getByRole('radio', { name: 'Cards' }).click();
    const cards = page.getByTestId('card-grid');
    await cards.waitFor();
    await eventually(() => cards.evaluate((el: { scrollTop: number }) => el.scrollTop)).toBeGreaterThan(0);
    await page.getByTestId('account-card').filter({ hasText: name }).waitFor();
    expect(await page.getByTestId('account-card').filter({ hasText: name }).isVisible()).toBe(true);

    await page.getByRole('radio', { name: 'Table' }).click();
    await row30.waitFor();
    expect(Math.round((await paneTop()) / rowHeight)).toBe(30);
  });

  it('bulk-deletes every account matching the filter, and Undo brings them back', async () => {
    const { page } = browser;
    await open(page, '/accounts?view=table');
    await addIndustryFilter(page, TARGET_INDUSTRY);
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await eventually(() => grid.locator('tbody tr[role="row"]').count()).toBe(TARGET_COUNT);

    await page.getByRole('checkbox', { name: 'Select loaded rows' }).click();
    const bulkBar = page.getByTestId('bulk-bar');
    expect(await bulkBar.textContent()).toContain(`${TARGET_COUNT} selected`);
    await bulkBar.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete ${TARGET_COUNT} accounts?` });
    await confirm.waitFor();
    await expectNoSeriousA11yViolations(page);
    await confirm.getByRole('button', { name: `Delete ${TARGET_COUNT} accounts` }).click();

    await page.getByText(`${TARGET_COUNT} accounts deleted.`).waitFor();
    await page.getByText('No account matches').waitFor();
    expect(await matchingCount(page)).toBe(0);
    const live = await admin.request<{ total: { count: number } }>('GET', `/api/accounts?q=${encodeURIComponent(data.accounts[0]!.name)}`);
    expect(live.total.count).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText(`${TARGET_COUNT} accounts restored.`).waitFor();
    await eventually(() => grid.locator('tbody tr[role="row"]').count()).toBe(TARGET_COUNT);
    expect(await matchingCount(page)).toBe(TARGET_COUNT);
  });

  it('selects all accounts matching a filter across pages and sets a field on them', async () => {
    const { page } = browser;
    await open(page, '/accounts?view=cards');
    await addSourceFilter(page, SOURCE);
    await eventually(() => matchingCount(page)).toBe(60);
    await page.getByRole('button', { name: 'Select loaded' }).click();
    const bulkBar = page.getByTestId('bulk-bar');
    expect(await bulkBar.textContent()).toContain('50 selected');
    await bulkBar.getByRole('button', { name: 'Select all 60 matching' }).click();
    expect(await bulkBar.textContent()).toContain('All 60 selected');

    await bulkBar.getByRole('button', { name: 'Set field' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a field on 60 accounts' });
    await dialog.getByRole('combobox', { name: 'Field' }).click();
    await page.getByRole('option', { name: 'State' }).click();
    await dialog.getByRole('textbox', { name: 'New value' }).fill('Massachusetts');
    await dialog.getByRole('button', { name: 'Update 60 accounts' }).click();
    await page.getByText('60 accounts updated.').waitFor();
    // The last account was never loaded in the browser: the filter selected it on the server.
    const last = await admin.request<Account>('GET', `/api/accounts/${data.accounts[59]!.id}`);
    expect(last.state).toBe('Massachusetts');
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('searches, opens an account with the keyboard and shows its contacts and history', async () => {
    const { page } = browser;
    const account = data.accounts[20]!;
    await open(page, '/accounts?view=table');
    await page.getByRole('grid', { name: 'Accounts' }).getByRole('row').nth(1).waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await page.keyboard.type(account.domain!);
    await eventually(() => matchingCount(page)).toBe(1);
    const grid = page.getByRole('grid', { name: 'Accounts' });
    await grid.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(account.name) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${account.id}`);
    await page.getByRole('grid', { name: `Contacts at ${account.name}` }).getByRole('row').nth(1).waitFor();
    await page.getByRole('list', { name: 'Field history' }).waitFor();

    // The command palette's record search opens the same page.
    const other = data.accounts[33]!;
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type(other.name);
    await palette.getByRole('option', { name: new RegExp(other.name) }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(other.name) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${other.id}`);
  });

  it('opens the new-account form with c and shows the API schema errors on the fields', async () => {
    const { page } = browser;
    await open(page, '/accounts');
    await page.getByTestId('account-card').first().waitFor();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('c');
    const dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.waitFor();
    await dialog.getByLabel('Domain').fill('not a domain at all');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('is required').waitFor();
    await dialog.getByText('is not a company domain, URL or email').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
  });
});

describe('a contact', () => {
  const browser = browserForSuite(() => launch());

  it('is edited in place: Enter saves, the value survives a reload, Esc cancels', async () => {
    const { page } = browser;
    const contact = data.contacts[5]!;
    await open(page, `/contacts/${contact.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await page.getByRole('button', { name: /^Job title: .* Edit$/ }).click();
    const input = page.getByRole('textbox', { name: 'Job title' });
    await input.fill('Global Head of Demand Generation');
    await input.press('Enter');
    await page.getByRole('button', { name: 'Job title: Global Head of Demand Generation. Edit' }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Job title: Global Head of Demand Generation. Edit' }).waitFor();
    const saved = await admin.request<Contact>('GET', `/api/contacts/${contact.id}`);
    expect(saved.jobTitle).toBe('Global Head of Demand Generation');
    await page.getByRole('list', { name: 'Field history' }).getByText('Global Head of Demand Generation').waitFor();

    // Esc leaves the stored value alone.
    await page.getByRole('button', { name: /^City: .* Edit$/ }).click();
    await page.getByRole('textbox', { name: 'City' }).fill('Nowhere');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^City: .* Edit$/ }).waitFor();
    expect((await admin.request<Contact>('GET', `/api/contacts/${contact.id}`)).city).toBe(saved.city);
  });

  it('refuses a stale edit with a clear message and reloads the current version', async () => {
    const { page } = browser;
    const contact = data.contacts[6]!;
    await open(page, `/contacts/${contact.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Someone else saves first.
    const current = await admin.request<Contact>('GET', `/api/contacts/${contact.id}`);
    await admin.request('PATCH', `/api/contacts/${contact.id}`, { version: current.version, jobTitle: 'Changed elsewhere' });

    await page.getByRole('button', { name: /^Job title: .* Edit$/ }).click();
    const input = page.getByRole('textbox', { name: 'Job title' });
    await input.fill('My stale edit');
    await input.press('Enter');
    const banner = page.getByTestId('stale-write');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('changed by someone else');
    await page.keyboard.press('Escape');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await banner.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Job title: Changed elsewhere. Edit' }).waitFor();
  });
});

describe('the accounts screens in light and dark', () => {
  const browser = browserForSuite(() => launch());

  const screens = [
    { name: 'accounts-cards', path: () => '/accounts?view=cards', ready: (page: Page) => page.getByTestId('account-card').first().waitFor() },
    { name: 'accounts-table', path: () => '/accounts?view=table', ready: (page: Page) => page.getByRole('grid', { name: 'Accounts' }).getByRole('row').nth(1).waitFor() },
    {
      name: 'account-detail',
      path: () => `/accounts/${data.accounts[1]!.id}`,
      ready: async (page: Page) => {
        await page.getByText(`1 at ${data.accounts[1]!.name}`).waitFor();
        await page.getByRole('grid', { name: /^Contacts at/ }).getByRole('row').nth(1).waitFor();
      },
    },
    { name: 'contacts', path: () => '/contacts', ready: (page: Page) => page.getByRole('grid', { name: 'Contacts' }).getByRole('row').nth(1).waitFor() },
    { name: 'contact-detail', path: () => `/contacts/${data.contacts[0]!.id}`, ready: (page: Page) => page.getByRole('list', { name: 'Field history' }).waitFor() },
  ];

  itShowsEachScreenCleanly(browser, { prefix: 'accounts', screens, open: open });

  it('shows a selection and the bulk bar cleanly', async () => {
    const { page } = browser;
    await open(page, '/accounts?view=cards');
    await page.getByTestId('account-card').first().waitFor();
    await page.getByTestId('account-card').nth(0).getByRole('checkbox').click();
    await page.getByTestId('account-card').nth(2).getByRole('checkbox').click();
    await page.getByTestId('bulk-bar').waitFor();
    await page.getByTestId('account-card').nth(4).hover();
    await expectCleanInBothThemes(page, { prefix: 'accounts', name: 'cards-selected' });
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });
});
