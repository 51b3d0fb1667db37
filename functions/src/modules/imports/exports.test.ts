import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSelection } from '@shared/contracts/imports';
import type { FilterGroup } from '@shared/contracts/filters';
import type { TemplateTarget } from '@shared/csv/mapping-target';
import { exportJobs } from '../../db/schema';
import { addContactsToList, createList } from '../audience';
import { createExport, runExport } from './exports';
import { person, templateCsv } from './fixtures/template-header';
import { getRange, headObject } from './s3-objects';
import { createImportTestContext, importFile, type ImportTestContext } from './test-context';

describe('the export task', () => {
  let t: ImportTestContext;

  beforeAll(async () => {
    t = await createImportTestContext();
    await importFile(t, templateCsv([person(1), person(2), person(4)]));
  });
  afterAll(async () => t?.close());

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
