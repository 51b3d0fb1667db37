// The asset library's routes (shared/contracts/content.ts lists them): the searchable list, text
// assets and video links, details and archive (undone by PATCH {archived: false}), the version
// history with edit and restore, file uploads through presigned PUTs, and previews.
import {
  assetIdParams,
  createAssetSchema,
  listAssetsQuerySchema,
  newVersionSchema,
  previewQuerySchema,
  startUploadSchema,
  updateAssetSchema,
  uploadParams,
  versionParams,
  type AssetPage,
  type AssetPreview,
  type AssetVersionList,
  type AssetVersionView,
  type AssetView,
  type UploadTicket,
} from '@shared/contracts/content';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';
import { archiveAsset, createAsset, getAsset, getPreview, getVersion, listAssets, listVersions, updateAsset } from './service';
import { completeUpload, startUpload } from './uploads';
import { editAsset, restoreVersion } from './versions';

export function assetsRoutes(_hooks: ContentHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/content/assets',
      capability: 'content.read',
      summary: 'The asset library: search (title, description, tags), type, tag and archived filters, a cursor page',
      query: listAssetsQuerySchema,
      handler: async ({ deps, query }): Promise<AssetPage> => listAssets(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets',
      capability: 'content.create',
      summary: 'A new text asset or video link with its first version',
      body: createAssetSchema,
      handler: async ({ deps, principal, body }) => reply(201, await createAsset(deps, body, principal.userId)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/uploads',
      capability: 'content.create',
      summary: 'Start a file upload (a new asset or a new version): a presigned PUT',
      body: startUploadSchema,
      handler: async ({ deps, principal, body }) => reply(201, (await startUpload(deps, body, principal.userId)) satisfies UploadTicket),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/uploads/{uploadId}/complete',
      capability: 'content.create',
      summary: 'Complete an upload: check the stored file, make its preview and version',
      params: uploadParams,
      handler: async ({ deps, principal, params }): Promise<AssetView> => completeUpload(deps, params.uploadId, principal.userId),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}',
      capability: 'content.read',
      summary: 'One asset with its current version',
      params: assetIdParams,
      handler: async ({ deps, params }): Promise<AssetView> => getAsset(deps, params.assetId),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/content/assets/{assetId}',
      capability: 'content.create',
      summary: "Change an asset's title, description or tags; archived: false brings it back",
      params: assetIdParams,
      body: updateAssetSchema,
      handler: async ({ deps, principal, params, body }): Promise<AssetView> => updateAsset(deps, params.assetId, body, principal.userId),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/content/assets/{assetId}',
      capability: 'content.create',
      summary: 'Archive an asset (undone by PATCH archived: false)',
      params: assetIdParams,
      handler: async ({ deps, principal, params }): Promise<AssetView> => archiveAsset(deps, params.assetId, principal.userId),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}/versions',
      capability: 'content.read',
      summary: "An asset's versions: who, when, how, which is current",
      params: assetIdParams,
      handler: async ({ deps, params }): Promise<AssetVersionList> => listVersions(deps, params.assetId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/{assetId}/versions',
      capability: 'content.create',
      summary: 'Edit a text asset or video link: a new version',
      params: assetIdParams,
      body: newVersionSchema,
      handler: async ({ deps, principal, params, body }) => {
        const version = await editAsset(deps.db, params.assetId, body, principal.userId, deps.now());
        return reply(201, await getVersion(deps, params.assetId, version.id));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}/versions/{versionId}',
      capability: 'content.read',
      summary: "One version's content (a file's download link)",
      params: versionParams,
      handler: async ({ deps, params }): Promise<AssetVersionView> => getVersion(deps, params.assetId, params.versionId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/{assetId}/versions/{versionId}/restore',
      capability: 'content.create',
      summary: 'Restore a version: a new current version copying it',
      params: versionParams,
      handler: async ({ deps, principal, params }) => {
        const version = await restoreVersion(deps.db, params.assetId, params.versionId, principal.userId, deps.now());
        return reply(201, await getVersion(deps, params.assetId, version.id));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}/preview',
      capability: 'content.read',
      summary: "A short-lived link to the preview image of the current (or ?versionId=) version",
      params: assetIdParams,
      query: previewQuerySchema,
      handler: async ({ deps, params, query }): Promise<AssetPreview> => getPreview(deps, params.assetId, query.versionId),
    }),
  ];
}
