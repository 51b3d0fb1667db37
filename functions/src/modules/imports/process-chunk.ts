// Imports one chunk: ranged read, parse, map and normalize every row, then a constant number of
// round trips whatever the chunk size — one suppression query, then in one transaction: lock
// the chunk, resolve accounts, insert the new ones, upsert contacts (with before-images), write
// row issues, mark the chunk done and add its counts to the job. The chunk's completion commits
// with its rows, so a retry after a crash finds it done and writes nothing twice.
import type { ColumnMapping, DedupeMode, ImportOptions } from '@shared/contracts/imports';
import type { CsvEncoding } from '@shared/csv/detect-encoding';
import type { Deps } from '../../core/deps';
import { compileMapping, mapRow, NormalizeCache, type AccountValues, type RowIssue } from './map-row';
import { decodeChunk, parseChunk } from './parse-chunk';
import { companyNameWarning, companyNamesDiffer } from './company-name-mismatch';
import { findAccounts, insertAccounts, personKey, upsertContacts, type ContactInput } from './contact-upsert-sql';
import type { ImportHooks } from './hooks';
import { withRawTransaction, type RawQuery } from '../../db/raw-sql';
import { getRange, type Bucket } from './s3-objects';
import { sliceYielder } from '../../core/yield-slices';

export interface ChunkJob {
  id: string;
  objectKey: string;
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  mapping: ColumnMapping;
  options: ImportOptions;
  dryRun: boolean;
  createdBy: string | null;
}

export interface ChunkRow {
  chunkIndex: number;
  byteStart: number;
  byteEnd: number;
  firstRow: number;
  duplicateRows: number[];
  duplicateOf: number[];
}

export interface ChunkCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  suppressed: number;
  duplicates: number;
  warnings: number;
  accountsCreated: number;
}

type SampleRow = { row: number; email: string | null; name: string | null; reason?: string };
export interface ChunkSamples {
  insert: SampleRow[];
  update: SampleRow[];
  duplicate: SampleRow[];
  invalid: SampleRow[];
  suppressed: SampleRow[];
}

interface Issue {
  row: number;
  severity: 'error' | 'warning' | 'duplicate' | 'suppressed';
  column: string | null;
  reason: string;
  fields: string[] | null;
}

export type ChunkOutcome = { status: 'done'; counts: ChunkCounts } | { status: 'already-done' } | { status: 'job-inactive'; jobStatus: string };

const SAMPLES_PER_KIND = 5;

/** Rows of a chunk after mapping, before any database work. */
interface PreparedChunk {
  rows: { row: number; contact: ContactInput; account: AccountValues | null }[];
  issues: Issue[];
  counts: ChunkCounts;
  samples: ChunkSamples;
}

function emptyCounts(): ChunkCounts {
  return { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, suppressed: 0, duplicates: 0, warnings: 0, accountsCreated: 0 };
}

function sample(list: SampleRow[], row: SampleRow) {
  if (list.length < SAMPLES_PER_KIND) list.push(row);
}

/**
 * Parse, map, validate, and drop rows that repeat an earlier row (in the file or the chunk).
 * Mapping a chunk is CPU work of a few hundred milliseconds; it runs in slices of a few
 * milliseconds (sliceYielder) so that, where several chunks and the API share a process (the local
 * stack), requests and the others' database round trips go on meanwhile.
 */
