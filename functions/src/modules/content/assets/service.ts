// The asset library's rules: creating a text asset or a video link with its first version, the
// searchable list (title, description and tags, case-insensitive; type, tag and archived filters;
// newest change first, cursor-paged), one asset, its details, archiving and bringing it back.
import { and, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AssetPage, AssetPreview, AssetType, AssetVersionList, AssetVersionView, AssetView, CreateAsset, ListAssetsQuery, UpdateAsset } from '@shared/contracts/content';
import { notFound, invalid } from '../../../core/app-error';
import type { Deps } from '../../../core/deps';
import type { Database } from '../../../db/connection';
import { escapeLike } from '../../../db/filter-sql';
import { contentAssets, contentAssetVersions } from '../../../db/schema/content';
import { decodeCursor, encodeCursor } from '../../../records/cursor';
import { createAssetVersion, type CreatedVersion } from './versions';
import { presignGet } from './storage';
import { assetView, listItems, readLinkExpiry, restoredNumbers, userNames, versionSummary, versionView, type AssetRow, type VersionRow } from './views';

export type AssetDeps = Pick<Deps, 'db' | 'aws' | 'config' | 'now'>;

const CURSOR = { sort: 'updatedAt', order: 'desc' } as const;
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export interface NewTextAsset {
  type: Extract<AssetType, 'video_link' | 'email_template' | 'landing_copy' | 'social_post'>;
  title: string;
  description?: string;
  tags?: string[];
  subject?: string | null;
  body?: string | null;
  url?: string | null;
  /** How the first version came: written here ('edit', the default) or drafted with AI ('ai'). */
  source?: 'edit' | 'ai';
  aiModel?: string | null;
  brief?: string | null;
  note?: string | null;
  createdBy: string | null;
  at?: Date;
}

/** A text asset or a video link with its version 1, in one transaction. */
export async function createTextAsset(db: Database, input: NewTextAsset): Promise<CreatedVersion> {
  return db.transaction(async (tx) => {
    const [asset] = await tx
      .insert(contentAssets)
      .values({
        type: input.type,
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        tags: normalizeTags(input.tags ?? []),
        createdBy: input.createdBy,
        updatedBy: input.createdBy,
        ...(input.at ? { createdAt: input.at, updatedAt: input.at } : {}),
      })
      .returning({ id: contentAssets.id });
    return createAssetVersion(tx, {
      assetId: asset!.id,
      source: input.source ?? 'edit',
      subject: input.subject,
      body: input.body,
      url: input.url,
      aiModel: input.aiModel,
      brief: input.brief,
      note: input.note,
      createdBy: input.createdBy,
      at: input.at,
    });
  });
}

/** Tags are lower-cased, trimmed and kept once each, in their order. */
export function normalizeTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}

export async function createAsset(deps: AssetDeps, input: CreateAsset, userId: string): Promise<AssetView> {
  const created = await createTextAsset(deps.db, { ...input, createdBy: userId, at: deps.now() });
  return getAsset(deps, created.assetId);
}

export async function assetRow(db: Database, assetId: string): Promise<AssetRow> {
  const [row] = await db.select().from(contentAssets).where(eq(contentAssets.id, assetId));
  if (!row) throw notFound('asset');
  return row;
}

export async function getAsset(deps: AssetDeps, assetId: string): Promise<AssetView> {
  return assetView(deps, await assetRow(deps.db, assetId));
}

/** A page of the library, the most recently changed first. Archived assets only when asked for. */
export async function listAssets(deps: AssetDeps, query: ListAssetsQuery): Promise<AssetPage> {
  const conditions: (SQL | undefined)[] = [query.archived === 'true' ? isNotNull(contentAssets.archivedAt) : isNull(contentAssets.archivedAt)];
  if (query.type) conditions.push(eq(contentAssets.type, query.type));
  if (query.tag) conditions.push(sql`${contentAssets.tags} @> array[${query.tag}]::text[]`);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(ilike(contentAssets.title, pattern), ilike(contentAssets.description, pattern), sql`array_to_string(${contentAssets.tags}, ' ') ilike ${pattern}`),
    );
  }
  if (query.cursor) {
    const position = decodeCursor(query.cursor, CURSOR);
    if (!TIMESTAMP_TEXT.test(position.value)) throw invalid('query.cursor', 'is not a cursor this API gave out');
    conditions.push(sql`(${contentAssets.updatedAt}, ${contentAssets.id}) < (${position.value}::timestamptz, ${position.id}::uuid)`);
  }
  const rows = await deps.db
    .select({ asset: contentAssets, sortKey: sql<string>`${contentAssets.updatedAt}::text` })
    .from(contentAssets)
    .where(and(...conditions))
    .orderBy(desc(contentAssets.updatedAt), desc(contentAssets.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: await listItems(
      deps.db,
      page.map((r) => r.asset),
    ),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ ...CURSOR, value: last.sortKey, id: last.asset.id }) : null,
  };
}

/** Changes an asset's details; `archived` archives it or brings it back. */
export async function updateAsset(deps: AssetDeps, assetId: string, patch: UpdateAsset, userId: string): Promise<AssetView> {
  await assetRow(deps.db, assetId);
  const now = deps.now();
  await deps.db
    .update(contentAssets)
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.tags !== undefined ? { tags: normalizeTags(patch.tags) } : {}),
      ...(patch.archived !== undefined ? { archivedAt: patch.archived ? sql`coalesce(${contentAssets.archivedAt}, ${now.toISOString()}::timestamptz)` : null } : {}),
      updatedBy: userId,
      updatedAt: now,
    })
    .where(eq(contentAssets.id, assetId));
  return getAsset(deps, assetId);
}

export async function archiveAsset(deps: AssetDeps, assetId: string, userId: string): Promise<AssetView> {
  return updateAsset(deps, assetId, { archived: true }, userId);
}

/** An asset's history, the newest version first. */
export async function listVersions(deps: AssetDeps, assetId: string): Promise<AssetVersionList> {
  const asset = await assetRow(deps.db, assetId);
  const rows = await deps.db.select().from(contentAssetVersions).where(eq(contentAssetVersions.assetId, assetId)).orderBy(desc(contentAssetVersions.number));
  const [names, numbers] = await Promise.all([
    userNames(
      deps.db,
      rows.map((r) => r.createdBy),
    ),
    restoredNumbers(deps.db, rows),
  ]);
  return { items: rows.map((r) => versionSummary(r, asset.currentVersionId, names, numbers)) };
}

async function versionRow(db: Database, assetId: string, versionId: string): Promise<VersionRow> {
  const [row] = await db
    .select()
    .from(contentAssetVersions)
    .where(and(eq(contentAssetVersions.assetId, assetId), eq(contentAssetVersions.id, versionId)));
  if (!row) throw notFound('version');
  return row;
}

export async function getVersion(deps: AssetDeps, assetId: string, versionId: string): Promise<AssetVersionView> {
  const asset = await assetRow(deps.db, assetId);
  return versionView(deps, await versionRow(deps.db, assetId, versionId), asset.currentVersionId);
}

/** The preview image link of the current version, or of the one asked for. */
export async function getPreview(deps: AssetDeps, assetId: string, versionId?: string): Promise<AssetPreview> {
  const asset = await assetRow(deps.db, assetId);
  const id = versionId ?? asset.currentVersionId;
  if (!id) throw notFound('version');
  const version = await versionRow(deps.db, assetId, id);
  if (!version.previewKey) return { versionId: version.id, url: null, expiresAt: null };
  return { versionId: version.id, url: await presignGet(deps, version.previewKey), expiresAt: readLinkExpiry(deps.now()) };
}
