// Staff running a client's order end to end, on the suite's stack: an order made through the API
// (with a target list of accounts we hold) is opened from the order list, moved to in review and
// approved (each move confirmed), its audience built (the domain set and segment linked), a call
// campaign linked to it from the campaign picker, and its pacing chart shown. Both themes are
// axe-clean, with screenshots. State is arranged through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '@shared/contracts/identity';
import type { Order } from '@shared/contracts/portal';
import type { StaticList } from '@shared/contracts/audience';
import type { CallCampaign, Trunk } from '@shared/contracts/telephony';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { isDark } from './support/suite';

const WAIT_MS = 30_000;
const DOMAINS = ['orders-e2e-alpha.com', 'orders-e2e-beta.com', 'orders-e2e-gamma.com'];
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('staff reviewing, approving and bridging a client order', () => {
  let admin: ApiSession;
  let order: Order;
  let campaign: CallCampaign;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    for (const [i, domain] of DOMAINS.entries()) {
      await admin.request('POST', '/api/accounts', { name: `Orders Target ${i + 1}`, domain, country: 'US', source: 'e2e-orders' });
    }
    const org = await admin.request<Organisation>('POST', '/api/organisations', { name: 'Orders E2E Buyers' });
    order = await admin.request<Order>('POST', '/api/orders', {
      orgId: org.id,
      name: 'Cloud migration: IT leaders',
      channel: 'telemarketing',
      volume: 40,
      costPerLeadCents: 9000,
      startsOn: isoDay(-2),
      endsOn: isoDay(28),
      targets: { domains: [...DOMAINS, 'orders-e2e-unknown.com'] },
    });
    const list = await admin.request<StaticList>('POST', '/api/lists', { name: 'Orders e2e' });
    const trunk = await admin.request<Trunk>('POST', '/api/telephony/trunks', {
      name: 'Orders e2e trunk',
      sipHost: 'sip.telnyx.com',
      sipUsername: 'orders-e2e',
      sipPassword: 'not-a-real-password-3',
      connectionId: 'conn-orders-e2e',
      callerIds: ['+14155550120'],
    });
    campaign = await admin.request<CallCampaign>('POST', '/api/telephony/campaigns', {
      name: 'Orders E2E Cloud Calls',
      audience: { kind: 'list', id: list.id },
      trunkId: trunk.id,
      callerId: '+14155550120',
      sellerName: 'Northwind Demand',
      sellerPhone: '+14155550199',
      script: '<p>Hello {{ contact.first_name }}.</p>',
      form: [],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the order from the list, reviews and approves it, builds its audience, links a call campaign and shows its pacing (light)', async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    const { page } = browser;
    await openApp(page, '/orders');
    await page.getByRole('heading', { name: 'Live orders by pace' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: order.reference });
    await row.getByText('Cloud migration: IT leaders').click();
    await page.waitForURL(`**/orders/${order.id}`);
    const detail = page.getByTestId('order-detail');
    await detail.getByRole('heading', { name: 'Cloud migration: IT leaders' }).waitFor();
    expect(await detail.locator('[data-state]').first().getAttribute('data-state')).toBe('submitted');

    // Submitted → in review → approved, each confirmed in its dialog.
    const moves = page.getByRole('group', { name: 'Move the order' });
    await moves.getByRole('button', { name: 'Start review' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Start review' }).click();
    await dialog.waitFor({ state: 'detached' });
    await detail.locator('[data-state="in_review"]').first().waitFor();

    await moves.getByRole('button', { name: 'Approve' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Note for the history/).fill('Targets and price agreed with the client.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'detached' });
    await detail.locator('[data-state="approved"]').first().waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Targets and price agreed with the client.').waitFor();

    // The match preview names the domain we hold no account for.
    await page.getByRole('region', { name: 'Match preview' }).getByText('orders-e2e-unknown.com').waitFor();

    // The bridge: the audience, then the call campaign.
    const bridge = page.getByRole('region', { name: 'Audience and campaigns' });
    await bridge.getByRole('button', { name: 'Build audience' }).click();
    await bridge.getByRole('link', { name: `Domain set of ${order.reference}` }).waitFor();
    await bridge.getByRole('link', { name: `Segment of ${order.reference}` }).waitFor();
    await bridge.getByRole('combobox', { name: 'Campaign to link' }).click();
    await page.getByRole('option', { name: /Orders E2E Cloud Calls/ }).click();
    await bridge.getByRole('button', { name: 'Link campaign' }).click();
    await bridge.getByRole('list', { name: 'Linked campaigns' }).getByRole('link', { name: 'Orders E2E Cloud Calls' }).waitFor();

    const saved = await admin.request<Order>('GET', `/api/orders/${order.id}`);
    expect(saved.state).toBe('approved');
    expect(saved.domainSetId).toEqual(expect.any(String));
    expect(saved.campaigns).toEqual([expect.objectContaining({ campaignId: campaign.id, campaignKind: 'call' })]);

    // Pacing: the chart of the approved order.
    await page.getByRole('region', { name: 'Pacing' }).getByTestId('pacing-chart').waitFor();

    expect(await isDark(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'orders-detail-light');
    await openApp(page, '/orders');
    await page.getByRole('row').filter({ hasText: order.reference }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'orders-list-light');
    await browser.close();
    browser = undefined;
  }, 180_000);

  it('shows the order and the list cleanly in dark mode', async () => {
    browser = await launchSignedIn('dark', WAIT_MS);
    const { page } = browser;
    await openApp(page, `/orders/${order.id}`);
    await page.getByRole('region', { name: 'Pacing' }).getByTestId('pacing-chart').waitFor();
    await page.getByRole('list', { name: 'Linked campaigns' }).waitFor();
    expect(await isDark(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'orders-detail-dark');
    await openApp(page, '/orders');
    await page.getByRole('row').filter({ hasText: order.reference }).waitFor();
    await page.getByRole('button', { name: 'New order' }).click();
    await page.getByRole('dialog', { name: 'New order' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'orders-new-dark');
  }, 120_000);
});
