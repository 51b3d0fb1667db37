// The content module's tracking routes (shared/contracts/content-tracking.ts lists them): which
// campaigns use an asset, tracking links for a contact, an asset's report, and the public /r/
// routes a tracking link opens.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import {
  campaignAssetsParamsSchema,
  campaignRefSchema,
  createLinkSchema,
  reportQuerySchema,
  usageParamsSchema,
  type AssetUsageResponse,
  type CampaignAssetsResponse,
} from '@shared/contracts/content-tracking';
import { defineRoute, noContent, reply, type Reply, type Route } from '../../../http/route';
import type { ContentHooks } from '../hooks';
import { assetUsage, attachAsset, campaignAssetList, detachAsset } from './campaign-links';
import { followLink, viewLink, type Requester } from './follow-link';
import { landingPage, unknownLinkPage } from './landing-page';
import { assetReport } from './report';
import { createLink } from './tracking-links';

/** Pages and redirects carry the link's token: never cached, never sent on as a referrer, never indexed. */
const PRIVATE_PAGE = {
  'cache-control': 'no-store, no-cache, must-revalidate, max-age=0',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
};

// Any text: a token that is not ours must be the plain 404 page like any other, not a 400.
const tokenParams = z.strictObject({ token: z.string() });

const requesterOf = (event: APIGatewayProxyEventV2): Requester => ({
  userAgent: event.headers?.['user-agent'] ?? null,
  ip: event.requestContext?.http?.sourceIp ?? null,
});

const html = (status: number, text: string): Reply => reply(status, undefined, { raw: { text }, headers: { 'content-type': 'text/html; charset=utf-8', ...PRIVATE_PAGE } });

export function trackingRoutes(hooks: ContentHooks): Route[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}/usage',
      capability: 'content.read',
      summary: 'The email and call campaigns using an asset',
      params: usageParamsSchema,
      handler: async ({ deps, params }): Promise<AssetUsageResponse> => ({ items: await assetUsage(deps, hooks, params.assetId) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/{assetId}/usage',
      capability: 'content.create',
      summary: 'Attach an asset to an email or call campaign (again: unchanged)',
      params: usageParamsSchema,
      body: campaignRefSchema,
      handler: async ({ deps, params, body, actor }) => {
        await attachAsset(deps, hooks, { assetId: params.assetId, ref: body, userId: actor.userId });
        return reply(201, { items: await assetUsage(deps, hooks, params.assetId) } satisfies AssetUsageResponse);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/content/assets/{assetId}/usage',
      capability: 'content.create',
      summary: 'Detach an asset from a campaign (?campaignKind=&campaignId=)',
      params: usageParamsSchema,
      query: campaignRefSchema,
      handler: async ({ deps, params, query }) => noContent(detachAsset(deps, hooks, { assetId: params.assetId, ref: query })),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/campaigns/{campaignKind}/{campaignId}/assets',
      capability: 'content.read',
      summary: 'The assets attached to an email or call campaign',
      params: campaignAssetsParamsSchema,
      handler: async ({ deps, params }): Promise<CampaignAssetsResponse> => ({ items: await campaignAssetList(deps, hooks, params) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/content/assets/{assetId}/links',
      capability: 'content.create',
      summary: "A contact's tracking URL of an asset, for a campaign and channel (made once, then the same)",
      params: usageParamsSchema,
      body: createLinkSchema,
      handler: async ({ deps, params, body }) => createLink(deps, hooks, { assetId: params.assetId, request: body }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/content/assets/{assetId}/report',
      capability: 'content.read',
      summary: "An asset's views, clicks and leads by campaign, with a daily series",
      params: usageParamsSchema,
      query: reportQuerySchema,
      handler: async ({ deps, params, query }) => assetReport(deps, hooks, { assetId: params.assetId, days: query.days }),
    }),
    defineRoute({
      method: 'GET',
      path: '/r/{token}',
      public: true,
      summary: "A tracking link: records the click (a touch on the contact's timeline; machine clicks apart), 302 to the asset with UTM parameters",
      params: tokenParams,
      handler: async ({ deps, params, event }) => {
        const target = await followLink(deps, hooks, params.token, requesterOf(event));
        if (!target) return html(404, unknownLinkPage());
        return reply(302, undefined, { raw: { text: '' }, headers: { location: target, ...PRIVATE_PAGE } });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/r/{token}/view',
      public: true,
      summary: "A text asset's landing page behind its tracking link; records a view",
      params: tokenParams,
      handler: async ({ deps, params, event }) => {
        const link = await viewLink(deps, hooks, params.token, requesterOf(event));
        if (!link) return html(404, unknownLinkPage());
        return html(200, landingPage({ title: link.title, subject: link.subject, body: link.body, html: link.type === 'email_template' }));
      },
    }),
  ];
}
