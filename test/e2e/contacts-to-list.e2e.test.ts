// Contacts to a static list from the contacts table's bulk bar: two rows picked and added to a
// list created in the dialog (its members show on the list page), then the whole search added to
// the same list (only the new ones count) — and the dialog passes axe-core; an account's contacts
// go to a list from the accounts bulk bar. A segment on the first list
// (an audience criterion) exports to CSV from the segment builder.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { StaticList } from '@shared/contracts/audience';
import { expectNoSeriousA11yViolations, screenshot } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { browserForSuite, eventually } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 45_000;

/** A last name only the contacts seeded here have, so a search selects exactly them. */
const LAST_NAME = 'Listwright';
const FIRST = ['Astrid', 'Bram', 'Celine', 'Dario'];
const LIST_NAME = 'Listwright picks';

let admin: ApiSession;

beforeAll(async () => {
  admin = await signInAdminViaApi();
  const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Listwright Mills', domain: 'listwright-e2e.com', country: 'US', source: 'e2e-lists' });
  for (const first of FIRST) {
    await admin.request<Contact>('POST', '/api/contacts', {
      accountId: account.id,
      firstName: first,
      lastName: LAST_NAME,
      email: `${first.toLowerCase()}@listwright-e2e.com`,
      country: 'US',
      source: 'e2e-lists',
    });
  }
});

describe('adding contacts to a list from the bulk bar', () => {
  const browser = browserForSuite(() => launchSignedIn('dark', WAIT_MS));

  it('adds picked contacts to a new list, then the whole search to it', async () => {
    const { page } = browser;
    await openApp(page, `/contacts?q=${LAST_NAME}`);
    const grid = page.getByRole('grid', { name: 'Contacts' });
    await eventually(() => grid.locator('tbody tr[role="row"]').count()).toBe(FIRST.length);

    await grid.getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
    await grid.getByRole('checkbox', { name: 'Select row 2', exact: true }).click();
    const bulkBar = page.getByTestId('bulk-bar');
    await bulkBar.getByRole('button', { name: 'Add to list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add 2 contacts to a list' });
    await dialog.getByRole('combobox', { name: 'List' }).click();
    await page.getByRole('option', { name: 'A new list…' }).click();
    // A new list needs a name.
    await dialog.getByRole('button', { name: 'Add to list' }).click();
    await dialog.getByText('Name the new list.').waitFor();
    await dialog.getByRole('textbox', { name: /^New list name/ }).fill(LIST_NAME);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'contacts-add-to-list-dialog-dark');
    await dialog.getByRole('button', { name: 'Add to list' }).click();
    await page.getByText(`2 contacts added to “${LIST_NAME}”.`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const lists = await admin.request<{ items: StaticList[] }>('GET', '/api/lists');
    const list = lists.items.find((l) => l.name === LIST_NAME);
    expect(list?.memberCount).toBe(2);

    // Every row of the search, into the same (now existing) list: the two already on it stay once.
    await page.getByRole('checkbox', { name: 'Select loaded rows' }).click();
    await bulkBar.getByRole('button', { name: 'Add to list' }).click();
    const again = page.getByRole('dialog', { name: `Add ${FIRST.length} contacts to a list` });
    await again.getByRole('combobox', { name: 'List' }).click();
    await page.getByRole('option', { name: LIST_NAME }).click();
    await again.getByRole('button', { name: 'Add to list' }).click();
    await again.waitFor({ state: 'detached' });
    await eventually(async () => (await admin.request<StaticList>('GET', `/api/lists/${list!.id}`)).memberCount).toBe(FIRST.length);

    await openApp(page, `/lists/${list!.id}`);
    await page.getByRole('heading', { name: LIST_NAME }).waitFor();
    await eventually(async () => (await page.getByTestId('member-count').textContent()) ?? '').toBe(`${FIRST.length} members`);
    const members = page.getByRole('grid', { name: 'List members' });
    await eventually(() => members.locator('tbody tr[role="row"]').count()).toBe(FIRST.length);
    for (const first of FIRST) await members.getByText(new RegExp(first)).first().waitFor();
  });

  it("adds a picked account's contacts to a new list from the accounts bulk bar", async () => {
    const { page } = browser;
    await openApp(page, `/accounts?view=cards&q=${encodeURIComponent('listwright-e2e.com')}`);
    await page.getByRole('checkbox', { name: 'Select Listwright Mills' }).click();
    const bulkBar = page.getByTestId('bulk-bar');
    await bulkBar.getByRole('button', { name: 'Add to list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add the contacts of 1 account to a list' });
    await dialog.getByRole('combobox', { name: 'List' }).click();
    await page.getByRole('option', { name: 'A new list…' }).click();
    await dialog.getByRole('textbox', { name: /^New list name/ }).fill('Listwright by account');
    await dialog.getByRole('button', { name: 'Add to list' }).click();
    await page.getByText(`${FIRST.length} contacts added to “Listwright by account”.`).waitFor();
    const list = (await admin.request<{ items: StaticList[] }>('GET', '/api/lists')).items.find((l) => l.name === 'Listwright by account');
    expect(list?.memberCount).toBe(FIRST.length);
  });

  it("exports a segment's contacts to CSV from the builder", async () => {
    const { page } = browser;
    const list = (await admin.request<{ items: StaticList[] }>('GET', '/api/lists')).items.find((l) => l.name === LIST_NAME)!;
    const segment = await admin.request<{ id: string }>('POST', '/api/segments', {
      name: 'Listwright members',
      filter: { type: 'and', conditions: [{ field: 'inList', op: 'eq', value: list.id }] },
    });
    await openApp(page, `/segments/${segment.id}`);
    await page.getByRole('heading', { name: 'Listwright members' }).waitFor();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const link = page.getByRole('link', { name: `Download ${FIRST.length} contacts` });
    await link.waitFor();
    await screenshot(page, 'segment-export-ready-dark');
    const csv = await (await fetch(new URL((await link.getAttribute('href'))!, e2eStack().baseUrl))).text();
    const emails = csv.split(/\r\n/).slice(1).filter(Boolean).map((line) => line.match(/[a-z]+@listwright-e2e\.com/)?.[0]);
    expect(emails.sort()).toEqual(FIRST.map((f) => `${f.toLowerCase()}@listwright-e2e.com`).sort());
  });
});
