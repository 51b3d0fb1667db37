// Settings → Email in the browser: an admin adds a sending domain, sees its DKIM records (and
// copies them as a zone file), checks it now until verified (the local SES stand-in verifies
// at once), creates a warm-up plan and a sender profile from that domain, and learns why a
// tracking domain cannot be added while no tracking host is configured; a campaign manager sees
// the same page read-only. Every tab axe-clean in light and dark, with screenshots.
import { copyFile, mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SenderProfile } from '@shared/contracts/email';
import { expectNoSeriousA11yViolations, openBrowser, screenshot } from './support/browser';
import { signInViaApi, type ApiSession } from './support/api-session';
import { launchSignedIn, openApp, signIn } from './support/session';
import { browserForSuite, eventually, expectCleanInBothThemes } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 30_000;
const DOMAIN = 'news-e2e.example';
const PLAN = 'Three weeks (e2e)';
const PROFILE = 'E2E newsletter';
const MANAGER = { username: 'mina.settings', password: 'Copper-Valley-Signal-58' };
const SHOTS = '/tmp/email-settings-screens';

let admin: ApiSession;

beforeAll(async () => {
  admin = await signInViaApi(e2eStack().baseUrl, { login: e2eStack().adminUsername, password: e2eStack().adminPassword });
  await admin.request('POST', '/api/users', {
    firstName: 'Mina',
    lastName: 'Settings',
    username: MANAGER.username,
    email: 'mina.settings@northwind-demand.com',
    password: MANAGER.password,
    roles: ['campaign_manager'],
    mustChangePassword: false,
  });
});

/** A screenshot in the suite's folder, copied under /tmp for review. */
async function shoot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, `email-settings-${name}`);
  await mkdir(SHOTS, { recursive: true });
  await copyFile(file, `${SHOTS}/${name}.png`);
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });

