// How assets and versions read in the API: rows of content_assets and content_asset_versions with
// the names of who wrote them, counts of versions and campaign uses, and short-lived file links.
import { eq, inArray, sql } from 'drizzle-orm';
import type { AssetListItem, AssetType, AssetVersionSummary, AssetVersionView, AssetView, VersionSource } from '@shared/contracts/content';
import type { Database } from '../../../db/connection';
import { campaignAssets, contentAssets, contentAssetVersions } from '../../../db/schema/content';
import { users } from '../../../db/schema/identity';
import { presignGet, READ_LINK_SECONDS, type StorageDeps } from './storage';

export type AssetRow = typeof contentAssets.$inferSelect;
export type VersionRow = typeof contentAssetVersions.$inferSelect;
type UserRef = { id: string; name: string } | null;

/** The display names of these users. */
export async function userNames(db: Database, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ id: users.id, name: sql<string>`trim(${users.firstName} || ' ' || ${users.lastName})` })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const ref = (names: Map<string, string>, id: string | null): UserRef => (id ? { id, name: names.get(id) ?? 'Former user' } : null);

export function versionSummary(row: VersionRow, currentId: string | null, names: Map<string, string>, numbers: Map<string, number>): AssetVersionSummary {
  return {
    id: row.id,
    number: row.number,
    source: row.source as VersionSource,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    note: row.note,
    aiModel: row.aiModel,
    restoredFrom: row.restoredFrom ? { id: row.restoredFrom, number: numbers.get(row.restoredFrom) ?? 0 } : null,
    createdBy: ref(names, row.createdBy),
    createdAt: row.createdAt.toISOString(),
    current: row.id === currentId,
  };
}

/** The numbers of the versions these restore, for "restored from v2". */
export async function restoredNumbers(db: Database, rows: VersionRow[]): Promise<Map<string, number>> {
  const ids = [...new Set(rows.map((r) => r.restoredFrom).filter((id): id is string => id !== null))];
  if (!ids.length) return new Map();
  const found = await db.select({ id: contentAssetVersions.id, number: contentAssetVersions.number }).from(contentAssetVersions).where(inArray(contentAssetVersions.id, ids));
  return new Map(found.map((r) => [r.id, r.number]));
}

/** One version with its content and, for a file, short-lived download and preview links. */
export async function versionView(deps: StorageDeps & { db: Database }, row: VersionRow, currentId: string | null): Promise<AssetVersionView> {
  const [names, numbers] = await Promise.all([userNames(deps.db, [row.createdBy]), restoredNumbers(deps.db, [row])]);
  const [downloadUrl, previewUrl] = await Promise.all([
    row.objectKey ? presignGet(deps, row.objectKey, { download: row.fileName ?? 'file' }) : null,
    row.previewKey ? presignGet(deps, row.previewKey) : null,
  ]);
  return { ...versionSummary(row, currentId, names, numbers), subject: row.subject, body: row.body, url: row.url, brief: row.brief, downloadUrl, previewUrl };
}

export const readLinkExpiry = (now: Date) => new Date(now.getTime() + READ_LINK_SECONDS * 1000).toISOString();

/** List items of these assets, in their order. */
export async function listItems(db: Database, rows: AssetRow[]): Promise<AssetListItem[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const currentIds = rows.map((r) => r.currentVersionId).filter((id): id is string => id !== null);
  const [counts, uses, currents, names] = await Promise.all([
    db
      .select({ assetId: contentAssetVersions.assetId, n: sql<number>`count(*)::int` })
      .from(contentAssetVersions)
      .where(inArray(contentAssetVersions.assetId, ids))
      .groupBy(contentAssetVersions.assetId),
    db
      .select({ assetId: campaignAssets.assetId, n: sql<number>`count(*)::int` })
      .from(campaignAssets)
      .where(inArray(campaignAssets.assetId, ids))
      .groupBy(campaignAssets.assetId),
    currentIds.length
      ? db
          .select({
            id: contentAssetVersions.id,
            number: contentAssetVersions.number,
            source: contentAssetVersions.source,
            fileName: contentAssetVersions.fileName,
            sizeBytes: contentAssetVersions.sizeBytes,
          })
          .from(contentAssetVersions)
          .where(inArray(contentAssetVersions.id, currentIds))
      : Promise.resolve([]),
    userNames(
      db,
      rows.map((r) => r.updatedBy),
    ),
  ]);
  const versionCount = new Map(counts.map((c) => [c.assetId, Number(c.n)]));
  const usageCount = new Map(uses.map((c) => [c.assetId, Number(c.n)]));
  const current = new Map(currents.map((c) => [c.id, { ...c, source: c.source as VersionSource }]));
  return rows.map((r) => ({
    id: r.id,
    type: r.type as AssetType,
    title: r.title,
    description: r.description,
    tags: r.tags,
    currentVersion: (r.currentVersionId && current.get(r.currentVersionId)) || null,
    versionCount: versionCount.get(r.id) ?? 0,
    usageCount: usageCount.get(r.id) ?? 0,
    publicUrl: r.publicUrl,
    archived: r.archivedAt !== null,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: ref(names, r.updatedBy),
  }));
}

/** The asset page's view: its list item, the current version with its content, who made it. */
export async function assetView(deps: StorageDeps & { db: Database }, row: AssetRow): Promise<AssetView> {
  const [[item], names, [current]] = await Promise.all([
    listItems(deps.db, [row]),
    userNames(deps.db, [row.createdBy]),
    row.currentVersionId ? deps.db.select().from(contentAssetVersions).where(eq(contentAssetVersions.id, row.currentVersionId)) : Promise.resolve([]),
  ]);
  return {
    ...item!,
    current: current ? await versionView(deps, current, row.currentVersionId) : null,
    createdAt: row.createdAt.toISOString(),
    createdBy: ref(names, row.createdBy),
  };
}
