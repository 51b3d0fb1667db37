import { describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot } from './support/browser';
import { browserForSuite } from './support/suite';

describe('the web app', () => {
  const browser = browserForSuite(() => openBrowser());

  it('loads and shows the health of the stack it talks to', async () => {
    const { page } = browser;
    await page.goto(inject('baseUrl'));
    const status = page.getByTestId('health-status');
    await status.waitFor({ state: 'visible' });
    await expect.poll(async () => (await status.textContent())?.toLowerCase() ?? '', { timeout: 15_000 }).toContain('ok');
    await screenshot(page, 'first-load');
  });
});
