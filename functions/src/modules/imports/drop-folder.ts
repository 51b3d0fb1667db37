// The S3 drop folder: a CSV put under imports/inbox/ (or imports/inbox/<profile>/) starts an
// import by itself with the named mapping profile, or the default template mapping. The file is
// first moved to imports/processing/<job>/ so a second delivery of the event finds nothing to do.
import { and, eq } from 'drizzle-orm';
import type { ColumnMapping, ImportOptions } from '@shared/contracts/imports';
import type { Deps } from '../../core/deps';
import { importJobs } from '../../db/schema';
import { uuidv7FromName } from './ids';
import { analyseStoredFile, launch } from './jobs';
import { bucketOf, moveDropFolderFile } from './pipeline';
import { applyProfile, findProfileByName, templateMapping } from './profiles';
import { headObject, moveObject } from './s3-objects';

export const DROP_FOLDER_PREFIX = 'imports/inbox/';
const ACCEPTED = /\.(csv|tsv|txt)$/i;

export interface DroppedObject {
  key: string;
  /** S3's per-object event sequencer (distinguishes two uploads of the same key). */
  sequencer: string;
  eventTime: Date;
}

export function parseDropKey(key: string): { profile: string | null; fileName: string } | null {
  if (!key.startsWith(DROP_FOLDER_PREFIX) || key.endsWith('/')) return null;
  const parts = key.slice(DROP_FOLDER_PREFIX.length).split('/');
  if (parts.length > 2 || !ACCEPTED.test(parts[parts.length - 1]!)) return null;
  return parts.length === 2 ? { profile: parts[0]!, fileName: parts[1]! } : { profile: null, fileName: parts[0]! };
}

type ServiceDeps = Pick<Deps, 'db' | 'dbHandle' | 'aws' | 'config' | 'logger' | 'now'>;

type JobRow = typeof importJobs.$inferSelect;

/**
 * Returns the job id, or null when the object is not an import or was handled already. The job
 * row is claimed first; a later delivery of the same event (S3 redelivers, Lambda retries a
 * failed attempt) resumes from the state the last attempt stored, so a failure at any step is
 * picked up again rather than left behind.
 */
export async function importDroppedObject(deps: ServiceDeps, dropped: DroppedObject): Promise<string | null> {
  const parsed = parseDropKey(dropped.key);
  if (!parsed) return null;
  const jobId = uuidv7FromName(`${dropped.key}|${dropped.sequencer}`, dropped.eventTime.getTime());
  const processingKey = `imports/processing/${jobId}/${parsed.fileName}`;

  const [created] = await deps.db
    .insert(importJobs)
    .values({ id: jobId, origin: 'drop_folder', status: 'uploading', fileName: parsed.fileName, objectKey: processingKey })
    .onConflictDoNothing()
    .returning();
  const job = created ?? (await deps.db.select().from(importJobs).where(eq(importJobs.id, jobId)))[0];
  if (!job) return null;

  switch (job.status) {
    case 'uploading':
      return receive(deps, job, dropped.key, parsed.profile);
    case 'analysed':
      return configure(deps, job, parsed.profile);
    case 'queued':
      if (job.executionArn) return null;
      await launch(deps, job);
      return jobId;
    case 'failed':
      // Failed, but the last attempt stopped before filing the file under imports/failed/.
      if (job.objectKey !== processingKey) return null;
      await moveDropFolderFile(deps, job, 'failed');
      return jobId;
    default:
      return null;
  }
}

/** Moves the file out of the inbox (unless a previous attempt did) and analyses it. */
async function receive(deps: ServiceDeps, job: JobRow, inboxKey: string, profile: string | null): Promise<string | null> {
  const bucket = bucketOf(deps);
  if (!(await headObject(bucket, job.objectKey))) {
    if (!(await headObject(bucket, inboxKey))) {
      // Neither in the inbox nor moved: nothing to import, and no job to show for it.
      await deps.db.delete(importJobs).where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'uploading')));
      return null;
    }
    await moveObject(bucket, inboxKey, job.objectKey);
  }
  const analysed = await analyseStoredFile(deps, job);
  if (analysed.status === 'failed') {
    await moveDropFolderFile(deps, analysed, 'failed');
    return job.id;
  }
  if (analysed.status !== 'analysed') return null;
  return configure(deps, analysed, profile);
}

/** Maps the analysed file (the named profile, or the template headers), queues it and starts it. */
async function configure(deps: ServiceDeps, job: JobRow, profileName: string | null): Promise<string> {
  const jobId = job.id;
  const headers = job.headers as string[];
  let mapping: ColumnMapping;
  let options: ImportOptions = { dedupeMode: 'update', source: `drop folder: ${job.fileName}` };
  let profileId: string | null = null;
  if (profileName) {
    const profile = await findProfileByName(deps, profileName);
    if (!profile) return refuse(deps, jobId, `No mapping profile is named "${profileName}": create it or drop the file in imports/inbox/.`);
    mapping = applyProfile(profile, headers);
    profileId = profile.id;
    options = { ...options, ...(profile.options as Partial<ImportOptions>), dedupeMode: (profile.options as ImportOptions).dedupeMode ?? 'update' };
    // Static lists come later: a profile's list is not applied by the drop folder yet.
    delete options.listId;
  } else {
    mapping = templateMapping(headers);
  }
  const targets = new Set(mapping.map((m) => m.target));
  if (!['contact.email', 'contact.fullName', 'contact.firstName', 'contact.lastName'].some((t) => targets.has(t as never))) {
    return refuse(deps, jobId, 'No column maps to Email or to a name: use the template headers or a mapping profile.');
  }
  const [queued] = await deps.db
    .update(importJobs)
    .set({ status: 'queued', mapping, options, profileId, updatedAt: deps.now() })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'analysed')))
    .returning();
  // Cancelled in the meantime: nothing to start.
  if (queued) await launch(deps, queued);
  return jobId;
}

async function refuse(deps: ServiceDeps, jobId: string, reason: string): Promise<string> {
  const [job] = await deps.db
    .update(importJobs)
    .set({ status: 'failed', failureReason: reason, finishedAt: deps.now(), updatedAt: deps.now() })
    .where(eq(importJobs.id, jobId))
    .returning();
  await moveDropFolderFile(deps, job!, 'failed');
  return jobId;
}


