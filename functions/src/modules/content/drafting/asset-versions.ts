// Drafting's writes go through the asset library's own: a text version appended to an asset
// (numbered max + 1 under the asset's row lock, made current) and a new text asset with its first
// version, both marked as the model's.
import type { AssetType, VersionSource } from '@shared/contracts/content';
import type { Database } from '../../../db/connection';
import { createAssetVersion } from '../assets/versions';
import { createTextAsset } from '../assets/service';

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

/** A new version of the asset, made current (404 for an asset that is not there, 409 for an archived one). */
export async function appendTextVersion(db: Database, assetId: string, input: TextVersionInput, now: Date): Promise<WrittenVersion> {
  const created = await createAssetVersion(db, { assetId, ...input, at: now });
  return { assetId, versionId: created.id, number: created.number };
}

/** A new text asset whose version 1 is `input`. */
export async function createTextAssetWithVersion(
  db: Database,
  asset: { type: AssetType; title: string; description?: string; tags: string[] },
  input: TextVersionInput,
  now: Date,
): Promise<WrittenVersion> {
  const { type } = asset;
  if (type === 'document' || type === 'image') throw new Error('Drafting writes text assets only.');
  const created = await createTextAsset(db, { ...asset, type, ...input, source: input.source === 'ai' ? 'ai' : 'edit', at: now });
  return { assetId: created.assetId, versionId: created.id, number: created.number };
}