export async function prepareChunk(text: string, job: ChunkJob, chunk: ChunkRow): Promise<PreparedChunk> {
  const { records, unreadable } = parseChunk(text, job.delimiter, chunk.firstRow);
  const compiled = compileMapping(job.mapping, job.headers);
  const cache = new NormalizeCache();
  const counts = emptyCounts();
  const samples: ChunkSamples = { insert: [], update: [], duplicate: [], invalid: [], suppressed: [] };
  const issues: Issue[] = [];
  const duplicateOf = new Map(chunk.duplicateRows.map((row, i) => [row, chunk.duplicateOf[i]!]));
  const seenEmails = new Map<string, number>();
  const rows: PreparedChunk['rows'] = [];

  counts.rowsRead = records.length + unreadable.length;
  for (const u of unreadable) {
    counts.failed++;
    issues.push({ row: u.row, severity: 'error', column: null, reason: `The row cannot be read as CSV: ${u.reason}`, fields: [u.raw.slice(0, 10_000)] });
    sample(samples.invalid, { row: u.row, email: null, name: null, reason: u.reason });
  }
  const slice = sliceYielder();
  for (const record of records) {
    await slice();
    const first = duplicateOf.get(record.row);
    const mapped = mapRow(record.fields, compiled, job.options, cache);
    const label = { row: record.row, email: mapped.contact.email, name: mapped.contact.fullName };
    if (first !== undefined) {
      counts.duplicates++;
      issues.push({ row: record.row, severity: 'duplicate', column: null, reason: `Same email as row ${first}: only the first is imported`, fields: null });
      sample(samples.duplicate, { ...label, reason: `same as row ${first}` });
      continue;
    }
    const warnings = mapped.issues.filter((i: RowIssue) => i.severity === 'warning');
    if (!mapped.ok) {
      counts.failed++;
      const errors = mapped.issues.filter((i) => i.severity === 'error');
      for (const e of errors) issues.push({ row: record.row, severity: 'error', column: e.column, reason: e.reason, fields: null });
      // The original fields travel once per row, on its first error, for the error file.
      issues[issues.length - errors.length]!.fields = record.fields;
      sample(samples.invalid, { ...label, reason: errors.map((e) => (e.column ? `${e.column}: ${e.reason}` : e.reason)).join('; ') });
      continue;
    }
    if (mapped.contact.email) {
      const earlier = seenEmails.get(mapped.contact.email);
      if (earlier !== undefined) {
        counts.duplicates++;
        issues.push({ row: record.row, severity: 'duplicate', column: null, reason: `Same email as row ${earlier}: only the first is imported`, fields: null });
        sample(samples.duplicate, { ...label, reason: `same as row ${earlier}` });
        continue;
      }
      seenEmails.set(mapped.contact.email, record.row);
    }
    counts.warnings += warnings.length;
    for (const w of warnings) issues.push({ row: record.row, severity: 'warning', column: w.column, reason: w.reason, fields: null });
    rows.push({ row: record.row, contact: { ...mapped.contact, accountId: null }, account: mapped.account });
  }
  return { rows, issues, counts, samples };
}

/** Skips rows whose email is suppressed, or whose only identity is a suppressed phone; one query. */
async function applySuppressions(deps: Pick<Deps, 'db'>, hooks: ImportHooks, prepared: PreparedChunk): Promise<void> {
  const emails = [...new Set(prepared.rows.map((r) => r.contact.email).filter((e): e is string => !!e))];
  const phones = [
    ...new Set(prepared.rows.flatMap((r) => [r.contact.directPhone, r.contact.mobilePhone]).filter((p): p is string => !!p)),
  ];
  if (!emails.length && !phones.length) return;
  const matches = await hooks.checkSuppressions(deps.db, { emails, phones });
  if (!matches.emails.size && !matches.phones.size) return;
  prepared.rows = prepared.rows.filter((r) => {
    const c = r.contact;
    const phoneHit = [c.directPhone, c.mobilePhone].find((p) => p && matches.phones.has(p));
    const reason = c.email && matches.emails.has(c.email) ? 'The email is on the suppression list' : !c.email && phoneHit ? 'The phone number is on the do-not-call list' : null;
    if (reason) {
      prepared.counts.suppressed++;
      prepared.issues.push({ row: r.row, severity: 'suppressed', column: null, reason, fields: null });
      sample(prepared.samples.suppressed, { row: r.row, email: c.email, name: c.fullName, reason });
      return false;
    }
    if (phoneHit) prepared.issues.push({ row: r.row, severity: 'warning', column: null, reason: `${phoneHit} is on the do-not-call list`, fields: null });
    return true;
  });
}

