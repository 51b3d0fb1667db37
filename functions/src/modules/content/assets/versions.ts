// An asset's versions: writing a new one (an upload, an edit, an AI draft or a restore), numbered
// from 1 per asset under a lock of the asset row, and made the asset's current version in the same
// transaction. A version is never changed once written; a restore is a new version copying an old
// one's content.
import { and, desc, eq, sql } from 'drizzle-orm';
import { FILE_ASSET_TYPES, TEXT_ASSET_TYPES, type AssetType, type NewVersion, type VersionSource } from '@shared/contracts/content';
import { AppError, invalid, notFound } from '../../../core/app-error';
import type { Database } from '../../../db/connection';
import { contentAssets, contentAssetVersions } from '../../../db/schema/content';

/** The stored file of a file version (document, image). */
export interface VersionFile {
  objectKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256?: string | null;
  previewKey?: string | null;
}

export interface NewVersionInput {
  assetId: string;
  source: VersionSource;
  /** Email templates only. */
  subject?: string | null;
  /** Text types (email template, landing copy, social post). */
  body?: string | null;
  /** Video links. */
  url?: string | null;
  /** File types. */
  file?: VersionFile | null;
  note?: string | null;
  /** AI drafts: the model that wrote it and the brief it was given. */
  aiModel?: string | null;
  brief?: string | null;
  /** Restores: the version copied. */
  restoredFrom?: string | null;
  createdBy: string | null;
  /** When it was written (the service's clock); the database's time when absent. */
  at?: Date;
}

export interface CreatedVersion {
  id: string;
  assetId: string;
  number: number;
}

const trimmedOrNull = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** The content a version of this type carries, checked; anything the type does not use is refused. */
function versionContent(type: AssetType, input: NewVersionInput) {
  const subject = trimmedOrNull(input.subject);
  const body = input.body?.trim() ? input.body : null;
  const url = trimmedOrNull(input.url);
  if (FILE_ASSET_TYPES.includes(type)) {
    if (!input.file) throw new AppError('conflict', { detail: 'A document or image changes by uploading a new version of its file.' });
    return { subject: null, body: null, url: null, file: input.file };
  }
  if (input.file) throw invalid('file', `a ${type.replace('_', ' ')} has no file`);
  if (type === 'video_link') {
    if (!url) throw invalid('url', 'is required for a video link');
    if (body || subject) throw invalid('body', 'a video link carries only its URL');
    return { subject: null, body: null, url, file: null };
  }
  if (!TEXT_ASSET_TYPES.includes(type)) throw invalid('type', 'is not a type with versions');
  if (!body) throw invalid('body', 'must not be empty');
  if (url) throw invalid('url', `a ${type.replace('_', ' ')} has no URL`);
  if (subject && type !== 'email_template') throw invalid('subject', 'only an email template has a subject');
  return { subject, body, url: null, file: null };
}

/**
 * A new version of an asset, made its current one. Refuses an archived asset (409) and content the
 * asset's type does not carry (400). Runs in its own transaction (a savepoint inside the caller's).
 */
export async function createAssetVersion(db: Database, input: NewVersionInput): Promise<CreatedVersion> {
  return db.transaction(async (tx) => {
    const [asset] = await tx
      .select({ id: contentAssets.id, type: contentAssets.type, archivedAt: contentAssets.archivedAt })
      .from(contentAssets)
      .where(eq(contentAssets.id, input.assetId))
      .for('update');
    if (!asset) throw notFound('asset');
    if (asset.archivedAt) throw new AppError('conflict', { detail: 'The asset is archived: bring it back before changing it.' });
    const content = versionContent(asset.type as AssetType, input);
    const [last] = await tx
      .select({ number: contentAssetVersions.number })
      .from(contentAssetVersions)
      .where(eq(contentAssetVersions.assetId, asset.id))
      .orderBy(desc(contentAssetVersions.number))
      .limit(1);
    const number = (last?.number ?? 0) + 1;
    const [row] = await tx
      .insert(contentAssetVersions)
      .values({
        assetId: asset.id,
        number,
        source: input.source,
        objectKey: content.file?.objectKey ?? null,
        fileName: content.file?.fileName ?? null,
        contentType: content.file?.contentType ?? null,
        sizeBytes: content.file?.sizeBytes ?? null,
        sha256: content.file?.sha256 ?? null,
        previewKey: content.file?.previewKey ?? null,
        subject: content.subject,
        body: content.body,
        url: content.url,
        note: trimmedOrNull(input.note),
        aiModel: input.aiModel ?? null,
        brief: input.brief ?? null,
        restoredFrom: input.restoredFrom ?? null,
        createdBy: input.createdBy,
        ...(input.at ? { createdAt: input.at } : {}),
      })
      .returning({ id: contentAssetVersions.id });
    await tx
      .update(contentAssets)
      .set({ currentVersionId: row!.id, updatedBy: input.createdBy, updatedAt: input.at ?? sql`now()` })
      .where(eq(contentAssets.id, asset.id));
    return { id: row!.id, assetId: asset.id, number };
  });
}

/** An edit from the API: a new version of a text asset or a video link. */
export async function editAsset(db: Database, assetId: string, edit: NewVersion, userId: string, at: Date): Promise<CreatedVersion> {
  return createAssetVersion(db, { assetId, source: 'edit', subject: edit.subject, body: edit.body, url: edit.url, note: edit.note, createdBy: userId, at });
}

/** A restore: a new version copying an old one's content (the file object is shared, never copied). */
export async function restoreVersion(db: Database, assetId: string, versionId: string, userId: string, at: Date): Promise<CreatedVersion> {
  const [old] = await db
    .select()
    .from(contentAssetVersions)
    .where(and(eq(contentAssetVersions.assetId, assetId), eq(contentAssetVersions.id, versionId)));
  if (!old) throw notFound('version');
  return createAssetVersion(db, {
    assetId,
    source: 'restore',
    subject: old.subject,
    body: old.body,
    url: old.url,
    file: old.objectKey
      ? { objectKey: old.objectKey, fileName: old.fileName ?? 'file', contentType: old.contentType ?? 'application/octet-stream', sizeBytes: old.sizeBytes ?? 0, sha256: old.sha256, previewKey: old.previewKey }
      : null,
    note: `Restored version ${old.number}`,
    restoredFrom: old.id,
    createdBy: userId,
    at,
  });
}
