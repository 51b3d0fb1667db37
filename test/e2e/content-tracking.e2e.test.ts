// A contact's tracking URL end to end, on the suite's stack: a landing-copy asset, a contact and
// an email campaign made through the API; the asset attached to the campaign from the asset page's
// "Used by campaigns" card; the contact's URL made from the contact page's "Content link"; the URL
// followed in the browser (it lands on the copy's page with the UTM parameters); the click then on
// the contact's timeline and in the asset's report. Both themes are axe-clean, with screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Contact } from '@shared/contracts/accounts';
import type { Campaign } from '@shared/contracts/email';
import type { AssetView } from '@shared/contracts/content';
import type { AssetReport } from '@shared/contracts/content-tracking';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp } from './support/session';
import { signInViaApi, type ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';
import { eventually, isDark } from './support/suite';

const WAIT_MS = 30_000;
const DOMAIN = 'content-tracking-e2e.com';
/** A person's browser: headless Chromium announces itself as such, and is counted as a bot. */
const PERSON_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('following a contact’s tracking URL', () => {
  let admin: ApiSession;
  let contact: Contact;
  let asset: AssetView;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
    const account = await admin.request<Account>('POST', '/api/accounts', { name: 'Tracking Works', domain: DOMAIN, country: 'US', source: 'e2e-content' });
    contact = await admin.request<Contact>('POST', '/api/contacts', {
      accountId: account.id,
      firstName: 'Tess',
      lastName: 'Linkfield',
      email: `tess@${DOMAIN}`,
      country: 'US',
      source: 'e2e-content',
    });
    await admin.request<Campaign>('POST', '/api/email/campaigns', { name: 'Q1 Intent Nurture (e2e)' });
    asset = await admin.request<AssetView>('POST', '/api/content/assets', {
      type: 'landing_copy',
      title: 'Why intent data wins',
      body: 'Intent data shows who is in market.\n\nRead on to see how three teams used it.',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('attaches the asset, makes the link, follows it and sees the click on the timeline and in the report (light)', async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    const { page } = browser;

    // Attach the asset to the campaign from its page.
    await openApp(page, `/content/assets/${asset.id}`);
    await page.getByRole('tab', { name: 'Usage' }).click();
    const usage = page.getByRole('region', { name: 'Used by campaigns' });
    await usage.getByText('Not used by any campaign').waitFor();
    await usage.getByRole('button', { name: /Campaign to attach/ }).click();
    await page.getByRole('combobox', { name: 'Search campaigns' }).fill('Q1 Intent');
    await page.getByRole('option', { name: /Q1 Intent Nurture \(e2e\)/ }).click();
    await usage.getByRole('button', { name: 'Attach', exact: true }).click();
    await usage.getByRole('list', { name: 'Campaigns using this asset' }).getByRole('link', { name: 'Q1 Intent Nurture (e2e)' }).waitFor();

    // The contact's link, from the contact page.
    await openApp(page, `/contacts/${contact.id}`);
    await page.getByRole('button', { name: 'Content link' }).click();
    const dialog = page.getByRole('dialog', { name: /Content link for Tess Linkfield/ });
    await dialog.getByRole('combobox', { name: /Asset/ }).click();
    await page.getByRole('option', { name: /Why intent data wins/ }).click();
    await dialog.getByRole('button', { name: /Campaign/ }).click();
    await page.getByRole('combobox', { name: 'Search campaigns' }).fill('Q1 Intent');
    await page.getByRole('option', { name: /Q1 Intent Nurture \(e2e\)/ }).click();
    await dialog.getByRole('button', { name: 'Get link' }).click();
    const urlBox = dialog.getByRole('textbox', { name: 'Tracking URL' });
    await urlBox.waitFor();
    const url = await urlBox.inputValue();
    expect(url).toMatch(/\/r\/[0-9A-Za-z]{10}\.[A-Za-z0-9_-]{16}$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-link-dialog-light');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Follow it as a person would: it lands on the copy's page, carrying the UTM parameters.
    const visit = await browser.context.newPage();
    // For the redirect's request too (an extra header would not follow it).
    await (await browser.context.newCDPSession(visit)).send('Network.setUserAgentOverride', { userAgent: PERSON_UA });
    await visit.goto(url);
    await visit.getByRole('heading', { name: 'Why intent data wins' }).waitFor();
    const landed = new URL(visit.url());
    expect(landed.pathname).toBe(`${new URL(url).pathname}/view`);
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      utm_source: 'pivotal',
      utm_medium: 'email',
      utm_campaign: 'q1-intent-nurture-e2e',
      utm_content: 'why-intent-data-wins',
    });
    await expectNoSeriousA11yViolations(visit);
    await screenshot(visit, 'content-landing-light');
    await visit.close();

    // The click on the contact's timeline…
    await page.reload();
    const activity = page.getByRole('list', { name: 'Contact activity' });
    await activity.getByText('Opened “Why intent data wins” from a content link').waitFor();
    await activity.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-click-timeline-light');

    // …and in the asset's report.
    await eventually(async () => (await admin.request<AssetReport>('GET', `/api/content/assets/${asset.id}/report`)).totals).toMatchObject({ clicks: 1, clickers: 1, views: 1, automated: 0 });
    await openApp(page, `/content/assets/${asset.id}`);
    await page.getByRole('tab', { name: 'Report' }).click();
    const report = page.getByRole('region', { name: 'Report' });
    await report.getByRole('table', { name: 'Clicks and leads by campaign' }).getByRole('row', { name: /Q1 Intent Nurture \(e2e\)/ }).waitFor();
    expect(await isDark(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-asset-report-light');
    await browser.close();
    browser = undefined;
  }, 240_000);

  it('shows the asset’s usage and report and the contact’s timeline cleanly in dark mode', async () => {
    browser = await launchSignedIn('dark', WAIT_MS);
    const { page } = browser;
    await openApp(page, `/content/assets/${asset.id}`);
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByRole('region', { name: 'Report' }).getByRole('table', { name: 'Clicks and leads by campaign' }).waitFor();
    expect(await isDark(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-asset-report-dark');
    await openApp(page, `/contacts/${contact.id}`);
    const activity = page.getByRole('list', { name: 'Contact activity' });
    await activity.getByText('Opened “Why intent data wins” from a content link').waitFor();
    await activity.scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-click-timeline-dark');
  }, 120_000);
});
