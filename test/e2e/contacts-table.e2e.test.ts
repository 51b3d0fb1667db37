// The contacts table at a laptop's 1440 × 900: every column, Compliance included, fits in the
// table's scroll viewport; a click anywhere on a row (outside its links and checkbox) opens the
// record, and so does Enter on a focused row — in the contacts and the accounts tables alike.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import { screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp } from './support/session';
import { signInViaApi, type ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';

vi.setConfig({ testTimeout: 180_000 });

const WAIT_MS = 45_000;
const LAST_NAME = 'Thistlewood';
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

let admin: ApiSession;
let account: Account;
let contacts: Contact[];

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
  account = await admin.request<Account>('POST', '/api/accounts', { name: 'Thistlewood Cartography Holdings', domain: 'thistlewood-e2e.com', industry: 'Maritime Analytics', source: 'e2e' });
  contacts = [];
  for (const [first, title] of [
    ['Maximiliana', 'Senior Director of Revenue Operations and Strategy'],
    ['Bartholomew', 'Head of International Demand Generation'],
    ['Cordelia', 'Chief Marketing Officer'],
  ] as const) {
    contacts.push(
      await admin.request<Contact>('POST', '/api/contacts', {
        firstName: first,
        lastName: LAST_NAME,
        email: `${first.toLowerCase()}.${LAST_NAME.toLowerCase()}@thistlewood-e2e.com`,
        jobTitle: title,
        directPhone: '+1 617 555 0142',
        mobilePhone: '+1 617 555 0199',
        consentStatus: 'opted-in',
        country: 'US',
        accountId: account.id,
        source: 'e2e',
      }),
    );
  }
  // Badges at their widest: consent, a suppressed address and a do-not-call number.
  await admin.request('POST', '/api/suppressions', { type: 'email', value: contacts[0]!.email, reason: 'bounce' });
  await admin.request('POST', '/api/suppressions', { type: 'phone', value: '+1 617 555 0199', reason: 'dnc_registry' });
});

/** The box of an element, and the visible box of the scrolling area around the grid. */
async function boxes(grid: Locator, inner: Locator) {
  const viewport = await grid.evaluate((el) => {
    const r = el.parentElement!.getBoundingClientRect();
    return { left: r.left, right: r.left + el.parentElement!.clientWidth, top: r.top, bottom: r.bottom };
  });
  const box = (await inner.boundingBox())!;
  return { viewport, box };
}

async function rowOf(page: Page, grid: Locator, text: string) {
  const row = grid.locator('tbody tr[role="row"]').filter({ hasText: text });
  await row.waitFor();
  return row;
}

describe('the contacts table at 1440 × 900', () => {
  let browser: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    page = browser.page;
  });
  afterAll(async () => browser?.close());

  it('shows every column, Compliance included, inside the scroll viewport', async () => {
    expect(page.viewportSize()).toEqual({ width: 1440, height: 900 });
    await openApp(page, `/contacts?q=${LAST_NAME}`);
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await eventually(() => grid.locator('tbody tr[role="row"]').count()).toBe(3);
    await (await rowOf(page, grid, 'Maximiliana')).getByText('Email suppressed', { exact: true }).waitFor();
    await screenshot(page, 'contacts-table-1440');

    const headers = grid.getByRole('columnheader');
    const count = await headers.count();
    expect(count).toBeGreaterThan(8);
    const compliance = grid.getByRole('columnheader', { name: 'Compliance' });
    const { viewport, box } = await boxes(grid, compliance);
    expect(box.x).toBeGreaterThanOrEqual(viewport.left);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.right + 0.5);
    // Its badges are not cut off either.
    const badges = (await rowOf(page, grid, 'Maximiliana')).getByText('DNC', { exact: true });
    const badge = await boxes(grid, badges);
    expect(badge.box.x + badge.box.width).toBeLessThanOrEqual(badge.viewport.right + 0.5);
  });

  it('opens a contact with a click on a plain cell, and not with a click on its checkbox', async () => {
    await openApp(page, `/contacts?q=${LAST_NAME}`);
    const grid = page.getByRole('grid', { name: 'Contacts' });
    const row = await rowOf(page, grid, 'Bartholomew');
    await row.getByRole('checkbox').click();
    await page.getByTestId('bulk-bar').waitFor();
    expect(new URL(page.url()).pathname).toBe('/contacts');

    await row.getByText('bartholomew.thistlewood@thistlewood-e2e.com').click();
    await page.getByRole('heading', { level: 1, name: /Bartholomew Thistlewood/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/contacts/${contacts[1]!.id}`);
  });

  it('opens a contact with Enter on a focused row', async () => {
    await openApp(page, `/contacts?q=${LAST_NAME}`);
    const grid = page.getByRole('grid', { name: 'Contacts' });
    const row = await rowOf(page, grid, 'Cordelia');
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Cordelia Thistlewood/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/contacts/${contacts[2]!.id}`);
  });

  it('opens an account from the accounts table and from its contacts tab the same ways', async () => {
    await openApp(page, `/accounts?view=table&q=thistlewood-e2e.com`);
    const accounts = page.getByRole('grid', { name: 'Accounts' });
    const row = await rowOf(page, accounts, 'Thistlewood Cartography Holdings');
    await row.getByText('Maritime Analytics').click();
    await page.getByRole('heading', { level: 1, name: /Thistlewood Cartography Holdings/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${account.id}`);

    const tab = page.getByRole('grid', { name: `Contacts at ${account.name}` });
    const contactRow = await rowOf(page, tab, 'Maximiliana');
    await contactRow.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Maximiliana Thistlewood/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/contacts/${contacts[0]!.id}`);
  });
});
