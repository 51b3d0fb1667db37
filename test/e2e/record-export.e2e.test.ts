// CSV exports from the lists' bulk bars: two contacts picked in a filtered table export as exactly
// those two (with the UTF-8 BOM Excel needs), "all N matching" exports the filter's total (less a
// row unticked since), and two accounts picked in the cards view export as those two — the bar
// passes axe-core in light and dark. An export left while it runs points to the imports page,
// which lists every export with its file.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import { expectNoSeriousA11yViolations, screenshot } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { browserForSuite, eventually } from './support/suite';
import { e2eStack } from './support/stack';

vi.setConfig({ testTimeout: 180_000 });

const WAIT_MS = 45_000;

/** The job title only the contacts seeded here have; more of them than the table loads at first. */
const TARGET_TITLE = 'Ledgerwright Exporter';
const TARGET_COUNT = 120;
/** The table's first two pages of 50 (it reads one page ahead of the rows in view). */
const LOADED = 100;
/** Same account and last name, another title: the filter must leave them out of the file. */
const BYSTANDERS = 3;
const DOMAIN = 'exportwright-e2e.com';
/** The industry of the accounts the cards export picks from. */
const TARGET_INDUSTRY = 'Export Cartography';
const COMPANIES = ['Quillon Ledger Works', 'Saltpan Atlas Co', 'Brightwater Survey Group'];
const FIRST = ['Ada', 'Bea', 'Cai', 'Dov', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivo', 'Joy', 'Kit'];

const launch = (colorScheme: 'light' | 'dark') => launchSignedIn(colorScheme, WAIT_MS);

/** The matching count the list shows ("55 matching"). */
async function matchingCount(page: Page): Promise<number> {
  const text = await page.getByText(/^[\d,]+ matching$/).first().textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

interface Csv {
  bom: boolean;
  header: string;
  rows: string[];
}

/** Waits for the bulk bar's download link, then fetches the file it points at. */
async function download(bulkBar: Locator, name: string): Promise<Csv> {
  const link = bulkBar.getByRole('link', { name });
  await link.waitFor();
  const response = await fetch(new URL((await link.getAttribute('href'))!, e2eStack().baseUrl));
  expect(response.ok).toBe(true);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const [header = '', ...rows] = new TextDecoder().decode(bom ? bytes.subarray(3) : bytes).split('\r\n').filter(Boolean);
  return { bom, header, rows };
}

/** The seeded emails each text (a table row's, a CSV line) holds, sorted. */
/** The contacts screen searched for this suite's contacts, the first selected: its bulk bar. */
async function selectFirstExportwright(page: Page): Promise<Locator> {
  await openApp(page, `/contacts?q=${encodeURIComponent('Exportwright')}`);
  await page.getByRole('grid', { name: 'Contacts' }).getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
  return page.getByTestId('bulk-bar');
}

const emailsOf = (texts: string[]) => texts.flatMap((text) => contacts.map((c) => c.email!).filter((email) => text.includes(email))).sort();

let admin: ApiSession;
let contacts: Contact[];
let accounts: Account[];

beforeAll(async () => {
  admin = await signInAdminViaApi();
  const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Exportwright Forge', domain: DOMAIN, country: 'US', source: 'e2e-export' });
  const specs = Array.from({ length: TARGET_COUNT + BYSTANDERS }, (_, i) => ({
    accountId: account.id,
    firstName: `${FIRST[i % FIRST.length]}${i}`,
    lastName: 'Exportwright',
    email: `${FIRST[i % FIRST.length]!.toLowerCase()}.${i}@${DOMAIN}`,
    jobTitle: i < TARGET_COUNT ? TARGET_TITLE : 'Quiet Bystander',
    country: 'US',
    source: 'e2e-export',
  }));
  contacts = [];
  // A few at a time: the local stack is one process.
  for (let start = 0; start < specs.length; start += 8) {
    contacts.push(...(await Promise.all(specs.slice(start, start + 8).map((spec) => admin.request<Contact>('POST', '/api/contacts', spec)))));
  }
  accounts = [];
  for (const name of COMPANIES) {
    accounts.push(
      await admin.request<Account>('POST', '/api/accounts', {
        name,
        domain: `${name.toLowerCase().replace(/\s+/g, '')}-e2e.com`,
        industry: TARGET_INDUSTRY,
        country: 'GB',
        source: 'e2e-export',
      }),
    );
  }
});

describe('exporting contacts from the bulk bar', () => {
  const browser = browserForSuite(() => launch('light'));

  it('exports exactly the picked rows, then every row matching the filter', async () => {
    const { page } = browser;
    await openApp(page, '/contacts');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^Job title/ }).click();
    const editor = page.getByRole('form', { name: 'Filter on Job title' });
    await editor.getByLabel('Value').fill(TARGET_TITLE);
    await editor.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => matchingCount(page)).toBe(TARGET_COUNT);
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await grid.getByRole('row').nth(1).waitFor();

    await grid.getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
    await grid.getByRole('checkbox', { name: 'Select row 2', exact: true }).click();
    const picked = emailsOf(await grid.locator('tbody tr[data-state="selected"]').allTextContents());
    expect(picked).toHaveLength(2);
    const bulkBar = page.getByTestId('bulk-bar');
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    const two = await download(bulkBar, 'Download 2 contacts');
    expect(two.bom).toBe(true);
    expect(two.header).toMatch(/email/i);
    expect(two.rows).toHaveLength(2);
    expect(emailsOf(two.rows)).toEqual(picked);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'contacts-export-ready-light');

    // Every row of the filter, most of them never loaded in the browser.
    await eventually(() => page.getByTestId('table-status').textContent()).toBe(`${LOADED} of ${TARGET_COUNT} loaded`);
    await page.getByRole('checkbox', { name: 'Select loaded rows' }).click();
    await bulkBar.getByRole('button', { name: `Select all ${TARGET_COUNT} matching` }).click();
    expect(await bulkBar.textContent()).toContain(`All ${TARGET_COUNT} selected`);
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    const all = await download(bulkBar, `Download ${TARGET_COUNT} contacts`);
    expect(all.bom).toBe(true);
    expect(all.rows).toHaveLength(await matchingCount(page));
    const targets = contacts.filter((c) => c.jobTitle === TARGET_TITLE).map((c) => c.email);
    expect(emailsOf(all.rows)).toEqual([...targets].sort());

    // A row unticked after "select all" stays out of the file.
    const [unticked] = emailsOf([(await grid.locator('tbody tr[aria-rowindex="2"]').textContent()) ?? '']);
    expect(unticked).toBeTruthy();
    await grid.getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
    expect(await bulkBar.textContent()).toContain(`${TARGET_COUNT - 1} selected`);
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    const less = await download(bulkBar, `Download ${TARGET_COUNT - 1} contacts`);
    expect(less.rows).toHaveLength(TARGET_COUNT - 1);
    expect(emailsOf(less.rows)).not.toContain(unticked);
  });
});

