// The import state machine's tasks: Analyse (plan chunks), ProcessChunk, Finalise, and
// MarkFailed. Each is idempotent: a task retried after a crash finds its work done and
// returns the same result.
import { and, asc, eq, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { ColumnMapping, DryRunReport, ImportOptions } from '@shared/contracts/imports';
import type { CsvEncoding } from '@shared/csv/detect-encoding';
import { neutralizeFormula } from '@shared/csv/neutralize-formula';
import { normalizeEmail } from '@shared/normalize';
import type { Deps } from '../../core/deps';
import { importChunks, importJobs } from '../../db/schema';
import type { ImportHooks } from './hooks';
import { planChunks, FileScanError } from './plan-chunks';
import { processChunk, type ChunkCounts, type ChunkOutcome, type ChunkSamples } from './process-chunk';
import { isTransientError, rawQuery, withRawTransaction } from '../../db/raw-sql';
import { moveObject, ObjectWriter, putObject, streamObject, type Bucket } from './s3-objects';
import type { SampleAnalysis } from './analyse-sample';
import { redactError } from '../../http/redact-error';

/** A file the pipeline refuses as a whole; its message is shown to the user. */
export class FileRefusedError extends Error {
  override name = 'FileRefusedError';
}

/** Worth a retry with backoff (the state machine's Retry matches this name). */
export class TransientImportError extends Error {
  override name = 'TransientImportError';
}

export interface PlanSettings {
  rowsPerChunk: number;
  maxChunkBytes: number;
  maxRecordBytes: number;
}

export const DEFAULT_PLAN: PlanSettings = { rowsPerChunk: 5_000, maxChunkBytes: 16 * 1024 * 1024, maxRecordBytes: 1024 * 1024 };

export interface PipelineDeps {
  deps: Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now'>;
  hooks: ImportHooks;
}

export const bucketOf = (deps: Pick<Deps, 'aws' | 'config'>): Bucket => ({ s3: deps.aws.s3, name: deps.config.BUCKET_NAME });

type JobRow = typeof importJobs.$inferSelect;

async function loadJob(deps: Pick<Deps, 'db'>, jobId: string): Promise<JobRow> {
  const [job] = await deps.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new FileRefusedError(`Import job ${jobId} does not exist.`);
  return job;
}

/** Retries what may pass on a second try; everything else propagates as is. */
async function classify<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isTransientError(error)) throw new TransientImportError((error as Error).message, { cause: error });
    throw error;
  }
}

export interface PlanOutput {
  jobId: string;
  chunks: { jobId: string; index: number }[];
}

