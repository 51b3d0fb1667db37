// Import jobs through the API: create a presigned multipart upload, complete it (and analyse the
// file for the mapping screen), start with a confirmed mapping, follow, list, cancel, revert,
// fetch the error file link and the row issues.
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import {
  IMPORT_PART_BYTES,
  type CompleteUploadRequest,
  type CreateUploadRequest,
  type CreateUploadResponse,
  type DownloadLink,
  type ImportJob,
  type ImportListResponse,
  type RevertResult,
  type RowIssue,
} from '@shared/contracts/imports';
import type { importListQuerySchema, rowIssueListQuerySchema, startImportRequestSchema } from '@shared/contracts/imports';
import type { z } from 'zod';
import type { Deps } from '../../core/deps';
import { AppError, invalid, notFound } from '../../core/app-error';
import type { Principal } from '../../core/principal';
import { importJobs, importRowIssues, staticLists } from '../../db/schema';
import { analyseSample, FileRefusal, SAMPLE_BYTES } from './analyse-sample';
import type { ImportHooks } from './hooks';
import { uuidv7 } from './ids';
import { saveProfile } from './profiles';
import { revertJob } from './revert';
import { completeMultipartUpload, createMultipartUpload, getRange, headObject, presignDownload, presignUploadParts } from './s3-objects';
import { bucketOf } from './pipeline';
import { startImportExecution } from './start-workflow';
import { jobView } from './views';
import { redactError } from '../../http/redact-error';

type JobRow = typeof importJobs.$inferSelect;
type ServiceDeps = Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now'>;

const UPLOAD_LINK_SECONDS = 6 * 60 * 60;
const DOWNLOAD_LINK_SECONDS = 15 * 60;

export async function findJob(deps: Pick<Deps, 'db'>, jobId: string): Promise<JobRow> {
  const [job] = await deps.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw notFound('import');
  return job;
}

export async function getImport(deps: Pick<Deps, 'db'>, jobId: string): Promise<ImportJob> {
  return jobView(await findJob(deps, jobId));
}

export async function createUpload(deps: ServiceDeps, principal: Principal, input: CreateUploadRequest): Promise<CreateUploadResponse> {
  const id = uuidv7(deps.now().getTime());
  const objectKey = `imports/uploads/${id}/${input.fileName}`;
  const bucket = bucketOf(deps);
  const uploadId = await createMultipartUpload(bucket, objectKey, 'text/csv');
  await deps.db.insert(importJobs).values({
    id,
    origin: 'upload',
    status: 'uploading',
    fileName: input.fileName,
    objectKey,
    fileSize: input.fileSize,
    uploadId,
    createdBy: principal.userId,
  });
  const partCount = Math.max(1, Math.ceil(input.fileSize / IMPORT_PART_BYTES));
  const parts = await presignUploadParts(bucket, objectKey, uploadId, partCount, UPLOAD_LINK_SECONDS);
  return { jobId: id, partSize: IMPORT_PART_BYTES, parts, expiresAt: new Date(deps.now().getTime() + UPLOAD_LINK_SECONDS * 1000).toISOString() };
}

/**
 * Reads the start of the stored file and records the analysis; a refused file fails the job with
 * the reason. Only a job still uploading is written: one cancelled meanwhile stays cancelled, and
 * is returned as it is.
 */
export async function analyseStoredFile(deps: ServiceDeps, job: JobRow): Promise<JobRow> {
  const bucket = bucketOf(deps);
  const head = await headObject(bucket, job.objectKey);
  if (!head) throw new AppError('unprocessable', { detail: 'The uploaded file was not found: upload it again.' });
  try {
    const sample = await getRange(bucket, job.objectKey, 0, Math.min(head.size, SAMPLE_BYTES));
    const analysis = analyseSample(sample, head.size);
    const [row] = await deps.db
      .update(importJobs)
      .set({
        status: 'analysed',
        fileSize: head.size,
        encoding: analysis.encoding,
        delimiter: analysis.delimiter,
        headers: analysis.columns.map((c) => c.header),
        analysis,
        updatedAt: deps.now(),
      })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'uploading')))
      .returning();
    return row ?? findJob(deps, job.id);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    const [row] = await deps.db
      .update(importJobs)
      .set({ status: 'failed', fileSize: head.size, failureReason: error.message, finishedAt: deps.now(), updatedAt: deps.now() })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'uploading')))
      .returning();
    return row ?? findJob(deps, job.id);
  }
}

