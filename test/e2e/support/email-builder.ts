// Working the campaign and template editors in a browser: the save indicator and the merge-field
// picker, shared by the email browser tests.
import type { Locator, Page } from 'playwright-core';

/** The editor's "Saving…/Saved" indicator. */
export const saveStatus = (scope: Page | Locator) => scope.getByTestId('save-status').first();

/** Puts a merge field at the caret of a field through its picker. */
export async function insertMergeField(page: Page, target: string, search: string, fallback: string): Promise<void> {
  await page.getByRole('button', { name: `Insert merge field into ${target}` }).click();
  const picker = page.getByRole('dialog', { name: 'Merge fields' });
  await picker.getByLabel('Fallback when empty').fill(fallback);
  const searchBox = picker.getByPlaceholder('Search fields…');
  await searchBox.fill(search);
  const option = picker.getByRole('option', { name: new RegExp(search, 'i') }).first();
  await option.waitFor();
  await option.click();
  // The list re-filters as the search is typed; a click that landed while it re-rendered is lost
  // on a loaded machine. The keyboard picks the highlighted (first) match the same way.
  if (!(await picker.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false))) {
    await searchBox.press('Enter');
    await picker.waitFor({ state: 'hidden' });
  }
}
