// Every screen built from the record screens and the form kit, in light and dark: the account
// and contact lists and pages, their create and edit dialogs, and the kit's other dialogs (a
// list's name, a domain set, a suppression, a user, a password). Each passes axe-core and leaves
// a screenshot; a refused create shows its field errors on the fields.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import type { Account, Contact } from '@shared/contracts/accounts';
import { launchSignedIn, openApp } from './support/session';
import { signInViaApi, type ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';
import { expectCleanInBothThemes } from './support/suite';

vi.setConfig({ testTimeout: 300_000 });

const WAIT_MS = 45_000;

let admin: ApiSession;
let account: Account;
let contact: Contact;

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
  account = await admin.request<Account>('POST', '/api/accounts', {
    name: 'Wrenfield Instruments',
    domain: 'wrenfield-e2e.com',
    website: 'https://wrenfield-e2e.com',
    industry: 'Industrial Sensors',
    employeeRange: '201-500',
    city: 'Rotterdam',
    country: 'NL',
    description: 'Makes tide gauges and harbour sensors.',
    source: 'e2e',
  });
  contact = await admin.request<Contact>('POST', '/api/contacts', {
    firstName: 'Isolde',
    lastName: 'Wrenfield',
    email: 'isolde.wrenfield@wrenfield-e2e.com',
    jobTitle: 'Head of Procurement',
    seniority: 'Director',
    directPhone: '+31 10 555 0142',
    consentStatus: 'opted-in',
    country: 'NL',
    accountId: account.id,
    source: 'e2e',
  });
});

/** Checks the open screen with axe in light and dark and keeps a screenshot of each. */
const look = (page: Page, name: string) => expectCleanInBothThemes(page, { prefix: 'record-screens', name });

async function openDialog(page: Page, button: string, dialog: string | RegExp) {
  await page.getByRole('button', { name: button }).first().click();
  const opened = page.getByRole('dialog', { name: dialog });
  await opened.waitFor();
  return opened;
}

/** Opens the dialog behind `button`, checks and shoots it, and closes it with Escape. */
async function lookAtDialog(page: Page, button: string, dialog: string | RegExp, name: string) {
  await openDialog(page, button, dialog);
  await look(page, name);
  await page.keyboard.press('Escape');
}

describe('the record screens and the form dialogs', () => {
  it('pass axe-core and look right in light and dark', async () => {
    const browser = await launchSignedIn('light', WAIT_MS);
    try {
      const { page } = browser;
      await openApp(page, '/accounts?q=wrenfield-e2e.com');
      await page.getByTestId('account-card').first().waitFor();
      await look(page, 'accounts-cards');
      await openApp(page, '/accounts?view=table&q=wrenfield-e2e.com');
      await page.getByRole('grid', { name: 'Accounts' }).locator('tbody tr[role="row"]').first().waitFor();
      await look(page, 'accounts-table');

      const create = await openDialog(page, 'New account', 'New account');
      await create.getByRole('button', { name: 'Create account' }).click();
      await create.getByText('is required').waitFor();
      expect(await create.getByLabel('Company name').getAttribute('aria-invalid')).toBe('true');
      await look(page, 'account-new');
      await page.keyboard.press('Escape');

      await openApp(page, `/accounts/${account.id}`);
      await page.getByRole('grid', { name: `Contacts at ${account.name}` }).locator('tbody tr[role="row"]').first().waitFor();
      await page.getByRole('list', { name: 'Field history' }).waitFor();
      await look(page, 'account-detail');
      const edit = await openDialog(page, 'Edit', `Edit ${account.name}`);
      expect(await edit.getByLabel('Company name').inputValue()).toBe(account.name);
      expect(await edit.getByLabel('Description').inputValue()).toBe('Makes tide gauges and harbour sensors.');
      await look(page, 'account-edit');
      await page.keyboard.press('Escape');

      await openApp(page, '/contacts?q=wrenfield');
      await page.getByRole('grid', { name: 'Contacts' }).locator('tbody tr[role="row"]').first().waitFor();
      await look(page, 'contacts-table');
      await openApp(page, `/contacts/${contact.id}`);
      await page.getByRole('list', { name: 'Field history' }).waitFor();
      await look(page, 'contact-detail');
      const editContact = await openDialog(page, 'Edit', 'Edit Isolde Wrenfield');
      expect(await editContact.getByLabel('Email').inputValue()).toBe('isolde.wrenfield@wrenfield-e2e.com');
      await editContact.getByText(account.name).first().waitFor();
      await look(page, 'contact-edit');
      await page.keyboard.press('Escape');

      await openApp(page, '/lists');
      const list = await openDialog(page, 'New list', 'New list');
      await list.getByRole('button', { name: /Create|Save/ }).last().click();
      await list.getByRole('alert').first().waitFor();
      await look(page, 'list-name');
      await page.keyboard.press('Escape');

      await openApp(page, '/domain-sets');
      await lookAtDialog(page, 'New domain set', 'New domain set', 'domain-set-new');

      await openApp(page, '/suppressions');
      await lookAtDialog(page, 'Add suppression', /Suppress an address or domain/, 'suppression-add');
      await lookAtDialog(page, 'Check values', 'Check emails and phones', 'suppression-check');

      await openApp(page, '/settings/users');
      await lookAtDialog(page, 'Create user', 'Create user', 'user-new');

      await page.getByRole('button', { name: /user menu/i }).click();
      await page.getByRole('menuitem', { name: 'Change password' }).click();
      await page.getByRole('dialog', { name: 'Change password' }).waitFor();
      await look(page, 'change-password');
      await page.keyboard.press('Escape');
    } finally {
      await browser.close();
    }
  });
});
