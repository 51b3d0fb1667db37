// The console's and the calls' routes, and the Telnyx webhook (public: its Ed25519 signature over
// the raw body is its credential). Each route parses, calls one service function and answers.
import { z } from 'zod';
import {
  manualDialSchema,
  presenceRequestSchema,
  wrapUpSchema,
  type AgentPresence,
  type Call,
  type ConsoleState,
  type ContactCalls,
  type WebrtcToken,
} from '@shared/contracts/telephony';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import type { TelephonyHooks } from '../hooks';
import { changePresence, consoleState, webrtcToken } from './agent-console';
import { hangupCall, placeManualCall } from './manual-dial';
import { contactCalls, getCall, recordingUrl } from './views';
import { receiveTelnyxWebhook } from './webhook';
import { wrapUpCall } from './wrap-up';

export const TELNYX_WEBHOOK_PATH = '/api/telephony/webhooks/telnyx';

const callParams = z.strictObject({ id: z.string().uuid() });
const contactParams = z.strictObject({ contactId: z.string().uuid() });

export function callsRoutes(hooks: TelephonyHooks): Route[] {
  return [
    defineRoute({
      method: 'POST',
      path: TELNYX_WEBHOOK_PATH,
      public: true,
      summary: 'Telnyx call events: Ed25519-verified over the raw body (±300 s), applied once by event id, by their own time',
      rawBody: true,
      handler: async ({ deps, body, event, logger }) => {
        const outcome = await receiveTelnyxWebhook({ ...deps, logger }, { rawBody: (body as string | undefined) ?? '', headers: event.headers ?? {} });
        return reply(200, { outcome });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/console',
      capability: 'calls.make',
      summary: "The agent console: presence, the agent's campaigns, the current call, callbacks due",
      handler: async ({ deps, principal }): Promise<ConsoleState> => consoleState(deps, principal.userId),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/telephony/presence',
      capability: 'calls.make',
      summary: "The agent's own status (not busy: a call sets that; available only after every wrap-up)",
      body: presenceRequestSchema,
      handler: async ({ deps, principal, body }): Promise<AgentPresence> => changePresence(deps, principal.userId, body.status),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/telephony/webrtc/token',
      capability: 'calls.make',
      summary: "A 24 h WebRTC login token for the agent's own telephony credential (created on first use)",
      handler: async ({ deps, principal }): Promise<WebrtcToken> => webrtcToken(deps, principal.userId),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/telephony/calls',
      capability: 'calls.make',
      summary: "Call one contact of a campaign the agent works, through the contact gate (refused with the reason when excluded)",
      body: manualDialSchema,
      handler: async ({ deps, principal, body, logger }) => reply(201, (await placeManualCall({ ...deps, logger }, principal, body)) satisfies Call),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/calls/{id}',
      capability: 'calls.make',
      summary: "A call (an agent's own; managers any)",
      params: callParams,
      handler: async ({ deps, principal, params }): Promise<Call> => getCall(deps, principal, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/telephony/calls/{id}/wrap-up',
      capability: 'calls.make',
      summary: "The call's disposition, notes and qualification answers, with the disposition's effects",
      params: callParams,
      body: wrapUpSchema,
      handler: async ({ deps, principal, params, body, logger }): Promise<Call> => wrapUpCall({ ...deps, logger }, principal, params.id, body, hooks),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/telephony/calls/{id}/hangup',
      capability: 'calls.make',
      summary: 'Hang up a call in progress (both legs)',
      params: callParams,
      handler: async ({ deps, principal, params, logger }) => noContent(hangupCall({ ...deps, logger }, principal, params.id)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/calls/{id}/recording',
      capability: 'calls.listen',
      summary: "A short-lived signed link to the call's recording (an agent's own call; managers and lead QA any)",
      params: callParams,
      handler: async ({ deps, principal, params }) => recordingUrl(deps, principal, params.id),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/telephony/contacts/{contactId}/calls',
      capability: 'calls.make',
      summary: "A contact's previous calls (an agent: their own and their campaigns')",
      params: contactParams,
      handler: async ({ deps, principal, params }): Promise<ContactCalls> => ({ items: await contactCalls(deps, principal, params.contactId) }),
    }),
  ];
}
