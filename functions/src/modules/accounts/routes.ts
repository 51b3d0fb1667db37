// Accounts and contacts API: lists (filter, search, keyset pages), records (create-or-merge, read,
// versioned PATCH, soft delete, restore, history), an account's contacts, bulk actions with undo,
// and the command palette's global search. Staff who run campaigns write; QA and agents read.
import { z } from 'zod';
import {
  accountBulkRequestSchema,
  accountCreateSchema,
  accountListQuerySchema,
  accountUpdateSchema,
  contactBulkRequestSchema,
  contactCreateSchema,
  contactListQuerySchema,
  contactUpdateSchema,
  historyQuerySchema,
  searchQuerySchema,
} from '@shared/contracts/accounts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { invalid } from '../../core/app-error';
import { defineRoute, reply, type ApiModule } from '../../http/route';
import { createAccount, deleteAccount, getAccount, listAccounts, restoreAccount, updateAccount } from './accounts-service';
import { bulkExport, runBulk, undoBulk, type BulkRequest } from './bulk';
import { createContact, deleteContact, getContact, listContactsJson, restoreContact, updateContact } from './contacts-service';
import { listHistory } from '../../records/record-changes';
import { globalSearch } from './search';

/** A body already serialized as JSON (a contacts page Postgres built). */
const jsonReply = (list: { json: string; rows: number }) =>
  reply(200, undefined, { raw: { text: list.json }, rows: list.rows, headers: { 'content-type': 'application/json' } });

const idParams = z.strictObject({ id: z.string().uuid('is not a record id') });
const bulkParams = z.strictObject({ bulkId: z.string().uuid('is not a bulk operation id') });

const etag = (version: number) => ({ etag: `"${version}"` });

/** The version a PATCH was based on: `version` in the body, or an If-Match header ("3", W/"3"). */
export function versionOf(body: { version?: number | undefined }, event: APIGatewayProxyEventV2): number {
  if (body.version !== undefined) return body.version;
  const header = event.headers?.['if-match'] ?? event.headers?.['If-Match'];
  const match = header ? /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim()) : null;
  if (match) return Number(match[1]);
  throw invalid('body.version', 'is required: send the version you read (or an If-Match header)');
}

