import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AddSuppressionResponse,
  BulkSuppressionResponse,
  SuppressionListResponse,
} from '@shared/contracts/compliance';
import { startS3, type S3Emulator } from '../../../../infra/local/emulators/s3';
import { queryRows } from '../../db/rows';
import { createHttpHandler, type HttpHandler } from '../../http/create-http-handler';
import { invoke } from '../../../test/support/invoke';
import { createIdentityTestContext, makeUser, signIn, type IdentityTestContext } from '../../../test/support/identity-fixtures';
import { BULK_BATCH_ROWS, SUPPRESSION_UPLOAD_PREFIX } from './bulk-suppressions';
import { complianceModule } from './routes';
import { suppressEmail, suppressPhone } from './suppressions';

let t: IdentityTestContext;
let s3: S3Emulator;
let s3Dir: string;
let api: HttpHandler;
let admin: string;
let manager: string;
let analyst: string;
let managerId: string;

beforeAll(async () => {
  s3Dir = await mkdtemp(path.join(tmpdir(), 'pivotal-s3-'));
  s3 = await startS3({ directory: s3Dir, buckets: ['pivotal-data'] });
  t = await createIdentityTestContext({ env: { S3_ENDPOINT: s3.endpoint, BUCKET_NAME: 'pivotal-data' } });
  api = createHttpHandler(complianceModule, { deps: async () => t.deps });
  const token = async (roles: Parameters<typeof makeUser>[1]['roles']) => {
    const user = await makeUser(t.deps, { roles });
    return { id: user.id, token: (await signIn(t.identity, user.username, user.password)).accessToken };
  };
  admin = (await token(['admin'])).token;
  const m = await token(['campaign_manager']);
  manager = m.token;
  managerId = m.id;
  analyst = (await token(['quality_analyst'])).token;
});
afterAll(async () => {
  await t?.close();
  await s3?.stop();
  await rm(s3Dir, { recursive: true, force: true });
});

const add = (body: unknown, token = manager) => invoke<AddSuppressionResponse>(api, { method: 'POST', path: '/api/suppressions', token, body });
const bulk = (body: unknown, token = manager) => invoke<BulkSuppressionResponse>(api, { method: 'POST', path: '/api/suppressions/bulk', token, body });
const list = (query: Record<string, string>, token = analyst) =>
  invoke<SuppressionListResponse>(api, { method: 'GET', path: '/api/suppressions', token, query });

describe('adding one suppression', () => {
  it('stores the normalized value with reason, source and who added it, once', async () => {
    const first = await add({ type: 'email', value: '  Jane.Doe@Example.COM ', reason: 'unsubscribe', source: 'phone call', note: 'asked twice' });
    expect(first.status, first.text).toBe(201);
    expect(first.json.added).toBe(true);
    expect(first.json.suppression).toMatchObject({
      type: 'email',
      value: 'jane.doe@example.com',
      reason: 'unsubscribe',
      source: 'phone call',
      note: 'asked twice',
      createdBy: managerId,
      createdByName: expect.stringContaining('Test'),
    });
    const again = await add({ type: 'email', value: 'JANE.DOE@example.com', reason: 'manual' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ added: false, suppression: { id: first.json.suppression.id, reason: 'unsubscribe' } });
  });

  it('reduces a domain, URL or subdomain to the registrable domain', async () => {
    const res = await add({ type: 'domain', value: 'https://www.EU.Contoso.co.uk/contact', reason: 'client_request' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.suppression.value).toBe('contoso.co.uk');
  });

  it('reads phones in E.164, with the default country for national numbers', async () => {
    expect((await add({ type: 'phone', value: '(415) 555-0133', reason: 'dnc_registry' })).json.suppression.value).toBe('+14155550133');
    expect((await add({ type: 'phone', value: '020 7946 0018', reason: 'manual', defaultCountry: 'gb' })).json.suppression.value).toBe('+442079460018');
  });

  it.each([
    [{ type: 'email', value: 'not-an-email', reason: 'manual' }, 'body.value', 'is not an email address'],
    [{ type: 'domain', value: 'someone@acme.com', reason: 'manual' }, 'body.value', 'is an email address, not a domain'],
    [{ type: 'domain', value: 'co.uk', reason: 'manual' }, 'body.value', 'is not a registrable domain'],
    [{ type: 'domain', value: 'gmail.com', reason: 'manual' }, 'body.value', 'is a free-mail domain: suppress its addresses one by one'],
    [{ type: 'phone', value: '12', reason: 'manual' }, 'body.value', 'is not a phone number'],
    [{ type: 'email', value: 'a@b.com', reason: 'because' }, 'body.reason', undefined],
    [{ type: 'fax', value: 'a@b.com', reason: 'manual' }, 'body.type', undefined],
    [{ type: 'email', value: 'a@b.com', reason: 'manual', createdBy: 'someone' }, 'body', 'unknown field(s): createdBy'],
  ])('refuses %j: %s', async (body, field, message) => {
    const res = await add(body);
    expect(res.status).toBe(400);
    const errors = (res.json as unknown as { errors: Array<{ field: string; message: string }> }).errors;
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, ...(message ? { message } : {}) })]));
  });

  it('is for admins and campaign managers only', async () => {
    expect((await add({ type: 'email', value: 'qa@example.com', reason: 'manual' }, analyst)).status).toBe(403);
    expect((await add({ type: 'email', value: 'admin-added@example.com', reason: 'manual' }, admin)).status).toBe(201);
  });
});

