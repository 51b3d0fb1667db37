// The Resources Centre in the browser, on the suite's stack and its Resources Centre stand-in: the
// link is configured on Settings → Resources Centre (the first secret shown once), an asset made
// through the API is pushed from its page and the stand-in reports the signature verified; the
// stand-in sends reference data signed, an edit here then a change there makes a conflict, which
// is resolved side by side; the log shows the push and the inbound requests. Both themes are
// axe-clean, with screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetView } from '@shared/contracts/content';
import type { ReferencePerson } from '@shared/contracts/content-resources';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { e2eStack } from './support/stack';
import { eventually, isDark } from './support/suite';

const WAIT_MS = 30_000;
const TITLE = 'Demand gen playbook 2027';

interface StandinReceived {
  items: { method: string; path: string; signatureValid: boolean | null; applied: boolean; idempotencyKey: string | null; status: number }[];
  applied: { remoteId: string; assetId: string | null; requests: number }[];
}

async function standin<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${e2eStack().resourcesCentreStandinUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

const speaker = (id: string, name: string, data: Record<string, string | null>, updatedAt = new Date()) => ({ kind: 'speaker', id, name, data, updatedAt: updatedAt.toISOString() });

describe('the Resources Centre link: configure, push, receive, resolve', () => {
  let admin: ApiSession;
  let browser: BrowserSession | undefined;
  let assetId: string;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    const asset = await admin.request<AssetView>('POST', '/api/content/assets', {
      type: 'landing_copy',
      title: TITLE,
      tags: ['playbook'],
      body: 'Five plays that fill the pipeline, with the numbers behind each.',
    });
    assetId = asset.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('configures the link, pushes an asset the Resources Centre verifies, and resolves a conflict (light)', async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    const { page } = browser;

    // The link, saved on the settings page: the first secret is shown once.
    await openApp(page, '/settings/resources-centre');
    await page.getByRole('heading', { name: 'Resources Centre' }).first().waitFor();
    await page.getByLabel('Endpoint').fill(e2eStack().resourcesCentreStandinUrl);
    await page.getByRole('button', { name: 'Save and make the secret' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'The Resources Centre’s signing secret' });
    await expect.poll(() => secretDialog.getByTestId('resources-secret').innerText(), { timeout: WAIT_MS }).toMatch(/^[0-9a-f]{64}$/);
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    await secretDialog.waitFor({ state: 'detached' });

    // The asset pushed from its page; the stand-in checked the signature.
    await openApp(page, `/content/assets/${assetId}`);
    const push = page.getByRole('button', { name: 'Push to Resources Centre' });
    await push.waitFor();
    await expect.poll(() => push.isEnabled(), { timeout: WAIT_MS }).toBe(true);
    await push.click();
    const row = page.getByTestId('resources-push').first();
    await expect.poll(() => row.innerText(), { timeout: WAIT_MS }).toMatch(/Delivered[\s\S]*Version 1[\s\S]*1 attempt/);
    await page.getByRole('link', { name: /Open its page/ }).waitFor();
    const received = await standin<StandinReceived>('GET', '/__standin/received');
    const pushes = received.items.filter((r) => r.path === '/assets');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ method: 'POST', signatureValid: true, applied: true, status: 200 });
    expect(received.applied).toEqual([expect.objectContaining({ assetId, remoteId: 'rc-1', requests: 1 })]);
    const asset = await admin.request<AssetView>('GET', `/api/content/assets/${assetId}`);
    expect(asset.publicUrl).toMatch(/\/resources\/rc-1$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-resources-push-light');

    // Reference data sent by the Resources Centre, signed; one record edited here, then changed there.
    const first = await standin<{ status: number }>('POST', '/__standin/send-reference', {
      references: [speaker('spk-1', 'Amara Okafor', { title: 'VP Demand Generation', company: 'Brightline Data' }), speaker('spk-2', 'Jonas Lindqvist', { title: 'Head of Ops', company: 'Nordvik' })],
    });
    expect(first.status).toBe(200);
    const people = await admin.request<{ items: ReferencePerson[] }>('GET', '/api/content/resources-centre/people');
    const jonas = people.items.find((p) => p.externalId === 'spk-2')!;
    await admin.request('PATCH', `/api/content/resources-centre/people/${jonas.id}`, { data: { title: 'VP Marketing Operations', company: 'Nordvik' } });
    const second = await standin<{ status: number }>('POST', '/__standin/send-reference', {
      references: [speaker('spk-2', 'Jonas Lindqvist', { title: 'Head of Ops', company: 'Nordvik AB' }, new Date(Date.now() + 1000))],
    });
    expect(second.status).toBe(200);

    await openApp(page, '/settings/resources-centre');
    const conflicts = page.getByRole('region', { name: 'Open conflicts' });
    await conflicts.getByRole('button', { name: 'Resolve the conflict on Jonas Lindqvist' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve the conflict on Jonas Lindqvist' });
    await resolve.getByRole('row', { name: /Company/ }).waitFor();
    expect(await resolve.getByRole('row', { name: /Company/ }).innerText()).toMatch(/Nordvik\s+Nordvik AB/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-resources-conflict-light');
    await resolve.getByRole('button', { name: 'Take theirs' }).click();
    await resolve.waitFor({ state: 'detached' });
    await conflicts.getByText('No open conflicts').waitFor();
    await page.getByRole('region', { name: 'Reference people' }).getByRole('row').filter({ hasText: 'Jonas Lindqvist' }).filter({ hasText: 'Nordvik AB' }).waitFor();

    // The log: the push and the inbound requests, newest first; filtered by direction.
    const log = page.getByRole('region', { name: 'Log', exact: true });
    await eventually(async () => log.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    const logRows = log.getByRole('row');
    expect(await logRows.nth(1).innerText()).toMatch(/Inbound[\s\S]*Accepted/);
    await log.getByRole('tab', { name: 'Push' }).click();
    await log.getByRole('row').filter({ hasText: 'delivered as rc-1' }).waitFor();
    expect(await isDark(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-resources-settings-light');
    await browser.close();
    browser = undefined;
  }, 240_000);

  it('shows the settings, the rotation and the asset’s pushes cleanly in dark mode', async () => {
    browser = await launchSignedIn('dark', WAIT_MS);
    const { page } = browser;
    await openApp(page, '/settings/resources-centre');
    await page.getByRole('region', { name: 'Log', exact: true }).getByRole('row').nth(1).waitFor();
    expect(await isDark(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-resources-settings-dark');

    // Rotation: confirmed with its overlap; the new secret shown once.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await rotate.getByRole('button', { name: 'Rotate secret' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const secretDialog = page.getByRole('dialog', { name: 'The Resources Centre’s signing secret' });
    await expect.poll(() => secretDialog.getByTestId('resources-secret').innerText(), { timeout: WAIT_MS }).toMatch(/^[0-9a-f]{64}$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-resources-secret-dark');
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByText(/the previous one is accepted until/).waitFor();

    // A push signed with the new secret still verifies (the stand-in reads the stack's).
    await openApp(page, `/content/assets/${assetId}`);
    await page.getByRole('button', { name: 'Push to Resources Centre' }).click();
    await expect.poll(() => page.getByTestId('resources-push').count(), { timeout: WAIT_MS }).toBe(2);
    await expect.poll(() => page.getByTestId('resources-push').first().innerText(), { timeout: WAIT_MS }).toMatch(/Delivered/);
    const received = await standin<StandinReceived>('GET', '/__standin/received');
    expect(received.items.filter((r) => r.path === '/assets').every((r) => r.signatureValid)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-resources-push-dark');
  }, 180_000);
});
