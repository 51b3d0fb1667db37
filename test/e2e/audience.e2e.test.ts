// Audiences in a browser: a segment built with the filter bar (the live count follows each
// edit), saved, and converted to a list whose members show (and can be removed after a
// confirmation); a domain set pasted, its normalization and match report read, a match
// confirmed — and the screens pass axe-core in light and dark.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { DomainSetReport, Segment, StaticList } from '@shared/contracts/audience';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { browserForSuite, eventually, expectCleanInBothThemes, itShowsEachScreenCleanly } from './support/suite';

const WAIT_MS = 45_000;

/** The job title the segment looks for; only the contacts seeded here have it. */
const TARGET_TITLE = 'Revenue Cartographer';
const COMPANIES = ['Tidewater Beacon', 'Saltmarsh Robotics', 'Kestrel Freight', 'Lanternfish Bio', 'Copperleaf Analytics', 'Driftwood Capital'];
const FIRST = ['Ines', 'Tobias', 'Wren', 'Anika', 'Mateo', 'Yuki', 'Sven', 'Leila', 'Oren', 'Freya', 'Kofi', 'Maren'];

const launch = () => launchSignedIn('light', WAIT_MS);

const domainOf = (company: string) => `${company.toLowerCase().replace(/\s+/g, '')}-e2e.com`;

interface Seeded {
  accounts: Account[];
  contacts: Contact[];
  targets: number;
}

async function seed(admin: ApiSession): Promise<Seeded> {
  const accounts: Account[] = [];
  for (const name of COMPANIES) {
    accounts.push(await admin.request<Account>('POST', '/api/accounts', { name, domain: domainOf(name), country: 'US', source: 'e2e-audience' }));
  }
  const contacts: Contact[] = [];
  for (const [i, first] of FIRST.entries()) {
    const account = accounts[i % accounts.length]!;
    contacts.push(
      await admin.request<Contact>('POST', '/api/contacts', {
        accountId: account.id,
        firstName: first,
        lastName: 'Audience',
        email: `${first.toLowerCase()}.audience@${account.domain}`,
        jobTitle: i % 3 === 0 ? TARGET_TITLE : 'Field Marketing Manager',
        seniority: i % 2 === 0 ? 'VP' : 'Director',
        country: 'US',
        source: 'e2e-audience',
      }),
    );
  }
  return { accounts, contacts, targets: FIRST.filter((_, i) => i % 3 === 0).length };
}

let admin: ApiSession;
let data: Seeded;

beforeAll(async () => {
  admin = await signInAdminViaApi();
  data = await seed(admin);
});

async function segmentCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('segment-count').textContent()) ?? '';
  return /\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : -1;
}

