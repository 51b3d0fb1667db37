import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';

describe('the web app', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => browser?.close());

  it('loads and shows the health of the stack it talks to', async () => {
    const { page } = browser;
    await page.goto(inject('baseUrl'));
    const status = page.getByTestId('health-status');
    await status.waitFor({ state: 'visible' });
    await expect.poll(async () => (await status.textContent())?.toLowerCase() ?? '', { timeout: 15_000 }).toContain('ok');
    await screenshot(page, 'first-load');
  });
});
