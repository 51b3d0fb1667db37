import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../../infra/local/stack';
import { queryRows } from '../../db/rows';
import { person, templateCsv } from './fixtures/template-header';
import { saveProfile } from './profiles';

type Job = { id: string; status: string; inserted: number; failure_reason: string | null; object_key: string; file_name: string };

describe('the S3 drop folder through the local stack', () => {
  let stack: LocalStack;
  let dataDir: string;
  let database: { url: string; drop(): Promise<void> } | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-drop-'));
    database = process.env.DATABASE_URL ? await throwawayDatabase() : undefined;
    stack = await startLocalStack({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      env: { LOG_LEVEL: 'SILENT', ...(database ? { DATABASE_URL: database.url } : {}) },
      spa: 'none',
      ephemeral: true,
      fastRetries: true,
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const s3 = () => stack.deps.aws.s3;
  const bucket = () => stack.config.BUCKET_NAME;
  const put = (key: string, body: string) => s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body, ContentType: 'text/csv' }));
  const keys = async (prefix: string) =>
    ((await s3().send(new ListObjectsV2Command({ Bucket: bucket(), Prefix: prefix }))).Contents ?? []).map((o) => o.Key!).sort();

  async function waitForJob(fileName: string): Promise<Job> {
    for (let i = 0; i < 300; i++) {
      const [job] = await queryRows<Job>(stack.deps.db, sql`SELECT * FROM import_jobs WHERE file_name = ${fileName} ORDER BY created_at DESC LIMIT 1`);
      // Finished, and its file moved out of imports/processing/.
      if (job && ['completed', 'failed', 'cancelled'].includes(job.status) && !job.object_key.startsWith('imports/processing/')) {
        await stack.stepFunctions.idle();
        return (await queryRows<Job>(stack.deps.db, sql`SELECT * FROM import_jobs WHERE id = ${job.id}`))[0]!;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no finished import for ${fileName}`);
  }

  it('imports a CSV put under imports/inbox/ and moves it to imports/done/ with a result file', async () => {
    await put('imports/inbox/leads-march.csv', templateCsv([person(1), person(2), person(3, { Email: 'broken@' })]));
    const job = await waitForJob('leads-march.csv');
    expect(job).toMatchObject({ status: 'completed', inserted: 2 });
    expect(await keys('imports/inbox/')).toEqual([]);
    expect(await keys(`imports/done/${job.id}/`)).toEqual([
      `imports/done/${job.id}/errors.csv`,
      `imports/done/${job.id}/leads-march.csv`,
      `imports/done/${job.id}/result.json`,
    ]);
    const result = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: `imports/done/${job.id}/result.json` }));
    expect(JSON.parse(await result.Body!.transformToString())).toMatchObject({ jobId: job.id, rows: 3, inserted: 2, failed: 1 });
    const contacts = await queryRows<{ email: string; source: string }>(stack.deps.db, sql`SELECT email, source FROM contacts ORDER BY email`);
    expect(contacts.map((c) => c.email)).toEqual(['person1@acme1.com', 'person2@acme2.com']);
  });

  it('uses the mapping profile named in the path', async () => {
    const [admin] = await queryRows<{ id: string; username: string }>(stack.deps.db, sql`SELECT id, username FROM users LIMIT 1`);
    await saveProfile(stack.deps, { userId: admin!.id, username: admin!.username, roles: ['admin'], orgId: null, mustChangePassword: false }, {
      name: 'vendor-x',
      mapping: [
        { header: 'Work Mail', target: 'contact.email' },
        { header: 'Person', target: 'contact.fullName' },
        { header: 'Org', target: 'account.name' },
      ],
      options: { dedupeMode: 'update', source: 'Vendor X' },
    });
    await put('imports/inbox/vendor-x/batch.csv', 'Work Mail;Person;Org\nzoe@vendor.example;Zoe Park;Vendor Co\n');
    const job = await waitForJob('batch.csv');
    expect(job).toMatchObject({ status: 'completed', inserted: 1 });
    const [zoe] = await queryRows<{ full_name: string; source: string }>(stack.deps.db, sql`SELECT full_name, source FROM contacts WHERE email = 'zoe@vendor.example'`);
    expect(zoe).toEqual({ full_name: 'Zoe Park', source: 'Vendor X' });
  });

  it('moves a refused file to imports/failed/ with the reason', async () => {
    await put('imports/inbox/empty.csv', '');
    const job = await waitForJob('empty.csv');
    expect(job.status).toBe('failed');
    expect(job.failure_reason).toMatch(/empty/);
    expect(await keys(`imports/failed/${job.id}/`)).toEqual([`imports/failed/${job.id}/empty.csv`, `imports/failed/${job.id}/result.json`]);
  });

  it('fails a file naming an unknown profile, writing nothing', async () => {
    await put('imports/inbox/nobody/list.csv', templateCsv([person(9)]));
    const job = await waitForJob('list.csv');
    expect(job.status).toBe('failed');
    expect(job.failure_reason).toMatch(/No mapping profile is named "nobody"/);
    expect(await queryRows(stack.deps.db, sql`SELECT 1 FROM contacts WHERE email = 'person9@acme0.com'`)).toEqual([]);
  });
});

/** A database of its own on the server (DATABASE_URL set), dropped after the suite. */
async function throwawayDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `pivotal_drop_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
