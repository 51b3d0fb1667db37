// The /design page in both themes: every component renders with sample CRM content, axe-core
// finds nothing serious (also with overlays open), the page's theme toggle switches and is
// remembered, and full-page screenshots are kept for review.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, openBrowser, type BrowserSession } from './support/browser';
import { signInAsAdmin } from './support/session';
import { e2eStack } from './support/stack';

const SHOTS = path.resolve('test-results/screenshots');

/**
 * The whole page: the shell scrolls inside <main>, so the window is grown to the content's height
 * for the shot and put back afterwards.
 */
async function fullPage(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = (await page.evaluate("document.getElementById('main').scrollHeight + document.getElementById('main').getBoundingClientRect().top")) as number;
  await page.setViewportSize({ width: viewport.width, height: Math.ceil(height) });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.setViewportSize(viewport);
}

async function openDesignPage(page: Page): Promise<void> {
  await signInAsAdmin(page);
  await page.goto(new URL('/design', e2eStack().baseUrl).href);
  await page.getByRole('heading', { name: 'Design system', level: 1 }).waitFor({ state: 'visible', timeout: 20_000 });
  // The table's first cursor page has arrived.
  await page.getByRole('grid', { name: 'Accounts' }).locator('tbody tr[role="row"]').first().waitFor({ state: 'visible', timeout: 20_000 });
}

// Expressions as strings: this code runs in the page, and the test project has no DOM types.
const isDark = async (page: Page) => (await page.evaluate("document.documentElement.classList.contains('dark')")) as boolean;
const storedTheme = async (page: Page) => (await page.evaluate("localStorage.getItem('pivotal-theme')")) as string | null;

describe('the design system page', () => {
  let browser: BrowserSession | undefined;
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders every component cleanly in the ${scheme} theme`, async () => {
      browser = await openBrowser({ colorScheme: scheme });
      const { page } = browser;
      await openDesignPage(page);
      expect(await isDark(page)).toBe(scheme === 'dark');

      for (const id of ['foundations', 'actions', 'forms', 'surfaces', 'overlays', 'states', 'data']) {
        await expect.poll(() => page.locator(`section#${id}`).count()).toBe(1);
      }
      await expectNoSeriousA11yViolations(page);
      await fullPage(page, `design-${scheme}`);
    }, 150_000);

    // Overlays are checked open, where their contrast and naming matter.
    it(`keeps overlays and table states clean in the ${scheme} theme`, async () => {
      browser = await openBrowser({ colorScheme: scheme });
      const { page } = browser;
      await openDesignPage(page);

      await page.getByRole('button', { name: 'Open palette' }).click();
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await palette.waitFor({ state: 'visible' });
      await page.keyboard.type('cedar');
      await palette.getByRole('option', { name: /Cedar Health Group/ }).waitFor({ state: 'visible' });
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: path.join(SHOTS, `design-${scheme}-palette.png`) });
      // The server result is highlighted, so Enter opens it.
      await page.keyboard.press('Enter');
      await palette.waitFor({ state: 'hidden' });
      await page.getByText('Opening Cedar Health Group').waitFor({ state: 'visible' });

      await page.getByRole('button', { name: 'Delete segment' }).click();
      const confirm = page.getByRole('alertdialog', { name: /Delete segment/ });
      await confirm.waitFor({ state: 'visible' });
      const confirmButton = confirm.getByRole('button', { name: 'Delete segment' });
      expect(await confirmButton.isDisabled()).toBe(true);
      await confirm.getByLabel(/Type Fintech VPs to confirm/).fill('Fintech VPs');
      expect(await confirmButton.isDisabled()).toBe(false);
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: path.join(SHOTS, `design-${scheme}-confirm.png`) });
      await confirm.getByRole('button', { name: 'Cancel' }).click();

      // The table's other states, as a list page would show them.
      const table = page.getByTestId('data-table');
      await page.getByRole('combobox', { name: 'Preview state' }).click();
      await page.getByRole('option', { name: 'Error' }).click();
      const failed = page.getByRole('alert').filter({ hasText: 'The accounts service did not answer' });
      await failed.waitFor({ state: 'visible' });
      await expectNoSeriousA11yViolations(page);
      await failed.getByRole('button', { name: 'Try again' }).click();
      await table.locator('tbody tr[role="row"]').first().waitFor({ state: 'visible' });
      await page.getByRole('combobox', { name: 'Preview state' }).click();
      await page.getByRole('option', { name: 'Empty' }).click();
      await page.getByText('No accounts match these filters').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Show all accounts' }).click();
      await table.locator('tbody tr[role="row"]').first().waitFor({ state: 'visible' });

      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('option', { name: /Industry/ }).click();
      await page.getByRole('form', { name: 'Filter on Industry' }).waitFor({ state: 'visible' });
      await expectNoSeriousA11yViolations(page);
      await page.screenshot({ path: path.join(SHOTS, `design-${scheme}-filter-editor.png`) });
      await page.keyboard.press('Escape');
    }, 150_000);
  }

  it('switches theme from the page and remembers the choice over a reload', async () => {
    browser = await openBrowser({ colorScheme: 'light' });
    const { page } = browser;
    await openDesignPage(page);
    expect(await isDark(page)).toBe(false);

    await page.getByRole('main').getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await isDark(page)).toBe(true);
    expect(await storedTheme(page)).toBe('dark');

    await page.reload();
    await page.getByRole('heading', { name: 'Design system', level: 1 }).waitFor({ state: 'visible', timeout: 20_000 });
    expect(await isDark(page)).toBe(true);

    // "System" forgets the choice and follows the (light) system again.
    await page.getByRole('button', { name: 'Theme: Dark', exact: true }).click();
    await page.getByRole('menuitem', { name: 'System' }).click();
    expect(await isDark(page)).toBe(false);
    expect(await storedTheme(page)).toBeNull();
  });
});