export const accountsModule: ApiModule = {
  name: 'accounts',
  routes: [
    // ── accounts ─────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/accounts',
      capability: 'records.read',
      summary: 'Accounts: filter, search, sort on indexed fields, keyset pages, total',
      query: accountListQuerySchema,
      handler: async ({ deps, query }) => listAccounts(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/accounts',
      capability: 'records.write',
      summary: 'Create an account, or merge into the live account with the same domain (201 / 200)',
      body: accountCreateSchema,
      handler: async ({ deps, body, actor }) => {
        const { account, created } = await createAccount(deps, { request: body, actor: actor });
        return reply(created ? 201 : 200, account, { headers: etag(account.version) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/accounts/bulk',
      capability: 'records.write',
      summary: 'Update, delete, restore, add to a list or export selected accounts (ids, or a filter across all pages)',
      body: accountBulkRequestSchema,
      handler: async ({ deps, body, principal, logger, actor }) =>
        body.action === 'export'
          ? bulkExport({ ...deps, logger }, principal, 'accounts', body)
          : runBulk(deps, { entity: 'account', request: body as BulkRequest, actor: actor }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/accounts/bulk/{bulkId}/undo',
      capability: 'records.write',
      summary: 'Undo a bulk delete of accounts',
      params: bulkParams,
      handler: async ({ deps, params, actor }) =>
        undoBulk(deps, { entity: 'account', bulkId: params.bulkId, actor: actor }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/accounts/{id}',
      capability: 'records.read',
      summary: 'One account (deleted ones too) with its live contact count',
      params: idParams,
      handler: async ({ deps, params }) => {
        const account = await getAccount(deps, params);
        return reply(200, account, { headers: etag(account.version) });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/accounts/{id}',
      capability: 'records.write',
      summary: 'Change fields of an account; 409 stale_write when it changed since the version read',
      params: idParams,
      body: accountUpdateSchema,
      handler: async ({ deps, params, body, event, actor }) => {
        const account = await updateAccount(deps, { id: params.id, request: body, version: versionOf(body, event), actor: actor });
        return reply(200, account, { headers: etag(account.version) });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/accounts/{id}',
      capability: 'records.write',
      summary: 'Delete an account (soft: it can be restored)',
      params: idParams,
      handler: async ({ deps, params, actor }) => {
        await deleteAccount(deps, { id: params.id, actor: actor });
        return reply(204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/accounts/{id}/restore',
      capability: 'records.write',
      summary: 'Restore a deleted account',
      params: idParams,
      handler: async ({ deps, params, actor }) => restoreAccount(deps, { id: params.id, actor: actor }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/accounts/{id}/contacts',
      capability: 'records.read',
      summary: "An account's contacts (the contact list's query)",
      params: idParams,
      query: contactListQuerySchema,
      handler: async ({ deps, params, query }) => jsonReply(await listContactsJson(deps, query, { accountId: params.id })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/accounts/{id}/history',
      capability: 'records.read',
      summary: "An account's field history, newest first",
      params: idParams,
      query: historyQuerySchema,
      handler: async ({ deps, params, query }) => listHistory(deps.db, { entity: 'account', entityId: params.id, ...query }),
    }),

    // ── contacts ─────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/contacts',
      capability: 'records.read',
      summary: 'Contacts: filter, search, sort on indexed fields, keyset pages, total',
      query: contactListQuerySchema,
      handler: async ({ deps, query }) => jsonReply(await listContactsJson(deps, query)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/contacts',
      capability: 'records.write',
      summary: 'Create a contact, or merge into the live contact with the same email (201 / 200)',
      body: contactCreateSchema,
      handler: async ({ deps, body, actor }) => {
        const { contact, created } = await createContact(deps, { request: body, actor: actor });
        return reply(created ? 201 : 200, contact, { headers: etag(contact.version) });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/contacts/bulk',
      capability: 'records.write',
      summary: 'Update, delete, restore, add to a list or export selected contacts (ids, or a filter across all pages)',
      body: contactBulkRequestSchema,
      handler: async ({ deps, body, principal, logger, actor }) =>
        body.action === 'export'
          ? bulkExport({ ...deps, logger }, principal, 'contacts', body)
          : runBulk(deps, { entity: 'contact', request: body as BulkRequest, actor: actor }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/contacts/bulk/{bulkId}/undo',
      capability: 'records.write',
      summary: 'Undo a bulk delete of contacts',
      params: bulkParams,
      handler: async ({ deps, params, actor }) =>
        undoBulk(deps, { entity: 'contact', bulkId: params.bulkId, actor: actor }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/contacts/{id}',
      capability: 'records.read',
      summary: 'One contact (deleted ones too) with its account',
      params: idParams,
      handler: async ({ deps, params }) => {
        const contact = await getContact(deps, params);
        return reply(200, contact, { headers: etag(contact.version) });
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/contacts/{id}',
      capability: 'records.write',
      summary: 'Change fields of a contact; 409 stale_write when it changed since the version read',
      params: idParams,
      body: contactUpdateSchema,
      handler: async ({ deps, params, body, event, actor }) => {
        const contact = await updateContact(deps, { id: params.id, request: body, version: versionOf(body, event), actor: actor });
        return reply(200, contact, { headers: etag(contact.version) });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/contacts/{id}',
      capability: 'records.write',
      summary: 'Delete a contact (soft: it can be restored)',
      params: idParams,
      handler: async ({ deps, params, actor }) => {
        await deleteContact(deps, { id: params.id, actor: actor });
        return reply(204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/contacts/{id}/restore',
      capability: 'records.write',
      summary: 'Restore a deleted contact',
      params: idParams,
      handler: async ({ deps, params, actor }) => restoreContact(deps, { id: params.id, actor: actor }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/contacts/{id}/history',
      capability: 'records.read',
      summary: "A contact's field history, newest first",
      params: idParams,
      query: historyQuerySchema,
      handler: async ({ deps, params, query }) => listHistory(deps.db, { entity: 'contact', entityId: params.id, ...query }),
    }),

    // ── search ───────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/search',
      capability: 'records.read',
      summary: 'Top accounts and contacts matching a query (command palette)',
      query: searchQuerySchema,
      rateLimit: 'search',
      handler: async ({ deps, query }) => globalSearch(deps, query),
    }),
  ],
};
