import { UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExportSelection } from '@shared/contracts/imports';
import type { FilterGroup } from '@shared/contracts/filters';
import type { TemplateTarget } from '@shared/csv/mapping-target';
import { exportJobs } from '../../db/schema';
import { addContactsToList, createList } from '../audience';
import { createExport, runExport, type ExportSettings } from './exports';
import { person, templateCsv } from './fixtures/template-header';
import { getRange, headObject } from './s3-objects';
import { createImportTestContext, importFile } from './test-context';
import { queryRows } from '../../db/rows';
import { fileContext } from '../../../test/support/file-context';

describe('the export task', () => {
  const t = fileContext(createImportTestContext);
  beforeAll(async () => {
    await importFile(t, templateCsv([person(1), person(2), person(4)]));
  });

  /** Runs an export of every live row of the resource and returns the CSV's rows, header first. */
  async function exportAll(resource: 'accounts' | 'contacts', columns: TemplateTarget[], selection: ExportSelection = {}): Promise<string[][]> {
    const [job] = await t.deps.db.insert(exportJobs).values({ resource, selection, columns, bom: false, status: 'running' }).returning();
    await runExport(t.deps, job!.id);
    const key = `exports/${job!.id}/${resource}.csv`;
    const head = await headObject(t.bucket, key);
    const text = Buffer.from(await getRange(t.bucket, key, 0, head!.size)).toString('utf8');
    return parse(text) as string[][];
  }

  it('neutralizes a list cell that would start a formula', async () => {
    await t.deps.db.execute(sql`UPDATE accounts SET technologies = ARRAY['=HYPERLINK("http://evil.example")', 'Salesforce'] WHERE domain = 'acme1.com'`);
    await t.deps.db.execute(sql`UPDATE accounts SET technologies = ARRAY['HubSpot', 'Marketo'] WHERE domain = 'acme2.com'`);

    const rows = await exportAll('accounts', ['account.domain', 'account.technologies']);

    expect(rows.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
      ['acme1.com', `'=HYPERLINK("http://evil.example");Salesforce`],
      ['acme2.com', 'HubSpot;Marketo'],
    ]);
  });

  it("leaves a soft-deleted account's data out of its contacts' rows", async () => {
    await t.deps.db.execute(sql`UPDATE accounts SET deleted_at = now(), version = version + 1 WHERE domain = 'acme2.com'`);

    const rows = await exportAll('contacts', ['contact.email', 'account.name', 'account.domain']);

    expect(rows.slice(1).sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
      ['person1@acme1.com', 'Acme 1', 'acme1.com'],
      ['person2@acme2.com', '', ''],
      ['person4@acme1.com', 'Acme 1', 'acme1.com'],
    ]);
    // The accounts export leaves it out altogether.
    expect((await exportAll('accounts', ['account.domain'])).slice(1)).toEqual([['acme1.com']]);
  });

  it("exports contacts by a segment's audience criteria, and the contact fields alone as before", async () => {
    const list = await createList(t.deps, { request: { name: 'Export audience' }, userId: t.principal.userId });
    const where = (...conditions: FilterGroup['conditions']): FilterGroup => ({ type: 'and', conditions });
    await addContactsToList(t.deps.db, list.id, { filter: where({ field: 'email', op: 'in', value: ['person1@acme1.com', 'person2@acme2.com'] }) });

    const members = await exportAll('contacts', ['contact.email'], { filter: where({ field: 'inList', op: 'eq', value: list.id }) });
    expect(members.slice(1).map((r) => r[0]).sort()).toEqual(['person1@acme1.com', 'person2@acme2.com']);

    const others = await exportAll('contacts', ['contact.email'], { filter: where({ field: 'inList', op: 'neq', value: list.id }, { field: 'emailSuppressed', op: 'eq', value: false }) });
    expect(others.slice(1)).toEqual([['person4@acme1.com']]);

    const byField = await exportAll('contacts', ['contact.email'], { filter: where({ field: 'email', op: 'contains', value: 'person4' }) });
    expect(byField.slice(1)).toEqual([['person4@acme1.com']]);
  });

  it('refuses a malformed audience criterion before it creates a job', async () => {
    const before = await t.deps.db.select().from(exportJobs);
    const request = { resource: 'contacts' as const, bom: false, selection: { filter: { type: 'and' as const, conditions: [{ field: 'inList', op: 'eq' as const, value: 'not-a-list' }] } } };
    await expect(createExport(t.deps, t.principal, request)).rejects.toMatchObject({ code: 'invalid' });
    const accounts = { ...request, resource: 'accounts' as const };
    await expect(createExport(t.deps, t.principal, accounts)).rejects.toMatchObject({ code: 'invalid' });
    expect(await t.deps.db.select().from(exportJobs)).toHaveLength(before.length);
  });
});

