// The Resources Centre routes (shared/contracts/content-resources.ts lists them): the link's
// settings and secret rotation, its log, reference people and their conflicts (content.configure),
// pushing an asset and its pushes (content.create, content.read), and the signed inbound endpoint
// (public: verified by its signature, timestamp and nonce).
import { z } from 'zod';
import {
  RC_INBOUND_PATH,
  conflictParams,
  conflictsQuerySchema,
  logQuerySchema,
  peopleQuerySchema,
  personParams,
  resolveConflictSchema,
  resourcesCentreSettingsSchema,
  rotateSecretSchema,
  updatePersonSchema,
} from '@shared/contracts/content-resources';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';
import { getSettings, linkDepsOf, linkStatus, rotateSecret, saveSettings } from './settings';
import { listLog } from './log';
import { listConflicts, listPeople, resolveConflict, updatePerson } from './reference';
import { receiveInbound } from './inbound';
import { listPushes, pushAsset } from './push';
import { pullReference } from './pull';

const BASE = '/api/content/resources-centre';
const assetParams = z.strictObject({ assetId: z.string().uuid('is not an id') });

export function resourcesRoutes(_hooks: ContentHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: `${BASE}/settings`,
      capability: 'content.configure',
      summary: 'The Resources Centre link: endpoint, switch, last push, pull and inbound, the rotation’s overlap (never the secret)',
      handler: async ({ deps }) => getSettings(linkDepsOf(deps)),
    }),
    defineRoute({
      method: 'PUT',
      path: `${BASE}/settings`,
      capability: 'content.configure',
      summary: 'Save the endpoint and the switch; the first save answers the signing secret this once (503 without a secret store)',
      body: resourcesCentreSettingsSchema,
      handler: async ({ deps, body, actor }) => saveSettings(linkDepsOf(deps), body, actor.userId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/secret/rotate`,
      capability: 'content.configure',
      summary: 'A new signing secret, answered this once; the previous one is still accepted inbound for the overlap',
      body: rotateSecretSchema,
      handler: async ({ deps, body, actor }) => rotateSecret(linkDepsOf(deps), body.overlapHours, actor.userId),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/status`,
      capability: 'content.read',
      summary: 'Whether pushes can go out, and why not',
      handler: async ({ deps }) => linkStatus(deps.db),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/log`,
      capability: 'content.configure',
      summary: 'The log of pushes, pulls and inbound requests, newest first',
      query: logQuerySchema,
      handler: async ({ deps, query }) => ({ items: await listLog(deps.db, query) }),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/pull`,
      capability: 'content.configure',
      summary: 'Pull reference data from the Resources Centre now',
      handler: async ({ deps }) => pullReference(deps),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/people`,
      capability: 'content.configure',
      summary: 'Reference people (speakers, organizers, sponsors) with their open conflicts',
      query: peopleQuerySchema,
      handler: async ({ deps, query }) => ({ items: await listPeople(deps.db, query) }),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/people/{personId}`,
      capability: 'content.configure',
      summary: 'Edit a reference person here (an incoming change to it then becomes a conflict)',
      params: personParams,
      body: updatePersonSchema,
      handler: async ({ deps, params, body, actor }) => updatePerson(deps.db, params.personId, body, actor.userId, deps.now()),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/conflicts`,
      capability: 'content.configure',
      summary: 'Conflicts between records edited here and incoming ones (open by default)',
      query: conflictsQuerySchema,
      handler: async ({ deps, query }) => ({ items: await listConflicts(deps.db, query.state) }),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/conflicts/{conflictId}/resolve`,
      capability: 'content.configure',
      summary: 'Resolve a conflict: keep ours or take theirs (409 when already resolved)',
      params: conflictParams,
      body: resolveConflictSchema,
      handler: async ({ deps, params, body, actor }) => resolveConflict(deps.db, params.conflictId, body.resolution, actor.userId, deps.now()),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/{assetId}/push',
      capability: 'content.create',
      summary: 'Push the asset’s current version to the Resources Centre: 202 with the push (first attempt made, retries scheduled)',
      params: assetParams,
      handler: async ({ deps, params, actor }) => reply(202, await pushAsset(deps, params.assetId, actor.userId)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}/pushes',
      capability: 'content.read',
      summary: 'The asset’s pushes to the Resources Centre, newest first',
      params: assetParams,
      handler: async ({ deps, params }) => ({ items: await listPushes(deps, params.assetId) }),
    }),
    defineRoute({
      method: 'POST',
      path: RC_INBOUND_PATH,
      public: true,
      rawBody: true,
      summary: 'Reference data and view events from the Resources Centre: HMAC over timestamp and raw body (±300 s), nonce never seen',
      handler: async ({ deps, body, event }) => receiveInbound(linkDepsOf(deps), { rawBody: (body as string | undefined) ?? '', headers: event.headers ?? {} }),
    }),
  ];
}