describe('an admin setting up email', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it('adds a sending domain, sees its DKIM records, copies them as a zone file and checks it until verified', async () => {
    const { page, context } = browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2eStack().baseUrl });
    await openApp(page, '/settings/email');
    await page.getByRole('heading', { name: 'Email', level: 1 }).waitFor();
    // Other files of the suite share the stack and may have added domains of their own.
    await page.getByRole('button', { name: 'Add sending domain' }).first().waitFor();

    await page.getByRole('button', { name: 'Add sending domain' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add sending domain' });
    await dialog.getByRole('textbox', { name: /Domain/ }).fill('not a domain');
    await dialog.getByRole('button', { name: 'Add domain' }).click();
    await dialog.getByText('must be a domain name such as mail.example.com').waitFor();
    await dialog.getByRole('textbox', { name: /Domain/ }).fill(DOMAIN);
    await dialog.getByRole('button', { name: 'Add domain' }).click();

    // The detail sheet opens on the new domain with every record to publish.
    const sheet = page.getByRole('dialog', { name: DOMAIN });
    await sheet.waitFor();
    const records = sheet.getByRole('list', { name: 'DNS records' });
    await expect.poll(() => records.getByRole('listitem', { name: /^DKIM CNAME record/ }).count()).toBe(3);
    await records.getByRole('listitem', { name: /^DMARC TXT record/ }).waitFor();
    await sheet.getByRole('button', { name: 'Copy value of DKIM CNAME record 1' }).click();
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toMatch(/\.dkim\.amazonses\.com$/);
    await sheet.getByRole('button', { name: /Copy all/ }).click();
    const zone = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(zone).toContain(`; DNS records for ${DOMAIN}`);
    expect(zone).toMatch(new RegExp(`_domainkey\\.${DOMAIN.replace('.', '\\.')}\\.\\s+3600\\s+IN\\s+CNAME\\s+\\S+\\.dkim\\.amazonses\\.com\\.`));
    expect(zone).toContain(`_dmarc.${DOMAIN}.`);
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-domain-sheet');

    await sheet.getByRole('button', { name: 'Check now' }).click();
    await eventually(() => sheet.getByTestId('domain-sheet-status').textContent()).toContain('Verified');
    expect(await sheet.getByTestId('domain-sheet-status').textContent()).toContain('DKIM passing');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(DOMAIN) });
    await eventually(() => row.textContent()).toContain('Verified');
  });

  it('says plainly why a tracking domain cannot be added while no tracking host is configured', async () => {
    const { page } = browser;
    await tab(page, 'Tracking domains').click();
    await page.getByRole('button', { name: 'Add tracking domain' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add tracking domain' });
    await dialog.getByRole('textbox', { name: /Domain/ }).fill(`links.${DOMAIN}`);
    await dialog.getByRole('button', { name: 'Add domain' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'EMAIL_TRACKING_CNAME_TARGET' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alert').filter({ hasText: 'Tracking domains cannot be added yet' }).waitFor();
  });

  it('creates a warm-up plan from a generated curve, with its chart and the plan in words', async () => {
    const { page } = browser;
    await tab(page, 'Warm-up plans').click();
    await page.getByRole('button', { name: 'New warm-up plan' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New warm-up plan' });
    await dialog.getByRole('textbox', { name: /Name/ }).fill(PLAN);
    await dialog.getByRole('spinbutton', { name: 'Start at' }).fill('100');
    await dialog.getByRole('spinbutton', { name: 'Grow by' }).fill('25');
    await dialog.getByRole('spinbutton', { name: 'For' }).fill('0');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await dialog.getByText('For: must be a whole number from 1 to 90').waitFor();
    await dialog.getByRole('spinbutton', { name: 'For' }).fill('21');
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await eventually(() => dialog.getByTestId('warmup-summary').textContent()).toBe('21 days, from 100 to 8,674 messages a day; no cap from day 22.');
    // An emptied day is named before anything is sent.
    await dialog.getByRole('spinbutton', { name: 'Day 3 cap' }).fill('');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await dialog.getByText('Day 3 enter a number').waitFor();
    await dialog.getByRole('spinbutton', { name: 'Day 3 cap' }).fill('156');
    await dialog.getByTestId('warmup-chart').waitFor();
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-warmup-dialog');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(PLAN.replace(/[()]/g, '\\$&')) }).waitFor();
  });

  it('creates a sender profile at the verified domain, following the plan, with today’s cap', async () => {
    const { page } = browser;
    await tab(page, 'Sender profiles').click();
    await page.getByRole('button', { name: 'New sender profile' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New sender profile' });
    await dialog.getByRole('textbox', { name: /Profile name/ }).fill(PROFILE);
    await dialog.getByRole('textbox', { name: /From name/ }).fill('Northwind Demand');
    await dialog.getByRole('textbox', { name: /From address/ }).fill('hello@elsewhere-e2e.example');
    await dialog.getByRole('textbox', { name: /Postal address/ }).fill('1 Harbor Way, Boston, MA 02110, USA');
    await dialog.getByRole('button', { name: 'Create profile' }).click();
    // The API names the field: the address is not at a sending domain.
    await dialog.getByText(/must be at a sending domain of this workspace/).waitFor();
    await dialog.getByRole('textbox', { name: /From address/ }).fill(`news@${DOMAIN}`);
    await eventually(() => dialog.getByTestId('from-domain').textContent()).toContain(`Sends as ${DOMAIN}`);
    expect(await dialog.getByTestId('from-domain').textContent()).toContain('Verified');
    await dialog.getByRole('combobox', { name: 'Warm-up plan' }).click();
    await page.getByRole('option', { name: new RegExp(PLAN.replace(/[()]/g, '\\$&')) }).click();
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-profile-dialog');
    await dialog.getByRole('button', { name: 'Create profile' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: new RegExp(PROFILE) });
    await eventually(() => row.textContent()).toContain('Verified');
    expect(await row.textContent()).toContain('100'); // day 1 of the plan
    const saved = await admin.request<{ items: SenderProfile[] }>('GET', '/api/email/sender-profiles');
    expect(saved.items.find((p) => p.name === PROFILE)).toMatchObject({ fromAddress: `news@${DOMAIN}`, domainVerified: true, dailyCapToday: 100 });
  });

  it('refuses to remove a domain a sender profile uses, saying which', async () => {
    const { page } = browser;
    await tab(page, 'Sending domains').click();
    await page.getByRole('button', { name: `Remove ${DOMAIN}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Remove ${DOMAIN}?` });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.getByRole('alert').filter({ hasText: PROFILE }).waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('row', { name: new RegExp(DOMAIN) }).waitFor();
  });
});

describe('a campaign manager', () => {
  const browser = browserForSuite(async () => {
    const session = await openBrowser({ colorScheme: 'light' });
    session.page.setDefaultTimeout(WAIT_MS);
    await signIn(session.page, MANAGER);
    return session;
  });

  it('reads every tab but changes nothing', async () => {
    const { page } = browser;
    await openApp(page, '/settings/email');
    await page.getByText('Read only: admins change these').waitFor();
    await page.getByRole('row', { name: new RegExp(DOMAIN) }).waitFor();
    expect(await page.getByRole('button', { name: /Add sending domain|Remove/ }).count()).toBe(0);

    // The domain's records are there to read, without "Check now".
    await page.getByRole('button', { name: `DNS records of ${DOMAIN}` }).click();
    const sheet = page.getByRole('dialog', { name: DOMAIN });
    await sheet.getByRole('list', { name: 'DNS records' }).waitFor();
    expect(await sheet.getByRole('button', { name: 'Check now' }).count()).toBe(0);
    await page.keyboard.press('Escape');

    await tab(page, 'Sender profiles').click();
    await page.getByRole('row', { name: new RegExp(PROFILE) }).click();
    const dialog = page.getByRole('dialog', { name: `Sender profile “${PROFILE}”` });
    expect(await dialog.getByRole('textbox', { name: /From address/ }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: /Save|Create/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    for (const name of ['Tracking domains', 'IP pools', 'Warm-up plans']) {
      await tab(page, name).click();
      expect(await page.getByRole('button', { name: /^(Add|New) / }).count()).toBe(0);
    }
    await expectNoSeriousA11yViolations(page);
    await shoot(page, 'light-read-only');
  });
});

describe('every tab in light and dark', () => {
  const browser = browserForSuite(() => launchSignedIn('light', WAIT_MS));

  it.each([
    { id: 'domains', ready: DOMAIN },
    { id: 'tracking', ready: 'No tracking domains yet' },
    { id: 'pools', ready: 'No IP pools yet' },
    { id: 'warmup', ready: PLAN },
    { id: 'profiles', ready: PROFILE },
  ])('shows $id cleanly, without serious accessibility findings', async ({ id, ready }) => {
    const { page } = browser;
    await openApp(page, `/settings/email${id === 'domains' ? '' : `?tab=${id}`}`);
    await page.getByRole('tabpanel').getByText(ready).first().waitFor();
    await expectCleanInBothThemes(page, { prefix: 'email-settings', name: id });
  });

  it('shows the domain sheet and the warm-up plan cleanly', async () => {
    const { page } = browser;
    await openApp(page, '/settings/email');
    await page.getByRole('row', { name: new RegExp(DOMAIN) }).click();
    await page.getByRole('dialog', { name: DOMAIN }).getByRole('list', { name: 'DNS records' }).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'email-settings', name: 'domain-sheet-verified' });
    await page.keyboard.press('Escape');
    await openApp(page, '/settings/email?tab=warmup');
    await page.getByRole('row', { name: new RegExp(PLAN.replace(/[()]/g, '\\$&')) }).click();
    await page.getByTestId('warmup-chart').waitFor();
    await expectCleanInBothThemes(page, { prefix: 'email-settings', name: 'warmup-plan' });
  });
});
