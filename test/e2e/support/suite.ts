// What the browser test files share around their tests: one browser per describe block, the
// polling used for "eventually", and the check that a screen renders cleanly in both themes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COLOUR_RULES, expectNoSeriousA11yViolations, screenshot, type BrowserSession } from './browser';
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
 * What the page shows now passes axe-core in the light theme and then in the dark one, with a
 * screenshot of each (`<prefix>-<theme>-<name>`). The theme is switched in place: the app follows
 * the system's colour scheme live, so the page is emulated dark and back without reloading it. A
 * theme changes colours only, so the dark pass runs the colour rules. The page is left light.
 */
export async function expectCleanInBothThemes(page: Page, shot: { prefix: string; name: string }, options: { axeExclude?: string[] } = {}): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect.poll(() => isDark(page)).toBe(theme === 'dark');
    await expectNoSeriousA11yViolations(page, { exclude: options.axeExclude, rules: theme === 'dark' ? COLOUR_RULES : undefined });
    await screenshot(page, `${shot.prefix}-${theme}-${shot.name}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => isDark(page)).toBe(false);
}

/**
 * One test per screen: it opens, shows its data, and has no serious accessibility finding in
 * either theme (see expectCleanInBothThemes). The browser must follow the system theme (the
 * suite's browsers do: no theme is chosen in them).
 */
export function itShowsEachScreenCleanly(
  browser: BrowserSession,
  options: { prefix: string; screens: Screen[]; open?: (page: Page, path: string) => Promise<void> },
): void {
  const { prefix, screens, open = openApp } = options;
  it.each(screens)('shows $name cleanly in light and dark, without serious accessibility findings', async ({ name, path, ready, axeExclude }) => {
    const { page } = browser;
    await open(page, path());
    await ready(page);
    await expectCleanInBothThemes(page, { prefix, name }, { axeExclude });
  });
}
