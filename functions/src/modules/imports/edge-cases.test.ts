import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows';
import { QUOTED_FILE, RAGGED_FILE, READABLE_FILES, REFUSED_FILES } from './fixtures/edge-cases';
import { findJob } from './jobs';
import { createImportTestContext, queue, runPipeline, uploadFile } from './test-context';
import { fileContext } from '../../../test/support/file-context';

describe('CSV edge cases', () => {
  const t = fileContext(createImportTestContext);

  const reset = async () => {
    await t.deps.db.execute(sql`DELETE FROM import_jobs`);
    await t.deps.db.execute(sql`DELETE FROM contacts`);
    await t.deps.db.execute(sql`DELETE FROM accounts`);
  };
  const people = () =>
    queryRows<{ first_name: string; last_name: string; email: string; city: string | null; job_title: string | null }>(
      t.deps.db,
      sql`SELECT first_name, last_name, email, city, job_title FROM contacts ORDER BY email`,
    );
  const accountNames = async () => (await queryRows<{ name: string }>(t.deps.db, sql`SELECT name FROM accounts ORDER BY name`)).map((a) => a.name);

  for (const file of READABLE_FILES) {
    it(`reads ${file.name}`, async () => {
      await reset();
      const jobId = await uploadFile(t, 'people.csv', file.bytes);
      const analysed = await findJob(t.deps, jobId);
      expect(analysed.status).toBe('analysed');
      expect(analysed).toMatchObject({ encoding: file.encoding, delimiter: file.delimiter });
      expect(analysed.headers).toEqual(['First Name', 'Last Name', 'Email', 'Company Name', 'Contact City']);
      await queue(t, jobId);
      const job = await runPipeline(t, jobId);
      expect(job).toMatchObject({ status: 'completed', rowsTotal: 2, inserted: 2, failed: 0 });
      expect(await people()).toEqual([
        { first_name: 'José', last_name: 'Núñez', email: 'jose@ejemplo.es', city: 'Málaga', job_title: null },
        { first_name: 'Zoë', last_name: 'Müller', email: 'zoe@beispiel.de', city: 'Köln', job_title: null },
      ]);
      expect(await accountNames()).toEqual(['Beispiel GmbH', 'Ejemplo, S.A.']);
    });
  }

  it('reads quoted fields with delimiters, escaped quotes and line breaks inside (RFC 4180)', async () => {
    await reset();
    const jobId = await uploadFile(t, 'quoted.csv', QUOTED_FILE);
    await queue(t, jobId);
    const job = await runPipeline(t, jobId, { rowsPerChunk: 1 });
    expect(job).toMatchObject({ rowsTotal: 3, inserted: 3, chunksTotal: 3 });
    const rows = await people();
    expect(rows[0]).toMatchObject({ last_name: "O'Neil", job_title: 'Head of "Growth"' });
    expect(rows[1]).toMatchObject({ job_title: 'Line one\nline two\rline three' });
    // All three work at quotes.io: one account, named by the first row (TEMPLATE.md matching).
    expect(await accountNames()).toEqual(['Quotes, Inc.']);
  });

  it('keeps ragged rows: short rows have empty fields, long rows warn', async () => {
    await reset();
    const jobId = await uploadFile(t, 'ragged.csv', RAGGED_FILE);
    await queue(t, jobId);
    const job = await runPipeline(t, jobId);
    expect(job).toMatchObject({ rowsTotal: 3, inserted: 3, failed: 0, warnings: 1 });
  });

  for (const file of REFUSED_FILES) {
    it(`refuses ${file.name}, says why and writes nothing`, async () => {
      await reset();
      const jobId = await uploadFile(t, 'refused.csv', file.bytes);
      const job = await findJob(t.deps, jobId);
      expect(job.status).toBe('failed');
      expect(job.failureReason).toMatch(file.reason);
      expect(await people()).toEqual([]);
    });
  }
});