describe('the segment builder', () => {
  const browser = browserForSuite(() => launch());

  it('counts live as filters are added, saves the segment and converts it to a list', async () => {
    const { page } = browser;
    await openApp(page, '/segments/new');
    // With no filter every contact matches.
    await eventually(() => segmentCount(page)).toBeGreaterThanOrEqual(FIRST.length);
    const everyone = await segmentCount(page);

    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^Job title/ }).click();
    const editor = page.getByRole('form', { name: 'Filter on Job title' });
    await editor.getByLabel('Value').fill(TARGET_TITLE);
    await editor.getByRole('button', { name: 'Apply' }).click();
    await eventually(() => segmentCount(page)).toBe(data.targets);
    expect(data.targets).toBeLessThan(everyone);
    const preview = page.getByRole('grid', { name: 'Segment preview' });
    await eventually(() => preview.locator('tbody tr[role="row"]').count()).toBe(data.targets);

    // A second condition narrows it again.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^Seniority/ }).click();
    const seniority = page.getByRole('form', { name: 'Filter on Seniority' });
    await seniority.getByLabel('VP', { exact: true }).click();
    await seniority.getByRole('button', { name: 'Apply' }).click();
    const vps = FIRST.filter((_, i) => i % 3 === 0 && i % 2 === 0).length;
    await eventually(() => segmentCount(page)).toBe(vps);
    // Removing it widens the count back.
    await page.getByRole('button', { name: /^Remove filter: Seniority/ }).click();
    await eventually(() => segmentCount(page)).toBe(data.targets);

    await page.getByRole('button', { name: 'Save segment' }).click();
    const save = page.getByRole('form', { name: 'Save segment' });
    await save.getByRole('button', { name: 'Save segment' }).click();
    await save.getByRole('alert').waitFor();
    await save.getByLabel('Name').fill('Revenue cartographers');
    await save.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { name: 'Revenue cartographers' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/segments\/[0-9a-f-]{36}$/);
    const saved = await admin.request<{ items: Segment[] }>('GET', '/api/segments');
    expect(saved.items.find((s) => s.name === 'Revenue cartographers')?.filter.conditions).toHaveLength(1);

    await page.getByRole('button', { name: 'Convert to list' }).click();
    const convert = page.getByRole('form', { name: 'Convert to a list' });
    await convert.getByLabel('List name').fill('Cartographers snapshot');
    await convert.getByRole('button', { name: 'Create list' }).click();
    await page.getByRole('heading', { name: 'Cartographers snapshot' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/lists\/[0-9a-f-]{36}$/);
    await eventually(async () => (await page.getByTestId('member-count').textContent()) ?? '').toBe(`${data.targets} members`);
    const members = page.getByRole('grid', { name: 'List members' });
    await eventually(() => members.locator('tbody tr[role="row"]').count()).toBe(data.targets);
  });

  it('removes list members only after a confirmation', async () => {
    const { page } = browser;
    const list = await admin.request<StaticList>('POST', '/api/lists', { name: 'Hand-picked VPs' });
    await admin.request('POST', `/api/lists/${list.id}/members`, { selection: { ids: data.contacts.slice(0, 3).map((c) => c.id) } });
    await openApp(page, `/lists/${list.id}`);
    const members = page.getByRole('grid', { name: 'List members' });
    await eventually(() => members.locator('tbody tr[role="row"]').count()).toBe(3);
    await members.getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Remove from list' }).click();
    const confirm = page.getByRole('alertdialog', { name: /^Remove 1 contact from/ });
    await confirm.getByRole('button', { name: 'Remove from list' }).click();
    await eventually(() => members.locator('tbody tr[role="row"]').count()).toBe(2);
    await eventually(async () => (await page.getByTestId('member-count').textContent()) ?? '').toBe('2 members');

    // The index shows the list with its count.
    await openApp(page, '/lists');
    const row = page.getByRole('grid', { name: 'Lists' }).getByRole('row').filter({ hasText: 'Hand-picked VPs' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2');
  });
});

describe('domain sets', () => {
  const browser = browserForSuite(() => launch());

  it('uploads pasted domains, reports normalization and matches, takes review decisions and lists the contacts', async () => {
    const { page } = browser;
    await openApp(page, '/domain-sets');
    await page.getByRole('button', { name: 'New domain set' }).first().click();
    const form = page.getByRole('form', { name: 'New domain set' });
    await form.getByLabel('Name').fill('Q3 target accounts');
    // A URL (exact domain: confirmed on its own), a company name and a subdomain (suggestions to
    // review), an unknown domain, a repeat of line 1 and a line that is neither.
    await form
      .getByLabel('Domains or companies')
      .fill([`https://www.${domainOf('Tidewater Beacon')}/about`, 'Kestrel Freight', `eu.${domainOf('Saltmarsh Robotics')}`, 'unheard-of-e2e.io', domainOf('Tidewater Beacon'), '@@@'].join('\n'));
    await form.getByRole('button', { name: 'Create and match' }).click();
    await page.getByRole('heading', { name: 'Q3 target accounts' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/domain-sets\/[0-9a-f-]{36}$/);

    await eventually(async () => (await page.getByTestId('matched-count').textContent()) ?? '').toBe('3');
    const contactsAt = (...companies: string[]) => data.contacts.filter((c) => companies.some((name) => c.email?.endsWith(`@${domainOf(name)}`))).length;
    expect(await page.getByTestId('contact-count').textContent()).toBe(String(contactsAt('Tidewater Beacon', 'Kestrel Freight', 'Saltmarsh Robotics')));

    const matched = page.getByRole('grid', { name: 'Matched entries' });
    const row = (text: string) => matched.getByRole('row').filter({ hasText: text });
    expect(await row('Tidewater Beacon').textContent()).toMatch(/Same domain.*Confirmed/);
    expect(await row('Kestrel Freight').textContent()).toMatch(/Same name.*To review/);
    expect(await row('Saltmarsh Robotics').textContent()).toMatch(/Parent domain.*To review/);

    await row('Kestrel Freight').getByRole('button', { name: /^Confirm match of/ }).click();
    await eventually(async () => (await row('Kestrel Freight').textContent()) ?? '').toContain('Confirmed');
    // A rejected match leaves the matched entries (and no longer brings its contacts).
    await row('Saltmarsh Robotics').getByRole('button', { name: /^Reject match of/ }).click();
    await row('Saltmarsh Robotics').waitFor({ state: 'detached' });
    await eventually(async () => (await page.getByTestId('matched-count').textContent()) ?? '').toBe('2');
    await eventually(async () => (await page.getByTestId('contact-count').textContent()) ?? '').toBe(String(contactsAt('Tidewater Beacon', 'Kestrel Freight')));

    await page.getByRole('tab', { name: /^Unmatched/ }).click();
    const unmatched = page.getByRole('grid', { name: 'Unmatched entries' });
    await unmatched.getByRole('row').filter({ hasText: 'unheard-of-e2e.io' }).waitFor();
    expect(await unmatched.getByRole('row').filter({ hasText: 'eu.saltmarshrobotics-e2e.com' }).textContent()).toContain('RejectedSaltmarsh Robotics');
    await page.getByRole('tab', { name: /^Invalid and duplicates/ }).click();
    const invalid = page.getByRole('region', { name: 'Invalid lines' });
    expect(await invalid.textContent()).toContain('@@@');
    const duplicates = page.getByRole('region', { name: 'Duplicate lines' });
    expect(await duplicates.textContent()).toContain('Same as line 1');

    const report = (await admin.request<{ items: Array<{ id: string; name: string }> }>('GET', '/api/domain-sets')).items.find((s) => s.name === 'Q3 target accounts')!;
    const full = await admin.request<DomainSetReport>('GET', `/api/domain-sets/${report.id}`);
    expect(full.matched.find((e) => e.accountName === 'Kestrel Freight')?.reviewStatus).toBe('confirmed');
    expect(full.unmatched.find((e) => e.accountName === 'Saltmarsh Robotics')?.reviewStatus).toBe('rejected');

    // The contacts at the matched accounts become a list.
    await page.getByRole('button', { name: 'Contacts to a list' }).click();
    const toList = page.getByRole('form', { name: 'Contacts to a list' });
    await toList.getByLabel('List name').fill('Q3 targets: people');
    await toList.getByRole('button', { name: 'Create list' }).click();
    await page.getByRole('heading', { name: 'Q3 targets: people' }).waitFor();
    const expected = contactsAt('Tidewater Beacon', 'Kestrel Freight');
    await eventually(async () => (await page.getByTestId('member-count').textContent()) ?? '').toBe(`${expected} members`);
  });
});

describe('the audience screens in light and dark', () => {
  const browser = browserForSuite(() => launch());
  let listId: string;
  let setId: string;
  beforeAll(async () => {
    listId = (await admin.request<StaticList>('POST', '/api/lists', { name: 'Screens' })).id;
    await admin.request('POST', `/api/lists/${listId}/members`, { selection: { ids: data.contacts.slice(0, 5).map((c) => c.id) } });
    setId = (
      await admin.request<DomainSetReport>('POST', '/api/domain-sets', {
        name: 'Screens',
        text: [domainOf('Saltmarsh Robotics'), 'Lanternfish Bio', 'nowhere-e2e.dev', 'not a domain at all !!', domainOf('Saltmarsh Robotics')].join('\n'),
      })
    ).set.id;
  });

  const screens = [
    { name: 'segment-builder', path: () => '/segments/new', ready: (page: Page) => page.getByRole('grid', { name: 'Segment preview' }).getByRole('row').nth(1).waitFor() },
    { name: 'lists', path: () => '/lists', ready: (page: Page) => page.getByRole('grid', { name: 'Lists' }).getByRole('row').nth(1).waitFor() },
    { name: 'list-detail', path: () => `/lists/${listId}`, ready: (page: Page) => page.getByRole('grid', { name: 'List members' }).getByRole('row').nth(1).waitFor() },
    { name: 'domain-sets', path: () => '/domain-sets', ready: (page: Page) => page.getByRole('grid', { name: 'Domain sets' }).getByRole('row').nth(1).waitFor() },
    { name: 'domain-set-report', path: () => `/domain-sets/${setId}`, ready: (page: Page) => page.getByRole('grid', { name: 'Matched entries' }).getByRole('row').nth(1).waitFor() },
  ];

  itShowsEachScreenCleanly(browser, { prefix: 'audience', screens });

  it('shows the filter editor of the builder cleanly', async () => {
    const { page } = browser;
    await openApp(page, '/segments/new');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /^In static list/ }).click();
    await page.getByRole('form', { name: 'Filter on In static list' }).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'audience', name: 'filter-editor' });
  });
});