describe('exporting accounts from the cards view', () => {
  const browser = browserForSuite(() => launch('dark'));

  it('exports the two picked cards', async () => {
    const { page } = browser;
    await openApp(page, `/accounts?view=cards&q=${encodeURIComponent('e2e.com')}`);
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^Industry/ }).click();
    const editor = page.getByRole('form', { name: 'Filter on Industry' });
    await editor.getByLabel('Value').fill(TARGET_INDUSTRY);
    await editor.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => matchingCount(page)).toBe(COMPANIES.length);

    const [first, second] = accounts;
    await page.getByRole('checkbox', { name: `Select ${first!.name}` }).click();
    await page.getByRole('checkbox', { name: `Select ${second!.name}` }).click();
    const bulkBar = page.getByTestId('bulk-bar');
    expect(await bulkBar.textContent()).toContain('2 selected');
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await download(bulkBar, 'Download 2 accounts');
    expect(csv.bom).toBe(true);
    expect(csv.rows).toHaveLength(2);
    for (const account of [first!, second!]) expect(csv.rows.some((row) => row.includes(account.domain!))).toBe(true);
    expect(csv.rows.some((row) => row.includes(accounts[2]!.domain!))).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'accounts-cards-export-ready-dark');
  });
});

describe('an export that is refused or fails', () => {
  const browser = browserForSuite(() => launch('dark'));

  it('says why: the API refusal as a toast, a failed job in the status line', async () => {
    const { page } = browser;
    const bulkBar = await selectFirstExportwright(page);
    const status = page.getByTestId('bulk-export-status');

    // The API's rate limit answers problem+json; the toast reads its detail.
    await page.route('**/api/exports', (route) =>
      route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '60' },
        body: JSON.stringify({ type: 'https://pivotal-crm.dev/problems/rate_limited', title: 'Too many requests', status: 429, detail: 'Too many exports at once: try again in a minute.' }),
      }),
    );
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByText('Too many exports at once: try again in a minute.').waitFor();
    await page.unroute('**/api/exports');

    // A job that runs a while, then fails: the row count while it runs, then the reason.
    let polls = 0;
    await page.route('**/api/exports/*', async (route) => {
      const job = await (await route.fetch()).json();
      polls += 1;
      const body = polls < 4 ? { ...job, status: 'running', rowCount: 40, download: null } : { ...job, status: 'failed', download: null, failureReason: 'The export stopped: the database was restarting.' };
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    await status.getByText('Exporting · 40 rows…').waitFor();
    expect(await bulkBar.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    await screenshot(page, 'contacts-export-running-dark');
    await status.getByText('The export stopped: the database was restarting.').waitFor();
    expect(await bulkBar.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'contacts-export-failed-dark');
  });
});

