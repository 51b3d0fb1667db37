// The client portal end to end, on the suite's stack (local issuer): a client user signs in,
// places an order with a 500-domain target-account list (a CSV upload), sees the match preview at
// once and replaces the list while the order is submitted (checked, then confirmed); staff
// (through the API) review and approve it, bridge it to an audience and link a call campaign; a
// lead from that campaign is approved and appears in the portal; the client returns it; the order
// shows one unit reopened and the lead is back in QA. The client, her organisation's admin,
// invites a colleague and deactivates and reactivates them. Every portal screen is axe-clean in
// light and dark. State the test is not about is arranged through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Contact } from '@shared/contracts/accounts';
import type { StaticList } from '@shared/contracts/audience';
import type { Organisation } from '@shared/contracts/identity';
import type { LeadDetail } from '@shared/contracts/leads';
import type { MatchPreview, Order } from '@shared/contracts/portal';
import type { PortalLeadPage, PortalUser } from '@shared/contracts/portal-leads';
import type { CallCampaign, Trunk } from '@shared/contracts/telephony';
import { signInViaApi, type ApiSession } from './support/api-session';
import { expectNoSeriousA11yViolations, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { signIn, signInAdminViaApi } from './support/session';
import { eventually, isDark } from './support/suite';
import { e2eStack } from './support/stack';

const WAIT_MS = 60_000;
/** The lead pipeline runs its vendors' stand-ins before a lead may be approved. */
const PIPELINE_WAIT_MS = 90_000;
const CLIENT = { username: 'cora.client', password: 'Amber-Falcon-Orchard-73' };
const TARGETS = 500;
const HELD = 320;
const ORDER_NAME = 'Q1 data leaders, North America';
const VOLUME = 40;

/** 500 target domains; we hold accounts for the first 320. */
const domains = Array.from({ length: TARGETS }, (_, i) => `kestrel-target-${String(i + 1).padStart(3, '0')}.com`);

async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, task: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(task));
}

async function signInClient(page: Page): Promise<void> {
  await signIn(page, CLIENT, { expect: 'nothing' });
  await page.getByTestId('portal-shell').waitFor({ state: 'visible', timeout: 20_000 });
}

async function openPortal(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, e2eStack().baseUrl).href);
  await page.getByTestId('portal-shell').waitFor({ state: 'visible' });
}