export async function completeUpload(deps: ServiceDeps, jobId: string, input: CompleteUploadRequest): Promise<ImportJob> {
  const job = await findJob(deps, jobId);
  if (job.status !== 'uploading' || !job.uploadId) throw new AppError('conflict', { detail: `The upload of this import is already ${job.status}.` });
  try {
    await completeMultipartUpload(bucketOf(deps), job.objectKey, job.uploadId, input.parts);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'InvalidPart' || name === 'InvalidPartOrder' || name === 'EntityTooSmall' || name === 'NoSuchUpload') {
      throw new AppError('unprocessable', { detail: `The upload could not be completed (${name}): upload the file again.` });
    }
    throw error;
  }
  const analysed = await analyseStoredFile(deps, job);
  if (analysed.status === 'failed') {
    throw new AppError('unprocessable', { detail: analysed.failureReason ?? 'The file was refused.', extra: { jobId } });
  }
  if (analysed.status !== 'analysed') throw new AppError('conflict', { detail: `This import was ${analysed.status} while its file was analysed.` });
  return jobView(analysed);
}

export async function startImport(
  deps: ServiceDeps,
  hooks: ImportHooks,
  principal: Principal,
  jobId: string,
  input: z.output<typeof startImportRequestSchema>,
): Promise<ImportJob> {
  const job = await findJob(deps, jobId);
  const rerun = job.status === 'completed' && job.dryRun;
  if (job.status !== 'analysed' && !rerun) throw new AppError('conflict', { detail: `This import is ${job.status}; only an analysed file (or a finished dry run) can be started.` });
  const headers = (job.headers as string[]) ?? [];
  input.mapping.forEach((m, i) => {
    if (m.column >= headers.length) throw invalid(`body.mapping.${i}.column`, `the file has ${headers.length} columns`);
  });
  const targets = new Set(input.mapping.map((m) => m.target));
  if (!targets.has('contact.email') && !targets.has('contact.fullName') && !targets.has('contact.firstName') && !targets.has('contact.lastName')) {
    throw invalid('body.mapping', 'map a column to Email or to a name (Full Name, First Name or Last Name)');
  }
  if (input.options.listId && !hooks.addToList) {
    throw new AppError('unprocessable', { detail: 'Adding imported contacts to a list is not available yet.' });
  }
  if (input.options.listId) {
    const [list] = await deps.db
      .select({ id: staticLists.id })
      .from(staticLists)
      .where(and(eq(staticLists.id, input.options.listId), isNull(staticLists.deletedAt)));
    if (!list) throw invalid('body.options.listId', 'no such list');
  }
  if (input.saveProfileAs) {
    await saveProfile(deps, principal, {
      name: input.saveProfileAs,
      mapping: input.mapping.map((m) => ({ header: headers[m.column]!, target: m.target })),
      options: input.options,
    });
  }
  const [queued] = await deps.db
    .update(importJobs)
    .set({
      status: 'queued',
      mapping: input.mapping,
      options: input.options,
      dryRun: input.dryRun,
      ...(rerun ? RESET_COUNTS : {}),
      updatedAt: deps.now(),
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, job.status)))
    .returning();
  if (!queued) throw new AppError('conflict', { detail: 'This import was started already.' });
  if (rerun) await clearRun(deps, jobId);
  return jobView(await launch(deps, queued));
}

const RESET_COUNTS = {
  rowsTotal: null,
  rowsRead: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
  suppressed: 0,
  duplicates: 0,
  warnings: 0,
  accountsCreated: 0,
  chunksTotal: null,
  chunksDone: 0,
  report: null,
  errorFileKey: null,
  resultFileKey: null,
  failureReason: null,
  startedAt: null,
  finishedAt: null,
};

/** A finished dry run started again for real: its chunks and row issues go. */
async function clearRun(deps: ServiceDeps, jobId: string): Promise<void> {
  await deps.db.execute(sql`DELETE FROM import_chunks WHERE job_id = ${jobId}`);
  await deps.db.execute(sql`DELETE FROM import_row_issues WHERE job_id = ${jobId}`);
}

