// Imports and exports API: presigned upload, analysis, confirm-and-start (or dry run), progress,
// history, cancel, revert, row issues and error file, mapping profiles; CSV exports.
import { z } from 'zod';
import {
  completeUploadRequestSchema,
  createExportRequestSchema,
  createUploadRequestSchema,
  importListQuerySchema,
  mappingProfileInputSchema,
  rowIssueListQuerySchema,
  startImportRequestSchema,
} from '@shared/contracts/imports';
import { defineRoute, noContent, reply, type ApiModule } from '../../http/route';
import { logSecurityEvent } from '../../core/security-log';
import { cancelExport, createExport, getExport, listExports, retryExport } from './exports';
import {
  cancelImport,
  completeUpload,
  createUpload,
  errorFileLink,
  getImport,
  listImports,
  listRowIssues,
  revertImport,
  startImport,
} from './jobs';
import { deleteProfile, getProfile, listProfiles, saveProfile, updateProfile } from './profiles';

const jobParams = z.strictObject({ jobId: z.string().uuid() });
const profileParams = z.strictObject({ profileId: z.string().uuid() });
const exportParams = z.strictObject({ exportId: z.string().uuid() });

export const importsModule: ApiModule = {
  name: 'imports',
  routes: [
    defineRoute({
      method: 'POST',
      path: '/api/imports/uploads',
      capability: 'imports.run',
      summary: 'Start a browser upload: a job and presigned multipart part URLs',
      body: createUploadRequestSchema,
      rateLimit: 'import',
      handler: async ({ deps, principal, body }) => reply(201, await createUpload(deps, principal, body)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/imports/{jobId}/upload-complete',
      capability: 'imports.run',
      summary: 'Complete the upload and analyse the file (encoding, delimiter, header, suggested mapping, samples)',
      params: jobParams,
      body: completeUploadRequestSchema,
      handler: async ({ deps, params, body }) => completeUpload(deps, params.jobId, body),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/imports/{jobId}/start',
      capability: 'imports.run',
      summary: 'Confirm the mapping and options and start the import (or a dry run)',
      params: jobParams,
      body: startImportRequestSchema,
      handler: async ({ deps, principal, params, body }) => reply(202, await startImport(deps, deps.hooks.imports, principal, params.jobId, body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/imports',
      capability: 'imports.run',
      summary: 'Import history, newest first',
      query: importListQuerySchema,
      handler: async ({ deps, query }) => listImports(deps, query),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/imports/{jobId}',
      capability: 'imports.run',
      summary: 'An import: status, live counts and progress, analysis, dry-run report',
      params: jobParams,
      handler: async ({ deps, params }) => getImport(deps, params.jobId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/imports/{jobId}/cancel',
      capability: 'imports.run',
      summary: 'Cancel an import; rows already imported stay (revert undoes them)',
      params: jobParams,
      handler: async ({ deps, params }) => cancelImport(deps, params.jobId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/imports/{jobId}/revert',
      capability: 'imports.run',
      summary: 'Undo an import: restore updated contacts, soft-delete created ones',
      params: jobParams,
      handler: async ({ deps, principal, params }) => revertImport(deps, principal, params.jobId),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/imports/{jobId}/issues',
      capability: 'imports.run',
      summary: 'Row errors, warnings, duplicates and suppressions, in file order',
      params: jobParams,
      query: rowIssueListQuerySchema,
      handler: async ({ deps, params, query }) => listRowIssues(deps, params.jobId, query),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/imports/{jobId}/error-file',
      capability: 'imports.run',
      summary: 'A short-lived download link to the error file (failed rows plus the reason)',
      params: jobParams,
      rateLimit: 'export',
      handler: async ({ deps, params, principal, logger }) => {
        const link = await errorFileLink(deps, params.jobId);
        logSecurityEvent(logger, 'data.exported', { actorId: principal.userId, orgId: principal.orgId, importJobId: params.jobId, resource: 'import error file' });
        return link;
      },
    }),

    defineRoute({
      method: 'GET',
      path: '/api/import-profiles',
      capability: 'imports.run',
      summary: 'Saved mapping profiles',
      handler: async ({ deps }) => listProfiles(deps),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/import-profiles',
      capability: 'imports.run',
      summary: 'Save a mapping profile',
      body: mappingProfileInputSchema,
      handler: async ({ deps, principal, body }) => reply(201, await saveProfile(deps, principal, body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/import-profiles/{profileId}',
      capability: 'imports.run',
      summary: 'A mapping profile',
      params: profileParams,
      handler: async ({ deps, params }) => getProfile(deps, params.profileId),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/import-profiles/{profileId}',
      capability: 'imports.run',
      summary: 'Replace a mapping profile',
      params: profileParams,
      body: mappingProfileInputSchema,
      handler: async ({ deps, params, body }) => updateProfile(deps, params.profileId, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/import-profiles/{profileId}',
      capability: 'imports.run',
      summary: 'Delete a mapping profile',
      params: profileParams,
      handler: async ({ deps, params }) => noContent(deleteProfile(deps, params.profileId)),
    }),

    defineRoute({
      method: 'POST',
      path: '/api/exports',
      capability: 'imports.run',
      summary:
        'Export a selection or filter of accounts or contacts to CSV (template columns by default); answers at once with the job. ' +
        'With an Idempotency-Key header, a retried request gets the same export (200) instead of a second one',
      body: createExportRequestSchema,
      rateLimit: 'export',
      handler: async ({ deps, principal, body, logger, event }) => {
        const { created, ...job } = await createExport({ ...deps, logger }, principal, body, event.headers?.['idempotency-key']);
        return reply(created ? 201 : 200, job);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/exports',
      capability: 'imports.run',
      summary: 'Recent exports, newest first',
      handler: async ({ deps }) => listExports(deps),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/exports/{exportId}',
      capability: 'imports.run',
      summary: 'An export with its download link once done',
      params: exportParams,
      handler: async ({ deps, params }) => getExport(deps, params.exportId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/exports/{exportId}/cancel',
      capability: 'imports.run',
      summary: 'Cancel a running export; its partial file is discarded',
      params: exportParams,
      handler: async ({ deps, params }) => cancelExport(deps, params.exportId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/exports/{exportId}/retry',
      capability: 'imports.run',
      summary: 'Run a failed or cancelled export again from the start',
      params: exportParams,
      rateLimit: 'export',
      handler: async ({ deps, params }) => reply(202, await retryExport(deps, params.exportId)),
    }),
  ],
};