describe('a client ordering leads, watching them arrive and returning one', () => {
  let admin: ApiSession;
  let client: ApiSession;
  let org: Organisation;
  let campaign: CallCampaign;
  let prospect: Contact;
  let orderId = '';
  let leadId = '';
  let light: BrowserSession | undefined;
  let dark: BrowserSession | undefined;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    org = await admin.request<Organisation>('POST', '/api/organisations', { name: 'Kestrel Analytics' });
    await admin.request('POST', '/api/users', {
      firstName: 'Cora',
      lastName: 'Client',
      username: CLIENT.username,
      email: 'cora.client@kestrel-analytics.com',
      password: CLIENT.password,
      roles: ['client_user'],
      orgId: org.id,
      // The organisation's first client admin is made by staff; she invites the others.
      clientAdmin: true,
      mustChangePassword: false,
    });
    client = await signInViaApi(e2eStack().baseUrl, { login: CLIENT.username, password: CLIENT.password });

    // The accounts we hold among the client's targets, and people at a few of them.
    const accounts: { id: string; domain: string }[] = [];
    await inBatches(domains.slice(0, HELD), 16, async (domain) => {
      const account = await admin.request<{ id: string }>('POST', '/api/accounts', { name: domain.replace('.com', '').replace(/-/g, ' '), domain, country: 'US', source: 'e2e-portal' });
      accounts.push({ id: account.id, domain });
    });
    const people = [
      { firstName: 'Priya', lastName: 'Prospect', jobTitle: 'Head of Data' },
      { firstName: 'Omar', lastName: 'Okafor', jobTitle: 'Chief Data Officer' },
      { firstName: 'Lin', lastName: 'Larsen', jobTitle: 'VP Analytics' },
    ];
    const contacts = await Promise.all(
      people.map((p, i) =>
        admin.request<Contact>('POST', '/api/contacts', {
          ...p,
          email: `${p.firstName.toLowerCase()}@${accounts[i]!.domain}`,
          directPhone: `+1415555013${i}`,
          accountId: accounts[i]!.id,
          country: 'US',
          source: 'e2e-portal',
        }),
      ),
    );
    prospect = contacts[0]!;

    // The call campaign staff will link to the order.
    const list = await admin.request<StaticList>('POST', '/api/lists', { name: 'Portal e2e' });
    await admin.request('POST', `/api/lists/${list.id}/members`, { selection: { ids: contacts.map((c) => c.id) } });
    const trunk = await admin.request<Trunk>('POST', '/api/telephony/trunks', {
      name: 'Portal e2e trunk',
      sipHost: 'sip.telnyx.com',
      sipUsername: 'portal-e2e',
      sipPassword: 'not-a-real-password-3',
      connectionId: 'conn-portal-e2e',
      callerIds: ['+14155550120'],
    });
    campaign = await admin.request<CallCampaign>('POST', '/api/telephony/campaigns', {
      name: 'Kestrel data leaders',
      audience: { kind: 'list', id: list.id },
      trunkId: trunk.id,
      callerId: '+14155550120',
      sellerName: 'Northwind Demand',
      sellerPhone: '+14155550199',
      script: '<p>Hello {{ contact.first_name }}, this is Northwind calling about data platforms.</p>',
      form: [],
    });

    light = await openBrowser({ colorScheme: 'light' });
    light.page.setDefaultTimeout(WAIT_MS);
  }, 4 * WAIT_MS);

  afterAll(async () => {
    await light?.close();
    await dark?.close();
  });

  it('places an order with a 500-domain target list, shows the match preview at once and replaces the list after a check', async () => {
    const { page } = light!;
    await signInClient(page);
    // A client user is kept inside the portal.
    await page.goto(new URL('/contacts', e2eStack().baseUrl).href);
    await page.waitForURL(/\/portal$/);
    await expect.poll(() => page.getByTestId('portal-org-name').textContent()).toBe('Kestrel Analytics');

    await page.getByRole('link', { name: 'New order' }).first().click();
    const wizard = page.getByTestId('new-order');
    // The step refuses an empty order, on its fields.
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => wizard.getByLabel('Order name').getAttribute('aria-invalid')).toBe('true');

    const ends = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await wizard.getByLabel('Order name').fill(ORDER_NAME);
    await wizard.getByLabel('Leads').fill(String(VOLUME));
    await wizard.getByLabel(/Cost per lead/).fill('45');
    await wizard.getByLabel('End').fill(ends);
    await wizard.getByRole('button', { name: 'Next' }).click();

    await wizard.getByLabel('Countries').fill('US');
    await wizard.getByLabel('Countries').press('Enter');
    await wizard.getByRole('button', { name: 'Next' }).click();

    await page.locator('input[type="file"]').first().setInputFiles({
      name: 'kestrel-targets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['domain', ...domains].join('\n')),
    });
    await wizard.getByText('kestrel-targets.csv').waitFor();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByText('From kestrel-targets.csv').waitFor();
    await wizard.getByRole('button', { name: 'Place order' }).click();

    await page.getByTestId('order-page').waitFor();
    orderId = /\/portal\/orders\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(orderId).not.toBe('');
    const preview = page.getByTestId('match-preview');
    await eventually(() => preview.getByText('Domains we hold').locator('..').textContent()).toMatch(/320\s*of 500/);
    await expect.poll(() => preview.getByRole('heading', { name: /Unmatched domains/ }).textContent()).toContain('(180)');
    await preview.getByText('kestrel-target-321.com').waitFor();

    // The page shows what the API says.
    const match = await client.request<MatchPreview>('GET', `/api/portal/orders/${orderId}/match`);
    expect(match).toMatchObject({ targets: TARGETS, matchedDomains: HELD, unmatchedDomains: TARGETS - HELD });
    expect(match.contacts).toBeGreaterThan(0);

    expect(await isDark(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'portal-light-order-match-preview');

    // While it is submitted the client may replace the list: checked first (lines left out, with
    // why), then confirmed. The same 500 domains with two lines that are not domains.
    await page.getByRole('button', { name: 'Replace target list' }).click();
    const replace = page.getByRole('dialog', { name: 'Replace the target-account list' });
    await replace.getByLabel('Domains').fill([...domains, '10.0.0.1', 'nodots'].join('\n'));
    await replace.getByRole('button', { name: 'Check list' }).click();
    const left = replace.getByRole('region', { name: 'Lines that are not domains' });
    await left.getByText('is an IP address, not a company domain').waitFor();
    await left.getByText('is not a domain or website').waitFor();
    await expectNoSeriousA11yViolations(page);
    await replace.getByRole('button', { name: 'Replace list with 500 domains' }).click();
    await replace.waitFor({ state: 'hidden' });
    expect(await client.request<MatchPreview>('GET', `/api/portal/orders/${orderId}/match`)).toMatchObject({ targets: TARGETS, matchedDomains: HELD });
    // Signing in, a five-step wizard and the preview of 500 domains: room on a busy machine.
  }, 3 * WAIT_MS);

  it('shows a lead of the linked campaign once staff approve the order and QA approves the lead', async () => {
    await admin.request('POST', `/api/orders/${orderId}/transition`, { to: 'in_review' });
    await admin.request('POST', `/api/orders/${orderId}/transition`, { to: 'approved' });
    await admin.request('POST', `/api/orders/${orderId}/bridge`, {});
    await admin.request('POST', `/api/orders/${orderId}/campaigns`, { campaignId: campaign.id, campaignKind: 'call' });

    const created = await admin.request<{ id: string }>('POST', '/api/leads', { contactId: prospect.id, campaignId: campaign.id, campaignKind: 'call' });
    leadId = created.id;
    await until(
      'the pipeline to finish with the lead',
      () => admin.request<LeadDetail>('GET', `/api/leads/${leadId}`),
      (lead) => lead.state === 'under_review' && (lead.pipelineStatus === 'queued' || lead.pipelineStatus === 'needs_review'),
      PIPELINE_WAIT_MS,
    );
    await admin.request('POST', `/api/leads/${leadId}/transition`, { to: 'approved' });
    await until(
      'the approved lead to be published to the order',
      () => client.request<PortalLeadPage>('GET', `/api/portal/orders/${orderId}/leads`),
      (page) => page.items.some((l) => l.id === leadId && l.state === 'published'),
    );

    const { page } = light!;
    await openPortal(page, `/portal/orders/${orderId}`);
    await page.getByTestId('order-leads').getByText('Priya Prospect').waitFor();
    await expect.poll(() => page.getByTestId('count-delivered').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('count-open').textContent()).toBe(String(VOLUME - 1));
  }, PIPELINE_WAIT_MS + 2 * WAIT_MS);

  it('returns the lead: the order reopens one unit and the lead is back in QA', async () => {
    const { page } = light!;
    await openPortal(page, '/portal/leads');
    await page.getByTestId('portal-leads').getByText('Priya Prospect').waitFor();
    await page.getByRole('button', { name: 'Return Priya Prospect' }).click();
    const dialog = page.getByRole('dialog', { name: /Return Priya Prospect/ });
    // No reason, no return.
    await dialog.getByRole('button', { name: 'Return lead' }).click();
    await dialog.getByText('Choose a reason').first().waitFor();
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Contact details wrong' }).click();
    await dialog.getByLabel('Note').fill('The phone number belongs to someone else.');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'portal-light-return-dialog');
    await dialog.getByRole('button', { name: 'Return lead' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openPortal(page, `/portal/orders/${orderId}`);
    await expect.poll(() => page.getByTestId('count-returned').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('count-open').textContent()).toBe(String(VOLUME));
    const order = await client.request<Order>('GET', `/api/portal/orders/${orderId}`);
    expect(order.counts).toMatchObject({ returned: 1, open: VOLUME });
    const lead = await admin.request<LeadDetail>('GET', `/api/leads/${leadId}`);
    expect(lead.state).toBe('returned');

    await openPortal(page, '/portal/returns');
    await page.getByTestId('portal-returns').getByText('Contact details wrong').waitFor();
  }, 2 * WAIT_MS);

  it('a client admin invites a user, sees the temporary password once, and deactivates and reactivates them after a confirmation', async () => {
    const { page } = light!;
    const ivy = async () => (await client.request<{ items: PortalUser[] }>('GET', '/api/portal/users')).items.find((u) => u.email === 'ivy.invited@kestrel-analytics.com');
    await openPortal(page, '/portal/users');
    const grid = page.getByRole('grid', { name: 'Users' });
    await grid.getByText('Cora Client').waitFor();

    await page.getByRole('button', { name: 'Invite user' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite a user' });
    await invite.getByLabel('First name').fill('Ivy');
    await invite.getByLabel('Last name').fill('Invited');
    await invite.getByLabel('Email').fill('ivy.invited@kestrel-analytics.com');
    await invite.getByRole('button', { name: 'Invite', exact: true }).click();
    const shown = page.getByRole('dialog', { name: 'Ivy Invited is invited' });
    const password = ((await shown.getByTestId('temporary-password').textContent()) ?? '').trim();
    expect(password).toMatch(/^\S{12,}$/);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });
    // Once: gone from the page, and nothing the API lists gives it out again.
    await grid.getByText('Ivy Invited').waitFor();
    expect(await page.content()).not.toContain(password);
    expect(JSON.stringify(await client.request('GET', '/api/portal/users'))).not.toContain(password);
    expect(await ivy()).toMatchObject({ status: 'active', clientAdmin: false });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'portal-light-users');

    for (const [action, status] of [
      ['Deactivate', 'inactive'],
      ['Reactivate', 'active'],
    ] as const) {
      await page.getByRole('button', { name: `${action} Ivy Invited` }).click();
      const confirm = page.getByRole('alertdialog', { name: `${action} Ivy Invited?` });
      await confirm.getByRole('button', { name: action, exact: true }).click();
      await confirm.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await ivy())?.status).toBe(status);
      await page.getByRole('button', { name: `${action === 'Deactivate' ? 'Reactivate' : 'Deactivate'} Ivy Invited` }).waitFor();
    }
  }, 2 * WAIT_MS);

  const SCREENS = [
    { name: 'orders', path: () => '/portal', ready: (page: Page) => page.getByRole('grid', { name: 'Orders' }).getByText(ORDER_NAME).waitFor() },
    { name: 'order', path: () => `/portal/orders/${orderId}`, ready: (page: Page) => page.getByTestId('pacing-chart').waitFor() },
    { name: 'new-order', path: () => '/portal/orders/new', ready: (page: Page) => page.getByLabel('Order name').waitFor() },
    { name: 'leads', path: () => '/portal/leads', ready: (page: Page) => page.getByTestId('portal-leads').getByText('Priya Prospect').waitFor() },
    { name: 'returns', path: () => '/portal/returns', ready: (page: Page) => page.getByTestId('portal-returns').getByText('Contact details wrong').waitFor() },
    { name: 'reports', path: () => '/portal/reports', ready: (page: Page) => page.getByTestId('delivery-report').getByText(ORDER_NAME).waitFor() },
  ];

  it.each(SCREENS)('shows $name cleanly in light and dark, without serious accessibility findings', async ({ name, path, ready }) => {
    if (!dark) {
      dark = await openBrowser({ colorScheme: 'dark' });
      dark.page.setDefaultTimeout(WAIT_MS);
      await signInClient(dark.page);
    }
    for (const [theme, session] of [
      ['light', light!],
      ['dark', dark],
    ] as const) {
      await openPortal(session.page, path());
      await ready(session.page);
      expect(await isDark(session.page)).toBe(theme === 'dark');
      await expectNoSeriousA11yViolations(session.page);
      await screenshot(session.page, `portal-${theme}-${name}`);
    }
  }, 2 * WAIT_MS);
});