/** Analyse: one streaming pass over the file plans the chunks and finds in-file duplicate emails. */
export async function analyseImport({ deps }: PipelineDeps, jobId: string, settings: PlanSettings = DEFAULT_PLAN): Promise<PlanOutput> {
  return classify(async () => {
    const job = await loadJob(deps, jobId);
    const planned = async () => {
      const rows = await deps.db
        .select({ index: importChunks.chunkIndex })
        .from(importChunks)
        .where(eq(importChunks.jobId, jobId))
        .orderBy(asc(importChunks.chunkIndex));
      return { jobId, chunks: rows.map((r) => ({ jobId, index: r.index })) };
    };
    if (job.status !== 'queued' && job.status !== 'running') return { jobId, chunks: [] };
    if (job.chunksTotal !== null) return planned();

    const analysis = job.analysis as SampleAnalysis;
    const mapping = job.mapping as ColumnMapping;
    const emailColumn = mapping.find((m) => m.target === 'contact.email')?.column;
    let scan;
    try {
      scan = await planChunks(await streamObject(bucketOf(deps), job.objectKey), {
        encoding: analysis.encoding,
        bomBytes: analysis.bomBytes ?? 0,
        delimiter: analysis.delimiter,
        skipRecords: analysis.headerRow + 1,
        ...(emailColumn !== undefined ? { keyColumn: emailColumn, normalizeKey: normalizeEmail } : {}),
        ...settings,
      });
    } catch (error) {
      if (error instanceof FileScanError) throw new FileRefusedError(error.message);
      throw error;
    }
    if (scan.rows === 0) throw new FileRefusedError('The file has a header row but no data rows.');
    // Not UTF-8 after all (the sample was ASCII): the same byte offsets read as Windows-1252.
    const encoding: CsvEncoding = analysis.encoding === 'utf-8' && !scan.validUtf8 ? 'windows-1252' : analysis.encoding;

    await withRawTransaction(deps.dbHandle, async (query) => {
      // Every chunk of the plan in one statement; a retried Analyse finds them there.
      await query(
        `INSERT INTO import_chunks (job_id, chunk_index, byte_start, byte_end, first_row, row_count, duplicate_rows, duplicate_of)
         SELECT $1::uuid, t.i, t.s, t.e, t.f, t.n,
                coalesce(string_to_array(nullif(t.dr, ''), ',')::int[], '{}'::int[]),
                coalesce(string_to_array(nullif(t.dof, ''), ',')::int[], '{}'::int[])
           FROM unnest($2::int4[], $3::int8[], $4::int8[], $5::int4[], $6::int4[], $7::text[], $8::text[]) AS t(i, s, e, f, n, dr, dof)
         ON CONFLICT DO NOTHING`,
        [
          jobId,
          scan.chunks.map((c) => c.index),
          scan.chunks.map((c) => c.byteStart),
          scan.chunks.map((c) => c.byteEnd),
          scan.chunks.map((c) => c.firstRow),
          scan.chunks.map((c) => c.rowCount),
          scan.chunks.map((c) => c.duplicateRows.join(',')),
          scan.chunks.map((c) => c.duplicateOf.join(',')),
        ],
      );
      await query(
        `UPDATE import_jobs SET rows_total = $2, chunks_total = $3, encoding = $4, data_offset = $5,
                status = CASE WHEN status = 'queued' THEN 'running' ELSE status END,
                started_at = coalesce(started_at, now()), updated_at = now()
          WHERE id = $1 AND chunks_total IS NULL`,
        [jobId, scan.rows, scan.chunks.length, encoding, scan.dataOffset],
      );
    });
    return planned();
  });
}

/** ProcessChunk: imports one planned chunk (a no-op when it is already done or the job was cancelled). */
export async function runChunk({ deps, hooks }: PipelineDeps, jobId: string, index: number): Promise<ChunkOutcome> {
  return classify(async () => {
    const job = await loadJob(deps, jobId);
    if (job.status !== 'running' && job.status !== 'queued') return { status: 'job-inactive', jobStatus: job.status };
    const [chunk] = await deps.db
      .select()
      .from(importChunks)
      .where(and(eq(importChunks.jobId, jobId), eq(importChunks.chunkIndex, index)));
    if (!chunk) throw new Error(`Chunk ${index} of import ${jobId} was never planned.`);
    if (chunk.status === 'done') return { status: 'already-done' };
    return processChunk(
      { deps, bucket: bucketOf(deps), hooks },
      {
        id: job.id,
        objectKey: job.objectKey,
        encoding: job.encoding as CsvEncoding,
        delimiter: job.delimiter!,
        headers: job.headers as string[],
        mapping: job.mapping as ColumnMapping,
        options: job.options as ImportOptions,
        dryRun: job.dryRun,
        createdBy: job.createdBy,
      },
      chunk,
    );
  });
}

const ERROR_FILE_PAGE = 5000;

