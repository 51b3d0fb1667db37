// Campaign routes under /api/email/campaigns: the lifecycle (list, create, read, edit, delete a
// draft, clone), variants, pre-flight, schedule, pause, resume, cancel, follow-ups and the manual
// A/B pick. Campaign staff (`email.send`) do all of it.
import { z } from 'zod';
import {
  campaignCreateSchema,
  campaignListQuerySchema,
  campaignScheduleRequestSchema,
  campaignUpdateSchema,
  followUpRequestSchema,
  pickWinnerRequestSchema,
  previewRequestSchema,
  testSendRequestSchema,
} from '@shared/contracts/email';
import { saveEmailContentSchema } from '@shared/contracts/email-content';
import { emailAssetUrl } from '../asset-url';
import { defineRoute, reply, type Route } from '../../../http/route';
import type { EmailHooks } from '../hooks';
import { preflightCampaign } from './preflight';
import { previewVariant, saveVariantContent, testSendVariant } from './variant-content';
import {
  addVariant,
  cancelCampaign,
  cloneCampaign,
  createCampaign,
  createFollowUp,
  deleteCampaign,
  deleteVariant,
  findCampaign,
  getCampaign,
  listCampaigns,
  pauseCampaign,
  pickWinner,
  resumeCampaign,
  scheduleCampaign,
  unscheduleCampaign,
  updateCampaign,
} from './service';

const idParams = z.strictObject({ campaignId: z.string().uuid('is not a campaign id') });
const variantParams = idParams.extend({ variantId: z.string().uuid('is not a variant id') });
const cloneSchema = z.strictObject({ name: z.string().trim().min(1).max(120).optional() });

const BASE = '/api/email/campaigns';

export function campaignRoutes(hooks: EmailHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: BASE,
      capability: 'email.send',
      summary: 'Campaigns, newest first, by status and name',
      query: campaignListQuerySchema,
      handler: async ({ deps, query }) => listCampaigns(deps, query),
    }),
    defineRoute({
      method: 'POST',
      path: BASE,
      capability: 'email.send',
      summary: 'Create a draft campaign (from a saved template when given)',
      body: campaignCreateSchema,
      handler: async ({ deps, actor, body }) => reply(201, await createCampaign(deps, actor, body)),
    }),
    defineRoute({
      method: 'GET',
      path: `${BASE}/{campaignId}`,
      capability: 'email.send',
      summary: 'A campaign with its variants and counts',
      params: idParams,
      handler: async ({ deps, params }) => getCampaign(deps, params.campaignId),
    }),
    defineRoute({
      method: 'PATCH',
      path: `${BASE}/{campaignId}`,
      capability: 'email.send',
      summary: 'Edit a draft (name, audience, sender, A/B test); 409 when its version moved on',
      params: idParams,
      body: campaignUpdateSchema,
      handler: async ({ deps, actor, params, body }) => updateCampaign(deps, actor, params.campaignId, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/{campaignId}`,
      capability: 'email.send',
      summary: 'Delete a draft',
      params: idParams,
      handler: async ({ deps, params }) => {
        await deleteCampaign(deps, params.campaignId);
        return reply(204);
      },
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/clone`,
      capability: 'email.send',
      summary: 'A new draft with the same audience, sender and content',
      params: idParams,
      body: cloneSchema,
      handler: async ({ deps, actor, params, body }) => reply(201, await cloneCampaign(deps, actor, params.campaignId, body.name ? { name: body.name } : {})),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/variants`,
      capability: 'email.send',
      summary: 'Add an A/B variant (a copy of the first, to change)',
      params: idParams,
      handler: async ({ deps, params }) => reply(201, await addVariant(deps, params.campaignId)),
    }),
    defineRoute({
      method: 'PUT',
      path: `${BASE}/{campaignId}/variants/{variantId}`,
      capability: 'email.send',
      summary: 'Save a variant’s content (compiled at save; 400 naming the field on a Liquid or MJML problem)',
      params: variantParams,
      body: saveEmailContentSchema,
      handler: async ({ deps, actor, params, body }) => {
        await saveVariantContent({ ...deps, assetUrl: (key) => emailAssetUrl(deps.config, key) }, params.campaignId, params.variantId, body, actor.userId);
        return getCampaign(deps, params.campaignId);
      },
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/preview`,
      capability: 'email.send',
      summary: 'The message as a chosen contact (or the sample values) would get it',
      params: idParams,
      body: previewRequestSchema,
      handler: async ({ deps, params, body }) => previewVariant(deps, params.campaignId, body),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/test-send`,
      capability: 'email.send',
      summary: 'Send the message to the team’s addresses through the sender profile’s provider',
      params: idParams,
      body: testSendRequestSchema,
      handler: async ({ deps, params, body }) => testSendVariant(deps, params.campaignId, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: `${BASE}/{campaignId}/variants/{variantId}`,
      capability: 'email.send',
      summary: 'Remove a variant (a campaign keeps at least one)',
      params: variantParams,
      handler: async ({ deps, params }) => deleteVariant(deps, params.campaignId, params.variantId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/preflight`,
      capability: 'email.send',
      summary: 'The pre-flight check: each item green, amber or red with the reason',
      params: idParams,
      handler: async ({ deps, params }) => ({ items: await preflightCampaign(deps, hooks, await findCampaign(deps.db, params.campaignId)) }),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/schedule`,
      capability: 'email.send',
      summary: 'Schedule a draft (now, at a time, or at a local time); 409 with the red items when pre-flight fails',
      params: idParams,
      body: campaignScheduleRequestSchema,
      handler: async ({ deps, actor, params, body }) => scheduleCampaign(deps, hooks, actor, params.campaignId, body),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/unschedule`,
      capability: 'email.send',
      summary: 'Set a scheduled campaign back to draft',
      params: idParams,
      handler: async ({ deps, actor, params }) => unscheduleCampaign(deps, actor, params.campaignId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/pause`,
      capability: 'email.send',
      summary: 'Pause sending (a running batch stops between messages)',
      params: idParams,
      handler: async ({ deps, actor, params }) => pauseCampaign(deps, actor, params.campaignId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/resume`,
      capability: 'email.send',
      summary: 'Resume a paused campaign',
      params: idParams,
      handler: async ({ deps, actor, params }) => resumeCampaign(deps, actor, params.campaignId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/cancel`,
      capability: 'email.send',
      summary: 'Cancel: nothing more is sent',
      params: idParams,
      handler: async ({ deps, actor, params }) => cancelCampaign(deps, actor, params.campaignId),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/follow-ups`,
      capability: 'email.send',
      summary: 'A follow-up draft: resend to the failed, or send to the non-openers',
      params: idParams,
      body: followUpRequestSchema,
      handler: async ({ deps, actor, params, body }) => reply(201, await createFollowUp(deps, actor, params.campaignId, body)),
    }),
    defineRoute({
      method: 'POST',
      path: `${BASE}/{campaignId}/winner`,
      capability: 'email.send',
      summary: 'Pick the A/B winner by hand: the held remainder is sent to it',
      params: idParams,
      body: pickWinnerRequestSchema,
      handler: async ({ deps, params, body }) => pickWinner(deps, params.campaignId, body.variantId),
    }),
  ];
}
