// Test support for imports: a fresh database (PGlite, or a throwaway database on DATABASE_URL's
// server), s3rver in a temp folder as the bucket, a real admin user, and helpers to put a file
// and run the pipeline's tasks in order as the state machine would.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ColumnMapping, ImportOptions } from '@shared/contracts/imports';
import { startS3, type S3Emulator } from '../../../../infra/local/emulators/s3';
import { createTestDeps, type TestContext } from '../../../test/support/test-deps';
import { FAST_AUTH_ENV, makeUser } from '../../../test/support/identity-fixtures';
import type { Principal } from '../../core/principal';
import { importJobs } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { noSuppressions, type ImportHooks } from './hooks';
import { uuidv7 } from './ids';
import { analyseStoredFile, findJob } from './jobs';
import { analyseImport, finaliseImport, runChunk, DEFAULT_PLAN, type PlanSettings } from './pipeline';
import { putObject, type Bucket } from './s3-objects';
import { templateMapping } from './profiles';

export const BUCKET = 'pivotal-test';

export interface ImportTestContext extends TestContext {
  s3: S3Emulator;
  bucket: Bucket;
  principal: Principal;
  hooks: ImportHooks;
}

export async function createImportTestContext(): Promise<ImportTestContext> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-imports-'));
  const s3 = await startS3({ directory: dir, buckets: [BUCKET] });
  const ctx = await createTestDeps({ env: { ...FAST_AUTH_ENV, S3_ENDPOINT: s3.endpoint, BUCKET_NAME: BUCKET } });
  const user = await makeUser(ctx.deps, { roles: ['campaign_manager'] });
  const principal: Principal = { userId: user.id, username: user.username, roles: user.roles, orgId: null, mustChangePassword: false };
  return {
    ...ctx,
    s3,
    bucket: { s3: ctx.deps.aws.s3, name: BUCKET },
    principal,
    hooks: { checkSuppressions: noSuppressions },
    close: async () => {
      await ctx.close();
      await s3.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Stores a file as an upload would and analyses it; returns the job id (status analysed or failed). */
export async function uploadFile(t: ImportTestContext, fileName: string, content: string | Uint8Array): Promise<string> {
  const id = uuidv7();
  const objectKey = `imports/uploads/${id}/${fileName}`;
  await putObject(t.bucket, objectKey, content, 'text/csv');
  const [job] = await t.deps.db
    .insert(importJobs)
    .values({ id, origin: 'upload', status: 'uploading', fileName, objectKey, createdBy: t.principal.userId })
    .returning();
  await analyseStoredFile(t.deps, job!);
  return id;
}

/** Confirms a mapping (the template mapping by default) and queues the job without a state machine. */
export async function queue(t: ImportTestContext, jobId: string, options: Partial<ImportOptions> = {}, mapping?: ColumnMapping, dryRun = false): Promise<void> {
  const job = await findJob(t.deps, jobId);
  await t.deps.db
    .update(importJobs)
    .set({
      status: 'queued',
      dryRun,
      mapping: mapping ?? templateMapping(job.headers as string[]),
      options: { dedupeMode: 'update', ...options },
    })
    .where(eq(importJobs.id, jobId));
}

/** Runs Analyse, every chunk and Finalise in order, as the state machine does. */
export async function runPipeline(t: ImportTestContext, jobId: string, plan: Partial<PlanSettings> = {}) {
  const p = { deps: t.deps, hooks: t.hooks };
  const planned = await analyseImport(p, jobId, { ...DEFAULT_PLAN, ...plan });
  for (const chunk of planned.chunks) await runChunk(p, jobId, chunk.index);
  await finaliseImport(p, jobId);
  return findJob(t.deps, jobId);
}

/** Upload, queue and run in one go. */
export async function importFile(
  t: ImportTestContext,
  content: string | Uint8Array,
  options: Partial<ImportOptions> = {},
  plan: Partial<PlanSettings> = {},
  dryRun = false,
) {
  const jobId = await uploadFile(t, 'contacts.csv', content);
  await queue(t, jobId, options, undefined, dryRun);
  return runPipeline(t, jobId, plan);
}