describe('an export left while it runs', () => {
  const browser = browserForSuite(() => launch('light'));

  it('says where its file will be, and the imports page lists every export with its file', async () => {
    const { page } = browser;
    const bulkBar = await selectFirstExportwright(page);

    // The job still runs as far as this page knows when the selection is cleared.
    await page.route('**/api/exports/*', async (route) => {
      const job = await (await route.fetch()).json();
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...job, status: 'running', rowCount: 0, download: null }) });
    });
    await bulkBar.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByTestId('bulk-export-status').getByText(/Exporting/).waitFor();
    await bulkBar.getByRole('button', { name: 'Clear selection' }).click();
    const toastText = page.getByText('Your export carries on');
    await toastText.waitFor();
    await page.unroute('**/api/exports/*');
    await page.getByRole('button', { name: 'Open', exact: true }).click();

    const section = page.getByRole('region', { name: 'Exports' });
    await section.waitFor();
    expect(new URL(page.url()).hash).toBe('#exports');
    const table = section.getByRole('grid', { name: 'Exports' });
    // This file's exports, newest first: the one just left (one contact), then the earlier ones.
    await eventually(async () => (await table.getByRole('link', { name: /^Download/ }).allTextContents()).slice(0, 1)).toEqual(['Download 1 contact']);
    const links = await table.getByRole('link', { name: /^Download/ }).allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Download 2 contacts', `Download ${TARGET_COUNT} contacts`, 'Download 2 accounts']));
    expect(await table.getByText('You').count()).toBeGreaterThan(0);
    // The link works: the file holds the header and the one contact.
    const newest = await fetch(new URL((await table.getByRole('link', { name: 'Download 1 contact' }).first().getAttribute('href'))!, e2eStack().baseUrl));
    expect(newest.ok).toBe(true);
    expect((await newest.text()).split('\r\n').filter(Boolean)).toHaveLength(2);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'imports-exports-light');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.locator('html.dark').waitFor({ state: 'attached' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'imports-exports-dark');
  });
});
