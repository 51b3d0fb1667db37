// Suppression on contacts in a browser: once an address and a phone are on the suppression list,
// the contacts table and the contact page show "Email suppressed" and "DNC", the reason in the
// badge's title — and the screens pass axe-core in light and dark.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Contact } from '@shared/contracts/accounts';
import { expectNoSeriousA11yViolations, openBrowser, screenshot } from './support/browser';
import { openApp, signInAsAdmin, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { eventually } from './support/suite';

vi.setConfig({ testTimeout: 180_000 });

const WAIT_MS = 45_000;
const LAST_NAME = 'Quillfeather';

let admin: ApiSession;
let suppressed: Contact;
let clean: Contact;

beforeAll(async () => {
  admin = await signInAdminViaApi();
  suppressed = await admin.request<Contact>('POST', '/api/contacts', {
    firstName: 'Opal',
    lastName: LAST_NAME,
    email: 'opal.quillfeather@stillwater-e2e.com',
    mobilePhone: '+1 303 555 0177',
    source: 'e2e',
  });
  clean = await admin.request<Contact>('POST', '/api/contacts', {
    firstName: 'Reed',
    lastName: LAST_NAME,
    email: 'reed.quillfeather@stillwater-e2e.com',
    source: 'e2e',
  });
  await admin.request('POST', '/api/suppressions', { type: 'email', value: 'opal.quillfeather@stillwater-e2e.com', reason: 'bounce' });
  await admin.request('POST', '/api/suppressions', { type: 'phone', value: '+1 303 555 0177', reason: 'dnc_registry' });
});

describe('suppression badges on contacts', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows them in the table and on the contact page (${colorScheme})`, async () => {
      const browser = await openBrowser({ colorScheme });
      try {
        const { page } = browser;
        page.setDefaultTimeout(WAIT_MS);
        await signInAsAdmin(page);
        await openApp(page, `/contacts?q=${LAST_NAME}`);
        const grid = page.getByRole('grid', { name: 'Contacts' });
        await eventually(() => grid.locator('tbody tr[role="row"]').count()).toBe(2);

        const opal = grid.getByRole('row').filter({ hasText: 'Opal' });
        const emailBadge = opal.getByText('Email suppressed', { exact: true });
        await emailBadge.waitFor();
        expect(await emailBadge.getAttribute('title')).toBe('Email suppressed: Bounced');
        expect(await opal.getByText('DNC', { exact: true }).getAttribute('title')).toBe('Phone suppressed: DNC registry');
        const reed = grid.getByRole('row').filter({ hasText: 'Reed' });
        await reed.waitFor();
        expect(await reed.getByText('Email suppressed').count()).toBe(0);
        expect(await reed.getByText('DNC', { exact: true }).count()).toBe(0);
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `contacts-suppression-badges-${colorScheme}`);

        await openApp(page, `/contacts/${suppressed.id}`);
        await page.getByText('Email suppressed', { exact: true }).first().waitFor();
        await page.getByText('DNC', { exact: true }).first().waitFor();
        await expectNoSeriousA11yViolations(page);
        await screenshot(page, `contact-detail-suppression-${colorScheme}`);

        await openApp(page, `/contacts/${clean.id}`);
        await page.getByRole('list', { name: 'Field history' }).waitFor();
        expect(await page.getByText('Email suppressed', { exact: true }).count()).toBe(0);
      } finally {
        await browser.close();
      }
    });
  }
});
