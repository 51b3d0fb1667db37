// The asset library in the browser, on the suite's stack: a PDF uploaded through the library page
// (straight to S3 by its presigned PUT) opens with its first page as the preview; a second
// version is uploaded from the asset page; the first is restored (confirmed); the history then
// shows three versions, each with how it came; an archive is undone from its toast. Both themes
// are axe-clean, with screenshots.
// Other state (a text asset) is arranged through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetVersionList, AssetView } from '@shared/contracts/content';
import { samplePdf } from '../../functions/src/modules/content';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './support/browser';
import { launchSignedIn, openApp, signInAdminViaApi } from './support/session';
import type { ApiSession } from './support/api-session';
import { isDark } from './support/suite';

const WAIT_MS = 30_000;
const TITLE = 'Buyer intent benchmark 2027';

describe('the asset library: upload, new version, restore', () => {
  let admin: ApiSession;
  let browser: BrowserSession | undefined;
  let assetId: string;
  let template: AssetView;

  beforeAll(async () => {
    admin = await signInAdminViaApi();
    template = await admin.request<AssetView>('POST', '/api/content/assets', {
      type: 'email_template',
      title: 'Benchmark follow-up',
      tags: ['benchmark'],
      subject: 'Your benchmark report',
      body: 'Hi {{ contact.first_name }},\n\nHere is the report you asked for.',
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a PDF with its preview, uploads a second version, restores the first (light)', async () => {
    browser = await launchSignedIn('light', WAIT_MS);
    const { page } = browser;
    await openApp(page, '/content');
    await page.getByRole('heading', { name: 'Content' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Benchmark follow-up' }).waitFor();

    // Upload from the library: the file, its title, tags.
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'Upload a file' });
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'intent-benchmark.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf(TITLE, ['First edition'])) });
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Tags').fill('benchmark,');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/content\/assets\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
    assetId = page.url().split('/').pop()!;
    const detail = page.getByTestId('asset-detail');
    await detail.getByRole('heading', { name: TITLE }).waitFor();
    await detail.getByTestId('asset-preview-image').waitFor();

    // A second version from the asset page.
    await page.getByRole('button', { name: 'Upload new version' }).click();
    dialog = page.getByRole('dialog', { name: `Upload a new version of ${TITLE}` });
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'intent-benchmark-v2.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf(TITLE, ['Second edition'])) });
    await dialog.getByLabel('Note').fill('Second edition');
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'detached' });
    const history = page.getByTestId('version-history');
    await history.getByTestId('version-row').nth(1).waitFor();
    await detail.getByRole('heading', { name: 'Version 2' }).waitFor();

    // Restore the first, confirmed.
    await history.getByRole('button', { name: 'Restore version 1' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Restore version 1?' });
    await confirm.getByRole('button', { name: 'Restore' }).click();
    await confirm.waitFor({ state: 'detached' });
    await history.getByTestId('version-row').nth(2).waitFor();
    await detail.getByRole('heading', { name: 'Version 3' }).waitFor();
    const rows = history.getByTestId('version-row');
    expect(await rows.count()).toBe(3);
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/v3\s*Current[\s\S]*Restored[\s\S]*from v1/);
    expect(await rows.nth(1).innerText()).toMatch(/v2[\s\S]*Uploaded/);
    expect(await rows.nth(2).innerText()).toMatch(/v1[\s\S]*Uploaded/);
    await detail.getByTestId('asset-preview-image').waitFor();

    const saved = await admin.request<AssetVersionList>('GET', `/api/content/assets/${assetId}/versions`);
    expect(saved.items.map((v) => [v.number, v.source, v.current])).toEqual([
      [3, 'restore', true],
      [2, 'upload', false],
      [1, 'upload', false],
    ]);
    expect(saved.items[0]!.restoredFrom?.number).toBe(1);

    expect(await isDark(page)).toBe(false);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-asset-light');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'content-asset-history-light');
    await openApp(page, '/content');
    await page.getByRole('row').filter({ hasText: TITLE }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-library-light');
    await browser.close();
    browser = undefined;
  }, 180_000);

  it('shows the asset, an old version and the library cleanly in dark mode', async () => {
    browser = await launchSignedIn('dark', WAIT_MS);
    const { page } = browser;
    await openApp(page, `/content/assets/${assetId}`);
    await page.getByTestId('asset-preview-image').waitFor();
    expect(await isDark(page)).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-asset-dark');
    await page.getByRole('button', { name: 'View version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Version 2' });
    await dialog.getByTestId('asset-preview-image').waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await openApp(page, '/content');
    await page.getByRole('row').filter({ hasText: TITLE }).waitFor();

    // Archive the email template (confirmed), then take it back from the toast.
    await openApp(page, `/content/assets/${template.id}`);
    await page.getByTestId('asset-text').getByText('Here is the report you asked for.').waitFor();
    await page.getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('alertdialog', { name: 'Archive Benchmark follow-up?' }).getByRole('button', { name: 'Archive' }).click();
    await page.getByTestId('asset-detail').getByText('Archived', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    expect((await admin.request<AssetView>('GET', `/api/content/assets/${template.id}`)).archived).toBe(false);

    await openApp(page, '/content');
    await page.getByRole('row').filter({ hasText: TITLE }).waitFor();
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: 'Social post' }).click();
    await page.getByRole('dialog', { name: 'New social post' }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'content-library-dark');
  }, 120_000);
});
