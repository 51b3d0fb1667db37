// The activity of a record and the contact policy: a note (with a mention) and a task added on a
// contact show on the contact's and its account's timelines; the task is completed from My tasks;
// a stricter policy lowers the reachable count a segment shows. Light and dark, axe-clean.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { PolicyVersion } from '@shared/contracts/activity';
import { expectNoSeriousA11yViolations } from './support/browser';
import { launchSignedIn, openApp } from './support/session';
import { signInViaApi, type ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';
import { browserForSuite, expectCleanInBothThemes } from './support/suite';

const WAIT_MS = 45_000;
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });
const DOMAIN = 'timeline-e2e.com';

let admin: ApiSession;
let account: Account;
let contact: Contact;

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
  account = await admin.request<Account>('POST', '/api/accounts', { name: 'Timeline Works', domain: DOMAIN, country: 'US', source: 'e2e-activity' });
  contact = await admin.request<Contact>('POST', '/api/contacts', {
    accountId: account.id,
    firstName: 'Rosa',
    lastName: 'Timewell',
    email: `rosa@${DOMAIN}`,
    country: 'US',
    source: 'e2e-activity',
  });
  await admin.request<Contact>('POST', '/api/contacts', { accountId: account.id, firstName: 'Ivo', lastName: 'Timewell', email: `ivo@${DOMAIN}`, country: 'US', source: 'e2e-activity' });
  // Rosa was emailed twice today (logged touches): a one-email-a-week limit leaves her out.
  for (let i = 0; i < 2; i++) await admin.request('POST', `/api/contacts/${contact.id}/touches`, { channel: 'email', kind: 'sent', summary: `Newsletter ${i + 1}` });
});

describe('activity and the contact policy', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it('adds a note and a task on a contact, sees both on the account, and completes the task from My tasks', async () => {
    const { page } = browser;
    const noteText = 'Asked for pricing';
    const taskTitle = 'Send pricing to Rosa';
    await openApp(page, `/contacts/${contact.id}`);
    const activity = page.locator('#contact-activity');
    await activity.getByRole('textbox', { name: 'New note' }).fill(`${noteText} cc @`);
    await page.getByRole('option').first().click();
    await activity.getByRole('button', { name: 'Add note' }).click();
    await activity.getByText(noteText).waitFor();
    // The logged emails are on the timeline too.
    await activity.getByText('Newsletter 2').waitFor();

    await activity.getByRole('button', { name: 'Add task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('textbox', { name: /^Title/ }).fill(taskTitle);
    await expectCleanInBothThemes(page, { prefix: 'activity', name: 'task-dialog' });
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await dialog.waitFor({ state: 'detached' });
    await activity.getByText(`Task: ${taskTitle}`).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'activity', name: 'contact' });

    await openApp(page, `/accounts/${account.id}`);
    const accountActivity = page.locator('#account-activity');
    await accountActivity.getByText(noteText).waitFor();
    await accountActivity.getByText(`Task: ${taskTitle}`).waitFor();
    await accountActivity.getByRole('link', { name: 'Rosa Timewell' }).first().waitFor();

    await openApp(page, '/tasks');
    await page.getByRole('tab', { name: /Upcoming/ }).click();
    const row = page.locator('li', { hasText: taskTitle });
    await row.getByRole('checkbox', { name: `Complete ${taskTitle}` }).click();
    await page.getByText('Task completed.').waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /Done/ }).click();
    await page.locator('li', { hasText: taskTitle }).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'activity', name: 'my-tasks' });
  });

  it('lowers the reachable count of a segment when the policy gets stricter', async () => {
    const { page } = browser;
    // Start from no rules (another file on the stack may have left some).
    const current = await admin.request<PolicyVersion>('GET', '/api/policy');
    await admin.request('PUT', '/api/policy', { rules: { limits: [], quietPeriods: [], accountCaps: [] }, basedOn: current.version });

    const segment = await admin.request<{ id: string }>('POST', '/api/segments', {
      name: 'Timewells',
      filter: { type: 'and', conditions: [{ field: 'lastName', op: 'eq', value: 'Timewell' }] },
    });
    await openApp(page, `/segments/${segment.id}`);
    await eventually(() => page.getByTestId('segment-count').textContent()).toBe('2');
    await page.getByRole('button', { name: 'Check by email and phone' }).click();
    await eventually(() => page.getByTestId('reachable-email').textContent()).toBe('2');

    await openApp(page, '/settings/contact-policy');
    await page.getByRole('button', { name: 'Add limit' }).click();
    await page.getByRole('spinbutton', { name: 'Limit 1: attempts' }).fill('1');
    await expectCleanInBothThemes(page, { prefix: 'activity', name: 'contact-policy' });
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText(/Contact policy saved as version \d+\./).waitFor();

    await openApp(page, `/segments/${segment.id}`);
    await page.getByRole('button', { name: 'Check by email and phone' }).click();
    await eventually(() => page.getByTestId('reachable-email').textContent()).toBe('1');
    await expectNoSeriousA11yViolations(page);
  });
});
