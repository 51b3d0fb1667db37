import { describe, expect, it } from 'vitest';
import { openBrowser, screenshot } from './support/browser';
import { browserForSuite } from './support/suite';
import { e2eStack } from './support/stack';

describe('the web app', () => {
  const browser = browserForSuite(() => openBrowser());

  it('loads and shows the health of the stack it talks to', async () => {
    const { page } = browser;
    await page.goto(e2eStack().baseUrl);
    const status = page.getByTestId('health-status');
    await status.waitFor({ state: 'visible' });
    await expect.poll(async () => (await status.textContent())?.toLowerCase() ?? '', { timeout: 15_000 }).toContain('ok');
    await screenshot(page, 'first-load');
  });
});
