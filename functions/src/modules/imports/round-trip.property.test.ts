import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_TARGETS } from '@shared/csv/mapping-target';
import { exportJobs } from '../../db/schema';
import { queryRows } from '../../db/rows';
import { runExport } from './exports';
import { templateCsv, type TemplateRow } from './fixtures/template-header';
import { getRange, headObject } from './s3-objects';
import { createImportTestContext, importFile } from './test-context';
import { fileContext } from '../../../test/support/file-context';

// Keys that belong to the database, not to the record: ids, timestamps, versions, who did it.
const BOOKKEEPING = /(^id$|_id$|_at$|_by$|^version$|_by_bulk$)/;

/** Text a person or a spreadsheet might hold, formula-like starts included. */
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom('=HYPERLINK("http://evil.example")', '+1 (415) 555-0100', '-50% off', '@handle', "'90s", 'Müller & Söhne, Inc.', '"quoted"'),
);
const phone = fc.constantFrom('+44 20 7946 0958', '+1 415 555 0199', '+49 30 901820', '+33 1 42 68 53 00', '020 7946 0958', '555-0100');

const recordArb = (n: number) =>
  fc.record(
    {
      'First Name': text,
      'Last Name': text,
      'Job Title': text,
      'Direct Phone': phone,
      'Mobile Phone': phone,
      'Contact City': text,
      'Contact Country': fc.constantFrom('United Kingdom', 'US', 'Germany', 'FR'),
      'Company Name': text,
      Industry: text,
      'Company Phone': phone,
      Technologies: fc.constantFrom('=cmd|calc;HubSpot', 'Salesforce;Marketo', '-x;+y'),
      'Company Description': text,
      'Employee Count': fc.integer({ min: 1, max: 100_000 }).map(String),
      'Annual Revenue': fc.integer({ min: 1, max: 10_000_000 }).map(String),
    },
    { requiredKeys: ['First Name', 'Company Name'] },
  ).map((r): TemplateRow => ({ ...r, Email: `person${n}@company${n}.example.com`, 'Company Domain': `company${n}.example.com` }));

const recordsArb = fc.integer({ min: 1, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => recordArb(i))));

describe('an export imports back unchanged', () => {
  const t = fileContext(createImportTestContext);

  async function empty(): Promise<void> {
    await t.deps.db.execute(sql`DELETE FROM contacts`);
    await t.deps.db.execute(sql`DELETE FROM accounts`);
  }

  /** Every contact with its account, keyed by email, bookkeeping columns left out. */
  async function records(): Promise<Record<string, unknown>> {
    const rows = await queryRows<{ email: string; c: Record<string, unknown> | string; a: Record<string, unknown> | string | null }>(
      t.deps.db,
      sql`SELECT contacts.email, row_to_json(contacts.*) AS c, row_to_json(accounts.*) AS a
            FROM contacts LEFT JOIN accounts ON accounts.id = contacts.account_id ORDER BY contacts.email`,
    );
    const strip = (value: Record<string, unknown> | string | null) => {
      const record = typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;
      // A number's `_raw` is how the first file wrote it (no template column carries it): it
      // counts only where the number did not normalize, since the export then writes it instead.
      return record && Object.fromEntries(Object.entries(record).filter(([k]) => !BOOKKEEPING.test(k) && !(k.endsWith('_raw') && record[k.slice(0, -4)] !== null)));
    };
    return Object.fromEntries(rows.map((r) => [r.email, { contact: strip(r.c), account: strip(r.a) }]));
  }

  async function exportContacts(): Promise<string> {
    const [job] = await t.deps.db
      .insert(exportJobs)
      .values({ resource: 'contacts', selection: {}, columns: [...TEMPLATE_TARGETS], bom: false, status: 'running' })
      .returning();
    await runExport(t.deps, job!.id);
    const key = `exports/${job!.id}/contacts.csv`;
    const head = await headObject(t.bucket, key);
    return Buffer.from(await getRange(t.bucket, key, 0, head!.size)).toString('utf8');
  }

  it('compares every field of every record after export → import into an empty database', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, async (rows) => {
        await empty();
        await importFile(t, templateCsv(rows));
        const before = await records();
        const file = await exportContacts();

        await empty();
        const job = await importFile(t, file);
        expect(job.failed).toBe(0);
        expect(await records()).toEqual(before);
      }),
      // Each run is two imports and an export against a real database and bucket.
      { numRuns: 8 },
    );
  }, 240_000);
});
