// Suppressions in a browser: add one (and see a bad value refused on its field), bulk-upload a
// few with the invalid line reported by number, search, check values, remove one after a
// confirmation; the consent panel on a contact records a change — and the screens pass axe-core
// in light and dark.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Contact } from '@shared/contracts/accounts';
import type { SuppressionListResponse } from '@shared/contracts/compliance';
import { expectNoSeriousA11yViolations } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { browserForSuite, eventually, expectCleanInBothThemes, itShowsEachScreenCleanly } from './support/suite';

const WAIT_MS = 45_000;

const launch = () => launchSignedIn('light', WAIT_MS);

const grid = (page: Page) => page.getByRole('grid', { name: 'Email suppressions' });
const rowFor = (page: Page, value: string) => grid(page).getByRole('row').filter({ hasText: value });

let admin: ApiSession;
let contact: Contact;

beforeAll(async () => {
  admin = await signInAdminViaApi();
  contact = await admin.request<Contact>('POST', '/api/contacts', {
    firstName: 'Consuela',
    lastName: 'Brightwater',
    email: 'consuela.brightwater@harborlight-e2e.com',
    country: 'US',
    source: 'e2e',
  });
  // A few entries already on the lists, so the table and the search have something to sift.
  await admin.request('POST', '/api/suppressions/bulk', {
    list: 'email',
    reason: 'unsubscribe',
    csv: ['early.bird@oldlist-e2e.com', 'second.wave@oldlist-e2e.com', 'spam-trap-e2e.net'].join('\n'),
  });
  await admin.request('POST', '/api/suppressions/bulk', { list: 'phone', reason: 'dnc_registry', csv: '+1 617 555 0142\n+1 212 555 0199' });
});

