// The public /t/ routes a message links to: the open pixel, the click redirect and the
// unsubscribe link (RFC 8058). They need no sign-in: each is verified by its HMAC-signed token,
// and a token that does not verify is a 404 with nothing recorded. GET and HEAD of the
// unsubscribe link only show the preference page (a link scanner fetching it never unsubscribes);
// a POST is a person's or a mail provider's action.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { z } from 'zod';
import { preferenceChoiceSchema } from '@shared/contracts/email';
import { AppError, notFound } from '../../../core/app-error';
import { defineRoute, reply, type Reply, type Route } from '../../../http/route';
import { formFields } from './form-body';
import { choiceSavedPage, preferencePage, unknownLinkPage } from './preference-page';
import { choosePreference, preferenceView, trackClick, trackOpen, type Requester } from './tracking';

/** A transparent 1×1 GIF. */
const PIXEL_GIF_BASE64 = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Never cached: every fetch of the pixel must reach us to count, and a page must show the state of now. */
const NO_CACHE = { 'cache-control': 'no-store, no-cache, must-revalidate, max-age=0', pragma: 'no-cache', expires: '0' };

/** Pages and redirects carry the token in their URL: never send it on as a referrer, never index it. */
const PRIVATE_PAGE = { ...NO_CACHE, 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex, nofollow' };

// The schema takes any text: a token that is not ours must be a 404 like any other, not a 400.
const tokenParams = z.strictObject({ token: z.string() });

const requesterOf = (event: APIGatewayProxyEventV2): Requester => ({
  userAgent: event.headers?.['user-agent'] ?? null,
  ip: event.requestContext?.http?.sourceIp ?? null,
});

const html = (status: number, text: string): Reply => reply(status, undefined, { raw: { text }, headers: { 'content-type': 'text/html; charset=utf-8', ...PRIVATE_PAGE } });

async function showPreferences(deps: Parameters<typeof preferenceView>[0], token: string, head: boolean): Promise<Reply> {
  const view = await preferenceView(deps, token);
  const page = view
    ? html(200, preferencePage({ token, email: view.recipient.email, campaignName: view.recipient.campaignName, state: view.state }))
    : html(404, unknownLinkPage());
  return head ? { ...page, raw: { text: '' } } : page;
}

export const trackingRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    path: '/t/o/{token}',
    public: true,
    summary: 'The open pixel: a 1×1 GIF; records an open (machine opens apart)',
    params: tokenParams,
    handler: async ({ deps, params, event }) => {
      if (!(await trackOpen(deps, params.token, requesterOf(event)))) throw notFound('link');
      return reply(200, undefined, { raw: { text: PIXEL_GIF_BASE64, base64: true }, headers: { 'content-type': 'image/gif', ...NO_CACHE } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/t/c/{token}',
    public: true,
    summary: "A tracked link: 302 to the link's address; records a click (machine clicks apart)",
    params: tokenParams,
    handler: async ({ deps, params, event }) => {
      const target = await trackClick(deps, params.token, requesterOf(event));
      if (!target) throw notFound('link');
      return reply(302, undefined, { raw: { text: '' }, headers: { location: target, ...PRIVATE_PAGE } });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/t/u/{token}',
    public: true,
    summary: 'The preference page (unsubscribe from all, or pause); showing it changes nothing',
    params: tokenParams,
    handler: async ({ deps, params }) => showPreferences(deps, params.token, false),
  }),
  defineRoute({
    method: 'HEAD',
    path: '/t/u/{token}',
    public: true,
    summary: 'The preference page without its body; changes nothing',
    params: tokenParams,
    handler: async ({ deps, params }) => showPreferences(deps, params.token, true),
  }),
  defineRoute({
    method: 'POST',
    path: '/t/u/{token}',
    public: true,
    summary: 'One-click unsubscribe (List-Unsubscribe=One-Click, RFC 8058: 200, no redirect) or the preference page’s choice',
    params: tokenParams,
    rawBody: true,
    handler: async ({ deps, params, body, event }) => {
      const fields = formFields(body as string | undefined, event.headers?.['content-type']);
      if (fields.get('List-Unsubscribe') === 'One-Click') {
        const done = await choosePreference(deps, params.token, 'unsubscribe_all', 'one_click');
        if (!done) throw notFound('link');
        return reply(200, undefined, { raw: { text: 'You are unsubscribed.\n' }, headers: { 'content-type': 'text/plain; charset=utf-8', ...PRIVATE_PAGE } });
      }
      const choice = preferenceChoiceSchema.safeParse({ choice: fields.get('choice') ?? undefined });
      const formToken = fields.get('token');
      if (!choice.success || (formToken !== null && formToken !== params.token)) {
        throw new AppError('bad_request', { detail: 'Send List-Unsubscribe=One-Click, or a choice from the preference page.' });
      }
      const done = await choosePreference(deps, params.token, choice.data.choice, 'preference_page');
      return done ? html(200, choiceSavedPage({ email: done.recipient.email, state: done.state })) : html(404, unknownLinkPage());
    },
  }),
];