/** The rows that failed, as read plus the reason, formula-neutralized; streamed page by page. */
async function writeErrorFile(deps: PipelineDeps['deps'], job: JobRow, key: string): Promise<void> {
  const writer = new ObjectWriter(bucketOf(deps), key, 'text/csv; charset=utf-8');
  const headers = job.headers as string[];
  const line = (cells: string[]) => stringify([cells.map(neutralizeFormula)], { record_delimiter: '\r\n' });
  try {
    await writer.write('\ufeff' + line([...headers, 'Error Row', 'Error Reason']));
    let after = 0;
    for (;;) {
      // One page of failed rows, each with all its reasons, in file order.
      const rows = await rawQuery<{ row_number: number; reason: string; fields: string[] | null }>(
        deps.dbHandle,
        `SELECT row_number,
                string_agg(coalesce("column" || ': ', '') || reason, '; ' ORDER BY id) AS reason,
                (array_agg(fields ORDER BY id) FILTER (WHERE fields IS NOT NULL))[1] AS fields
           FROM import_row_issues
          WHERE job_id = $1 AND severity = 'error' AND row_number > $2
          GROUP BY row_number ORDER BY row_number LIMIT $3`,
        [job.id, after, ERROR_FILE_PAGE],
      );
      if (!rows.length) break;
      let text = '';
      for (const r of rows) {
        const fields = (typeof r.fields === 'string' ? (JSON.parse(r.fields) as string[]) : r.fields) ?? [];
        const padded = headers.map((_, i) => fields[i] ?? '');
        text += line([...padded, ...fields.slice(headers.length), String(r.row_number), r.reason].slice(0, Math.max(headers.length, fields.length) + 2));
      }
      await writer.write(text);
      after = rows[rows.length - 1]!.row_number;
      if (rows.length < ERROR_FILE_PAGE) break;
    }
    await writer.end();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

function mergeSamples(chunks: { samples: unknown }[]): DryRunReport['samples'] {
  const out: DryRunReport['samples'] = { insert: [], update: [], duplicate: [], invalid: [], suppressed: [] };
  for (const c of chunks) {
    const s = c.samples as ChunkSamples | null;
    if (!s) continue;
    for (const kind of Object.keys(out) as (keyof ChunkSamples)[]) {
      for (const row of s[kind] ?? []) if (out[kind].length < 10) out[kind].push(row);
    }
  }
  return out;
}

function summaryOf(job: JobRow) {
  return {
    jobId: job.id,
    fileName: job.fileName,
    status: job.status,
    dryRun: job.dryRun,
    rows: job.rowsTotal ?? job.rowsRead,
    inserted: job.inserted,
    updated: job.updated,
    unchanged: job.unchanged,
    skipped: job.suppressed + job.duplicates,
    failed: job.failed,
    suppressed: job.suppressed,
    duplicates: job.duplicates,
    warnings: job.warnings,
    accountsCreated: job.accountsCreated,
    failureReason: job.failureReason,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

const fileNameOf = (job: JobRow) => job.fileName.replace(/[\\/]/g, '_');

/** Where a drop-folder file and its result files end up. */
export function dropFolderResultKeys(job: JobRow, outcome: 'done' | 'failed') {
  const folder = `imports/${outcome}/${job.id}`;
  return { file: `${folder}/${fileNameOf(job)}`, result: `${folder}/result.json`, errors: `${folder}/errors.csv` };
}

/** Finalise: dry-run report, error file, summary; a drop-folder file moves to imports/done/. */
export async function finaliseImport({ deps }: PipelineDeps, jobId: string): Promise<{ jobId: string; status: string }> {
  return classify(async () => {
    let job = await loadJob(deps, jobId);
    if (job.status !== 'running' && job.status !== 'queued') return { jobId, status: job.status };
    const chunks = await deps.db.select({ status: importChunks.status, samples: importChunks.samples }).from(importChunks).where(eq(importChunks.jobId, jobId));
    const pending = chunks.filter((c) => c.status !== 'done').length;
    if (pending) throw new Error(`${pending} chunk(s) of import ${jobId} are not done.`);

    const dropFolder = job.origin === 'drop_folder';
    const keys = dropFolder ? dropFolderResultKeys(job, 'done') : { errors: `imports/results/${job.id}/errors.csv`, result: `imports/results/${job.id}/result.json`, file: null };
    let errorFileKey: string | null = null;
    if (job.failed > 0) {
      await writeErrorFile(deps, job, keys.errors);
      errorFileKey = keys.errors;
    }
    const report: DryRunReport | null = job.dryRun
      ? {
          wouldInsert: job.inserted,
          wouldUpdate: job.updated,
          unchanged: job.unchanged,
          duplicatesInFile: job.duplicates,
          invalid: job.failed,
          suppressed: job.suppressed,
          samples: mergeSamples(chunks),
        }
      : null;
    const [updated] = await deps.db
      .update(importJobs)
      .set({
        status: 'completed',
        finishedAt: deps.now(),
        report,
        errorFileKey,
        resultFileKey: keys.result,
        updatedAt: deps.now(),
      })
      .where(and(eq(importJobs.id, jobId), sql`${importJobs.status} IN ('queued', 'running')`))
      .returning();
    if (!updated) return { jobId, status: (await loadJob(deps, jobId)).status };
    job = updated;
    await putObject(bucketOf(deps), keys.result, JSON.stringify(summaryOf(job), null, 2), 'application/json');
    if (dropFolder && keys.file && job.objectKey !== keys.file) {
      await moveObject(bucketOf(deps), job.objectKey, keys.file);
      await deps.db.update(importJobs).set({ objectKey: keys.file }).where(eq(importJobs.id, jobId));
    }
    return { jobId, status: job.status };
  });
}

/** What to tell the user about a failure the state machine caught. */
export function failureReasonOf(error: { Error?: string; Cause?: string } | undefined, job: 'import' | 'export' = 'import'): string {
  if (!error) return `The ${job} failed.`;
  let type = error.Error ?? 'Error';
  let message = error.Cause ?? '';
  try {
    const parsed = JSON.parse(message) as { errorType?: string; errorMessage?: string };
    type = parsed.errorType ?? type;
    message = parsed.errorMessage ?? message;
  } catch {
    // The local runner passes the message as plain text.
  }
  if (type === 'FileRefusedError') return message;
  if (job === 'export') {
    if (type === 'States.Timeout') return 'The export took longer than allowed: narrow the selection or try again.';
    return `The export stopped on an unexpected error (${type}): try again.`;
  }
  if (type === 'States.Timeout') return 'The import took longer than allowed; the rows already imported are kept and can be reverted.';
  return `The import stopped on an unexpected error (${type}); the rows already imported are kept and can be reverted.`;
}

/** MarkFailed: records why, and moves a drop-folder file to imports/failed/ with its result file. */
export async function failImport({ deps }: PipelineDeps, jobId: string, reason: string): Promise<{ jobId: string; status: string }> {
  return classify(async () => {
    const [job] = await deps.db
      .update(importJobs)
      .set({ status: 'failed', failureReason: reason, finishedAt: deps.now(), updatedAt: deps.now() })
      .where(and(eq(importJobs.id, jobId), sql`${importJobs.status} IN ('queued', 'running', 'analysed', 'uploading')`))
      .returning();
    if (!job) return { jobId, status: (await loadJob(deps, jobId)).status };
    await moveDropFolderFile(deps, job, 'failed');
    return { jobId, status: job.status };
  });
}

export async function moveDropFolderFile(deps: PipelineDeps['deps'], job: JobRow, outcome: 'done' | 'failed'): Promise<void> {
  if (job.origin !== 'drop_folder') return;
  const keys = dropFolderResultKeys(job, outcome);
  await putObject(bucketOf(deps), keys.result, JSON.stringify(summaryOf(job), null, 2), 'application/json');
  if (job.objectKey !== keys.file) {
    await moveObject(bucketOf(deps), job.objectKey, keys.file).catch((error: unknown) => {
      deps.logger.warn('drop-folder file could not be moved', { jobId: job.id, error: redactError(error) });
    });
    await deps.db.update(importJobs).set({ objectKey: keys.file, resultFileKey: keys.result }).where(eq(importJobs.id, job.id));
  }
}

export type { ChunkCounts };
