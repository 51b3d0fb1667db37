// Several tabs of one browser share the refresh cookie. Opened or reloaded at the same moment,
// each restores its session from that cookie: all of them stay signed in, and the session goes on
// working after — a tab sending the cookie another tab has just rotated is a race, not a theft.
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { launchSignedIn } from './support/session';
import { browserForSuite } from './support/suite';
import { e2eStack } from './support/stack';

vi.setConfig({ testTimeout: 120_000 });

const TABS = 4;

/** Where a tab ended up: the app, or the sign-in page. */
async function landing(page: Page): Promise<'app' | 'sign-in'> {
  await Promise.race([
    page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 30_000 }),
    page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'visible', timeout: 30_000 }),
  ]);
  return (await page.getByTestId('app-shell').isVisible()) ? 'app' : 'sign-in';
}

describe('tabs of one browser', () => {
  const browser = browserForSuite(() => launchSignedIn('light', 30_000));

  it('stay signed in when opened, reloaded or refreshed at the same moment', async () => {
    const pages = [browser.page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => browser.context.newPage())))];
    const url = (path: string) => new URL(path, e2eStack().baseUrl).href;

    // Opened together: every new tab restores its session from the one cookie.
    await Promise.all(pages.slice(1).map((page, i) => page.goto(url(i % 2 ? '/contacts' : '/accounts'))));
    expect(await Promise.all(pages.map(landing))).toEqual(Array(TABS).fill('app'));

    // Reloaded together, twice.
    for (let round = 0; round < 2; round++) {
      await Promise.all(pages.map((page) => page.reload()));
      expect(await Promise.all(pages.map(landing))).toEqual(Array(TABS).fill('app'));
    }

    // Refresh calls that bypass the app's queue, sent at once: some may be refused as late, none
    // may end the session.
    const statuses = await Promise.all(pages.map((page) => page.evaluate(async () => (await fetch('/api/auth/refresh', { method: 'POST' })).status)));
    expect(statuses).toContain(200);
    await Promise.all(pages.map((page) => page.reload()));
    expect(await Promise.all(pages.map(landing))).toEqual(Array(TABS).fill('app'));
    const me = await pages[0]!.evaluate(async () => (await fetch('/api/auth/refresh', { method: 'POST' })).status);
    expect(me).toBe(200);
  });
});
