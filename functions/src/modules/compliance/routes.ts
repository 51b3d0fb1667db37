// Compliance routes: the global suppression list (/api/suppressions: list, add, bulk upload,
// check, remove) and per-contact consent (/api/contacts/{contactId}/consent).
import { z } from 'zod';
import {
  addSuppressionRequestSchema,
  bulkSuppressionRequestSchema,
  contactConsentQuerySchema,
  recordConsentRequestSchema,
  suppressionCheckRequestSchema,
  suppressionListQuerySchema,
} from '@shared/contracts/compliance';
import { defineRoute, noContent, reply, type ApiModule } from '../../http/route';
import { bulkAddSuppressions, createSuppressionUpload } from './bulk-suppressions';
import { checkSuppressionList } from './check-suppressions';
import { getContactConsent, recordConsent } from './consent';
import { addSuppression, removeSuppression, searchSuppressions } from './suppressions';

const suppressionParams = z.strictObject({ suppressionId: z.string().uuid() });
const contactParams = z.strictObject({ contactId: z.string().uuid() });

export const complianceModule: ApiModule = {
  name: 'compliance',
  routes: [
    defineRoute({
      method: 'GET',
      path: '/api/suppressions',
      capability: 'records.all',
      summary: 'The email (addresses and domains) or do-not-call list, searchable, newest first',
      query: suppressionListQuerySchema,
      handler: async ({ deps, query }) => searchSuppressions(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/suppressions',
      capability: 'records.write',
      summary: 'Suppress one address, domain or phone (201 when new, 200 when already listed)',
      body: addSuppressionRequestSchema,
      handler: async ({ deps, body, actor }) => {
        const result = await addSuppression(deps, { request: body, context: actor });
        return reply(result.added ? 201 : 200, result);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/suppressions/uploads',
      capability: 'records.write',
      summary: 'A presigned URL to upload a suppression CSV; pass its key to the bulk upload',
      rateLimit: 'import',
      handler: async ({ deps }) => reply(201, await createSuppressionUpload(deps)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/suppressions/bulk',
      capability: 'records.write',
      summary: 'Add many entries from CSV text or an uploaded file; reports added, duplicate and invalid lines',
      body: bulkSuppressionRequestSchema,
      handler: async ({ deps, body, actor }) =>
        bulkAddSuppressions(deps, { request: body, context: actor }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/suppressions/check',
      capability: 'records.read',
      summary: 'Which of up to 10,000 emails and phones are suppressed, and why',
      body: suppressionCheckRequestSchema,
      rateLimit: 'search',
      handler: async ({ deps, body }) => checkSuppressionList(deps, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/suppressions/{suppressionId}',
      capability: 'suppressions.remove',
      summary: 'Remove an entry (audited)',
      params: suppressionParams,
      handler: async ({ deps, params, actor }) => noContent(removeSuppression(deps, { id: params.suppressionId, context: actor })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/contacts/{contactId}/consent',
      capability: 'consent.read',
      summary: "A contact's consent per channel and its history, newest first",
      params: contactParams,
      query: contactConsentQuerySchema,
      handler: async ({ deps, params, query, principal }) => getContactConsent(deps, { contactId: params.contactId, query, reader: principal }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/contacts/{contactId}/consent',
      capability: 'consent.write',
      summary: 'Record a consent change for a channel, with its source and evidence',
      params: contactParams,
      body: recordConsentRequestSchema,
      handler: async ({ deps, params, body, actor, principal }) =>
        reply(201, await recordConsent(deps, { contactId: params.contactId, request: body, context: actor, reader: principal })),
    }),
  ],
};