describe('the suppression list', () => {
  const browser = browserForSuite(() => launch());

  it('adds one entry, and refuses a value that is not an address on its field', async () => {
    const { page } = browser;
    await openApp(page, '/suppressions');
    await rowFor(page, 'early.bird@oldlist-e2e.com').waitFor();

    await page.getByRole('button', { name: 'Add suppression' }).first().click();
    const form = page.getByRole('form', { name: 'Add a suppression' });
    await form.getByLabel('Email address').fill('not an address');
    await form.getByRole('button', { name: 'Suppress' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toBeTruthy();

    await form.getByLabel('Email address').fill('  Ops.Lead@Quayside-E2E.com ');
    await form.getByRole('button', { name: 'Suppress' }).click();
    await form.waitFor({ state: 'hidden' });
    // Stored normalized: lower case, trimmed.
    await rowFor(page, 'ops.lead@quayside-e2e.com').waitFor();
    await expect.poll(() => rowFor(page, 'ops.lead@quayside-e2e.com').textContent()).toContain('Added by hand');
  });

  it('bulk-uploads pasted values and reports the invalid line by its number', async () => {
    const { page } = browser;
    await openApp(page, '/suppressions');
    await page.getByRole('button', { name: 'Bulk upload' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk upload to the email list' });
    await dialog.getByLabel('Paste addresses or domains').fill(['alpha.one@bulk-e2e.com', 'beta.two@bulk-e2e.com', 'definitely not valid', 'bulk-domain-e2e.org', 'alpha.one@bulk-e2e.com'].join('\n'));
    await dialog.getByRole('button', { name: 'Upload' }).click();
    const report = dialog.getByTestId('bulk-report');
    await report.waitFor();
    expect(await report.getByTestId('bulk-added').textContent()).toBe('3');
    expect(await report.getByTestId('bulk-invalid').textContent()).toBe('1');
    expect(await report.getByTestId('bulk-duplicates').textContent()).toBe('1');
    const invalidLines = report.getByRole('region', { name: 'Invalid lines' });
    expect(await invalidLines.getByRole('row').nth(1).textContent()).toMatch(/^3definitely not valid/);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await rowFor(page, 'bulk-domain-e2e.org').waitFor();
    expect(await rowFor(page, 'bulk-domain-e2e.org').textContent()).toContain('Domain');
  });

  it('searches the list, and the address says what was searched', async () => {
    const { page } = browser;
    await openApp(page, '/suppressions');
    await rowFor(page, 'early.bird@oldlist-e2e.com').waitFor();
    await page.getByLabel('Search the email list').fill('bulk-e2e');
    await eventually(() => grid(page).locator('tbody tr[role="row"]').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('q')).toBe('bulk-e2e');
    await page.getByLabel('Search the email list').fill('nothing-like-this-e2e');
    await page.getByText('Nothing matches').waitFor();

    // The phone tab holds the do-not-call list, searchable by digits.
    await openApp(page, '/suppressions?list=phone');
    const phones = page.getByRole('grid', { name: 'Do-not-call numbers' });
    await phones.getByRole('row').filter({ hasText: '+16175550142' }).waitFor();
    await page.getByLabel('Search the do-not-call list').fill('2125550199');
    await eventually(() => phones.locator('tbody tr[role="row"]').count()).toBe(1);
  });

  it('checks pasted values and says which are suppressed and why', async () => {
    const { page } = browser;
    await openApp(page, '/suppressions');
    await page.getByRole('button', { name: 'Check values' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check emails and phones' });
    await dialog.getByLabel('Emails and phone numbers').fill('someone@spam-trap-e2e.net\nfresh.contact@clean-e2e.com\n(617) 555-0142');
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    const result = dialog.getByTestId('check-result');
    await result.waitFor();
    expect(await result.getByRole('status').textContent()).toMatch(/3 checked · 2 suppressed · 0 unreadable/);
    const text = await result.textContent();
    expect(text).toContain('someone@spam-trap-e2e.net');
    expect(text).toContain('spam-trap-e2e.net');
    expect(text).not.toContain('fresh.contact@clean-e2e.com');
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  });

  it('removes an entry only after a confirmation', async () => {
    const { page } = browser;
    await openApp(page, '/suppressions');
    const row = rowFor(page, 'second.wave@oldlist-e2e.com');
    await row.waitFor();
    await row.getByRole('button', { name: 'Remove second.wave@oldlist-e2e.com' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove second.wave@oldlist-e2e.com?' });
    // Cancelling keeps it.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Remove second.wave@oldlist-e2e.com' }).click();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
    const left = await admin.request<SuppressionListResponse>('GET', '/api/suppressions?list=email&q=second.wave');
    expect(left.items).toEqual([]);
  });
});

describe('the consent panel on a contact', () => {
  const browser = browserForSuite(() => launch());

  it('records a consent change with its source and evidence, and keeps it in the history', async () => {
    const { page } = browser;
    await openApp(page, `/contacts/${contact.id}`);
    const email = page.getByTestId('consent-email');
    await email.getByText('Unknown').waitFor();
    await email.getByRole('button', { name: 'Change email consent' }).click();
    const form = page.getByRole('form', { name: 'Record a consent change' });
    await form.getByRole('button', { name: 'Record' }).click();
    await form.getByText('Say where the consent came from.').waitFor();
    await form.getByLabel('Source').fill('Webinar registration form');
    await form.getByLabel('Evidence').fill('https://forms.example.com/submissions/4821');
    await form.getByRole('button', { name: 'Record' }).click();
    await form.waitFor({ state: 'hidden' });
    await email.getByText('Opted in').waitFor();
    expect(await email.textContent()).toContain('Webinar registration form');
    const history = page.getByRole('list', { name: 'Consent history' });
    expect(await history.getByRole('listitem').count()).toBe(1);
    expect(await page.getByTestId('consent-phone').textContent()).toContain('Unknown');
  });
});

describe('the compliance screens in light and dark', () => {
  const browser = browserForSuite(() => launch());

  const screens = [
    { name: 'suppressions-email', path: () => '/suppressions', ready: (page: Page) => grid(page).getByRole('row').nth(1).waitFor() },
    {
      name: 'suppressions-phone',
      path: () => '/suppressions?list=phone',
      ready: (page: Page) => page.getByRole('grid', { name: 'Do-not-call numbers' }).getByRole('row').nth(1).waitFor(),
    },
    { name: 'contact-consent', path: () => `/contacts/${contact.id}`, ready: (page: Page) => page.getByTestId('consent-email').waitFor() },
  ];

  itShowsEachScreenCleanly(browser, { prefix: 'compliance', screens });

  it('shows the add dialog cleanly', async () => {
    const { page } = browser;
    await openApp(page, '/suppressions');
    await grid(page).getByRole('row').nth(1).waitFor();
    await page.getByRole('button', { name: 'Add suppression' }).first().click();
    await page.getByRole('form', { name: 'Add a suppression' }).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'compliance', name: 'add-dialog' });
  });
});
