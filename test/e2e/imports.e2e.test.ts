// CSV import in a browser: a file with its own header names is uploaded through the wizard, one
// wrong suggestion is fixed on the mapping screen, the import runs to the end under a live
// progress bar and its error file names the bad row's reason; a dry run reports without writing;
// a file put into the S3 drop folder shows up in the history by itself. Every step passes
// axe-core and is photographed in light and dark.
//
// The file runs its own stack (the shared one does not tell tests its S3 endpoint), so the
// history starts empty and the drop folder is reachable.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { openBrowser, type BrowserSession } from './support/browser';
import { expectCleanInBothThemes } from './support/suite';
import { signIn } from './support/session';
import { E2E_ADMIN_PASSWORD, E2E_STACK_ENV, changePasswordViaApi, signInViaApi } from './support/api-session';

const RUN_TIMEOUT = 60_000;

/** Header names a marketer's spreadsheet uses rather than the template's; "Outfit" is not recognised. */
const HEADERS = ['Full Name', 'E-mail Address', 'Company Website', 'Phone Number', 'Zip', 'Outfit'];
const PEOPLE = [
  ['Ada Lovelace', 'ada.lovelace@analyticalengines.com', 'https://analyticalengines.com', '+1 617 555 0101', '02139', 'Analytical Engines'],
  ['Grace Hopper', 'grace.hopper@cobolworks.com', 'https://www.cobolworks.com', '+1 212 555 0102', '10001', 'Cobol Works'],
  ['Alan Turing', 'alan.turing@bletchleylabs.co.uk', 'https://bletchleylabs.co.uk', '+44 20 7946 0103', 'MK3 6EB', 'Bletchley Labs'],
  ['Katherine Johnson', 'k.johnson@orbitalmath.com', 'https://orbitalmath.com', '+1 757 555 0104', '23666', 'Orbital Math'],
  // The deliberately bad row: its email is not an address, so it fails and lands in the error file.
  ['Bad Address', 'not-an-email', 'https://nowhere-inc.com', '+1 415 555 0105', '94105', 'Nowhere Inc'],
  ['Margaret Hamilton', 'margaret@apolloguidance.com', 'https://apolloguidance.com', '+1 617 555 0106', '02142', 'Apollo Guidance'],
];
const BAD_ROW_EMAIL = 'not-an-email';

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';

let stack: LocalStack;
let dataDir: string;
let s3: S3Client;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-e2e-imports-'));
  // The suite's global setup has built dist/ already (or was told to skip the build).
  stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: { ...E2E_STACK_ENV }, spa: 'prebuilt', ephemeral: true, fastRetries: true });
  await changePasswordViaApi(stack.url, { login: stack.config.ADMIN_USERNAME, currentPassword: stack.config.ADMIN_PASSWORD, newPassword: E2E_ADMIN_PASSWORD });
  s3 = new S3Client({
    region: stack.config.AWS_REGION,
    endpoint: stack.config.S3_ENDPOINT,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
});

afterAll(async () => {
  s3?.destroy();
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const signInHere = (page: Page) => signIn(page, { username: stack.config.ADMIN_USERNAME, password: E2E_ADMIN_PASSWORD }, { baseUrl: stack.url });
const goTo = (page: Page, address: string) => page.goto(new URL(address, stack.url).href);

/** The screen passes axe-core in light and dark, with a screenshot of each. */
const check = (page: Page, name: string) => expectCleanInBothThemes(page, { prefix: 'imports', name });

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Choose a file' }).click()]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

/** Clicks Next on the upload step and waits for the mapping screen; a refused upload fails with its message. */
async function uploadAndMap(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  const mapping = page.getByRole('table', { name: 'Column mapping' });
  const refused = page.getByTestId('upload-error');
  await mapping.or(refused).first().waitFor({ timeout: 20_000 });
  if (await refused.isVisible()) expect.fail(`the upload was refused: ${await refused.textContent()}`);
}

/** Waits for the job page to show the run finished: the bar at 100 and the status Completed. */
async function waitForFinish(page: Page): Promise<void> {
  const bar = page.getByRole('progressbar', { name: /progress/i });
  await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: RUN_TIMEOUT, interval: 250 }).toBe('100');
  await expect.poll(() => page.getByTestId('job-status').textContent()).toBe('Completed');
}