/** Starts the state machine for a queued job (its execution is named after the job and run). */
export async function launch(deps: ServiceDeps, job: JobRow): Promise<JobRow> {
  const executionArn = await startImportExecution(deps.aws.sfn, job.id, `${job.dryRun ? 'dry' : 'run'}-${deps.now().getTime()}`);
  const [row] = await deps.db.update(importJobs).set({ executionArn }).where(eq(importJobs.id, job.id)).returning();
  return row!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A history cursor is base64url of "<ISO created_at>|<job uuid>", exactly as listImports writes it. */
function parseListCursor(cursor: string): { when: Date; id: string } {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [at, id] = parts;
  const when = new Date(at ?? '');
  // Both go into SQL: a bad date or a non-uuid id must be a 400 here, not a database error.
  if (parts.length !== 2 || !id || !UUID.test(id) || Number.isNaN(when.getTime()) || when.toISOString() !== at) {
    throw invalid('query.cursor', 'is not a cursor this API gave out');
  }
  return { when, id };
}

export async function listImports(deps: Pick<Deps, 'db'>, query: z.output<typeof importListQuerySchema>): Promise<ImportListResponse> {
  const conditions = [];
  if (query.status) conditions.push(eq(importJobs.status, query.status));
  if (query.cursor) {
    const { when, id } = parseListCursor(query.cursor);
    conditions.push(or(lt(importJobs.createdAt, when), and(eq(importJobs.createdAt, when), lt(importJobs.id, id))));
  }
  const rows = await deps.db
    .select()
    .from(importJobs)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(jobView),
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

export async function cancelImport(deps: ServiceDeps, jobId: string): Promise<ImportJob> {
  const job = await findJob(deps, jobId);
  const [cancelled] = await deps.db
    .update(importJobs)
    .set({ status: 'cancelled', cancelRequestedAt: deps.now(), finishedAt: deps.now(), updatedAt: deps.now() })
    .where(and(eq(importJobs.id, jobId), sql`${importJobs.status} IN ('uploading', 'analysed', 'queued', 'running')`))
    .returning();
  if (!cancelled) throw new AppError('conflict', { detail: `This import is already ${job.status}.` });
  if (job.executionArn) {
    // Chunks check the job's status under their lock, so a chunk already running commits or stops cleanly.
    await deps.aws.sfn.send(new StopExecutionCommand({ executionArn: job.executionArn, cause: 'Cancelled by a user' })).catch((error: unknown) => {
      deps.logger.warn('could not stop the import execution', { jobId, error: redactError(error) });
    });
  }
  return jobView(cancelled);
}

export async function revertImport(deps: ServiceDeps, principal: Principal, jobId: string): Promise<RevertResult> {
  const job = await findJob(deps, jobId);
  if (job.dryRun) throw new AppError('conflict', { detail: 'A dry run wrote nothing: there is nothing to revert.' });
  if (job.status !== 'completed' && job.status !== 'cancelled' && job.status !== 'failed') {
    throw new AppError('conflict', { detail: `This import is ${job.status}; only a finished import can be reverted.` });
  }
  return revertJob(deps, jobId, { userId: principal.userId });
}

export async function errorFileLink(deps: ServiceDeps, jobId: string): Promise<DownloadLink> {
  const job = await findJob(deps, jobId);
  if (!job.errorFileKey) throw new AppError('not_found', { detail: 'This import has no error file: no row failed.' });
  const fileName = `${job.fileName.replace(/\.[^.]+$/, '')}-errors.csv`;
  return {
    url: await presignDownload(bucketOf(deps), job.errorFileKey, fileName, DOWNLOAD_LINK_SECONDS),
    fileName,
    expiresAt: new Date(deps.now().getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString(),
  };
}

export async function listRowIssues(
  deps: Pick<Deps, 'db'>,
  jobId: string,
  query: z.output<typeof rowIssueListQuerySchema>,
): Promise<{ items: RowIssue[]; nextCursor: string | null }> {
  await findJob(deps, jobId);
  const after = query.cursor ? Number(query.cursor) : 0;
  if (!Number.isSafeInteger(after) || after < 0) throw invalid('query.cursor', 'is not a cursor this API gave out');
  const rows = await deps.db
    .select()
    .from(importRowIssues)
    .where(
      and(
        eq(importRowIssues.jobId, jobId),
        sql`${importRowIssues.id} > ${after}`,
        query.severity ? eq(importRowIssues.severity, query.severity) : undefined,
      ),
    )
    .orderBy(importRowIssues.id)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ row: r.rowNumber, severity: r.severity as RowIssue['severity'], column: r.column, reason: r.reason })),
    nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}