describe('bulk upload', () => {
  it('reports added, duplicate and invalid lines with their line numbers', async () => {
    await add({ type: 'email', value: 'already@listed.com', reason: 'manual' });
    const csv = [
      'Email,Reason,Notes',
      'first@bulk.com,,ok',
      'ALREADY@listed.com,,in the list',
      'not an email,,bad',
      'First@Bulk.com,,repeated in the file',
      '"quoted, with comma@bulk.com",,bad',
      'bulk-domain.com,complaint,a domain',
      'second@bulk.com,bogus,bad reason',
      '',
      'third@bulk.com,bounce,',
    ].join('\r\n');
    const res = await bulk({ list: 'email', reason: 'manual', source: 'client file', csv });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toEqual({
      rows: 8,
      added: 3,
      duplicates: 2,
      invalid: 3,
      duplicateLines: expect.arrayContaining([
        { line: 3, value: 'ALREADY@listed.com' },
        { line: 5, value: 'First@Bulk.com' },
      ]),
      invalidLines: [
        { line: 4, value: 'not an email', reason: 'is neither an email address nor a domain' },
        { line: 6, value: 'quoted, with comma@bulk.com', reason: 'is not an email address' },
        { line: 8, value: 'second@bulk.com', reason: expect.stringMatching(/^reason must be one of/) },
      ],
      truncated: false,
    });
    const rows = await queryRows<{ type: string; value: string; reason: string; source: string }>(
      t.deps.db,
      sql`select type, value, reason, source from suppressions where value in ('first@bulk.com', 'bulk-domain.com', 'third@bulk.com') order by value`,
    );
    expect(rows).toEqual([
      { type: 'domain', value: 'bulk-domain.com', reason: 'complaint', source: 'client file' },
      { type: 'email', value: 'first@bulk.com', reason: 'manual', source: 'client file' },
      { type: 'email', value: 'third@bulk.com', reason: 'bounce', source: 'client file' },
    ]);
  });

  it('takes a headerless one-column file of phones, in batches, and a second run adds nothing', async () => {
    const count = BULK_BATCH_ROWS + 250;
    const lines = Array.from({ length: count }, (_, i) => `(212) 555-${String(i).padStart(4, '0')}`);
    const csv = `${lines.join('\n')}\n12\n`;
    const first = await bulk({ list: 'phone', reason: 'dnc_registry', csv });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ rows: count + 1, added: count, duplicates: 0, invalid: 1, invalidLines: [{ line: count + 1, value: '12' }] });
    const second = await bulk({ list: 'phone', reason: 'dnc_registry', csv });
    expect(second.json).toMatchObject({ rows: count + 1, added: 0, duplicates: count, invalid: 1, truncated: true });
    expect(second.json.duplicateLines).toHaveLength(1000);
  });

  it('reads a semicolon-separated file uploaded to S3 through a presigned URL', async () => {
    const upload = await invoke<{ key: string; url: string }>(api, { method: 'POST', path: '/api/suppressions/uploads', token: manager });
    expect(upload.status).toBe(201);
    expect(upload.json.key.startsWith(SUPPRESSION_UPLOAD_PREFIX)).toBe(true);
    const put = await fetch(upload.json.url, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body: '\uFEFFphone;reason\n+1 646 555 0199;client_request\n+16465550199;manual\n' });
    expect(put.status).toBe(200);
    const res = await bulk({ list: 'phone', reason: 'manual', s3Key: upload.json.key });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ rows: 2, added: 1, duplicates: 1, duplicateLines: [{ line: 3, value: '+16465550199' }] });
    const [row] = await queryRows<{ reason: string; source: string }>(t.deps.db, sql`select reason, source from suppressions where value = '+16465550199'`);
    expect(row).toEqual({ reason: 'client_request', source: `upload:${upload.json.key.slice(SUPPRESSION_UPLOAD_PREFIX.length)}` });
  });

  it('refuses keys outside the upload folder, missing files, empty files and ambiguous requests', async () => {
    await t.deps.aws.s3.send(new PutObjectCommand({ Bucket: 'pivotal-data', Key: 'exports/secret.csv', Body: 'a@b.com\n' }));
    const outside = await bulk({ list: 'email', reason: 'manual', s3Key: 'exports/secret.csv' });
    expect(outside.status).toBe(400);
    expect(outside.text).toContain('body.s3Key');
    const missing = await bulk({ list: 'email', reason: 'manual', s3Key: `${SUPPRESSION_UPLOAD_PREFIX}nothing-here.csv` });
    expect(missing.status).toBe(400);
    expect((await bulk({ list: 'email', reason: 'manual', csv: '' })).status).toBe(422);
    expect((await bulk({ list: 'email', reason: 'manual' })).status).toBe(400);
    expect((await bulk({ list: 'email', reason: 'manual', csv: 'a@b.com', s3Key: `${SUPPRESSION_UPLOAD_PREFIX}x.csv` })).status).toBe(400);
    expect((await bulk({ list: 'email', reason: 'manual', csv: 'a@b.com' }, analyst)).status).toBe(403);
  });

  it('refuses a key with an empty path segment as a bad request, not a server error', async () => {
    for (const s3Key of [`${SUPPRESSION_UPLOAD_PREFIX}a//b.csv`, `${SUPPRESSION_UPLOAD_PREFIX}/x.csv`, `${SUPPRESSION_UPLOAD_PREFIX}x/`]) {
      const res = await bulk({ list: 'email', reason: 'manual', s3Key });
      expect(res.status, `${s3Key}: ${res.text}`).toBe(400);
      expect(res.text).toContain('body.s3Key');
    }
  });
});

