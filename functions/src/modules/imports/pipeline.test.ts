import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { queryRows } from '../../db/rows';
import { person, templateCsv } from './fixtures/template-header';
import { analyseImport, failureReasonOf, finaliseImport, runChunk, DEFAULT_PLAN } from './pipeline';
import { revertJob } from './revert';
import { createImportTestContext, importFile, queue, uploadFile } from './test-context';
import { findJob } from './jobs';
import { noSuppressions } from './hooks';
import { fileContext } from '../../../test/support/file-context';

type Row = Record<string, unknown>;

describe('the import pipeline', () => {
  const t = fileContext(createImportTestContext);

  const liveContacts = () => queryRows<Row>(t.deps.db, sql`SELECT * FROM contacts WHERE deleted_at IS NULL ORDER BY email NULLS LAST, full_name`);
  const liveAccounts = () => queryRows<Row>(t.deps.db, sql`SELECT * FROM accounts WHERE deleted_at IS NULL ORDER BY domain NULLS LAST, name`);
  const withoutBookkeeping = ({ version: _v, updated_at: _u, ...rest }: Row) => rest;
  const reset = async () => {
    await t.deps.db.execute(sql`DELETE FROM import_jobs`);
    await t.deps.db.execute(sql`DELETE FROM record_changes`);
    await t.deps.db.execute(sql`DELETE FROM contacts`);
    await t.deps.db.execute(sql`DELETE FROM accounts`);
  };

  it('imports template rows: contacts with normalized values, one account per domain', async () => {
    await reset();
    const csv = templateCsv([
      person(1, { Email: ' Person1@ACME1.com ', 'Direct Phone': '(415) 555-0101', 'Contact Country': 'USA' }),
      person(2),
      person(3, { 'Company Domain': 'https://www.acme0.com/about' }),
    ]);
    const job = await importFile(t, csv, { source: 'trade show' });
    expect(job.status).toBe('completed');
    expect(job).toMatchObject({ rowsTotal: 3, rowsRead: 3, inserted: 3, updated: 0, failed: 0, accountsCreated: 3 });
    const contacts = await liveContacts();
    expect(contacts.map((c) => c.email)).toEqual(['person1@acme1.com', 'person2@acme2.com', 'person3@acme0.com']);
    expect(contacts[0]).toMatchObject({ direct_phone: '+14155550101', direct_phone_raw: '(415) 555-0101', country: 'US', full_name: 'First1 Last1', source: 'trade show' });
    const accounts = await liveAccounts();
    expect(accounts.map((a) => a.domain)).toEqual(['acme0.com', 'acme1.com', 'acme2.com']);
    expect(contacts[2]!.account_id).toBe(accounts[0]!.id);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await reset();
    const csv = templateCsv(Array.from({ length: 30 }, (_, i) => person(i)));
    await importFile(t, csv, {}, { rowsPerChunk: 7 });
    const before = { contacts: await liveContacts(), accounts: await liveAccounts() };
    const second = await importFile(t, csv, {}, { rowsPerChunk: 7 });
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 30, accountsCreated: 0, chunksTotal: 5 });
    expect({ contacts: await liveContacts(), accounts: await liveAccounts() }).toEqual(before);
  });

  it('reverts an import to the exact prior state', async () => {
    await reset();
    await importFile(t, templateCsv([person(1), person(2), person(3)]));
    const before = { contacts: await liveContacts(), accounts: await liveAccounts() };
    const second = await importFile(
      t,
      templateCsv([
        person(1, { 'Job Title': 'VP Marketing', 'Research Date': '2024-06-01' }),
        person(2, { 'Job Title': 'CMO', 'Contact City': 'Austin', 'Research Date': '2024-06-01' }),
        person(7, { Email: 'new@brand-new.io', 'Company Domain': 'brand-new.io', 'Company Name': 'Brand New' }),
      ]),
    );
    expect(second).toMatchObject({ inserted: 1, updated: 2, accountsCreated: 1 });
    expect((await liveContacts()).find((c) => c.email === 'person2@acme2.com')).toMatchObject({ job_title: 'CMO', city: 'Austin', version: 2 });
    const result = await revertJob(t.deps, second.id);
    expect(result).toEqual({ restored: 2, deleted: 1, accountsDeleted: 1, changedSince: 0, conflicts: 0 });
    // Every value is back; the revert is a write of its own, so versions move on (1 → 2 → 3).
    const after = await liveContacts();
    expect({ contacts: after.map(withoutBookkeeping), accounts: await liveAccounts() }).toEqual({
      contacts: before.contacts.map(withoutBookkeeping),
      accounts: before.accounts,
    });
    expect(after.filter((c) => c.email !== 'person3@acme0.com').map((c) => c.version)).toEqual([3, 3]);
    expect((await findJob(t.deps, second.id)).status).toBe('reverted');
  });

  it('reverts only contacts nobody changed since the import, with a history row each', async () => {
    await reset();
    await importFile(t, templateCsv([person(1), person(2), person(3)]));
    const newer = { 'Job Title': 'CMO', 'Research Date': '2024-06-01' };
    const second = await importFile(t, templateCsv([person(1, newer), person(2, newer), person(3, newer)]));
    expect(second).toMatchObject({ updated: 3 });
    // After the import a user edits person 1 and deletes person 2.
    await t.deps.db.execute(sql`UPDATE contacts SET job_title = 'Head of Growth', version = version + 1 WHERE email = 'person1@acme1.com'`);
    await t.deps.db.execute(sql`UPDATE contacts SET deleted_at = now(), version = version + 1 WHERE email = 'person2@acme2.com'`);

    const result = await revertJob(t.deps, second.id, { userId: t.principal.userId });

    expect(result).toEqual({ restored: 1, deleted: 0, accountsDeleted: 0, changedSince: 2, conflicts: 0 });
    const rows = await queryRows<Row>(t.deps.db, sql`SELECT id, email, job_title, research_date, deleted_at, version FROM contacts ORDER BY email`);
    expect(rows.map(({ email, job_title, version }) => ({ email, job_title, version }))).toEqual([
      { email: 'person1@acme1.com', job_title: 'Head of Growth', version: 3 },
      { email: 'person2@acme2.com', job_title: 'CMO', version: 3 },
      { email: 'person3@acme0.com', job_title: 'Marketing Manager', version: 3 },
    ]);
    expect(rows[1]!.deleted_at).not.toBeNull();
    const history = await queryRows<Row>(t.deps.db, sql`SELECT entity_id, action, changes, actor_id FROM record_changes WHERE entity_type = 'contact'`);
    expect(history).toEqual([
      {
        entity_id: rows[2]!.id,
        action: 'update',
        changes: { jobTitle: { from: 'CMO', to: 'Marketing Manager' }, researchDate: { from: '2024-06-01', to: '2024-03-01' } },
        actor_id: t.principal.userId,
      },
    ]);
  });

  it('leaves a contact alone when its prior value now clashes with another contact, and still reverts the rest', async () => {
    await reset();
    await importFile(t, templateCsv([person(1), person(2), person(3)]));
    const second = await importFile(t, templateCsv([person(1, { 'Job Title': 'CMO' }), person(2, { 'Job Title': 'CMO' })]));
    expect(second).toMatchObject({ updated: 2 });
    // A before-image whose email another live contact holds now: putting it back would break the unique key.
    await t.deps.db.execute(
      sql`UPDATE import_changes SET before = jsonb_set(before, '{email}', '"person3@acme0.com"')
           WHERE job_id = ${second.id} AND entity_id = (SELECT id FROM contacts WHERE email = 'person1@acme1.com')`,
    );

    const result = await revertJob(t.deps, second.id);

    expect(result).toEqual({ restored: 1, deleted: 0, accountsDeleted: 0, changedSince: 0, conflicts: 1 });
    const titles = await queryRows<Row>(t.deps.db, sql`SELECT email, job_title FROM contacts ORDER BY email`);
    expect(titles).toEqual([
      { email: 'person1@acme1.com', job_title: 'CMO' },
      { email: 'person2@acme2.com', job_title: 'Marketing Manager' },
      { email: 'person3@acme0.com', job_title: 'Marketing Manager' },
    ]);
    expect((await findJob(t.deps, second.id)).status).toBe('reverted');
  });

  it('writes nothing twice when a chunk is retried or the process dies mid-import', async () => {
    await reset();
    const csv = templateCsv(Array.from({ length: 25 }, (_, i) => person(i, { Email: `p${i}@corp${i}.com`, 'Company Domain': `corp${i}.com` })));
    const jobId = await uploadFile(t, 'big.csv', csv);
    await queue(t, jobId);
    const p = { deps: t.deps, hooks: t.hooks };
    const plan = await analyseImport(p, jobId, { ...DEFAULT_PLAN, rowsPerChunk: 10 });
    expect(plan.chunks).toHaveLength(3);
    // A retried Analyse returns the same plan.
    expect(await analyseImport(p, jobId, { ...DEFAULT_PLAN, rowsPerChunk: 4 })).toEqual(plan);
    await runChunk(p, jobId, 0);
    // The same chunk delivered again (a retry after a timeout): nothing is written twice.
    expect(await runChunk(p, jobId, 0)).toEqual({ status: 'already-done' });
    // "Crash": chunk 1 runs its transaction but the process dies before the task reports back;
    // on restart every chunk runs again, in another order.
    await runChunk(p, jobId, 1);
    for (const index of [2, 1, 0]) await runChunk(p, jobId, index);
    await finaliseImport(p, jobId);
    const job = await findJob(t.deps, jobId);
    expect(job).toMatchObject({ status: 'completed', rowsRead: 25, inserted: 25, chunksDone: 3, accountsCreated: 25 });
    const [{ n }] = (await queryRows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM contacts`)) as [{ n: number }];
    expect(n).toBe(25);
  });

  it('runs two workers on the same chunk at once without writing twice', async () => {
    await reset();
    const jobId = await uploadFile(t, 'race.csv', templateCsv(Array.from({ length: 12 }, (_, i) => person(i))));
    await queue(t, jobId);
    const p = { deps: t.deps, hooks: t.hooks };
    await analyseImport(p, jobId);
    const outcomes = await Promise.all([runChunk(p, jobId, 0), runChunk(p, jobId, 0)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['already-done', 'done']);
    expect((await findJob(t.deps, jobId)).inserted).toBe(12);
  });

  it('skips a row with errors, keeps a row with warnings, and writes the error file', async () => {
    await reset();
    const csv = templateCsv([
      person(1),
      person(2, { Email: 'not-an-email', 'Job Title': '=HYPERLINK("http://evil")' }),
      person(3, { 'Direct Phone': '12', 'Email Confidence': '250' }),
      person(4, { Email: '', 'First Name': '', 'Last Name': '', 'Company Name': '', 'Company Domain': '' }),
    ]);
    const job = await importFile(t, csv);
    expect(job).toMatchObject({ inserted: 2, failed: 2, skipped: 0 });
    expect(job.warnings).toBeGreaterThanOrEqual(2);
    const kept = (await liveContacts()).find((c) => c.email === 'person3@acme0.com');
    expect(kept).toMatchObject({ direct_phone: null, direct_phone_raw: '12', email_confidence: null });
    const file = await t.bucket.s3.send(new GetObjectCommand({ Bucket: t.bucket.name, Key: job.errorFileKey! }));
    const text = await file.Body!.transformToString('utf-8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(text.slice(1), { relax_column_count: true }) as string[][];
    expect(rows[0]!.slice(-2)).toEqual(['Error Row', 'Error Reason']);
    expect(rows).toHaveLength(3);
    const bad = rows.find((r) => r.at(-2) === '3')!;
    expect(bad.at(-1)).toMatch(/Email: "not-an-email" is not a valid email address/);
    expect(bad).toContain(`'=HYPERLINK("http://evil")`);
    expect(rows.find((r) => r.at(-2) === '5')!.at(-1)).toMatch(/neither an email nor a name/);
  });

  it('reports duplicates within the file, across chunks, and imports only the first', async () => {
    await reset();
    const csv = templateCsv([
      person(1),
      person(2),
      person(3, { Email: 'PERSON1@acme1.com', 'Job Title': 'Other' }),
      person(4),
      person(5, { Email: 'person2@acme2.com' }),
    ]);
    const job = await importFile(t, csv, {}, { rowsPerChunk: 2 });
    expect(job).toMatchObject({ inserted: 3, duplicates: 2, skipped: 2 });
    expect((await liveContacts()).find((c) => c.email === 'person1@acme1.com')!.job_title).toBe('Marketing Manager');
  });

  it('applies the dedupe modes and the Research Date rule', async () => {
    await reset();
    await importFile(t, templateCsv([person(1, { 'Job Title': 'Analyst', 'Contact City': '' })]));
    const older = templateCsv([person(1, { 'Job Title': 'Director', 'Contact City': 'Boston', 'Research Date': '2023-01-01' })]);
    const newer = templateCsv([person(1, { 'Job Title': 'VP', 'Contact City': 'Denver', 'Research Date': '2025-01-01' })]);
    const get = async () => (await liveContacts())[0]!;

    expect(await importFile(t, newer, { dedupeMode: 'skip' })).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await get()).toMatchObject({ job_title: 'Analyst', city: null });

    // An older Research Date only fills empty fields.
    expect(await importFile(t, older, { dedupeMode: 'update' })).toMatchObject({ updated: 1 });
    expect(await get()).toMatchObject({ job_title: 'Analyst', city: 'Boston' });

    // Fill mode never overwrites, whatever the date.
    expect(await importFile(t, newer, { dedupeMode: 'fill' })).toMatchObject({ updated: 0, unchanged: 1 });

    // A newer Research Date updates the fields it carries.
    expect(await importFile(t, newer, { dedupeMode: 'update' })).toMatchObject({ updated: 1 });
    expect(await get()).toMatchObject({ job_title: 'VP', city: 'Denver' });
  });

  it('does a dry run that writes nothing and reports what would happen, with samples', async () => {
    await reset();
    await importFile(t, templateCsv([person(1)]));
    const before = { contacts: await liveContacts(), accounts: await liveAccounts() };
    const csv = templateCsv([person(1, { 'Job Title': 'Changed', 'Research Date': '2025-01-01' }), person(2), person(3, { Email: 'bad@' }), person(4, { Email: 'person2@acme2.com' })]);
    const job = await importFile(t, csv, {}, {}, true);
    expect(job.status).toBe('completed');
    expect(job.report).toMatchObject({ wouldInsert: 1, wouldUpdate: 1, duplicatesInFile: 1, invalid: 1, suppressed: 0 });
    const report = job.report as { samples: Record<string, { row: number }[]> };
    expect(report.samples.insert!.map((s) => s.row)).toEqual([3]);
    expect(report.samples.update!.map((s) => s.row)).toEqual([2]);
    expect(report.samples.invalid!.map((s) => s.row)).toEqual([4]);
    expect(report.samples.duplicate!.map((s) => s.row)).toEqual([5]);
    expect({ contacts: await liveContacts(), accounts: await liveAccounts() }).toEqual(before);
  });

  it('skips suppressed people through the suppression hook (two lookups per chunk)', async () => {
    await reset();
    const calls: { emails: string[]; phones: string[] }[] = [];
    t.hooks = {
      checkSuppressions: async (_db, input) => {
        calls.push(input);
        return { emails: new Set(input.emails.filter((e) => e === 'person2@acme2.com')), phones: new Set(['+14155551003']) };
      },
    };
    try {
      const csv = templateCsv([person(1), person(2), person(3, { Email: '', 'Full Name': 'Phone Only', 'Direct Phone': '+1 415 555 1003' }), person(4)]);
      const job = await importFile(t, csv, {}, { rowsPerChunk: 2 });
      expect(job).toMatchObject({ inserted: 2, suppressed: 2 });
      expect(calls).toHaveLength(2);
      expect((await liveContacts()).map((c) => c.email)).toEqual(['person1@acme1.com', 'person4@acme1.com']);
    } finally {
      t.hooks = { checkSuppressions: noSuppressions };
    }
  });

  it('never brings back a person on the compliance suppression list', async () => {
    await reset();
    await t.deps.db.execute(
      sql`INSERT INTO suppressions (type, value, reason, source) VALUES ('email', 'person1@acme1.com', 'unsubscribe', 'test'), ('domain', 'acme2.com', 'client_request', 'test')`,
    );
    t.hooks = t.deps.hooks.imports;
    try {
      const job = await importFile(t, templateCsv([person(1), person(2), person(3)]));
      expect(job).toMatchObject({ inserted: 1, suppressed: 2 });
      expect((await liveContacts()).map((c) => c.email)).toEqual(['person3@acme0.com']);
    } finally {
      t.hooks = { checkSuppressions: noSuppressions };
      await t.deps.db.execute(sql`DELETE FROM suppressions`);
    }
  });

  it('counts every row exactly once: rows = inserted + updated + unchanged + skipped + failed', async () => {
    await reset();
    await importFile(t, templateCsv([person(1), person(2)]));
    t.hooks = { checkSuppressions: async (_db, input) => ({ emails: new Set(input.emails.filter((e) => e === 'person5@acme2.com')), phones: new Set() }) };
    try {
      const csv = templateCsv([
        person(1),
        person(2, { 'Job Title': 'Changed', 'Research Date': '2025-01-01' }),
        person(3),
        person(4, { Email: 'not-an-email' }),
        person(5),
        person(6, { Email: 'person3@acme0.com' }),
      ]);
      const job = await importFile(t, csv, {}, { rowsPerChunk: 2 });
      expect(job).toMatchObject({ rowsTotal: 6, inserted: 1, updated: 1, unchanged: 1, failed: 1, suppressed: 1, duplicates: 1, skipped: 2 });
      expect(job.inserted + job.updated + job.unchanged + job.skipped + job.failed).toBe(job.rowsTotal);
    } finally {
      t.hooks = { checkSuppressions: noSuppressions };
    }
  });

  it("keeps a row whose company name contradicts its domain's account, with a warning naming both", async () => {
    await reset();
    await importFile(t, templateCsv([person(1, { 'Company Name': 'Acme Analytics, Inc.' })]));
    const csv = templateCsv([
      person(4, { 'Company Name': 'ACME ANALYTICS LLC' }),
      person(7, { 'Company Name': 'Globex Corporation' }),
      person(10, { 'Company Name': '' }),
      person(11, { 'Company Domain': 'initech.com', 'Company Name': 'Initech' }),
      person(12, { 'Company Domain': 'initech.com', 'Company Name': 'Umbrella Pharma' }),
    ]);
    const job = await importFile(t, csv);
    expect(job).toMatchObject({ inserted: 5, failed: 0 });
    const warnings = await queryRows<{ row_number: number; column: string; reason: string }>(
      t.deps.db,
      sql`SELECT row_number, "column", reason FROM import_row_issues WHERE job_id = ${job.id} AND reason LIKE 'Company name differs%' ORDER BY row_number`,
    );
    expect(warnings).toEqual([
      { row_number: 3, column: 'Company Name', reason: `Company name differs from the account's: "Globex Corporation" in the file, "Acme Analytics, Inc." on the account of acme1.com (the row was filed under it)` },
      { row_number: 6, column: 'Company Name', reason: `Company name differs from the account's: "Umbrella Pharma" in the file, "Initech" on the account of initech.com (the row was filed under it)` },
    ]);
    // Kept, under the domain's account.
    expect((await liveContacts()).find((c) => c.email === 'person7@acme1.com')).toBeDefined();
  });

  it('imports contacts without email, matched by account, name and phone', async () => {
    await reset();
    const csv = templateCsv([person(1, { Email: '', 'Full Name': 'Ann Lee' }), person(2, { Email: '', 'Full Name': 'Bob Ray', 'Direct Phone': '' })]);
    expect(await importFile(t, csv)).toMatchObject({ inserted: 2 });
    expect(await importFile(t, csv)).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it('counts a chunk once even when the job was cancelled meanwhile', async () => {
    await reset();
    const jobId = await uploadFile(t, 'cancel.csv', templateCsv([person(1), person(2)]));
    await queue(t, jobId);
    const p = { deps: t.deps, hooks: t.hooks };
    await analyseImport(p, jobId);
    await t.deps.db.execute(sql`UPDATE import_jobs SET status = 'cancelled' WHERE id = ${jobId}`);
    expect(await runChunk(p, jobId, 0)).toEqual({ status: 'job-inactive', jobStatus: 'cancelled' });
    expect(await liveContacts()).toEqual([]);
  });

  it("commits a chunk's rows and the progress it reports durably, so reported progress never goes back after a crash", async () => {
    await reset();
    // The list hook runs inside the chunk's transaction, where the rows and the job's counts are written.
    const settings: string[] = [];
    const hooks = {
      checkSuppressions: noSuppressions,
      addToList: async (query: Parameters<NonNullable<typeof t.hooks.addToList>>[0]) => {
        const [row] = await query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        settings.push(row!.synchronous_commit);
      },
    };
    const jobId = await uploadFile(t, 'durable.csv', templateCsv([person(1), person(2), person(3)]));
    await queue(t, jobId, { listId: '0190a0a0-0000-7000-8000-000000000001' });
    const p = { deps: t.deps, hooks };
    const planned = await analyseImport(p, jobId, { ...DEFAULT_PLAN, rowsPerChunk: 2 });
    for (const chunk of planned.chunks) await runChunk(p, jobId, chunk.index);
    expect(settings).toEqual(['on', 'on']);
    expect(await findJob(t.deps, jobId)).toMatchObject({ chunksDone: 2, inserted: 3 });
  });

  it('tells the user why a file was refused, and nothing internal otherwise', () => {
    const refused = { Error: 'FileRefusedError', Cause: JSON.stringify({ errorType: 'FileRefusedError', errorMessage: 'The file has a header row but no data rows.' }) };
    expect(failureReasonOf(refused)).toBe('The file has a header row but no data rows.');
    expect(failureReasonOf({ Error: 'FileRefusedError', Cause: 'The file is empty.' })).toBe('The file is empty.');
    const crash = failureReasonOf({ Error: 'error', Cause: JSON.stringify({ errorType: 'error', errorMessage: 'relation "contacts" does not exist at /var/task/index.mjs' }) });
    expect(crash).not.toMatch(/contacts|var\/task/);
    expect(crash).toMatch(/unexpected error/);
  });
});
