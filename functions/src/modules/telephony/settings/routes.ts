// Settings → Telephony's API: SIP trunks under /api/telephony/trunks, admins only
// (telephony.configure). Passwords go in and never come out.
import { trunkInputSchema, trunkUpdateSchema } from '@shared/contracts/telephony';
import type { Deps } from '../../../core/deps';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import { z } from 'zod';
import type { TelephonyHooks } from '../hooks';
import { sealedSecretsFor } from './sealed-secrets';
import { createTrunk, deleteTrunk, getTrunk, listTrunks, updateTrunk, type TrunkDeps } from './trunks';

const trunkParams = z.strictObject({ trunkId: z.string().uuid('is not a trunk id') });
const BASE = '/api/telephony/trunks';

export const trunkDepsOf = (deps: Deps): TrunkDeps => ({ db: deps.db, now: deps.now, secrets: sealedSecretsFor(deps.config) });

export function settingsRoutes(_hooks: TelephonyHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: BASE,
      capability: 'telephony.configure',
      summary: 'SIP trunks, the default first (passwords shown only as a hint)',
      handler: async ({ deps }) => ({ items: await listTrunks(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: BASE,
      capability: 'telephony.configure',
      summary: 'Add a SIP trunk; its password is sealed at rest (503 when no secret store is configured)',
      body: trunkInputSchema,
      handler: async ({ deps, body }) => reply(201, await createTrunk(trunkDepsOf(deps), body)),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/{trunkId}`,
      capability: 'telephony.configure',
      summary: 'One SIP trunk',
      params: trunkParams,
      handler: async ({ deps, params }) => getTrunk(deps, params.trunkId),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/{trunkId}`,
      capability: 'telephony.configure',
      summary: 'Change a trunk (the password only when given); making it the default clears the old one',
      params: trunkParams,
      body: trunkUpdateSchema,
      handler: async ({ deps, params, body }) => updateTrunk(trunkDepsOf(deps), params.trunkId, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/{trunkId}`,
      capability: 'telephony.configure',
      summary: 'Remove a trunk and its password (409 while a running or paused campaign calls through it)',
      params: trunkParams,
      handler: async ({ deps, params }) => noContent(deleteTrunk(trunkDepsOf(deps), params.trunkId)),
    }),
  ];
}
