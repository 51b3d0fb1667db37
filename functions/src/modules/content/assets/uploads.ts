// File uploads: the browser asks for a presigned PUT (one request, any size up to MAX_UPLOAD_BYTES,
// the type checked against the asset's type), sends the bytes straight to S3, then completes: the
// object is checked (it exists, its size and type are those declared), a preview is made, and the
// version is written — of the asset named, or of a new asset from the upload's details. Completing
// again answers the same version; an upload not completed in time expires and is swept.
import { randomUUID } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { DOCUMENT_CONTENT_TYPES, FILE_ASSET_TYPES, IMAGE_CONTENT_TYPES, type AssetType, type AssetView, type StartUpload, type UploadTicket } from '@shared/contracts/content';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Deps, ScheduledJob } from '../../../core/deps';
import { contentAssets, contentUploads } from '../../../db/schema/content';
import { makePreview } from './preview';
import { getAsset, normalizeTags, type AssetDeps } from './service';
import { deleteContentObject, headContentObject, presignPut } from './storage';
import { createAssetVersion } from './versions';

/** How long the presigned PUT may be started. */
export const UPLOAD_LINK_SECONDS = 60 * 60;
/** How long an upload may wait to be completed (a large file's PUT outlives its link's start). */
export const UPLOAD_TTL_SECONDS = 6 * 60 * 60;

type UploadDeps = AssetDeps & Pick<Deps, 'logger'>;

const CONTENT_TYPES: Record<'document' | 'image', readonly string[]> = { document: DOCUMENT_CONTENT_TYPES, image: IMAGE_CONTENT_TYPES };

interface UploadDraft {
  type: 'document' | 'image';
  title: string;
  description: string;
  tags: string[];
  note: string | null;
}

/** The object key: a fresh folder per upload, the file's name kept readable. */
function objectKeyFor(fileName: string): string {
  const safe =
    fileName
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(-120) || 'file';
  return `assets/${randomUUID()}/${safe}`;
}

/** Opens an upload: checks where the file goes and its type, answers a presigned PUT. */
export async function startUpload(deps: UploadDeps, input: StartUpload, userId: string): Promise<UploadTicket> {
  if ((input.assetId === undefined) === (input.asset === undefined)) {
    throw invalid('assetId', 'give either the asset this is a new version of, or the new asset’s details (asset)');
  }
  let type: 'document' | 'image';
  if (input.assetId) {
    const [asset] = await deps.db.select({ type: contentAssets.type, archivedAt: contentAssets.archivedAt }).from(contentAssets).where(eq(contentAssets.id, input.assetId));
    if (!asset) throw notFound('asset');
    if (asset.archivedAt) throw new AppError('conflict', { detail: 'The asset is archived: bring it back before changing it.' });
    if (!FILE_ASSET_TYPES.includes(asset.type as AssetType)) throw invalid('assetId', 'is a text asset: edit it instead of uploading');
    type = asset.type as 'document' | 'image';
  } else {
    type = input.asset!.type;
  }
  const contentType = input.contentType.toLowerCase();
  if (!CONTENT_TYPES[type].includes(contentType)) {
    throw invalid('contentType', `${contentType} is not a ${type === 'image' ? 'image type (PNG, JPEG, GIF, WebP, SVG)' : 'document type (PDF, Word, PowerPoint, Excel, text, CSV)'}`);
  }
  const draft: UploadDraft | null = input.asset
    ? { type, title: input.asset.title, description: input.asset.description, tags: normalizeTags(input.asset.tags), note: input.note ?? null }
    : null;
  const now = deps.now();
  const objectKey = objectKeyFor(input.fileName);
  const expiresAt = new Date(now.getTime() + UPLOAD_TTL_SECONDS * 1000);
  const [row] = await deps.db
    .insert(contentUploads)
    .values({
      assetId: input.assetId ?? null,
      draft: draft ?? (input.note ? { note: input.note } : null),
      objectKey,
      fileName: input.fileName,
      contentType,
      sizeBytes: input.sizeBytes,
      createdBy: userId,
      expiresAt,
      createdAt: now,
    })
    .returning({ id: contentUploads.id });
  return {
    uploadId: row!.id,
    url: await presignPut(deps, objectKey, contentType, UPLOAD_LINK_SECONDS),
    headers: { 'Content-Type': contentType },
    expiresAt: expiresAt.toISOString(),
  };
}

const sameType = (stored: string | null, declared: string) => (stored ?? '').split(';')[0]!.trim().toLowerCase() === declared;