/** Locks the chunk row; tells whether it is still to do and the job still active. */
async function lockChunk(query: RawQuery, jobId: string, index: number): Promise<{ status: string; jobStatus: string } | undefined> {
  const [row] = await query<{ status: string; job_status: string }>(
    `SELECT ch.status, j.status AS job_status FROM import_chunks ch JOIN import_jobs j ON j.id = ch.job_id
      WHERE ch.job_id = $1 AND ch.chunk_index = $2 FOR UPDATE OF ch`,
    [jobId, index],
  );
  return row ? { status: row.status, jobStatus: row.job_status } : undefined;
}

/**
 * A row filed under a domain's account whose name it contradicts (the account's name, or the
 * first row's for an account this chunk makes) keeps its place and gets a warning naming both.
 */
function warnOfCompanyNames(job: ChunkJob, prepared: PreparedChunk, byKey: Map<string, AccountValues>, existingNames: Map<string, string>): void {
  const nameColumn = job.mapping.find((m) => m.target === 'account.name')?.column;
  if (nameColumn === undefined) return;
  const header = job.headers[nameColumn] ?? `Column ${nameColumn + 1}`;
  for (const r of prepared.rows) {
    const a = r.account;
    // Without a name in the file the account is named after its domain: nothing to compare.
    if (!a?.domain || a.name === a.domain) continue;
    const accountName = existingNames.get(a.key) ?? byKey.get(a.key)!.name;
    if (!companyNamesDiffer(a.name, accountName)) continue;
    prepared.counts.warnings++;
    prepared.issues.push({ row: r.row, severity: 'warning', column: header, reason: companyNameWarning(a.name, accountName, a.domain), fields: null });
  }
}

async function writeDatabase(query: RawQuery, job: ChunkJob, prepared: PreparedChunk, mode: DedupeMode) {
  // Accounts: first row per key wins within the chunk.
  const byKey = new Map<string, AccountValues>();
  for (const r of prepared.rows) if (r.account && !byKey.has(r.account.key)) byKey.set(r.account.key, r.account);
  const existingNames = new Map<string, string>();
  const accountIds = await findAccounts(query, [...byKey.values()], existingNames);
  warnOfCompanyNames(job, prepared, byKey, existingNames);
  const missing = [...byKey.values()].filter((a) => !accountIds.has(a.key));
  const created = await insertAccounts(query, missing, job.createdBy);
  created.forEach((id, key) => accountIds.set(key, id));
  const raced = missing.filter((a) => !accountIds.has(a.key));
  // Made by a concurrent chunk between our lookup and insert: one more lookup, only then.
  if (raced.length) (await findAccounts(query, raced)).forEach((id, key) => accountIds.set(key, id));

  // Contacts without email: the same person twice in a chunk is one contact (first row wins).
  const seenPeople = new Map<string, number>();
  const contacts: ContactInput[] = [];
  for (const r of prepared.rows) {
    r.contact.accountId = r.account ? (accountIds.get(r.account.key) ?? null) : null;
    if (!r.contact.email) {
      const key = personKey(r.contact);
      const earlier = seenPeople.get(key);
      if (earlier !== undefined) {
        prepared.counts.duplicates++;
        prepared.issues.push({ row: r.row, severity: 'duplicate', column: null, reason: `Same person as row ${earlier}: only the first is imported`, fields: null });
        continue;
      }
      seenPeople.set(key, r.row);
    }
    contacts.push(r.contact);
  }
  const upsert = await upsertContacts(query, contacts, { mode, jobId: job.id, createdBy: job.createdBy });
  return { upsert, createdAccounts: [...created.values()] };
}

