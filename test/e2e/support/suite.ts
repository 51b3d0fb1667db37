// What the browser test files share around their tests: one browser per describe block, the
// polling used for "eventually", and the per-theme check that each screen renders cleanly.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './browser';
import { openApp } from './session';

/** Polls like expect.poll, with room for a busy machine (the default gives up after a second). */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** Whether <html> carries the dark class right now (the test files have no DOM types). */
export const isDark = (page: Page) => page.evaluate<boolean>("document.documentElement.classList.contains('dark')");

/**
 * A browser for the enclosing describe block: opened before its first test, closed after its
 * last. Read `page` and `context` inside tests, once the browser is open.
 */
export function browserForSuite(open: () => Promise<BrowserSession>): BrowserSession {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await open();
  });
  afterAll(async () => session?.close());
  const current = () => {
    if (!session) throw new Error('The browser opens before the first test; read it inside a test.');
    return session;
  };
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    close: () => current().close(),
  };
}

export interface Screen {
  /** Names the test and the screenshot. */
  name: string;
  path: () => string;
  /** Resolves once the screen shows its data. */
  ready: (page: Page) => Promise<unknown>;
  /** Selectors axe leaves out (see expectNoSeriousA11yViolations). */
  axeExclude?: string[];
}

/**
 * One test per screen: it opens, shows its data in the theme asked for and has no serious
 * accessibility finding; its screenshot is `<prefix>-<theme>-<name>`.
 */
export function itShowsEachScreenCleanly(
  browser: BrowserSession,
  options: { prefix: string; theme: 'light' | 'dark'; screens: Screen[]; open?: (page: Page, path: string) => Promise<void> },
): void {
  const { prefix, theme, screens, open = openApp } = options;
  it.each(screens)('shows $name cleanly, without serious accessibility findings', async ({ name, path, ready, axeExclude }) => {
    const { page } = browser;
    await open(page, path());
    await ready(page);
    expect(await isDark(page)).toBe(theme === 'dark');
    await expectNoSeriousA11yViolations(page, { exclude: axeExclude });
    await screenshot(page, `${prefix}-${theme}-${name}`);
  });
}