describe('the list', () => {
  it('separates the email and DNC lists, searches, filters and pages newest first', async () => {
    for (let i = 0; i < 5; i++) await add({ type: 'email', value: `pager${i}@listing.com`, reason: i % 2 ? 'bounce' : 'manual' });
    await add({ type: 'domain', value: 'listing-domain.com', reason: 'manual' });
    await add({ type: 'phone', value: '+13125550177', reason: 'dnc_registry' });

    const page1 = await list({ q: 'LISTING', limit: '4' });
    expect(page1.status, page1.text).toBe(200);
    expect(page1.json.items.map((i) => i.value)).toEqual(['listing-domain.com', 'pager4@listing.com', 'pager3@listing.com', 'pager2@listing.com']);
    const page2 = await list({ q: 'listing', limit: '4', cursor: page1.json.nextCursor! });
    expect(page2.json.items.map((i) => i.value)).toEqual(['pager1@listing.com', 'pager0@listing.com']);
    expect(page2.json.nextCursor).toBeNull();

    expect((await list({ q: 'listing', type: 'domain' })).json.items.map((i) => i.value)).toEqual(['listing-domain.com']);
    expect((await list({ q: 'pager', reason: 'bounce' })).json.items.map((i) => i.value)).toEqual(['pager3@listing.com', 'pager1@listing.com']);
    // Phones are found by their digits however they are typed.
    expect((await list({ list: 'phone', q: '(312) 555-0177' })).json.items.map((i) => i.value)).toEqual(['+13125550177']);
    expect((await list({ list: 'phone', q: 'listing' })).json.items).toEqual([]);
    // A search with LIKE wildcards matches them literally.
    expect((await list({ q: '%' })).json.items).toEqual([]);
  });

  it('refuses a foreign cursor and a type that is not on the list', async () => {
    expect((await list({ cursor: 'abc' })).status).toBe(400);
    expect((await list({ list: 'phone', type: 'email' })).status).toBe(400);
    expect((await list({ limit: '500' })).status).toBe(400);
  });
});

describe('removing a suppression', () => {
  it('is for admins only, deletes the entry and audits what it was', async () => {
    const created = await add({ type: 'email', value: 'remove.me@example.com', reason: 'manual' });
    const id = created.json.suppression.id;
    const path = `/api/suppressions/${id}`;
    expect((await invoke(api, { method: 'DELETE', path, token: manager })).status).toBe(403);
    const removed = await invoke(api, { method: 'DELETE', path, token: admin });
    expect(removed.status).toBe(204);
    expect((await invoke(api, { method: 'DELETE', path, token: admin })).status).toBe(404);
    const audit = await queryRows<{ action: string; before: { value: string; reason: string }; after: unknown }>(
      t.deps.db,
      sql`select action, before, after from audit_log where entity_type = 'suppression' and entity_id = ${id}`,
    );
    expect(audit).toEqual([{ action: 'suppression.removed', before: expect.objectContaining({ value: 'remove.me@example.com', reason: 'manual' }), after: null }]);
    // Gone means the address can be added again.
    expect((await add({ type: 'email', value: 'remove.me@example.com', reason: 'manual' })).status).toBe(201);
    expect((await invoke(api, { method: 'DELETE', path: '/api/suppressions/not-a-uuid', token: admin })).status).toBe(400);
  });
});

describe('suppressing from other modules', () => {
  it('suppressEmail and suppressPhone are repeatable and normalize', async () => {
    expect(await suppressEmail(t.deps.db, ' One.Click@Example.com', 'unsubscribe', 'one-click')).toEqual({ added: true, value: 'one.click@example.com' });
    expect(await suppressEmail(t.deps.db, 'one.click@example.com', 'unsubscribe', 'one-click')).toEqual({ added: false, value: 'one.click@example.com' });
    expect(await suppressPhone(t.deps.db, '+1 (646) 555-0101', 'client_request', 'call')).toEqual({ added: true, value: '+16465550101' });
    await expect(suppressEmail(t.deps.db, 'nope', 'unsubscribe', 'one-click')).rejects.toMatchObject({ code: 'invalid' });
  });
});
