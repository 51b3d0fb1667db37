// Audience API: dynamic segments (CRUD, preview, snapshot to a list), static lists (CRUD, members
// by ids or filter, member pages) and domain sets (create from pasted text, match report, review,
// to a list, accounts for unmatched domains). Campaign staff write; QA reads everything, agents
// read segments and lists (they work from them).
import {
  domainSetCreateSchema,
  domainSetReviewSchema,
  domainSetToListSchema,
  listCreateSchema,
  listMembersQuerySchema,
  listMembersRequestSchema,
  listUpdateSchema,
  segmentCreateSchema,
  segmentPreviewRequestSchema,
  segmentToListRequestSchema,
  segmentUpdateSchema,
} from '@shared/contracts/audience';
import { recordIdParams } from '../../http/params';
import { defineRoute, noContent, reply, type ApiModule } from '../../http/route';
import {
  createAccountsForUnmatched,
  createDomainSet,
  deleteDomainSet,
  domainSetReport,
  domainSetToList,
  listDomainSets,
  rematchDomainSet,
  reviewDomainSet,
} from './domain-sets';
import { changeMembers, createList, deleteList, getList, listLists, listMembers, updateList } from './lists';
import { getDashboard } from './dashboard';
import { createSegment, deleteSegment, getSegment, listSegments, previewSegment, segmentReachability, segmentToList, updateSegment } from './segments';

export const audienceModule: ApiModule = {
  name: 'audience',
  routes: [
    // ── the workspace dashboard ──────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/dashboard',
      capability: 'records.read',
      summary: "The workspace's data at a glance: totals, recent additions, reachability, imports, segments, first-run checklist",
      handler: async ({ deps, principal }) => reply(200, await getDashboard(deps, principal)),
    }),

    // ── segments ─────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/segments',
      capability: 'audience.analyse',
      summary: 'Saved segments, newest first',
      handler: async ({ deps }) => listSegments(deps),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/segments',
      capability: 'records.write',
      summary: 'Save a segment (its filter is checked against the segment fields)',
      body: segmentCreateSchema,
      handler: async ({ deps, body, principal }) => reply(201, await createSegment(deps, { request: body, userId: principal.userId })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/segments/preview',
      capability: 'audience.analyse',
      summary: 'Count and first page of the contacts a filter selects (nothing is saved)',
      body: segmentPreviewRequestSchema,
      handler: async ({ deps, body }) => previewSegment(deps, body),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/segments/{id}',
      capability: 'audience.analyse',
      summary: 'One segment',
      params: recordIdParams,
      handler: async ({ deps, params }) => getSegment(deps, params.id),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/segments/{id}',
      capability: 'records.write',
      summary: 'Rename a segment or change its filter',
      params: recordIdParams,
      body: segmentUpdateSchema,
      handler: async ({ deps, params, body }) => updateSegment(deps, { id: params.id, request: body }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/segments/{id}',
      capability: 'records.write',
      summary: 'Delete a segment (soft)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteSegment(deps, params.id)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/segments/{id}/list',
      capability: 'records.write',
      summary: "Snapshot a segment's current members into a new static list",
      params: recordIdParams,
      body: segmentToListRequestSchema,
      handler: async ({ deps, params, body, principal }) =>
        reply(201, await segmentToList(deps, { segmentId: params.id, request: body, userId: principal.userId })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/segments/{id}/reachability',
      capability: 'records.write',
      summary: "How many of a segment's members are opted out or suppressed, and why (before it becomes a list)",
      params: recordIdParams,
      handler: async ({ deps, params }) => reply(200, await segmentReachability(deps, params.id)),
    }),

    // ── static lists ─────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/lists',
      capability: 'records.read',
      summary: 'Static lists with member counts, newest first',
      handler: async ({ deps, principal }) => listLists(deps, principal),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/lists',
      capability: 'records.write',
      summary: 'Create an empty static list',
      body: listCreateSchema,
      handler: async ({ deps, body, principal }) => reply(201, await createList(deps, { request: body, userId: principal.userId })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lists/{id}',
      capability: 'records.read',
      summary: 'One static list with its member count',
      params: recordIdParams,
      handler: async ({ deps, params, principal }) => getList(deps, params.id, principal),
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/lists/{id}',
      capability: 'records.write',
      summary: 'Rename a static list or change its description',
      params: recordIdParams,
      body: listUpdateSchema,
      handler: async ({ deps, params, body }) => updateList(deps, { id: params.id, request: body }),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/lists/{id}',
      capability: 'records.write',
      summary: 'Delete a static list (soft; it stops matching "in list" criteria)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteList(deps, params.id)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/lists/{id}/members',
      capability: 'records.read',
      summary: "A list's live members: the contact list's filters, sorts and keyset pages",
      params: recordIdParams,
      query: listMembersQuerySchema,
      handler: async ({ deps, params, query, principal }) => listMembers(deps, params.id, query, principal),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/lists/{id}/members',
      capability: 'records.write',
      summary: 'Add contacts by ids or by filter (one statement for the whole selection)',
      params: recordIdParams,
      body: listMembersRequestSchema,
      handler: async ({ deps, params, body }) => changeMembers(deps, { listId: params.id, selection: body.selection, action: 'add' }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/lists/{id}/members/remove',
      capability: 'records.write',
      summary: 'Remove contacts by ids or by filter (one statement)',
      params: recordIdParams,
      body: listMembersRequestSchema,
      handler: async ({ deps, params, body }) => changeMembers(deps, { listId: params.id, selection: body.selection, action: 'remove' }),
    }),

    // ── domain sets ──────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/domain-sets',
      capability: 'audience.analyse',
      summary: 'Domain sets with entry and match counts',
      handler: async ({ deps }) => listDomainSets(deps),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/domain-sets',
      capability: 'records.write',
      summary: 'Create a domain set from pasted lines or CSV text and match it to accounts',
      body: domainSetCreateSchema,
      handler: async ({ deps, body, principal }) => reply(201, await createDomainSet(deps, { request: body, userId: principal.userId })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/domain-sets/{id}',
      capability: 'audience.analyse',
      summary: 'The match report of a domain set',
      params: recordIdParams,
      handler: async ({ deps, params }) => domainSetReport(deps, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/domain-sets/{id}',
      capability: 'records.write',
      summary: 'Delete a domain set (soft; it stops matching "account in domain set" criteria)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteDomainSet(deps, params.id)),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/domain-sets/{id}/review',
      capability: 'records.write',
      summary: 'Confirm or reject matches',
      params: recordIdParams,
      body: domainSetReviewSchema,
      handler: async ({ deps, params, body }) => reviewDomainSet(deps, { id: params.id, request: body }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/domain-sets/{id}/rematch',
      capability: 'records.write',
      summary: 'Match the unreviewed entries again',
      params: recordIdParams,
      handler: async ({ deps, params }) => rematchDomainSet(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/domain-sets/{id}/list',
      capability: 'records.write',
      summary: "A static list of the contacts at the set's matched accounts",
      params: recordIdParams,
      body: domainSetToListSchema,
      handler: async ({ deps, params, body, principal }) => reply(201, await domainSetToList(deps, { id: params.id, request: body, userId: principal.userId })),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/domain-sets/{id}/accounts',
      capability: 'records.write',
      summary: "Create accounts for the set's unmatched domains",
      params: recordIdParams,
      handler: async ({ deps, params, principal, requestId }) =>
        createAccountsForUnmatched(deps, { id: params.id, userId: principal.userId, requestId }),
    }),
  ],
};
