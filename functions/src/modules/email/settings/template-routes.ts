// The saved-templates API and the merge-field catalog: campaign staff (email.send) list, read,
// save, duplicate and delete templates; content is compiled at save.
import { templateDuplicateSchema, templateInputSchema } from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { recordIdParams } from '../../../http/params';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import { mergeFieldCatalog } from '../content';
import { createTemplate, deleteTemplate, duplicateTemplate, getTemplate, listTemplates, updateTemplate, type TemplateDeps } from './templates';

/** `templateDeps` adds how `asset:<key>` images become public URLs. */
export function createTemplateRoutes(templateDeps: (deps: Deps) => TemplateDeps): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/email/templates',
      capability: 'email.send',
      summary: 'Saved templates, most recently changed first',
      handler: async ({ deps }) => ({ items: await listTemplates(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/templates',
      capability: 'email.send',
      summary: 'Save a template (its content compiled now; Liquid or MJML problems are a 400 naming the field)',
      body: templateInputSchema,
      handler: async ({ deps, body, principal }) => reply(201, await createTemplate(templateDeps(deps), body, principal.userId)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/templates/{id}',
      capability: 'email.send',
      summary: 'One template with its document and compiled HTML and text',
      params: recordIdParams,
      handler: async ({ deps, params }) => getTemplate(deps, params.id),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/email/templates/{id}',
      capability: 'email.send',
      summary: 'Change a template’s name or content (compiled again)',
      params: recordIdParams,
      body: templateInputSchema,
      handler: async ({ deps, params, body, principal }) => updateTemplate(templateDeps(deps), params.id, body, principal.userId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/templates/{id}/duplicate',
      capability: 'email.send',
      summary: 'Copy a template under a new name',
      params: recordIdParams,
      body: templateDuplicateSchema,
      handler: async ({ deps, params, body, principal }) => reply(201, await duplicateTemplate(deps, params.id, body.name, principal.userId)),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/email/templates/{id}',
      capability: 'email.send',
      summary: 'Delete a template (campaigns made from it keep their copy)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteTemplate(deps, params.id)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/merge-fields',
      capability: 'email.send',
      summary: 'The merge fields content may use: contact, account, campaign and system fields with sample values',
      handler: async () => ({ items: mergeFieldCatalog() }),
    }),
  ];
}
