// The first run, end to end in a browser, on a stack of its own (fresh database): the default
// admin must change the password, creates a user with two roles, and that user sees only what
// those roles allow.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { E2E_STACK_ENV } from './support/api-session';
import { expectNoSeriousA11yViolations, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { signIn, signOut } from './support/session';

const NEW_ADMIN_PASSWORD = 'Quiet-Meadow-Compass-7';
const ANALYST = {
  firstName: 'Priya',
  lastName: 'Raman',
  username: 'priya.raman',
  email: 'priya.raman@northwind-demand.com',
  password: 'Copper-Kettle-Sunrise-19',
};

async function sidebarLabels(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  return (await links.allTextContents()).map((text) => text.trim());
}

describe('identity in the browser, from a fresh database', () => {
  let stack: LocalStack;
  let dataDir: string;
  let browser: BrowserSession;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-e2e-identity-'));
    stack = await startLocalStack({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      // The shortest access token the API allows, so a test can outlive one.
      env: { ...E2E_STACK_ENV, ACCESS_TOKEN_TTL_SECONDS: '30' },
      spa: 'prebuilt',
      ephemeral: true,
      fastRetries: true,
    });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a wrong password with one clear sentence', async () => {
    const { page } = browser;
    await signIn(page, { username: 'admin', password: 'not-the-password' }, { baseUrl: stack.url, expect: 'nothing' });
    const error = page.getByTestId('sign-in-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('Username or password is incorrect.');
    // The same answer for a name that does not exist.
    await signIn(page, { username: 'nobody-here', password: 'whatever-it-is' }, { baseUrl: stack.url, expect: 'nothing' });
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toContain('Username or password is incorrect.');
    await expectNoSeriousA11yViolations(page);
  });

  it('forces the default admin to choose a new password, explaining the policy as they type', async () => {
    const { page } = browser;
    await signIn(page, { username: 'admin', password: 'Admin123!' }, { baseUrl: stack.url, expect: 'password-change' });
    await screenshot(page, 'identity-forced-password-change');
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Current password').fill('Admin123!');
    await page.getByLabel('New password', { exact: true }).fill('admin-short');
    await page.getByLabel('Confirm new password').fill('admin-short');
    const rules = page.getByRole('list', { name: 'Password rules' });
    expect(await rules.textContent()).toContain('At least 12 characters (not yet)');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    // Refused in the browser: still on the change screen, with the reasons on the field.
    await expect.poll(() => page.getByTestId('password-change').isVisible()).toBe(true);
    const newPasswordError = page.locator('#' + (await page.getByLabel('New password', { exact: true }).getAttribute('aria-describedby'))!);
    expect(await newPasswordError.textContent()).toMatch(/at least 12 characters|must not contain your username/);

    await page.getByLabel('New password', { exact: true }).fill(NEW_ADMIN_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_ADMIN_PASSWORD);
    expect(await rules.textContent()).not.toContain('(not yet)');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByTestId('app-shell').waitFor({ state: 'visible' });
    // The exact lists are the product's access decisions: a new page updates them here, on purpose.
    expect(await sidebarLabels(page)).toEqual([
      'Dashboard',
      'Accounts',
      'Contacts',
      'My tasks',
      'Orders',
      'Imports',
      'Segments',
      'Lists',
      'Domain sets',
      'Campaigns',
      'Templates',
      'Call campaigns',
      'Agent console',
      'Auto-dialer',
      'Lead QA',
      'Lead reports',
      'Content',
      'Social',
      'Suppressions',
      'Users',
      'Contact policy',
      'Email',
      'Telephony',
      'Leads',
      'Resources Centre',
      'Design system',
    ]);
  });

  it('carries on past an expired access token by refreshing it once, silently', async () => {
    const { page } = browser;
    await page.waitForTimeout(31_000);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('row').filter({ hasText: 'admin@crm.local' }).waitFor();
    expect(await page.getByTestId('app-shell').isVisible()).toBe(true);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  });

  it('lets the admin create a user with two roles, checking the form first', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create user' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create user' });
    await dialog.waitFor();

    // Nothing filled in: every required field says why.
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => dialog.getByText('choose at least one role').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText('must be a valid email address').isVisible()).toBe(true);

    await dialog.getByLabel('First name').fill(ANALYST.firstName);
    await dialog.getByLabel('Last name').fill(ANALYST.lastName);
    await dialog.getByRole('textbox', { name: 'Username', exact: true }).fill(ANALYST.username);
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill(ANALYST.email);
    await dialog.getByLabel('Temporary password').fill(ANALYST.password);
    await dialog.getByRole('checkbox', { name: /Campaign manager/ }).click();
    await dialog.getByRole('checkbox', { name: /Quality analyst/ }).click();
    await dialog.getByRole('checkbox', { name: /choose their own password/ }).click();
    await screenshot(page, 'identity-create-user-dialog');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row').filter({ hasText: ANALYST.username });
    await row.waitFor();
    expect(await row.textContent()).toContain('Campaign manager');
    expect(await row.textContent()).toContain('Quality analyst');
    expect(await row.textContent()).toContain('Active');

    // The audit trail names who created the user.
    await row.getByRole('button', { name: `Actions for ${ANALYST.firstName} ${ANALYST.lastName}` }).click();
    await page.getByRole('menuitem', { name: 'Audit trail' }).click();
    const entry = page.getByTestId('audit-entry').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Created the user');
    expect(await entry.textContent()).toContain('by Admin User');
    await screenshot(page, 'identity-audit-trail');
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');

    // A second user with the same username is refused by the API, said on the form.
    await page.getByRole('button', { name: 'Create user' }).first().click();
    await dialog.getByLabel('First name').fill('Another');
    await dialog.getByLabel('Last name').fill('Person');
    await dialog.getByRole('textbox', { name: 'Username', exact: true }).fill(ANALYST.username);
    await dialog.getByRole('textbox', { name: 'Email', exact: true }).fill('another.person@northwind-demand.com');
    await dialog.getByLabel('Temporary password').fill('Velvet-Harbour-Lamp-88');
    await dialog.getByRole('checkbox', { name: /^Agent/ }).click();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(async () => (await dialog.textContent()) ?? '').toMatch(/taken|already|exists/i);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('edits, deactivates and reactivates a user, each change on the audit trail', async () => {
    const { page } = browser;
    const row = page.getByRole('row').filter({ hasText: ANALYST.username });
    const actions = row.getByRole('button', { name: /^Actions for / });

    await actions.click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${ANALYST.firstName} ${ANALYST.lastName}` });
    await edit.getByLabel('Last name').fill('');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('is required').waitFor();
    await edit.getByLabel('Last name').fill('Raman-Iyer');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('Priya Raman-Iyer').waitFor();

    await actions.click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Deactivate Priya Raman-Iyer?' });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Deactivated').waitFor();
    // Filtered by status, the list shows only her.
    await page.getByRole('combobox', { name: 'Filter by status' }).click();
    await page.getByRole('option', { name: 'Deactivated' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);

    await actions.click();
    await page.getByRole('menuitem', { name: 'Reactivate' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await row.getByText('Active', { exact: true }).waitFor();

    await actions.click();
    await page.getByRole('menuitem', { name: 'Audit trail' }).click();
    const entries = page.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.nth(0).textContent()).toContain('Reactivated the user');
    expect(await entries.nth(1).textContent()).toContain('Deactivated the user');
    expect(await entries.nth(2).textContent()).toMatch(/Edited the profile.*Last name.*Raman.*Raman-Iyer/);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Audit trail' }).waitFor({ state: 'hidden' });
    await signOut(page);
  });

  it('shows the new user only the pages their roles allow', async () => {
    const { page } = browser;
    await signIn(page, { username: ANALYST.username, password: ANALYST.password }, { baseUrl: stack.url });
    // Campaign manager + quality analyst: the workspace pages, none of the admin settings.
    expect(await sidebarLabels(page)).toEqual(['Dashboard', 'Accounts', 'Contacts', 'My tasks', 'Orders', 'Imports', 'Segments', 'Lists', 'Domain sets', 'Campaigns', 'Templates', 'Call campaigns', 'Agent console', 'Auto-dialer', 'Lead QA', 'Lead reports', 'Content', 'Social', 'Suppressions', 'Contact policy', 'Email', 'Leads']);
    await page.getByRole('heading', { level: 1, name: /Priya/ }).waitFor();
    await screenshot(page, 'identity-analyst-dashboard');

    await page.goto(new URL('/settings/users', stack.url).href);
    await page.getByTestId('not-allowed').waitFor({ state: 'visible' });
    expect(await page.getByTestId('not-allowed').textContent()).toContain("You don't have access to this page");
    await screenshot(page, 'identity-not-allowed');
    await expectNoSeriousA11yViolations(page);
    // The API agrees: the same session token is refused the admin list.
    const status = await page.evaluate(async () => {
      const refreshed = await fetch('/api/auth/refresh', { method: 'POST' });
      const { accessToken } = (await refreshed.json()) as { accessToken: string };
      return (await fetch('/api/users', { headers: { authorization: `Bearer ${accessToken}` } })).status;
    });
    expect(status).toBe(403);
  });

  it('lets a user change their own password from the user menu', async () => {
    const { page } = browser;
    await page.goto(new URL('/', stack.url).href);
    await page.getByRole('button', { name: /user menu/i }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.waitFor();
    // A wrong current password comes back from the API onto its field.
    await dialog.getByLabel('Current password').fill('Not-My-Password-0');
    await dialog.getByLabel('New password', { exact: true }).fill('Harbour-Lights-Evening-5');
    await dialog.getByLabel('Confirm new password').fill('Harbour-Lights-Evening-5');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('is not correct').waitFor();
    await screenshot(page, 'identity-change-password-dialog');
    await expectNoSeriousA11yViolations(page);

    await dialog.getByLabel('Current password').fill(ANALYST.password);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await signOut(page);
    await signIn(page, { username: ANALYST.email, password: 'Harbour-Lights-Evening-5' }, { baseUrl: stack.url });
    await signOut(page);
  });

  it('locks an account after five wrong passwords and says until when', async () => {
    const { page } = browser;
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, { username: ANALYST.username, password: `wrong-guess-${attempt}` }, { baseUrl: stack.url, expect: 'nothing' });
      await page.getByTestId('sign-in-error').waitFor();
    }
    const message = (await page.getByTestId('sign-in-error').textContent()) ?? '';
    expect(message).toMatch(/Too many failed sign-ins: try again in \d+ minutes\./);
    expect(message).toMatch(/You can sign in again at \d{1,2}:\d{2}/);
    await screenshot(page, 'identity-locked-out');
    // Even the right password waits for the lock to end.
    await signIn(page, { username: ANALYST.username, password: 'Harbour-Lights-Evening-5' }, { baseUrl: stack.url, expect: 'nothing' });
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('Too many failed sign-ins');
  });
});
