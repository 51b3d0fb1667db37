// The content module's API shapes: the asset library (assets, versions, uploads, previews), AI
// drafting and where an asset is used. Social publishing: ./content-social.ts; the Resources
// Centre: ./content-resources.ts; campaign links, tracking URLs and the content report:
// ./content-tracking.ts.
//
// Routes (staff, under /api/content unless written otherwise):
//   assets                               GET (q, type, tag, archived, cursor), POST (a text or video-link asset)   content.read; content.create
//   assets/uploads                       POST {fileName, contentType, sizeBytes, assetId? | asset} → presigned PUT  content.create
//   assets/uploads/:uploadId/complete    POST (checks the object, makes the version; a new asset when none)          content.create
//   assets/:assetId                      GET (with current version, versions count, usage), PATCH {title, description, tags, archived}, DELETE (archive)  content.read; content.create
//                                        (an archive is undone by PATCH {archived: false}: no separate restore route)
//   assets/:assetId/versions             GET (history: who, when, how), POST {subject?, body?, url?, note?} (an edit)  content.read; content.create
//   assets/:assetId/versions/:versionId  GET (its content; a file's download URL)                                   content.read
//   assets/:assetId/versions/:versionId/restore  POST (a new version copying it)                                 content.create
//   assets/:assetId/preview              GET (the current or ?versionId= version's preview image URL)                content.read
//   assets/:assetId/usage                GET (the campaigns using it: ./content-tracking.ts)                         content.read
//   drafting                             GET ({configured, model}: whether AI drafting is set up)                    content.create
//   assets/:assetId/draft                POST {brief, kind, tone?, length?} → a new version marked AI-written         content.create
//   drafts                               POST {brief, kind, title, …} → a new text asset whose first version is AI-written  content.create
import { z } from 'zod';

const uuid = z.string().uuid();

// ---------------------------------------------------------------- assets

export const ASSET_TYPES = ['document', 'image', 'video_link', 'email_template', 'landing_copy', 'social_post'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  document: 'Document',
  image: 'Image',
  video_link: 'Video link',
  email_template: 'Email template',
  landing_copy: 'Landing copy',
  social_post: 'Social post',
};

/** Types whose versions are files uploaded to S3. */
export const FILE_ASSET_TYPES: readonly AssetType[] = ['document', 'image'];
/** Types whose versions are text written here (or drafted with AI). */
export const TEXT_ASSET_TYPES: readonly AssetType[] = ['email_template', 'landing_copy', 'social_post'];

export const VERSION_SOURCES = ['upload', 'edit', 'ai', 'restore'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];
export const VERSION_SOURCE_LABELS: Record<VersionSource, string> = {
  upload: 'Uploaded',
  edit: 'Edited',
  ai: 'AI-written',
  restore: 'Restored',
};

/** Uploads: documents and images only, at most 5 GiB (a single presigned PUT). */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'text/csv',
] as const;
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;

const tag = z.string().trim().toLowerCase().min(1).max(40);
export const assetTagsSchema = z.array(tag).max(20).default([]);

export const assetMetaSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(200),
  description: z.string().trim().max(2000).default(''),
  tags: assetTagsSchema,
});

/** One version as the history lists it. */
export interface AssetVersionSummary {
  id: string;
  number: number;
  source: VersionSource;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  note: string | null;
  aiModel: string | null;
  restoredFrom: { id: string; number: number } | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  /** True for the asset's current version. */
  current: boolean;
}

/** One version with its content. */
export interface AssetVersionView extends AssetVersionSummary {
  subject: string | null;
  body: string | null;
  url: string | null;
  brief: string | null;
  /** A short-lived download URL of the file (file types). */
  downloadUrl: string | null;
  /** A short-lived URL of the preview image, when one was made. */
  previewUrl: string | null;
}

export interface AssetListItem {
  id: string;
  type: AssetType;
  title: string;
  description: string;
  tags: string[];
  currentVersion: { id: string; number: number; source: VersionSource; fileName: string | null; sizeBytes: number | null } | null;
  versionCount: number;
  /** How many campaigns use it. */
  usageCount: number;
  publicUrl: string | null;
  archived: boolean;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
}

export interface AssetView extends AssetListItem {
  current: AssetVersionView | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}

export const listAssetsQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  type: z.enum(ASSET_TYPES).optional(),
  tag: tag.optional(),
  archived: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const assetIdParams = z.strictObject({ assetId: uuid });
export const versionParams = z.strictObject({ assetId: uuid, versionId: uuid });

/** A text asset or a video link, created with its first version. */
export const createAssetSchema = assetMetaSchema.extend({
  type: z.enum(['video_link', 'email_template', 'landing_copy', 'social_post']),
  subject: z.string().trim().max(300).optional(),
  body: z.string().max(200_000).optional(),
  url: z.string().trim().url().max(2000).optional(),
});

/** A change of an asset's details; `archived: false` brings an archived asset back (the undo of DELETE). */
export const updateAssetSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    description: z.string().trim().max(2000).optional(),
    tags: z.array(tag).max(20).optional(),
    archived: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'says nothing to change' });
export type UpdateAsset = z.infer<typeof updateAssetSchema>;

export interface AssetPage {
  items: AssetListItem[];
  nextCursor: string | null;
}

export interface AssetVersionList {
  items: AssetVersionSummary[];
}

/** A short-lived URL of a version's preview image; null when none could be made. */
export interface AssetPreview {
  versionId: string;
  url: string | null;
  expiresAt: string | null;
}

export const previewQuerySchema = z.strictObject({ versionId: uuid.optional() });
export const uploadParams = z.strictObject({ uploadId: uuid });

/** An edit: a new version of a text asset or a video link. */
export type CreateAsset = z.infer<typeof createAssetSchema>;

export const newVersionSchema = z.strictObject({
  subject: z.string().trim().max(300).optional(),
  body: z.string().max(200_000).optional(),
  url: z.string().trim().url().max(2000).optional(),
  note: z.string().trim().max(500).optional(),
});

export const startUploadSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(200),
  sizeBytes: z.number().int().min(1).max(MAX_UPLOAD_BYTES),
  /** A new version of this asset… */
  assetId: uuid.optional(),
  /** …or a new asset. */
  asset: assetMetaSchema.extend({ type: z.enum(['document', 'image']) }).optional(),
  note: z.string().trim().max(500).optional(),
});

export type StartUpload = z.infer<typeof startUploadSchema>;
export type NewVersion = z.infer<typeof newVersionSchema>;
export type ListAssetsQuery = z.infer<typeof listAssetsQuerySchema>;

export interface UploadTicket {
  uploadId: string;
  /** PUT the file's bytes here with the same Content-Type. */
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

// ---------------------------------------------------------------- AI drafting

export const DRAFT_KINDS = ['email_body', 'subject_lines', 'social_post', 'landing_copy'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
export const DRAFT_KIND_LABELS: Record<DraftKind, string> = {
  email_body: 'Email body',
  subject_lines: 'Subject lines',
  social_post: 'Social post',
  landing_copy: 'Landing copy',
};

export interface DraftingStatus {
  configured: boolean;
  model: string | null;
}