/** Completes an upload of the caller's: checks the object, makes the preview and the version; answers the asset. */
export async function completeUpload(deps: UploadDeps, uploadId: string, userId: string): Promise<AssetView> {
  const [upload] = await deps.db
    .select()
    .from(contentUploads)
    .where(and(eq(contentUploads.id, uploadId), eq(contentUploads.createdBy, userId)));
  if (!upload) throw notFound('upload');
  if (upload.state === 'completed') return getAsset(deps, completedAssetId(upload));
  const now = deps.now();
  if (upload.state === 'expired' || upload.expiresAt <= now) throw new AppError('gone', { detail: 'The upload expired: upload the file again.' });
  const head = await headContentObject(deps, upload.objectKey);
  if (!head) throw new AppError('conflict', { detail: 'The file has not arrived: PUT its bytes to the upload URL first.' });
  if (head.size !== upload.sizeBytes) {
    throw new AppError('unprocessable', {
      detail: `The stored file is ${head.size} bytes, the upload declared ${upload.sizeBytes}: upload it again.`,
      errors: [{ field: 'sizeBytes', message: `the stored file is ${head.size} bytes` }],
    });
  }
  if (!sameType(head.contentType, upload.contentType)) {
    throw new AppError('unprocessable', {
      detail: `The stored file is ${head.contentType ?? 'of no type'}, the upload declared ${upload.contentType}.`,
      errors: [{ field: 'contentType', message: `the stored file is ${head.contentType ?? 'of no type'}` }],
    });
  }
  const previewKey = await makePreview(
    deps,
    { objectKey: upload.objectKey, contentType: upload.contentType, sizeBytes: head.size },
    `previews/${upload.objectKey.replace(/^assets\//, '')}.png`,
  );
  const assetId = await deps.db.transaction(async (tx) => {
    // The row lock makes a concurrent completion wait, then see the upload completed.
    const [locked] = await tx.select().from(contentUploads).where(eq(contentUploads.id, upload.id)).for('update');
    if (locked!.state === 'completed') return completedAssetId(locked!);
    const draft = upload.draft as Partial<UploadDraft> | null;
    let target = upload.assetId;
    if (!target) {
      const [asset] = await tx
        .insert(contentAssets)
        .values({ type: draft!.type!, title: draft!.title!, description: draft!.description ?? '', tags: draft!.tags ?? [], createdBy: userId, updatedBy: userId, createdAt: now, updatedAt: now })
        .returning({ id: contentAssets.id });
      target = asset!.id;
    }
    const version = await createAssetVersion(tx, {
      assetId: target,
      source: 'upload',
      file: { objectKey: upload.objectKey, fileName: upload.fileName, contentType: upload.contentType, sizeBytes: head.size, previewKey },
      note: draft?.note ?? null,
      createdBy: userId,
      at: now,
    });
    await tx.update(contentUploads).set({ state: 'completed', assetId: target, versionId: version.id }).where(eq(contentUploads.id, upload.id));
    return target;
  });
  return getAsset(deps, assetId);
}

function completedAssetId(upload: { assetId: string | null }): string {
  if (!upload.assetId) throw new AppError('internal', { detail: 'A completed upload without its asset.' });
  return upload.assetId;
}

/**
 * Expires pending uploads past their time and deletes whatever bytes they left in the bucket.
 * One UPDATE … RETURNING per batch of up to 500 uploads.
 */
export async function sweepExpiredUploads(deps: Pick<Deps, 'db' | 'aws' | 'config' | 'now' | 'logger'>): Promise<number> {
  const now = deps.now();
  const expired = await deps.db
    .update(contentUploads)
    .set({ state: 'expired' })
    .where(
      and(
        eq(contentUploads.state, 'pending'),
        lt(contentUploads.expiresAt, now),
        sql`${contentUploads.id} in (select id from content_uploads where state = 'pending' and expires_at < ${now.toISOString()}::timestamptz limit 500)`,
      ),
    )
    .returning({ objectKey: contentUploads.objectKey });
  for (const { objectKey } of expired) await deleteContentObject(deps, objectKey);
  if (expired.length) deps.logger.info('Expired content uploads swept', { count: expired.length });
  return expired.length;
}

export const sweepContentUploadsJob: ScheduledJob = {
  name: 'content-uploads-sweep',
  everySeconds: 15 * 60,
  run: async (deps) => {
    await sweepExpiredUploads(deps);
  },
};
