import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateUploadResponse, ExportJob, ImportJob, MappingProfile } from '@shared/contracts/imports';
import { startLocalStack, type LocalStack } from '../../../../infra/local/stack';
import { queryRows } from '../../db/rows';
import { exportJobs } from '../../db/schema';
import { sweepJobs } from './job-sweeper';
import { analyseImport, runChunk } from './pipeline';
import { makeUser, STRONG_PASSWORD } from '../../../test/support/identity-fixtures';
import { person, templateCsv } from './fixtures/template-header';

describe('the imports and exports API (through the local gateway)', () => {
  let stack: LocalStack;
  let dir: string;
  let token: string;
  let agentToken: string;

  const signIn = async (login: string) => {
    const res = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: STRONG_PASSWORD }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const call = async <T>(method: string, route: string, body?: unknown, as = token, headers: Record<string, string> = {}) => {
    const res = await fetch(`${stack.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  /** Uploads like the browser: presigned part URLs, then complete. */
  async function upload(content: string, fileName = 'contacts.csv') {
    const bytes = Buffer.from(content);
    const created = await call<CreateUploadResponse>('POST', '/api/imports/uploads', { fileName, fileSize: bytes.length });
    expect(created.status).toBe(201);
    const parts = [];
    for (const part of created.body.parts) {
      const slice = bytes.subarray((part.partNumber - 1) * created.body.partSize, part.partNumber * created.body.partSize);
      const res = await fetch(part.url, { method: 'PUT', body: slice });
      expect(res.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag')! });
    }
    return call<ImportJob & { detail?: string }>('POST', `/api/imports/${created.body.jobId}/upload-complete`, { parts });
  }

  async function waitFor<T extends { status: string }>(route: string, done: string[]): Promise<T> {
    for (let i = 0; i < 300; i++) {
      const res = await call<T>('GET', route);
      if (done.includes(res.body.status)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${route} did not finish`);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-imports-api-'));
    stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir: dir, env: { LOG_LEVEL: 'SILENT', PASSWORD_HASH_COST: '4', RATE_LIMIT_EXPORT_PER_MINUTE: '100' }, spa: 'none', ephemeral: true, fastRetries: true });
    token = await signIn((await makeUser(stack.deps, { roles: ['campaign_manager'] })).username);
    agentToken = await signIn((await makeUser(stack.deps, { roles: ['agent'] })).username);
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('analyses an upload, confirms the mapping, imports, lists, reports issues and reverts', async () => {
    const analysed = await upload(
      'E-mail Address,Name,Company Website,Phone Number,Zip,Lead Score\n' +
        'ann@north.io,Ann North,https://north.io,+44 20 7946 0000,SW1A,80\n' +
        'bad-email,Bob,,,,\n',
    );
    expect(analysed.status).toBe(200);
    const a = analysed.body.analysis!;
    expect(a).toMatchObject({ encoding: 'utf-8', delimiter: ',', headerRow: 0, rowsEstimate: 2 });
    expect(a.columns.map((c) => [c.target, c.method])).toEqual([
      ['contact.email', 'synonym'],
      ['contact.fullName', 'synonym'],
      ['account.website', 'synonym'],
      ['contact.directPhone', 'synonym'],
      ['contact.postalCode', 'synonym'],
      ['contact.custom.lead_score', 'custom'],
    ]);
    expect(a.columns[0]!.samples).toEqual(['ann@north.io', 'bad-email']);

    const mapping = a.columns.map((c) => ({ column: c.column, target: c.target }));
    const noIdentity = await call('POST', `/api/imports/${analysed.body.id}/start`, { mapping: mapping.map((m) => ({ ...m, target: m.column < 2 ? null : m.target })) });
    expect(noIdentity.status).toBe(400);
    const withList = await call('POST', `/api/imports/${analysed.body.id}/start`, { mapping, options: { listId: '0190c6c4-0000-7000-8000-000000000001' } });
    expect(withList.status).toBe(400);
    const twice = await call('POST', `/api/imports/${analysed.body.id}/start`, { mapping: [mapping[0], { ...mapping[1], target: 'contact.email' }] });
    expect(twice.status).toBe(400);

    const started = await call<ImportJob>('POST', `/api/imports/${analysed.body.id}/start`, { mapping, options: { dedupeMode: 'update', source: 'webinar' }, saveProfileAs: 'Webinar export' });
    expect(started.status).toBe(202);
    const job = await waitFor<ImportJob>(`/api/imports/${analysed.body.id}`, ['completed', 'failed']);
    expect(job).toMatchObject({ status: 'completed', progress: 100, hasErrorFile: true });
    expect(job.counts).toMatchObject({ rowsTotal: 2, inserted: 1, failed: 1 });
    const [ann] = await queryRows<Record<string, unknown>>(stack.deps.db, sql`SELECT * FROM contacts WHERE email = 'ann@north.io'`);
    expect(ann).toMatchObject({ full_name: 'Ann North', direct_phone: '+442079460000', postal_code: 'SW1A', source: 'webinar', custom_fields: { lead_score: '80' } });

    const issues = await call<{ items: { row: number; severity: string; column: string }[] }>('GET', `/api/imports/${job.id}/issues`);
    expect(issues.body.items).toEqual([expect.objectContaining({ row: 3, severity: 'error', column: 'E-mail Address' })]);
    const link = await call<{ url: string }>('GET', `/api/imports/${job.id}/error-file`);
    const errorCsv = await (await fetch(link.body.url)).text();
    expect(parse(errorCsv.replace(/^\ufeff/, ''), { relax_column_count: true })[1]).toEqual(['bad-email', 'Bob', '', '', '', '', '3', expect.stringMatching(/E-mail Address/)]);

    const history = await call<{ items: ImportJob[] }>('GET', '/api/imports?limit=5');
    expect(history.body.items[0]!.id).toBe(job.id);
    const profiles = await call<{ items: MappingProfile[] }>('GET', '/api/import-profiles');
    expect(profiles.body.items.map((p) => p.name)).toEqual(['Webinar export']);

    const reverted = await call('POST', `/api/imports/${job.id}/revert`);
    expect(reverted).toEqual({ status: 200, body: { restored: 0, deleted: 1, accountsDeleted: 1, changedSince: 0, conflicts: 0 } });
    expect(await queryRows(stack.deps.db, sql`SELECT 1 FROM contacts WHERE deleted_at IS NULL`)).toEqual([]);
    expect((await call('POST', `/api/imports/${job.id}/revert`)).status).toBe(409);
  });

  it('cancels an import that has not finished, once', async () => {
    const analysed = await upload(templateCsv([person(40)]), 'later.csv');
    const cancelled = await call<ImportJob>('POST', `/api/imports/${analysed.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await call('POST', `/api/imports/${analysed.body.id}/cancel`)).status).toBe(409);
    expect((await call('POST', `/api/imports/${analysed.body.id}/start`, { mapping: [{ column: 0, target: 'contact.email' }] })).status).toBe(409);
    expect((await call('GET', '/api/imports/0190c6c4-0000-7000-8000-000000000009')).status).toBe(404);
  });

  it('answers a refused file with 422 and the reason', async () => {
    const res = await upload('\u0000\u0001binary\u0000');
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/binary/);
  });

  it('manages mapping profiles', async () => {
    const input = { name: 'CRM export', mapping: [{ header: 'Mail', target: 'contact.email' }], options: { dedupeMode: 'fill' } };
    const created = await call<MappingProfile>('POST', '/api/import-profiles', input);
    expect(created.status).toBe(201);
    expect((await call('POST', '/api/import-profiles', { ...input, name: 'crm EXPORT' })).status).toBe(409);
    expect((await call('POST', '/api/import-profiles', { ...input, mapping: [{ header: 'Mail', target: 'contact.nope' }] })).status).toBe(400);
    const updated = await call<MappingProfile>('PUT', `/api/import-profiles/${created.body.id}`, { ...input, description: 'nightly' });
    expect(updated.body.description).toBe('nightly');
    expect((await call('DELETE', `/api/import-profiles/${created.body.id}`)).status).toBe(204);
    expect((await call('GET', `/api/import-profiles/${created.body.id}`)).status).toBe(404);
  });

  it('answers 400 to a history cursor it did not give out', async () => {
    const cursor = (text: string) => Buffer.from(text).toString('base64url');
    for (const bad of [
      cursor('2026-01-01|x'),
      cursor('2026-01-01T00:00:00.000Z|not-a-uuid'),
      cursor('2026-02-31T00:00:00.000Z|0190a3c4-1111-7000-8000-000000000000'),
      cursor('yesterday|0190a3c4-1111-7000-8000-000000000000'),
      cursor('2026-01-01T00:00:00.000Z|0190a3c4-1111-7000-8000-000000000000|extra'),
      '%%%',
    ]) {
      const res = await call<{ errors?: { field: string }[] }>('GET', `/api/imports?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(JSON.stringify(res.body)).toContain('query.cursor');
    }
    // A cursor as the API writes it is accepted.
    const good = await call('GET', `/api/imports?cursor=${cursor('2026-01-01T00:00:00.000Z|0190a3c4-1111-7000-8000-000000000000')}`);
    expect(good.status).toBe(200);
  });

  it('refuses agents (imports and exports are for admins and campaign managers)', async () => {
    expect((await call('GET', '/api/imports', undefined, agentToken)).status).toBe(403);
    expect((await call('POST', '/api/exports', { resource: 'contacts', selection: {} }, agentToken)).status).toBe(403);
  });

  it('exports a filtered selection to CSV in S3, formula cells neutralized, with a BOM on request', async () => {
    const csv = templateCsv([
      person(11, { 'Job Title': '=cmd|calc!A1', 'Contact Country': 'Germany' }),
      person(12, { 'Job Title': '+SUM(A1)', 'Contact Country': 'Germany' }),
      person(13, { 'Contact Country': 'France' }),
    ]);
    const analysed = await upload(csv, 'export-seed.csv');
    await call('POST', `/api/imports/${analysed.body.id}/start`, { mapping: analysed.body.analysis!.columns.map((c) => ({ column: c.column, target: c.target })) });
    await waitFor<ImportJob>(`/api/imports/${analysed.body.id}`, ['completed']);

    const bad = await call('POST', '/api/exports', { resource: 'contacts', selection: { filter: { type: 'and', conditions: [{ field: 'nope', op: 'eq', value: 'x' }] } } });
    expect(bad.status).toBe(400);
    const badColumn = await call('POST', '/api/exports', { resource: 'accounts', selection: {}, columns: ['Email'] });
    expect(badColumn.status).toBe(400);

    const created = await call<ExportJob>('POST', '/api/exports', {
      resource: 'contacts',
      selection: { filter: { type: 'and', conditions: [{ field: 'country', op: 'eq', value: 'DE' }] } },
      columns: ['Email', 'Job Title', 'Company Domain'],
      bom: true,
    });
    expect(created.status).toBe(201);
    const done = await waitFor<ExportJob>(`/api/exports/${created.body.id}`, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', rowCount: 2, columns: ['Email', 'Job Title', 'Company Domain'] });
    const bytes = Buffer.from(await (await fetch(done.download!.url)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect([header, ...rows.sort((x, y) => x[0]!.localeCompare(y[0]!))]).toEqual([
      ['Email', 'Job Title', 'Company Domain'],
      ['person11@acme2.com', "'=cmd|calc!A1", 'acme2.com'],
      ['person12@acme0.com', "'+SUM(A1)", 'acme0.com'],
    ]);
  });

  it('exports the selected contacts from the bulk action, and accounts by filter', async () => {
    const page = await call<{ items: Array<{ id: string; email: string }> }>('GET', '/api/contacts?limit=50&sort=email&order=asc');
    const picked = page.body.items.slice(0, 2);
    expect(picked).toHaveLength(2);
    const created = await call<ExportJob>('POST', '/api/contacts/bulk', { action: 'export', selection: { ids: picked.map((c) => c.id) }, columns: ['Email'] });
    expect(created.status).toBe(201);
    const done = await waitFor<ExportJob>(`/api/exports/${created.body.id}`, ['completed', 'failed']);
    expect(done).toMatchObject({ status: 'completed', rowCount: 2, resource: 'contacts' });
    // An export runs in id order, not in the order the screen showed.
    const [header, ...rows] = parse(await (await fetch(done.download!.url)).text()) as string[][];
    expect([header, ...rows.sort((x, y) => x[0]!.localeCompare(y[0]!))]).toEqual([['Email'], ...picked.map((c) => [c.email]).sort((x, y) => x[0]!.localeCompare(y[0]!))]);

    const accounts = await call<ExportJob>('POST', '/api/accounts/bulk', {
      action: 'export',
      selection: { filter: { type: 'and', conditions: [{ field: 'domain', op: 'eq', value: 'acme2.com' }] } },
      columns: ['Company Domain'],
    });
    expect(accounts.status).toBe(201);
    const accountsDone = await waitFor<ExportJob>(`/api/exports/${accounts.body.id}`, ['completed', 'failed']);
    expect(parse(await (await fetch(accountsDone.download!.url)).text())).toEqual([['Company Domain'], ['acme2.com']]);

    // Agents may read contacts but not take them out.
    expect((await call('POST', '/api/contacts/bulk', { action: 'export', selection: { ids: [picked[0]!.id] } }, agentToken)).status).toBe(403);
  });

  it('gives a retried export request with the same Idempotency-Key the export it already made', async () => {
    const request = { resource: 'contacts', selection: {}, columns: ['Email'] };
    const key = { 'idempotency-key': 'export-7f3a' };
    const first = await call<ExportJob>('POST', '/api/exports', request, token, key);
    const again = await call<ExportJob>('POST', '/api/exports', request, token, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await queryRows(stack.deps.db, sql`SELECT id FROM export_jobs WHERE id = ${first.body.id}`)).toHaveLength(1);
    // The same key with another request is refused rather than answered with the wrong file.
    expect((await call('POST', '/api/exports', { ...request, columns: ['Job Title'] }, token, key)).status).toBe(409);
    const badKey = await call<{ errors: { field: string }[] }>('POST', '/api/exports', request, token, { 'idempotency-key': 'x'.repeat(201) });
    expect(badKey.status).toBe(400);
    expect(JSON.stringify(badKey.body)).toContain('headers.idempotency-key');
    await waitFor<ExportJob>(`/api/exports/${first.body.id}`, ['completed']);
  });

  it('cancels a running export once, and retries a cancelled one to completion', async () => {
    // A running export whose workflow has not picked it up yet.
    const [job] = await stack.deps.db
      .insert(exportJobs)
      .values({ resource: 'contacts', selection: {}, columns: ['contact.email'], bom: false, status: 'running' })
      .returning();
    const cancelled = await call<ExportJob>('POST', `/api/exports/${job!.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', download: null } });
    expect((await call('POST', `/api/exports/${job!.id}/cancel`)).status).toBe(409);

    const retried = await call<ExportJob>('POST', `/api/exports/${job!.id}/retry`);
    expect(retried).toMatchObject({ status: 202, body: { status: 'running', rowCount: 0 } });
    const done = await waitFor<ExportJob>(`/api/exports/${job!.id}`, ['completed', 'failed']);
    const live = await queryRows(stack.deps.db, sql`SELECT 1 FROM contacts WHERE deleted_at IS NULL`);
    expect(done).toMatchObject({ status: 'completed', rowCount: live.length });
    expect((await call('POST', `/api/exports/${job!.id}/retry`)).status).toBe(409);
    expect((await call('POST', '/api/exports/0190c6c4-0000-7000-8000-000000000009/cancel')).status).toBe(404);
  });

  it('resumes an import and an export whose workflows are gone, each from its committed work', async () => {
    const before = await queryRows<{ n: number }>(stack.deps.db, sql`SELECT count(*)::int AS n FROM contacts`);
    const csv = templateCsv(Array.from({ length: 9 }, (_, i) => person(500 + i)));
    const analysed = await upload(csv, 'orphaned.csv');
    await stack.deps.db.execute(sql`UPDATE import_jobs SET status = 'queued', mapping = ${JSON.stringify(analysed.body.analysis!.columns.map((c) => ({ column: c.column, target: c.target })))}::jsonb, options = '{"dedupeMode":"update"}'::jsonb WHERE id = ${analysed.body.id}`);
    // The import got as far as its first chunk, then its host died: the execution is unknown now.
    const p = { deps: stack.deps, hooks: stack.deps.hooks.imports };
    await analyseImport(p, analysed.body.id, { rowsPerChunk: 4, maxChunkBytes: 1 << 20, maxRecordBytes: 1 << 20 });
    await runChunk(p, analysed.body.id, 0);
    const gone = 'arn:aws:states:us-east-1:000000000000:execution:pivotal-import:lost';
    await stack.deps.db.execute(sql`UPDATE import_jobs SET execution_arn = ${gone} WHERE id = ${analysed.body.id}`);
    const [orphanExport] = await stack.deps.db
      .insert(exportJobs)
      .values({ resource: 'contacts', selection: {}, columns: ['contact.email'], bom: false, status: 'running', executionArn: gone.replace('pivotal-import', 'pivotal-export') })
      .returning();

    const swept = await sweepJobs(stack.deps);
    expect(swept.resumed).toEqual({ imports: [analysed.body.id], exports: [orphanExport!.id] });

    const imported = await waitFor<ImportJob>(`/api/imports/${analysed.body.id}`, ['completed', 'failed']);
    expect(imported).toMatchObject({ status: 'completed', counts: expect.objectContaining({ rowsTotal: 9, inserted: 9 }) });
    const after = await queryRows<{ n: number }>(stack.deps.db, sql`SELECT count(*)::int AS n FROM contacts`);
    expect(after[0]!.n - before[0]!.n).toBe(9);
    const exported = await waitFor<ExportJob>(`/api/exports/${orphanExport!.id}`, ['completed', 'failed']);
    expect(exported.status).toBe('completed');
    // A job whose workflow is running is left alone.
    expect((await sweepJobs(stack.deps)).resumed).toEqual({ imports: [], exports: [] });
  });
});