/** Marks this file's uploads, addresses and profile apart from other files' on the stack. */
const TAG = 'wizard';

describe('the import screens', () => {
  let browser: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = browser.page;
    await signInHere(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows an empty history that explains the two ways in', async () => {
    await goTo(page, '/imports');
    await expect.poll(() => page.getByText('No imports yet').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/imports\/inbox\/<profile>\//).first().isVisible()).toBe(true);
    await check(page, 'history-empty');
  });

  it('refuses a file that is not a CSV and says why, before sending it', async () => {
    await goTo(page, '/imports/new');
    await chooseFile(page, 'leads.xlsx', 'PK\u0003\u0004');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('upload-error').textContent()).toContain('is not a CSV file');
    await check(page, 'upload-refused');
  });

  it('says why the server refused an uploaded file (its problem detail)', async () => {
    await goTo(page, '/imports/new');
    await chooseFile(page, `header-only-${TAG}.csv`, 'Full Name,Email\r\n');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('upload-error').textContent(), { timeout: 20_000 }).toContain('The file has a header row but no data rows.');
    expect(await page.getByRole('table', { name: 'Column mapping' }).count()).toBe(0);
    await check(page, 'upload-refused-by-server');
  });

  it('uploads a file with its own headers, fixes a mapping, runs it to the end and gives the error file', async () => {
    const fileName = `trade-show-${TAG}.csv`;
    await goTo(page, '/imports/new');
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await check(page, '1-upload-empty');

    // Addresses of this file's own, so the import inserts its contacts anew.
    const people = PEOPLE.map((p) => p.map((v, i) => (i === 1 ? v.replace('@', `+${TAG}@`) : v)));
    await chooseFile(page, fileName, csv([HEADERS, ...people]));
    await expect.poll(() => page.getByTestId('chosen-file').textContent()).toContain(fileName);
    await check(page, '1-upload-chosen');

    // Mapping: the suggestions the API made from the headers, with their first values.
    await uploadAndMap(page);
    const targetOf = (header: string) => page.getByRole('combobox', { name: `Imports “${header}” into` });
    expect(await targetOf('E-mail Address').textContent()).toBe('Email');
    expect(await targetOf('Company Website').textContent()).toBe('Website');
    expect(await targetOf('Zip').textContent()).toBe('Contact Postal Code');
    expect(await targetOf('Outfit').textContent()).toBe('Custom field: outfit');
    expect(await page.getByTestId('mapping-row-1').textContent()).toContain(`ada.lovelace+${TAG}@analyticalengines.com`);
    await check(page, '2-mapping-suggested');

    // "Outfit" is the company: fix it on the select.
    await targetOf('Outfit').click();
    await page.getByRole('option', { name: 'Company Name', exact: true }).click();
    expect(await targetOf('Outfit').textContent()).toBe('Company Name');
    expect(await page.getByTestId('mapping-row-5').textContent()).toContain('Your choice');

    // A field mapped from two columns is refused on the spot, on the later column.
    await targetOf('Phone Number').click();
    await page.getByRole('option', { name: 'Contact Postal Code', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => page.getByTestId('mapping-row-4').textContent()).toContain('Contact Postal Code is already mapped from “Phone Number”');
    await targetOf('Phone Number').click();
    await page.getByRole('option', { name: 'Direct Phone', exact: true }).click();
    await check(page, '2-mapping-fixed');

    // Kept as a profile for the next file (and for the drop folder).
    await page.getByRole('checkbox', { name: 'Save as a mapping profile' }).click();
    await page.getByLabel('Profile name').fill(`Trade show ${TAG}`);
    expect(await page.getByText(`imports/inbox/Trade show ${TAG}/`).count()).toBe(1);
    await page.getByRole('button', { name: 'Next' }).click();

    // Options.
    await page.getByRole('radio', { name: /Update existing/ }).waitFor();
    await page.getByLabel('Source tag').fill(`Trade show ${TAG}`);
    await check(page, '3-options');
    await page.getByRole('button', { name: 'Start import' }).click();

    // Run → results.
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await check(page, '4-run');
    await waitForFinish(page);
    expect(await page.getByTestId('count-inserted').textContent()).toBe(String(PEOPLE.length - 1));
    expect(await page.getByTestId('count-failed').textContent()).toBe('1');
    await page.getByRole('table', { name: 'Row issues' }).waitFor();
    await check(page, '5-results');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download error file' }).click()]);
    expect(download.suggestedFilename()).toBe(`trade-show-${TAG}-errors.csv`);
    const content = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
    const [header, ...lines] = content.trim().split(/\r?\n/);
    expect(header).toBe([...HEADERS, 'Error Row', 'Error Reason'].join(','));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(BAD_ROW_EMAIL);
    expect(lines[0]).toMatch(/E-mail Address: "?"{0,2}not-an-email"{0,2}"? is not a valid email address/);

    // The history lists it with its counts.
    await goTo(page, '/imports');
    const row = page.getByRole('row', { name: new RegExp(fileName) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Completed');
    await check(page, 'history');
  });

  it('runs a dry run that reports what would happen and writes nothing', async () => {
    const fileName = `dry-run-${TAG}.csv`;
    const rows = PEOPLE.map((p) => [p[0]!, p[1]!.replace('@', `+dry-${TAG}@`), p[2]!, p[3]!, p[4]!, p[5]!]);
    await goTo(page, '/imports/new');
    await chooseFile(page, fileName, csv([HEADERS, ...rows]));
    await uploadAndMap(page);
    // The profile saved by the import before maps "Outfit" to the company again.
    await page.getByRole('combobox', { name: 'Start from a mapping profile' }).click();
    await page.getByRole('option', { name: `Trade show ${TAG}` }).click();
    expect(await page.getByRole('combobox', { name: 'Imports “Outfit” into' }).textContent()).toBe('Company Name');
    expect(await page.getByTestId('mapping-row-5').textContent()).toContain('Profile');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('switch', { name: 'Dry run' }).click();
    await page.getByRole('button', { name: 'Start dry run' }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await waitForFinish(page);
    const report = page.getByTestId('dry-run-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('Nothing was written');
    expect(await page.getByTestId('import-counts').textContent()).toContain(`Would insert${PEOPLE.length - 1}`);
    await page.getByRole('tab', { name: /Invalid/ }).click();
    await expect.poll(() => report.textContent()).toContain('not-an-email');
    await check(page, '5-dry-run-report');

    // Nothing was written: none of the file's addresses is in the CRM.
    const api = await signInViaApi(stack.url, { login: stack.config.ADMIN_USERNAME, password: E2E_ADMIN_PASSWORD });
    const found = await api.request<{ items: unknown[] }>('GET', `/api/contacts?q=${encodeURIComponent(`dry-${TAG}`)}`);
    expect(found.items).toEqual([]);
  });

  it('shows a file dropped into the S3 drop folder in the history by itself', async () => {
    const fileName = `dropped-${TAG}-${Date.now()}.csv`;
    await goTo(page, '/imports');
    await page.getByRole('heading', { name: 'Imports' }).waitFor();
    await s3.send(
      new PutObjectCommand({
        Bucket: stack.config.BUCKET_NAME,
        Key: `imports/inbox/${fileName}`,
        ContentType: 'text/csv',
        Body: csv([
          ['Full Name', 'Email', 'Company Name', 'Company Domain'],
          ['Hedy Lamarr', `hedy.${TAG}@frequencyhop.com`, 'Frequency Hop', 'frequencyhop.com'],
          ['Radia Perlman', `radia.${TAG}@spanningtree.net`, 'Spanning Tree', 'spanningtree.net'],
        ]),
      }),
    );
    // No reload: the history refreshes itself.
    const row = page.getByRole('row', { name: new RegExp(fileName.replace(/\./g, '\\.')) });
    await row.waitFor({ timeout: RUN_TIMEOUT });
    await expect.poll(() => row.textContent(), { timeout: RUN_TIMEOUT }).toContain('Completed');
    expect(await row.textContent()).toContain('Drop folder');
    await check(page, 'history-drop-folder');

    await row.getByRole('link', { name: fileName }).click();
    await waitForFinish(page);
    expect(await page.getByTestId('count-inserted').textContent()).toBe('2');
  });
});
