// Debian's Chromium through playwright-core, with the flags this offline machine needs and a
// fresh profile per browser; screenshots land in test-results/screenshots (git-ignored).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'pivotal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The agent console's softphone asks for a microphone: a fake device, granted without a prompt.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
    viewport: { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** The axe-core rules whose verdict depends on colours: all a theme switch can change. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export interface A11yScan {
  /** Selectors left out of the scan (a sandboxed iframe without scripts: axe cannot run inside one and waits forever). */
  exclude?: string[];
  /** Only these rules (default: every rule axe runs by default). */
  rules?: string[];
}

/**
 * Fails on any serious or critical axe-core finding, listing each. axe-core is put into the
 * document once (it stays until the next load) and run in the page itself, on the top document
 * only: the app's one iframe is the sandboxed email preview, which axe cannot enter anyway. Only
 * violations are collected (passes and incomplete results are most of axe's work on a dense page).
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yScan = {}): Promise<void> {
  const serious = await seriousA11yViolations(page, options);
  expect(serious).toEqual([]);
}

/**
 * Rules left out of the default scan, each only while the screens that fail it are being fixed:
 * none now. label-content-name-mismatch (WCAG 2.5.3, label in name), which axe-core 4.14 turned
 * on, runs like the others: a control named by an aria-label holds all the text it shows, in order.
 */
const NOT_YET: string[] = [];

/**
 * Resolves once the page's colours have settled: a frame has been drawn and every CSS animation
 * and transition running has ended (0.01 ms each under reduced motion, but until the next frame a
 * computed colour is still the one before, e.g. the old theme's). Gives up waiting after 2 s.
 */
const settled = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    setTimeout(resolve, 2000);
    requestAnimationFrame(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))).then(() => requestAnimationFrame(() => resolve(undefined))));
  })`);

/**
 * The serious and critical axe-core findings on the page, one line each. A colour finding is
 * checked once more after a pause: on a loaded machine a theme switch's repaint can land after
 * the frame the scan waited for, and a scan mid-repaint reads the old theme's colours. A real
 * contrast fault is there both times.
 */
export async function seriousA11yViolations(page: Page, options: A11yScan = {}): Promise<string[]> {
  const first = await scan(page, options);
  if (!first.length || !first.every((line) => COLOUR_RULES.some((rule) => line.startsWith(`${rule} `)))) return first;
  await page.waitForTimeout(500);
  return scan(page, options);
}

async function scan(page: Page, options: A11yScan): Promise<string[]> {
  await settled(page);
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    async ({ exclude, rules, off }) => {
      const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
      return run(exclude.length ? { exclude: exclude.map((selector) => [selector]) } : { exclude: [] }, {
        resultTypes: ['violations'],
        iframes: false,
        ...(rules ? { runOnly: { type: 'rule' as const, values: rules } } : { rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])) }),
      });
    },
    { exclude: options.exclude ?? [], rules: options.rules ?? null, off: NOT_YET },
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
