// The deliverability settings API (Settings → Email): sending domains, tracking domains, IP pools,
// warm-up plans and sender profiles. Writes need email.configure (admins); reads need email.send,
// because building a campaign means choosing a sender profile.
import {
  ipPoolCreateSchema,
  senderProfileInputSchema,
  sendingDomainCreateSchema,
  trackingDomainCreateSchema,
  warmupPlanInputSchema,
} from '@shared/contracts/email';
import type { Deps } from '../../../core/deps';
import { recordIdParams } from '../../../http/params';
import { defineRoute, noContent, reply, type Route } from '../../../http/route';
import { createIpPool, deleteIpPool, getIpPool, listIpPools } from './ip-pools';
import { createSenderProfile, deleteSenderProfile, getSenderProfile, listSenderProfiles, updateSenderProfile } from './sender-profiles';
import { createSendingDomain, deleteSendingDomain, getSendingDomain, listSendingDomains, refreshSendingDomain } from './sending-domains';
import type { SettingsDeps } from './settings-deps';
import { createTrackingDomain, deleteTrackingDomain, getTrackingDomain, listTrackingDomains, refreshTrackingDomain } from './tracking-domains';
import { createWarmupPlan, deleteWarmupPlan, getWarmupPlan, listWarmupPlans, updateWarmupPlan } from './warmup-plans';


/** The routes, with the SES and DNS sides taken from `settingsDeps` (tests pass the local stand-ins). */
export function createSettingsRoutes(settingsDeps: (deps: Deps) => SettingsDeps): Route[] {
  return [
    // ── sending domains ──────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/email/domains',
      capability: 'email.send',
      summary: 'Sending domains with their DNS records and verification state',
      handler: async ({ deps }) => ({ items: await listSendingDomains(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/domains',
      capability: 'email.configure',
      summary: 'Add a sending domain: creates its SES identity (Easy DKIM) and answers the DNS records to publish',
      body: sendingDomainCreateSchema,
      handler: async ({ deps, body }) => reply(201, await createSendingDomain(settingsDeps(deps), body.domain)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/domains/{id}',
      capability: 'email.send',
      summary: 'One sending domain',
      params: recordIdParams,
      handler: async ({ deps, params }) => getSendingDomain(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/domains/{id}/refresh',
      capability: 'email.configure',
      summary: 'Read the sending domain’s verification state from SES now',
      params: recordIdParams,
      handler: async ({ deps, params }) => refreshSendingDomain(settingsDeps(deps), params.id),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/email/domains/{id}',
      capability: 'email.configure',
      summary: 'Remove a sending domain and its SES identity (409 while a sender profile uses it)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteSendingDomain(settingsDeps(deps), params.id)),
    }),

    // ── tracking domains ─────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/email/tracking-domains',
      capability: 'email.send',
      summary: 'Tracking domains with their CNAME target and verification state',
      handler: async ({ deps }) => ({ items: await listTrackingDomains(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/tracking-domains',
      capability: 'email.configure',
      summary: 'Add a tracking domain (pending until its CNAME points at the tracking host)',
      body: trackingDomainCreateSchema,
      handler: async ({ deps, body }) => reply(201, await createTrackingDomain(deps, body.domain)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/tracking-domains/{id}',
      capability: 'email.send',
      summary: 'One tracking domain',
      params: recordIdParams,
      handler: async ({ deps, params }) => getTrackingDomain(deps, params.id),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/tracking-domains/{id}/refresh',
      capability: 'email.configure',
      summary: 'Look the tracking domain’s CNAME up now',
      params: recordIdParams,
      handler: async ({ deps, params }) => refreshTrackingDomain(settingsDeps(deps), params.id),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/email/tracking-domains/{id}',
      capability: 'email.configure',
      summary: 'Remove a tracking domain (409 while a sender profile uses it)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteTrackingDomain(deps, params.id)),
    }),

    // ── IP pools ─────────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/email/ip-pools',
      capability: 'email.send',
      summary: 'Dedicated IP pools and their configuration sets',
      handler: async ({ deps }) => ({ items: await listIpPools(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/ip-pools',
      capability: 'email.configure',
      summary: 'Add a dedicated IP pool: the SES pool and a configuration set sending through it',
      body: ipPoolCreateSchema,
      handler: async ({ deps, body }) => reply(201, await createIpPool(settingsDeps(deps), body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/ip-pools/{id}',
      capability: 'email.send',
      summary: 'One IP pool',
      params: recordIdParams,
      handler: async ({ deps, params }) => getIpPool(deps, params.id),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/email/ip-pools/{id}',
      capability: 'email.configure',
      summary: 'Remove an IP pool (409 while a sender profile uses it)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteIpPool(deps, params.id)),
    }),

    // ── warm-up plans ────────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/email/warmup-plans',
      capability: 'email.send',
      summary: 'Warm-up plans (daily caps by day)',
      handler: async ({ deps }) => ({ items: await listWarmupPlans(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/warmup-plans',
      capability: 'email.configure',
      summary: 'Add a warm-up plan',
      body: warmupPlanInputSchema,
      handler: async ({ deps, body }) => reply(201, await createWarmupPlan(deps, body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/warmup-plans/{id}',
      capability: 'email.send',
      summary: 'One warm-up plan',
      params: recordIdParams,
      handler: async ({ deps, params }) => getWarmupPlan(deps, params.id),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/email/warmup-plans/{id}',
      capability: 'email.configure',
      summary: 'Rename a warm-up plan or change its caps',
      params: recordIdParams,
      body: warmupPlanInputSchema,
      handler: async ({ deps, params, body }) => updateWarmupPlan(deps, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/email/warmup-plans/{id}',
      capability: 'email.configure',
      summary: 'Remove a warm-up plan (409 while a sender profile follows it)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteWarmupPlan(deps, params.id)),
    }),

    // ── sender profiles ──────────────────────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      path: '/api/email/sender-profiles',
      capability: 'email.send',
      summary: 'Sender profiles, with whether their domain is verified and today’s warm-up cap',
      handler: async ({ deps }) => ({ items: await listSenderProfiles(deps) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/email/sender-profiles',
      capability: 'email.configure',
      summary: 'Add a sender profile (its from address must be at a sending domain)',
      body: senderProfileInputSchema,
      handler: async ({ deps, body }) => reply(201, await createSenderProfile(deps, body)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/email/sender-profiles/{id}',
      capability: 'email.send',
      summary: 'One sender profile',
      params: recordIdParams,
      handler: async ({ deps, params }) => getSenderProfile(deps, params.id),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/email/sender-profiles/{id}',
      capability: 'email.configure',
      summary: 'Change a sender profile',
      params: recordIdParams,
      body: senderProfileInputSchema,
      handler: async ({ deps, params, body }) => updateSenderProfile(deps, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/email/sender-profiles/{id}',
      capability: 'email.configure',
      summary: 'Remove a sender profile (409 while an unfinished campaign sends from it)',
      params: recordIdParams,
      handler: async ({ deps, params }) => noContent(deleteSenderProfile(deps, params.id)),
    }),
  ];
}