/** An S3 client whose nth UploadPart fails as a dropped connection would (the process dying mid-file). */
function s3DroppingPart(s3: S3Client, nth: number): S3Client {
  let parts = 0;
  const send = async (cmd: object, ...rest: unknown[]) => {
    if (cmd instanceof UploadPartCommand && ++parts === nth) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    return (s3.send as (...args: unknown[]) => Promise<unknown>)(cmd, ...rest);
  };
  return Object.assign(Object.create(s3) as S3Client, { send });
}

describe('a long export', () => {
  const ROWS = 240;
  // Small pages and one part per page, so a few hundred rows make many pages and parts.
  const settings: ExportSettings = { pageRows: 20, partBytes: 1 };

  const t = fileContext(createImportTestContext);
  beforeAll(async () => {
    await importFile(t, templateCsv(Array.from({ length: ROWS }, (_, i) => person(1000 + i))));
  });

  async function newJob() {
    const [job] = await t.deps.db.insert(exportJobs).values({ resource: 'contacts', selection: {}, columns: ['contact.email'], bom: false, status: 'running' }).returning();
    return job!.id;
  }
  const jobOf = async (id: string) => (await t.deps.db.select().from(exportJobs).where(eq(exportJobs.id, id)))[0]!;
  async function fileRows(id: string): Promise<string[][]> {
    const key = `exports/${id}/contacts.csv`;
    const head = await headObject(t.bucket, key);
    return parse(Buffer.from(await getRange(t.bucket, key, 0, head!.size)).toString('utf8')) as string[][];
  }

  it('continues from its last uploaded part after a crash: every row once, and the reported count never goes back', async () => {
    const id = await newJob();
    const crashing = { ...t.deps, aws: { ...t.deps.aws, s3: s3DroppingPart(t.deps.aws.s3, 4) } };

    await expect(runExport(crashing, id, settings)).rejects.toMatchObject({ name: 'TransientImportError' });
    const stopped = await jobOf(id);
    // Three parts went up (the header, then two pages): the rows in them are the progress.
    expect(stopped).toMatchObject({ status: 'running', rowCount: 40 });

    expect(await runExport(t.deps, id, settings)).toEqual({ exportId: id, rows: ROWS });
    const done = await jobOf(id);
    expect(done).toMatchObject({ status: 'completed', rowCount: ROWS, checkpoint: null });
    const [header, ...rows] = await fileRows(id);
    expect(header).toEqual(['Email']);
    const expected = await queryRows<{ email: string }>(t.deps.db, sql`SELECT email FROM contacts WHERE deleted_at IS NULL ORDER BY id`);
    expect(rows.map((r) => r[0])).toEqual(expected.map((c) => c.email));
    expect(new Set(rows.map((r) => r[0])).size).toBe(ROWS);
  });

  it("lets other requests' queries through between its pages, as a health check needs", async () => {
    const id = await newJob();
    let running = true;
    const exported = runExport(t.deps, id, { ...settings, partBytes: 64 * 1024 * 1024 }).finally(() => {
      running = false;
    });
    // A health check's round trip, arriving again and again for as long as the export runs.
    let answeredDuringExport = 0;
    while (running) {
      await new Promise((resolve) => setImmediate(resolve));
      await queryRows(t.deps.db, sql`SELECT 1 AS ok`);
      if (running) answeredDuringExport++;
    }
    expect(await exported).toEqual({ exportId: id, rows: ROWS });
    // Twelve pages: the other queries got turns all along, not only once the export was done.
    expect(answeredDuringExport).toBeGreaterThanOrEqual(ROWS / settings.pageRows - 1);
  });

  it('stops at its next page once cancelled, keeping no file', async () => {
    const id = await newJob();
    await t.deps.db.update(exportJobs).set({ status: 'cancelled' }).where(eq(exportJobs.id, id));
    expect(await runExport(t.deps, id, settings)).toEqual({ exportId: id, rows: 0 });
    expect(await headObject(t.bucket, `exports/${id}/contacts.csv`)).toBeNull();
  });
});
