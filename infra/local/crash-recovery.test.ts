// The local stack killed with SIGKILL in the middle of an import and of an export, then started
// again on the same DATA_DIR: each job finishes by itself (the job sweeper runs at start-up) with
// every row exactly once. Real processes: `node --import tsx infra/local/start.ts`, PGlite on disk.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateUploadResponse, ExportJob, ImportJob } from '@shared/contracts/imports';
import { openDatabase } from '../../functions/src/db/connection';
import { STRONG_PASSWORD } from '../../functions/test/support/identity-fixtures';
import { person, templateCsv } from '../../functions/src/modules/imports/testing';
import { freePort, StackProcess } from './testing';

const ROWS = 12_000;

describe('the local stack killed with SIGKILL mid-job', () => {
  let dataDir: string;
  let stack: StackProcess;

  async function call<T>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }> {
    // A kept-alive connection the server closed meanwhile is reset on reuse: a GET is simply asked again.
    return stack.api.request<T>(method, route, body).catch((error: unknown) => {
      if (method !== 'GET' || !stack.running) throw error;
      return stack.api.request<T>(method, route, body);
    });
  }
  async function waitFor<T extends { status: string }>(route: string, until: (job: T) => boolean): Promise<T> {
    for (;;) {
      const res = await call<T>('GET', route);
      if (res.status === 200 && until(res.body)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-crash-'));
    stack = new StackProcess(await freePort(), { DATA_DIR: dataDir });
    await stack.start();
    await stack.firstSignIn(STRONG_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await stack.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });
  it('finishes an import and an export that were running when it was killed, every row once', async () => {
    // An import of a generated file, through the browser's upload path.
    const csv = Buffer.from(templateCsv(Array.from({ length: ROWS }, (_, i) => person(i))));
    const created = await call<CreateUploadResponse>('POST', '/api/imports/uploads', { fileName: 'big.csv', fileSize: csv.length });
    const parts = [];
    for (const part of created.body.parts) {
      const res = await fetch(part.url, { method: 'PUT', body: csv.subarray((part.partNumber - 1) * created.body.partSize, part.partNumber * created.body.partSize) });
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag')! });
    }
    const analysed = await call<ImportJob>('POST', `/api/imports/${created.body.jobId}/upload-complete`, { parts });
    const mapping = analysed.body.analysis!.columns.map((c) => ({ column: c.column, target: c.target }));
    expect((await call('POST', `/api/imports/${created.body.jobId}/start`, { mapping })).status).toBe(202);

    // Killed once some chunks are in and before the last one is.
    const partial = await waitFor<ImportJob>(`/api/imports/${created.body.jobId}`, (j) => j.counts.rowsRead > 0 || !['queued', 'running'].includes(j.status));
    expect(partial.status).toBe('running');
    await stack.kill('SIGKILL');

    await stack.start();
    await stack.signIn(STRONG_PASSWORD);
    const imported = await waitFor<ImportJob>(`/api/imports/${created.body.jobId}`, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(imported).toMatchObject({ status: 'completed', counts: expect.objectContaining({ rowsTotal: ROWS, inserted: ROWS, failed: 0 }) });
    // Progress reported before the kill was not lost.
    expect(imported.counts.rowsRead).toBeGreaterThanOrEqual(partial.counts.rowsRead);

    // An export of every contact, killed right after the API accepted it.
    const exportJob = await call<ExportJob>('POST', '/api/exports', { resource: 'contacts', selection: {}, columns: ['Email'] });
    expect(exportJob.status).toBe(201);
    await stack.kill('SIGKILL');

    await stack.start();
    await stack.signIn(STRONG_PASSWORD);
    const exported = await waitFor<ExportJob>(`/api/exports/${exportJob.body.id}`, (j) => j.status !== 'running');
    expect(exported).toMatchObject({ status: 'completed', rowCount: ROWS });
    const [header, ...rows] = parse(await (await fetch(exported.download!.url)).text()) as string[][];
    expect(header).toEqual(['Email']);
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(Array.from({ length: ROWS }, (_, i) => `person${i}@acme${i % 3}.com`)));

    // The database itself: one contact per row of the file, none twice.
    await stack.kill('SIGTERM');
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') });
    try {
      const [counts] = (await db.pglite!.query<{ n: number; emails: number }>('SELECT count(*)::int AS n, count(DISTINCT email)::int AS emails FROM contacts')).rows;
      expect(counts).toEqual({ n: ROWS, emails: ROWS });
    } finally {
      await db.close();
    }
  }, 240_000);
});
