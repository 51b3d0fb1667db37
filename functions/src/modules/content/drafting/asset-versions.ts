// The few asset writes drafting needs: a text version appended to an asset (numbered max + 1,
// made current) and a new text asset with its first version. The asset library's own version
// writes take their place once they exist; these follow the same rules (one transaction, the
// asset row locked so two drafts of one asset take turns for their numbers).
import { eq, sql } from 'drizzle-orm';
import type { AssetType, VersionSource } from '@shared/contracts/content';
import type { Database } from '../../../db/connection';
import { contentAssets, contentAssetVersions } from '../../../db/schema';
import { notFound } from '../../../core/app-error';

export interface TextVersionInput {
  source: VersionSource;
  subject: string | null;
  body: string;
  aiModel: string | null;
  brief: string | null;
  note?: string | null;
  createdBy: string | null;
}

export interface WrittenVersion {
  assetId: string;
  versionId: string;
  number: number;
}

async function appendVersion(tx: Database, assetId: string, input: TextVersionInput, now: Date): Promise<WrittenVersion> {
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${contentAssetVersions.number}), 0) + 1` })
    .from(contentAssetVersions)
    .where(eq(contentAssetVersions.assetId, assetId))) as [{ next: number }];
  const [version] = await tx
    .insert(contentAssetVersions)
    .values({
      assetId,
      number: Number(next),
      source: input.source,
      subject: input.subject,
      body: input.body,
      aiModel: input.aiModel,
      brief: input.brief,
      note: input.note ?? null,
      createdBy: input.createdBy,
      createdAt: now,
    })
    .returning({ id: contentAssetVersions.id, number: contentAssetVersions.number });
  await tx.update(contentAssets).set({ currentVersionId: version!.id, updatedBy: input.createdBy, updatedAt: now }).where(eq(contentAssets.id, assetId));
  return { assetId, versionId: version!.id, number: version!.number };
}

/** A new version of the asset, made current. 404 for an asset that is not there (or archived). */
export async function appendTextVersion(db: Database, assetId: string, input: TextVersionInput, now: Date): Promise<WrittenVersion> {
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [asset] = await tx.select({ id: contentAssets.id, archivedAt: contentAssets.archivedAt }).from(contentAssets).where(eq(contentAssets.id, assetId)).for('update');
    if (!asset || asset.archivedAt) throw notFound('asset');
    return appendVersion(tx, assetId, input, now);
  });
}

/** A new text asset whose version 1 is `input`. */
export async function createTextAssetWithVersion(
  db: Database,
  asset: { type: AssetType; title: string; description?: string; tags: string[] },
  input: TextVersionInput,
  now: Date,
): Promise<WrittenVersion> {
  return db.transaction(async (raw) => {
    const tx = raw as unknown as Database;
    const [row] = await tx
      .insert(contentAssets)
      .values({ type: asset.type, title: asset.title, description: asset.description ?? '', tags: asset.tags, createdBy: input.createdBy, updatedBy: input.createdBy, createdAt: now, updatedAt: now })
      .returning({ id: contentAssets.id });
    return appendVersion(tx, row!.id, input, now);
  });
}
