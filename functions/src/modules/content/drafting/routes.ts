// AI drafting's routes (under /api/content): whether it is set up, a rewrite of a text asset into a
// new AI-written version, and a new text asset drafted from a brief.
import { assetIdParams } from '@shared/contracts/content';
import { createDraftSchema, draftBriefSchema } from '@shared/contracts/content-drafting';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';
import { createDraft, draftingStatus, rewriteAsset } from './drafting';

const BASE = '/api/content';

export function draftingRoutes(_hooks: ContentHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: `${BASE}/drafting`,
      capability: 'content.create',
      summary: 'Whether AI drafting is configured, and its model',
      handler: async ({ deps }) => draftingStatus(deps),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/assets/{assetId}/draft`,
      capability: 'content.create',
      summary: 'Rewrite a text asset from a brief: a new version marked AI-written (503 when AI drafting is not configured or the vendor failed)',
      params: assetIdParams,
      body: draftBriefSchema,
      handler: async ({ deps, params, body, actor }) => reply(201, await rewriteAsset(deps, params.assetId, body, actor.userId)),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/drafts`,
      capability: 'content.create',
      summary: 'Draft a new text asset from a brief: its first version is AI-written (503 when AI drafting is not configured or the vendor failed)',
      body: createDraftSchema,
      handler: async ({ deps, body, actor }) => reply(201, await createDraft(deps, body, actor.userId)),
    }),
  ];
}
