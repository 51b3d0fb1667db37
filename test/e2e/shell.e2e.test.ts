// The app shell in a browser: every page opens, in light and dark mode, with no serious axe
// finding (screenshots kept), the command palette and go-to shortcuts navigate, the sidebar and
// the theme are remembered, and the theme is right before the first paint after a reload.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COLOUR_RULES, expectNoSeriousA11yViolations, openBrowser, screenshot, seriousA11yViolations } from './support/browser';
import { openApp, signInAsAdmin, signOut, signInAdminViaApi } from './support/session';
import { browserForSuite, expectCleanInBothThemes, isDark } from './support/suite';
import { e2eStack } from './support/stack';

/** A small realistic team, so the pages are seen with data in them. */
const TEAM = [
  { firstName: 'Maya', lastName: 'Okafor', username: 'maya.okafor', roles: ['campaign_manager'] },
  { firstName: 'Lucas', lastName: 'Brandt', username: 'lucas.brandt', roles: ['agent'] },
  { firstName: 'Sofia', lastName: 'Marchetti', username: 'sofia.marchetti', roles: ['agent', 'quality_analyst'] },
  { firstName: 'Daniel', lastName: 'Kim', username: 'daniel.kim', roles: ['content_creator'] },
  { firstName: 'Hannah', lastName: 'Lee', username: 'hannah.lee', roles: ['quality_analyst'], deactivate: true },
  { firstName: 'Oliver', lastName: 'Grant', username: 'oliver.grant', roles: ['client_user'] },
] as const;

beforeAll(async () => {
  const admin = await signInAdminViaApi();
  const existing = await admin.request<{ items: { username: string }[] }>('GET', '/api/users?limit=200');
  if (existing.items.some((user) => user.username === TEAM[0].username)) return;
  const organisation = await admin.request<{ id: string }>('POST', '/api/organisations', { name: 'Northwind Traders' });
  for (const person of TEAM) {
    const created = await admin.request<{ id: string }>('POST', '/api/users', {
      firstName: person.firstName,
      lastName: person.lastName,
      username: person.username,
      email: `${person.username}@northwind-demand.com`,
      password: 'Granite-Orchard-Beacon-31',
      roles: person.roles,
      ...(person.roles.includes('client_user' as never) ? { orgId: organisation.id } : {}),
    });
    if ('deactivate' in person) await admin.request('POST', `/api/users/${created.id}/deactivate`);
  }
});

const PAGES = [
  { path: '/', name: 'dashboard', ready: (page: Page) => page.locator('#activity .recharts-surface').first().waitFor() },
  { path: '/settings/users', name: 'users', ready: (page: Page) => page.getByRole('row').filter({ hasText: 'admin@crm.local' }).waitFor() },
  { path: '/design', name: 'design', ready: (page: Page) => page.getByRole('heading', { name: 'Design system', level: 1 }).waitFor() },
  // Pages other modules register in the shell: opened here too, so no page escapes the check.
  ...['/accounts', '/contacts', '/imports', '/segments', '/lists', '/domain-sets', '/suppressions'].map((path) => ({
    path,
    name: path.slice(1),
    ready: (page: Page) => page.locator('#main h1').first().waitFor(),
  })),
  { path: '/no-such-page', name: 'not-found', ready: (page: Page) => page.getByTestId('not-found').waitFor() },
];

describe('every page in light and dark', () => {
  const browser = browserForSuite(() => openBrowser());

  it('shows the sign-in page cleanly before anyone signs in', async () => {
    const { page } = browser;
    await page.goto(new URL('/sign-in', e2eStack().baseUrl).href);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectCleanInBothThemes(page, { prefix: 'shell', name: 'sign-in' });
  });

  it('would fail a page with a serious finding, in either pass (the check itself works)', async () => {
    const { page } = browser;
    // A nameless button (critical) and grey on grey text (serious, a colour rule).
    await page.evaluate(
      "document.body.insertAdjacentHTML('beforeend', '<button id=\"probe-button\"></button><p id=\"probe-text\" style=\"color:#777;background:#888\">Faint</p>')",
    );
    const all = await seriousA11yViolations(page);
    expect(all.some((line) => line.startsWith('button-name (critical)') && line.includes('#probe-button'))).toBe(true);
    expect(all.some((line) => line.startsWith('color-contrast (serious)') && line.includes('#probe-text'))).toBe(true);
    const colours = await seriousA11yViolations(page, { rules: COLOUR_RULES });
    expect(colours.map((line) => line.split(' ')[0])).toEqual(['color-contrast']);
    await page.evaluate("document.getElementById('probe-button').remove(); document.getElementById('probe-text').remove()");
  });

  it.each(PAGES)('opens $path without serious accessibility findings', async ({ path, name, ready }) => {
    const { page } = browser;
    if (!(await page.getByTestId('app-shell').isVisible())) await signInAsAdmin(page);
    await openApp(page, path);
    await ready(page);
    await expectCleanInBothThemes(page, { prefix: 'shell', name });
    // And the rest of a long page (the shell scrolls its main area, not the window).
    if (await page.evaluate<boolean>("(() => { const m = document.getElementById('main'); return m.scrollHeight > m.clientHeight + 40; })()")) {
      await page.evaluate("document.getElementById('main').scrollTo(0, 1e6)");
      await screenshot(page, `shell-light-${name}-end`);
    }
  });
});

