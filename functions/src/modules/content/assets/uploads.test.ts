// File uploads against s3rver: a presigned PUT of the bytes, then completion checks the stored
// object and writes the version with its preview (a PDF's first page as PNG, a small image as
// itself); a wrong type is refused at the start, a size or type that differs at completion; a
// second completion answers the same version; an expired upload is refused and swept.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AssetPreview, AssetVersionList, AssetView, UploadTicket } from '@shared/contracts/content';
import { fileContext } from '../../../../test/support/file-context';
import { contentUploads } from '../../../db/schema/content';
import { renderFirstPage } from './preview';
import { samplePdf } from './sample-pdf';
import { headContentObject } from './storage';
import { sweepExpiredUploads, UPLOAD_TTL_SECONDS } from './uploads';
import { createContentTestContext, putToTicket, staffWithToken, type UserWithToken } from './test-context';

const t = fileContext(createContentTestContext);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe('uploads', () => {
  let creator: UserWithToken;
  const people = async () => {
    creator ??= await staffWithToken(t, ['content_creator']);
  };
  const start = (body: unknown, token = creator.token) => t.api<UploadTicket>(token, { method: 'POST', path: '/api/content/assets/uploads', body });
  const complete = (uploadId: string, token = creator.token) => t.api<AssetView>(token, { method: 'POST', path: `/api/content/assets/uploads/${uploadId}/complete` });
  const pdf = samplePdf('Intent data playbook', ['Chapter 1: signals that matter']);
  const newDocument = (overrides: Record<string, unknown> = {}) => ({
    fileName: 'Intent data playbook.pdf',
    contentType: 'application/pdf',
    sizeBytes: pdf.length,
    asset: { type: 'document', title: 'Intent data playbook', tags: ['playbook'] },
    ...overrides,
  });
  const fetchBytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

  it('a PDF goes up by presigned PUT; completion makes the asset, version 1 and a PNG of the first page', async () => {
    await people();
    const ticket = await start(newDocument());
    expect(ticket.status, ticket.text).toBe(201);
    expect(ticket.json.headers).toEqual({ 'Content-Type': 'application/pdf' });
    expect(await putToTicket(ticket.json, pdf)).toBe(200);

    const done = await complete(ticket.json.uploadId);
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({
      type: 'document',
      title: 'Intent data playbook',
      tags: ['playbook'],
      versionCount: 1,
      current: { number: 1, source: 'upload', fileName: 'Intent data playbook.pdf', contentType: 'application/pdf', sizeBytes: pdf.length },
    });
    expect(done.json.current!.createdBy?.id).toBe(creator.id);
    expect(await fetchBytes(done.json.current!.downloadUrl!)).toEqual(pdf);
    const preview = await fetchBytes(done.json.current!.previewUrl!);
    expect([...preview.subarray(0, 4)]).toEqual(PNG_SIGNATURE);

    const link = await t.api<AssetPreview>(creator.token, { method: 'GET', path: `/api/content/assets/${done.json.id}/preview` });
    expect(link.json).toMatchObject({ versionId: done.json.current!.id });
    expect([...(await fetchBytes(link.json.url!)).subarray(0, 4)]).toEqual(PNG_SIGNATURE);
    const [row] = await t.deps.db.select().from(contentUploads).where(eq(contentUploads.id, ticket.json.uploadId));
    expect(row).toMatchObject({ state: 'completed', assetId: done.json.id, versionId: done.json.current!.id });
  });

  it('a new version of a document; a small image is its own preview; an unreadable file gets no preview but still uploads', async () => {
    await people();
    const first = await start(newDocument());
    await putToTicket(first.json, pdf);
    const asset = (await complete(first.json.uploadId)).json;

    const revised = samplePdf('Intent data playbook', ['Second edition']);
    const second = await start({ fileName: 'playbook-v2.pdf', contentType: 'application/pdf', sizeBytes: revised.length, assetId: asset.id, note: 'Second edition' });
    expect(second.status, second.text).toBe(201);
    await putToTicket(second.json, revised);
    const v2 = await complete(second.json.uploadId);
    expect(v2.json).toMatchObject({ id: asset.id, versionCount: 2, current: { number: 2, source: 'upload', fileName: 'playbook-v2.pdf', note: 'Second edition' } });
    expect(v2.json.current!.previewUrl).not.toBeNull();

    const png = await renderFirstPage(samplePdf('Banner', []), 'application/pdf');
    const image = await start({ fileName: 'banner.png', contentType: 'image/png', sizeBytes: png.length, asset: { type: 'image', title: 'Banner' } });
    await putToTicket(image.json, png);
    const imageAsset = (await complete(image.json.uploadId)).json;
    expect(await fetchBytes(imageAsset.current!.previewUrl!)).toEqual(png);

    const broken = new TextEncoder().encode('%PDF-1.4 this is not really a PDF');
    const bad = await start(newDocument({ sizeBytes: broken.length, asset: { type: 'document', title: 'Broken' } }));
    await putToTicket(bad.json, broken);
    const badAsset = await complete(bad.json.uploadId);
    expect(badAsset.status).toBe(200);
    expect(badAsset.json.current).toMatchObject({ number: 1, previewUrl: null });
    const none = await t.api<AssetPreview>(creator.token, { method: 'GET', path: `/api/content/assets/${badAsset.json.id}/preview` });
    expect(none.json).toEqual({ versionId: badAsset.json.current!.id, url: null, expiresAt: null });
  });

  it('refuses a type that is not a document or image type, and a file beyond the limit, with the field', async () => {
    await people();
    const exe = await start(newDocument({ fileName: 'setup.exe', contentType: 'application/x-msdownload' }));
    expect(exe.status).toBe(400);
    expect(exe.json.errors?.[0]?.field).toBe('contentType');
    const pdfAsImage = await start({ fileName: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10, asset: { type: 'image', title: 'Not an image' } });
    expect(pdfAsImage.json.errors?.[0]?.field).toBe('contentType');
    const huge = await start(newDocument({ sizeBytes: 6 * 1024 ** 3 }));
    expect(huge.status).toBe(400);
    expect(huge.json.errors?.[0]?.field).toBe('body.sizeBytes');
    const neither = await start(newDocument({ asset: undefined }));
    expect(neither.json.errors?.[0]?.field).toBe('assetId');
    const text = (await t.api<AssetView>(creator.token, { method: 'POST', path: '/api/content/assets', body: { type: 'social_post', title: 'Post', body: 'x' } })).json;
    const onText = await start(newDocument({ asset: undefined, assetId: text.id }));
    expect(onText.json.errors?.[0]).toMatchObject({ field: 'assetId' });
  });

  it('completion refuses a missing file (409), a size or type that differs from the declared one (422); completing twice answers the same version', async () => {
    await people();
    const ticket = (await start(newDocument({ asset: { type: 'document', title: 'Twice' } }))).json;
    const missing = await complete(ticket.uploadId);
    expect(missing.status).toBe(409);

    await putToTicket(ticket, pdf.subarray(0, pdf.length - 10));
    const short = await complete(ticket.uploadId);
    expect(short.status).toBe(422);
    expect(short.json.errors).toEqual([{ field: 'sizeBytes', message: `the stored file is ${pdf.length - 10} bytes` }]);

    const typed = (await start(newDocument({ asset: { type: 'document', title: 'Typed' } }))).json;
    // A client that ignores the ticket's headers: the signature covers Content-Type, so S3 refuses it,
    // and were it stored, completion would refuse the type.
    const status = await putToTicket(typed, pdf, { 'Content-Type': 'text/plain' });
    if (status === 200) expect((await complete(typed.uploadId)).status).toBe(422);
    else expect(status).toBe(403);

    await putToTicket(ticket, pdf);
    const once = await complete(ticket.uploadId);
    expect(once.status, once.text).toBe(200);
    const again = await complete(ticket.uploadId);
    expect(again.status).toBe(200);
    expect(again.json.current!.id).toBe(once.json.current!.id);
    const history = await t.api<AssetVersionList>(creator.token, { method: 'GET', path: `/api/content/assets/${once.json.id}/versions` });
    expect(history.json.items).toHaveLength(1);

    const someoneElse = await staffWithToken(t, ['content_creator']);
    expect((await complete(ticket.uploadId, someoneElse.token)).status).toBe(404);
  });

  it('an upload not completed in time answers 410 and the sweep expires it and deletes its bytes', async () => {
    await people();
    const ticket = (await start(newDocument({ asset: { type: 'document', title: 'Late' } }))).json;
    await putToTicket(ticket, pdf);
    const [row] = await t.deps.db.select().from(contentUploads).where(eq(contentUploads.id, ticket.uploadId));
    expect(await headContentObject(t.deps, row!.objectKey)).not.toBeNull();

    t.clock.advance(UPLOAD_TTL_SECONDS * 1000 + 1_000);
    const late = await complete(ticket.uploadId);
    expect(late.status).toBe(410);
    expect(await sweepExpiredUploads(t.deps)).toBeGreaterThanOrEqual(1);
    const [swept] = await t.deps.db.select().from(contentUploads).where(eq(contentUploads.id, ticket.uploadId));
    expect(swept!.state).toBe('expired');
    expect(await headContentObject(t.deps, row!.objectKey)).toBeNull();
    await expect(t.deps.aws.s3.send(new GetObjectCommand({ Bucket: t.deps.config.CONTENT_BUCKET_NAME, Key: row!.objectKey }))).rejects.toThrow();
    expect((await complete(ticket.uploadId)).status).toBe(410);
    // Completed uploads are never swept.
    expect(await sweepExpiredUploads(t.deps)).toBe(0);
  });
});
