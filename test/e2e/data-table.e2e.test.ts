// The DataTable over 100,000 generated accounts on the /design page: only visible rows are in the
// DOM, the last row is reachable through cursor pages, sorting goes through the sort state,
// keyboard selection works up to "all matching", the filter lives in the URL and the column
// layout is remembered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { signInAsAdmin } from './support/session';
import { e2eStack } from './support/stack';

const TOTAL = '100,000';

describe('the data table with 100,000 rows', () => {
  let browser: BrowserSession;
  let page: Page;
  let grid: Locator;
  let rows: Locator;
  const status = () => page.getByTestId('table-status').textContent();
  const bulkText = () => page.getByTestId('bulk-bar').locator('span').first().textContent();

  async function openTable() {
    await page.goto(new URL('/design#data', e2eStack().baseUrl).href);
    await tableReady();
  }

  async function tableReady() {
    grid = page.getByRole('grid', { name: 'Accounts' });
    rows = grid.locator('tbody tr[role="row"]');
    await rows.first().waitFor({ state: 'visible', timeout: 30_000 }).catch(async (error: unknown) => {
      // Keep what the page showed instead of the table, for whoever reads the failure.
      await screenshot(page, 'data-table-not-ready');
      throw error;
    });
  }

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
    await signInAsAdmin(page);
    await page.evaluate("localStorage.removeItem('pivotal-table:design-accounts')");
    await openTable();
  });
  afterAll(async () => browser?.close());

  it('keeps only the visible rows in the DOM', async () => {
    expect(await grid.getAttribute('aria-rowcount')).toBe('100001');
    expect(await page.getByText(`${TOTAL} accounts`).count()).toBe(1);
    const rendered = await rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
  });

  it('moves with j/k and arrows, selects with x, and selects all matching rows', async () => {
    await grid.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    // Focus made the first row active; j, j, ↓, k leave the third data row (header is row 1).
    const active = grid.locator('tr[data-active="true"]');
    expect(await active.getAttribute('aria-rowindex')).toBe('4');
    expect(await grid.getAttribute('aria-activedescendant')).toBe(await active.getAttribute('id'));

    await page.keyboard.press('x');
    expect(await bulkText()).toBe('1 selected');
    expect(await active.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('j');
    await page.keyboard.press(' ');
    expect(await bulkText()).toBe('2 selected');
    await page.keyboard.press('x');
    expect(await bulkText()).toBe('1 selected');

    await page.getByRole('checkbox', { name: 'Select loaded rows' }).click();
    expect(await bulkText()).toBe('10,000 selected');
    await page.getByRole('button', { name: `Select all ${TOTAL} matching` }).click();
    expect(await bulkText()).toBe(`All ${TOTAL} selected`);
    await screenshot(page, 'data-table-all-selected');

    // Unticking one row leaves the rest of "all matching" selected.
    await grid.focus();
    await page.keyboard.press('x');
    expect(await bulkText()).toBe('99,999 selected');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('bulk-bar').count()).toBe(0);

    // Shift+x extends from the last toggled row.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+X');
    expect(await bulkText()).toBe('3 selected');
    await page.keyboard.press('Escape');

    // Enter opens the active row; closing returns to the grid.
    const name = await active.locator('td').nth(2).textContent();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: name ?? '' });
    await sheet.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    await expect.poll(() => grid.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('reaches the last of 100,000 rows through cursor pages, still rendering only a window', async () => {
    await grid.focus();
    // Each End reaches the loaded end, which asks for the next cursor page.
    for (let i = 0; i < 30 && !(await status())?.startsWith(`${TOTAL} of`); i += 1) {
      const before = await status();
      await page.keyboard.press('End');
      await expect.poll(status, { timeout: 10_000 }).not.toBe(before);
    }
    expect(await status()).toContain(`${TOTAL} of ${TOTAL} loaded`);
    await page.keyboard.press('End');
    const last = grid.locator('tr[aria-rowindex="100001"]');
    await last.waitFor({ state: 'visible' });
    expect(await last.textContent()).toContain('acc_100000');
    expect(await rows.count()).toBeLessThan(100);
    await screenshot(page, 'data-table-last-row');
  });

  it('sorts through the sort state, ascending then descending', async () => {
    const header = grid.getByRole('columnheader', { name: /Employees/ });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await rows.first().waitFor({ state: 'visible' });
    const employees = async () =>
      (await grid.locator('tbody tr[role="row"] td:nth-child(8)').allTextContents()).slice(0, 10).map((t) => Number(t.replace(/,/g, '')));
    await expect.poll(async () => (await employees()).length).toBeGreaterThan(5);
    const ascending = await employees();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => (await employees())[0] ?? 0).toBeGreaterThan(ascending.at(-1) ?? 0);
    const descending = await employees();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await screenshot(page, 'data-table-sorted');

    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('none');
  });

  it('filters through chips kept in the URL, so the view survives a reload', async () => {
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('option', { name: /Stage/ }).click();
    const editor = page.getByRole('form', { name: 'Filter on Stage' });
    // Applying with nothing chosen says what is missing.
    await editor.getByRole('button', { name: 'Apply' }).click();
    await editor.getByRole('alert').waitFor({ state: 'visible' });
    await editor.getByLabel('Customer').click();
    await editor.getByRole('button', { name: 'Apply' }).click();

    const chip = page.getByTestId('filter-chip');
    await chip.waitFor({ state: 'visible' });
    expect(await chip.textContent()).toContain('Stage');
    expect(await chip.textContent()).toContain('Customer');
    expect(new URL(page.url()).searchParams.get('filter')).toBeTruthy();
    await expect.poll(async () => (await status()) ?? '').not.toContain(`of ${TOTAL}`);
    const filtered = await status();

    await page.reload();
    await tableReady();
    await page.getByTestId('filter-chip').waitFor({ state: 'visible' });
    await expect.poll(status).toBe(filtered);
    const stages = await grid.locator('tbody tr[role="row"] td:nth-child(7)').allTextContents();
    expect(new Set(stages)).toEqual(new Set(['Customer']));
    await grid.scrollIntoViewIfNeeded();
    await screenshot(page, 'data-table-filtered');

    await page.getByRole('button', { name: /Remove filter: Stage/ }).click();
    await expect.poll(status).toContain(`of ${TOTAL}`);
    expect(new URL(page.url()).searchParams.get('filter')).toBeNull();
  });

  it('nests an OR group under the AND of the bar and switches a joiner', async () => {
    const addCondition = async (button: Locator, field: string, option: string) => {
      await button.click();
      await page.getByRole('option', { name: new RegExp(field) }).click();
      const editor = page.getByRole('form', { name: `Filter on ${field}` });
      await editor.getByLabel(option).click();
      await editor.getByRole('button', { name: 'Apply' }).click();
      await editor.waitFor({ state: 'hidden' });
    };
    await addCondition(page.getByRole('button', { name: 'Add filter' }), 'Stage', 'Opportunity');
    await addCondition(page.getByRole('button', { name: 'Add group' }), 'Country', 'Germany');
    const group = page.getByRole('group', { name: /^Group:/ });
    await addCondition(group.getByRole('button', { name: 'Add to group' }), 'Country', 'France');

    expect(await group.getAttribute('aria-label')).toBe('Group: any of 2 conditions');
    expect(await page.getByTestId('filter-chip').count()).toBe(3);
    await expect.poll(async () => (await status()) ?? '').not.toContain(`of ${TOTAL}`);
    const countries = new Set(await grid.locator('tbody tr[role="row"] td:nth-child(6)').allTextContents());
    expect([...countries].every((c) => c === 'Germany' || c === 'France')).toBe(true);
    const orCount = await status();
    await grid.scrollIntoViewIfNeeded();
    await screenshot(page, 'data-table-filter-group');

    // AND inside the group: nothing is in two countries at once.
    await group.getByRole('button', { name: /switch to all \(AND\)/ }).click();
    await expect.poll(status).not.toBe(orCount);
    // The status line may change to a loading state first: wait for the empty state itself.
    await expect.poll(() => page.getByText('No accounts match these filters').count(), { timeout: 15_000 }).toBe(1);

    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(status).toContain(`of ${TOTAL}`);
  });

  it('hides a column and remembers it per table', async () => {
    expect(await grid.getByRole('columnheader', { name: 'Domain' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Domain' }).click();
    await page.keyboard.press('Escape');
    expect(await grid.getByRole('columnheader', { name: 'Domain' }).count()).toBe(0);

    await page.reload();
    await tableReady();
    expect(await grid.getByRole('columnheader', { name: 'Domain' }).count()).toBe(0);
    expect(await grid.getByRole('columnheader', { name: 'Account' }).count()).toBe(1);
  });
});