describe('the shell', () => {
  const browser = browserForSuite(async () => {
    const session = await openBrowser();
    await signInAsAdmin(session.page);
    return session;
  });
  afterEach(async () => {
    await browser.page.keyboard.press('Escape');
  });

  it('opens the command palette with Ctrl+K and goes where it is told', async () => {
    const { page } = browser;
    await openApp(page, '/');
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('users');
    await screenshot(page, 'shell-command-palette');
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/users');

    // A query that matches nothing says so instead of guessing.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('zzqx-nothing');
    await palette.getByText('No results.').waitFor();
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
  });

  it('offers "Create user" in the palette, opening the form on the users page', async () => {
    const { page } = browser;
    await openApp(page, '/');
    await page.keyboard.press('Control+K');
    await page.keyboard.type('create user');
    // Records found on the server for the same words are listed first; the command is picked here.
    await page.getByRole('option', { name: 'Create user' }).click();
    await page.getByRole('dialog', { name: 'Create user' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/users');
  });

  it('goes to pages with g-shortcuts and lists every shortcut on ?', async () => {
    const { page } = browser;
    await openApp(page, '/');
    await page.locator('body').click({ position: { x: 700, y: 700 } });
    await page.keyboard.press('g');
    await page.keyboard.press('u');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Search and commands');
    await expectNoSeriousA11yViolations(page);
  });

  it('marks the active page and remembers a collapsed sidebar across a reload', async () => {
    const { page } = browser;
    await openApp(page, '/settings/users');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Users' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).textContent()).toBe('SettingsUsers');
    await page.getByRole('button', { name: 'Collapse sidebar' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Expand sidebar' }).waitFor();
    await screenshot(page, 'shell-sidebar-collapsed');
    // Icons only, still named for assistive technology.
    expect(await nav.getByRole('link', { name: 'Users' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Expand sidebar' }).click();
    await page.getByRole('button', { name: 'Collapse sidebar' }).waitFor();
  });

  it('keeps the chosen theme across a reload without a flash of the other one', async () => {
    const { page } = browser;
    // Recorded by the page itself at DOMContentLoaded: before React renders anything.
    await page.addInitScript(
      "document.addEventListener('DOMContentLoaded', () => { window.darkAtDomContentLoaded = document.documentElement.classList.contains('dark'); });",
    );
    await openApp(page, '/');
    expect(await isDark(page)).toBe(false);
    await page.getByTestId('theme-toggle').click();
    expect(await isDark(page)).toBe(true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.evaluate<boolean>('window.darkAtDomContentLoaded')).toBe(true);
    await page.getByTestId('app-shell').waitFor();
    expect(await isDark(page)).toBe(true);
    // And back, so the choice also sticks the other way.
    await page.getByTestId('theme-toggle').click();
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.evaluate<boolean>('window.darkAtDomContentLoaded')).toBe(false);
  });

  it('offers the same pages through a menu on a phone-sized screen', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await openApp(page, '/');
      expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      const sheet = page.getByRole('dialog', { name: 'Pivotal CRM' });
      await sheet.getByRole('link', { name: 'Users' }).waitFor();
      await screenshot(page, 'shell-mobile-navigation');
      await expectNoSeriousA11yViolations(page);
      await sheet.getByRole('link', { name: 'Users' }).click();
      await sheet.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('sends a signed-out visitor to sign in and back to the page they asked for', async () => {
    const { page } = browser;
    await openApp(page, '/');
    await signOut(page);
    await page.goto(new URL('/settings/users', e2eStack().baseUrl).href);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Fsettings%2Fusers');
    // Keyboard only: the username field has focus, Tab reaches the password, Enter signs in.
    await page.keyboard.type(e2eStack().adminUsername);
    await page.keyboard.press('Tab');
    await page.keyboard.type(e2eStack().adminPassword);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/users');
    expect(await page.title()).toBe('Users · Pivotal CRM');
  });
});
