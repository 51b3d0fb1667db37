// Accounts and contacts API: lists (filter, search, keyset pages), records (create-or-merge, read,
// versioned PATCH, soft delete, restore, history), an account's contacts, bulk actions with undo,
// and the command palette's global search. Staff who run campaigns write; QA and agents read, an
// agent only the records within their reach (records/record-scope.ts).
import {
  accountBulkRequestSchema,
  accountCreateSchema,
  accountListQuerySchema,
  accountUpdateSchema,
  contactBulkRequestSchema,
  contactCreateSchema,
  contactListQuerySchema,
  contactUpdateSchema,
  searchQuerySchema,
} from '@shared/contracts/accounts';
import { recordIdParams } from '../../http/params';
import { defineRoute, reply, type ApiModule } from '../../http/route';
import { createAccount, deleteAccount, getAccount, listAccounts, restoreAccount, updateAccount } from './accounts-service';
import { createContact, deleteContact, getContact, listContactsJson, restoreContact, updateContact } from './contacts-service';
import { recordRoutes } from './record-routes';
import { globalSearch } from './search';

/** A body already serialized as JSON (a contacts page Postgres built). */
const jsonReply = (list: { json: string; rows: number }) =>
  reply(200, undefined, { raw: { text: list.json }, rows: list.rows, headers: { 'content-type': 'application/json' } });

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
      handler: async ({ deps, query, principal }) => listAccounts(deps, query, principal),
    }),
    ...recordRoutes({
      entity: 'account',
      plural: 'accounts',
      noun: 'an account',
      summaries: {
        create: 'Create an account, or merge into the live account with the same domain (201 / 200)',
        read: 'One account (deleted ones too) with its live contact count',
      },
      createSchema: accountCreateSchema,
      updateSchema: accountUpdateSchema,
      bulkSchema: accountBulkRequestSchema,
      create: createAccount,
      get: getAccount,
      update: updateAccount,
      remove: deleteAccount,
      restore: restoreAccount,
    }),
    defineRoute({
      method: 'GET',
      path: '/api/accounts/{id}/contacts',
      capability: 'records.read',
      summary: "An account's contacts (the contact list's query)",
      params: recordIdParams,
      query: contactListQuerySchema,
      handler: async ({ deps, params, query, principal }) => jsonReply(await listContactsJson(deps, query, { reader: principal, accountId: params.id })),
    }),

    // ── contacts ─────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/contacts',
      capability: 'records.read',
      summary: 'Contacts: filter, search, sort on indexed fields, keyset pages, total',
      query: contactListQuerySchema,
      handler: async ({ deps, query, principal }) => jsonReply(await listContactsJson(deps, query, { reader: principal })),
    }),
    ...recordRoutes({
      entity: 'contact',
      plural: 'contacts',
      noun: 'a contact',
      summaries: {
        create: 'Create a contact, or merge into the live contact with the same email (201 / 200)',
        read: 'One contact (deleted ones too) with its account',
      },
      createSchema: contactCreateSchema,
      updateSchema: contactUpdateSchema,
      bulkSchema: contactBulkRequestSchema,
      create: createContact,
      get: getContact,
      update: updateContact,
      remove: deleteContact,
      restore: restoreContact,
    }),

    // ── search ───────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/search',
      capability: 'records.read',
      summary: 'Top accounts and contacts matching a query (command palette)',
      query: searchQuerySchema,
      rateLimit: 'search',
      handler: async ({ deps, query, principal }) => globalSearch(deps, query, principal),
    }),
  ],
};
