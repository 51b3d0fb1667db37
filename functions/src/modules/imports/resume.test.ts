import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importJobs } from '../../db/schema';
import type { Deps } from '../../core/deps';
import { IMPORT_WORKFLOW_NAME } from '../../workflows/import';
import { importDroppedObject } from './drop-folder';
import { person, templateCsv } from './fixtures/template-header';
import { uuidv7 } from './ids';
import { analyseStoredFile, cancelImport, findJob } from './jobs';
import { headObject, putObject } from './s3-objects';
import { createImportTestContext } from './test-context';
import { fileContext } from '../../../test/support/file-context';

/** An S3 client whose first call of the named command fails as a dropped connection would. */
function s3FailingOnce(s3: S3Client, command: { name: string }): S3Client {
  let failed = false;
  const send = async (cmd: object, ...rest: unknown[]) => {
    if (!failed && cmd.constructor.name === command.name) {
      failed = true;
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    return (s3.send as (...args: unknown[]) => Promise<unknown>)(cmd, ...rest);
  };
  return Object.assign(Object.create(s3) as S3Client, { send });
}

/** A Step Functions stand-in that records the executions started; the first start may fail. */
function recordingSfn(options: { failFirstStart?: boolean } = {}) {
  const started: string[] = [];
  let failNext = options.failFirstStart ?? false;
  const send = async (cmd: object) => {
    if (cmd instanceof ListStateMachinesCommand) {
      return { stateMachines: [{ name: IMPORT_WORKFLOW_NAME, stateMachineArn: `arn:aws:states:local:0:stateMachine:${IMPORT_WORKFLOW_NAME}` }] };
    }
    if (cmd instanceof StartExecutionCommand) {
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
      }
      started.push(cmd.input.name!);
      return { executionArn: `arn:aws:states:local:0:execution:${IMPORT_WORKFLOW_NAME}:${cmd.input.name}` };
    }
    throw new Error(`unexpected ${cmd.constructor.name}`);
  };
  return { sfn: { send } as unknown as SFNClient, started };
}

describe('a drop-folder event delivered again after a failed attempt', () => {
  let n = 0;

  const t = fileContext(createImportTestContext);

  /** A file in the inbox and its event (a fresh sequencer per test). */
  async function drop(fileName: string) {
    n += 1;
    const key = `imports/inbox/${fileName}`;
    await putObject(t.bucket, key, templateCsv([person(1), person(2)]), 'text/csv');
    return { key, sequencer: `00${n}`, eventTime: new Date(Date.UTC(2026, 0, n)) };
  }
  const withClients = (clients: { s3?: S3Client; sfn?: SFNClient }): Deps => ({ ...t.deps, aws: { ...t.deps.aws, ...clients } });

  it('moves, analyses and starts the import when the first attempt failed moving the file', async () => {
    const event = await drop('move-fails.csv');
    const { sfn, started } = recordingSfn();

    await expect(importDroppedObject(withClients({ s3: s3FailingOnce(t.deps.aws.s3, CopyObjectCommand), sfn }), event)).rejects.toThrow('socket hang up');
    const jobId = await importDroppedObject(withClients({ sfn }), event);

    expect(jobId).not.toBeNull();
    const job = await findJob(t.deps, jobId!);
    expect(job).toMatchObject({ status: 'queued', origin: 'drop_folder', fileName: 'move-fails.csv' });
    expect(job.executionArn).toContain(jobId!);
    expect(started).toHaveLength(1);
    expect(await headObject(t.bucket, event.key)).toBeNull();
    expect(await headObject(t.bucket, job.objectKey)).not.toBeNull();
  });

  it('analyses the moved file when the first attempt failed reading it', async () => {
    const event = await drop('read-fails.csv');
    const { sfn, started } = recordingSfn();

    await expect(importDroppedObject(withClients({ s3: s3FailingOnce(t.deps.aws.s3, GetObjectCommand), sfn }), event)).rejects.toThrow('socket hang up');
    const jobId = await importDroppedObject(withClients({ sfn }), event);

    expect((await findJob(t.deps, jobId!)).status).toBe('queued');
    expect(started).toHaveLength(1);
  });

  it('starts the queued import when the first attempt failed starting it, and only once', async () => {
    const event = await drop('start-fails.csv');
    const { sfn, started } = recordingSfn({ failFirstStart: true });

    await expect(importDroppedObject(withClients({ sfn }), event)).rejects.toThrow('throttled');
    await importDroppedObject(withClients({ sfn }), event);
    // A third delivery of a job already started does nothing.
    expect(await importDroppedObject(withClients({ sfn }), event)).toBeNull();

    expect(started).toHaveLength(1);
  });

  it('leaves no job behind for an event whose file is gone', async () => {
    const event = await drop('gone.csv');
    await t.deps.aws.s3.send(new DeleteObjectCommand({ Bucket: t.bucket.name, Key: event.key }));
    const { sfn } = recordingSfn();

    expect(await importDroppedObject(withClients({ sfn }), event)).toBeNull();

    expect(await t.deps.db.select().from(importJobs).where(eq(importJobs.fileName, 'gone.csv'))).toEqual([]);
  });
});

describe('analysing a stored file', () => {
  const t = fileContext(createImportTestContext);

  async function uploading(content: string) {
    const id = uuidv7();
    const objectKey = `imports/uploads/${id}/contacts.csv`;
    await putObject(t.bucket, objectKey, content, 'text/csv');
    const [job] = await t.deps.db.insert(importJobs).values({ id, origin: 'upload', status: 'uploading', fileName: 'contacts.csv', objectKey }).returning();
    return job!;
  }

  it('does not overwrite a cancel that came in while the file was read', async () => {
    const job = await uploading(templateCsv([person(1)]));
    await cancelImport(t.deps, job.id);

    const after = await analyseStoredFile(t.deps, job);

    expect(after.status).toBe('cancelled');
    expect((await findJob(t.deps, job.id)).analysis).toBeNull();
  });

  it('does not fail a cancelled job whose file turns out to be refused', async () => {
    const job = await uploading('');
    await cancelImport(t.deps, job.id);

    expect((await analyseStoredFile(t.deps, job)).status).toBe('cancelled');
    expect((await findJob(t.deps, job.id)).failureReason).toBeNull();
  });

  it('still analyses a job that is uploading', async () => {
    const job = await uploading(templateCsv([person(1)]));
    expect((await analyseStoredFile(t.deps, job)).status).toBe('analysed');
    // Analysed already: a second analysis (a retried request) leaves the first one's result.
    expect((await analyseStoredFile(t.deps, job)).status).toBe('analysed');
  });
});