/** Records the chunk's issues, marks it done and adds its counts to the job (same transaction). */
async function recordChunk(query: RawQuery, job: ChunkJob, index: number, prepared: PreparedChunk, created: { contacts: string[]; accounts: string[] }) {
  const issues = prepared.issues;
  if (issues.length) {
    // All of the chunk's row issues in one statement.
    await query(
      `INSERT INTO import_row_issues (job_id, row_number, severity, "column", reason, fields)
       SELECT $1::uuid, t.row_number, t.severity, t.col, t.reason, t.fields::jsonb
         FROM unnest($2::int4[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(row_number, severity, col, reason, fields)`,
      [
        job.id,
        issues.map((i) => i.row),
        issues.map((i) => i.severity),
        issues.map((i) => i.column),
        issues.map((i) => i.reason.slice(0, 1000)),
        issues.map((i) => (i.fields ? JSON.stringify(i.fields) : null)),
      ],
    );
  }
  const c = prepared.counts;
  await query(
    `UPDATE import_chunks SET status = 'done', counts = $3::jsonb, samples = $4::jsonb,
            created_contact_ids = $5::uuid[], created_account_ids = $6::uuid[], completed_at = now()
      WHERE job_id = $1 AND chunk_index = $2`,
    [job.id, index, JSON.stringify(c), JSON.stringify(prepared.samples), created.contacts, created.accounts],
  );
  await query(
    `UPDATE import_jobs SET rows_read = rows_read + $2, inserted = inserted + $3, updated = updated + $4, unchanged = unchanged + $5,
            failed = failed + $6, suppressed = suppressed + $7, duplicates = duplicates + $8, warnings = warnings + $9,
            accounts_created = accounts_created + $10,
            skipped = skipped + $7 + $8,
            chunks_done = chunks_done + 1, updated_at = now()
      WHERE id = $1`,
    [job.id, c.rowsRead, c.inserted, c.updated, c.unchanged, c.failed, c.suppressed, c.duplicates, c.warnings, c.accountsCreated],
  );
}

export interface ProcessChunkDeps {
  deps: Pick<Deps, 'db' | 'dbHandle'>;
  bucket: Bucket;
  hooks: ImportHooks;
}

export async function processChunk({ deps, bucket, hooks }: ProcessChunkDeps, job: ChunkJob, chunk: ChunkRow): Promise<ChunkOutcome> {
  const bytes = await getRange(bucket, job.objectKey, chunk.byteStart, chunk.byteEnd);
  const prepared = await prepareChunk(decodeChunk(bytes, job.encoding), job, chunk);
  await applySuppressions(deps, hooks, prepared);
  const mode = job.options.dedupeMode ?? 'update';

  const outcome = await withRawTransaction(
    deps.dbHandle,
    async (query): Promise<ChunkOutcome> => {
      const lock = await lockChunk(query, job.id, chunk.chunkIndex);
      if (!lock || lock.status === 'done') return { status: 'already-done' };
      if (lock.jobStatus !== 'running' && lock.jobStatus !== 'queued') return { status: 'job-inactive', jobStatus: lock.jobStatus };
      // Committed with synchronous_commit as the server has it (on): the job's counts written here
      // are reported to users at once, so they must survive a crash the moment they are visible.
      const { upsert, createdAccounts } = await writeDatabase(query, job, prepared, mode);
      const c = prepared.counts;
      c.inserted = upsert.inserted.length;
      c.updated = upsert.updated.length;
      c.unchanged = upsert.unchanged;
      c.accountsCreated = createdAccounts.length;
      for (const r of prepared.rows) {
        const label = { row: r.row, email: r.contact.email, name: r.contact.fullName };
        if (r.contact.email && upsert.insertedKeys.has(r.contact.email)) sample(prepared.samples.insert, label);
        else if (r.contact.email && upsert.updatedKeys.has(r.contact.email)) sample(prepared.samples.update, label);
      }
      if (job.options.listId && hooks.addToList && !job.dryRun) {
        await hooks.addToList(query, { listId: job.options.listId, contactIds: [...upsert.inserted, ...upsert.updated] });
      }
      if (!job.dryRun) await recordChunk(query, job, chunk.chunkIndex, prepared, { contacts: upsert.inserted, accounts: createdAccounts });
      return { status: 'done', counts: c };
    },
    // A dry run does all the work and rolls it back: the counts are exactly what a real run would do.
    { rollback: job.dryRun },
  );

  if (job.dryRun && outcome.status === 'done') {
    return withRawTransaction(deps.dbHandle, async (query): Promise<ChunkOutcome> => {
      const lock = await lockChunk(query, job.id, chunk.chunkIndex);
      if (!lock || lock.status === 'done') return { status: 'already-done' };
      await recordChunk(query, job, chunk.chunkIndex, prepared, { contacts: [], accounts: [] });
      return outcome;
    });
  }
  return outcome;
}
