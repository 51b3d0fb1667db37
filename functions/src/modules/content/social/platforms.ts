// The social platforms behind one interface: verify a pasted access token (whose account it is) and
// publish a post as that account. Each adapter speaks its platform's own HTTP API with fetch; the
// base URLs (SOCIAL_*_BASE_URL) point them at the local stand-in on the laptop and in tests.
//   LinkedIn  GET /v2/userinfo (OpenID: sub, name) · POST /rest/posts (Posts API, versioned headers)
//   X         GET /2/users/me · POST /2/tweets
//   Facebook  GET /{version}/me (the page a page token speaks for) · POST /{version}/{page-id}/feed
import type { SocialPlatform } from '@shared/contracts/content-social';
import type { Config } from '../../../config/config';

export interface PublishedPost {
  id: string;
  url: string | null;
}

export interface SocialAdapter {
  platform: SocialPlatform;
  /** Whose token it is (a SocialError when the platform refuses it). */
  verify(token: string): Promise<{ externalId: string; name: string }>;
  publish(token: string, externalId: string, post: { text: string; link: string | null }): Promise<PublishedPost>;
}

/**
 * A platform's refusal or failure. `kind` decides what happens to the post: `auth` (the token was
 * refused: the account needs a new one, no retry), `rate_limited` and `unavailable` (5xx, network,
 * timeout: retried later), `rejected` (the platform refused the post itself: no retry).
 */
export class SocialError extends Error {
  override name = 'SocialError';
  constructor(
    readonly platform: SocialPlatform,
    readonly kind: 'auth' | 'rate_limited' | 'unavailable' | 'rejected',
    message: string,
    readonly status: number | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'unavailable';
  }
}

const LABEL: Record<SocialPlatform, string> = { linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook' };

/** The LinkedIn API version the Posts API is called with (YYYYMM; LinkedIn keeps each for a year). */
export const LINKEDIN_VERSION = '202511';
/** The Graph API version of Facebook calls. */
export const FACEBOOK_GRAPH_VERSION = 'v21.0';

const TIMEOUT_MS = 15_000;

/** The platform's own words about an error, from the usual shapes of their error bodies. */
function platformMessage(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  const nested = b.error as Record<string, unknown> | string | undefined;
  const candidates = [b.message, b.detail, b.title, typeof nested === 'string' ? nested : nested?.message, (b.errors as { message?: unknown }[] | undefined)?.[0]?.message];
  const found = candidates.find((c) => typeof c === 'string' && c.trim());
  return found ? (found as string).trim().slice(0, 300) : null;
}

interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function request(platform: SocialPlatform, url: string, init: RequestInit, what: string): Promise<JsonAnswer> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    const e = error as Error;
    const why = e.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : `could not be reached (${(e.cause as Error | undefined)?.message ?? e.message})`;
    throw new SocialError(platform, 'unavailable', `${LABEL[platform]} ${why} while ${what}.`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) return { status: res.status, headers: res.headers, body };
  const said = platformMessage(body);
  const detail = `${LABEL[platform]} answered ${res.status} while ${what}${said ? `: ${said}` : ''}.`;
  if (res.status === 401 || res.status === 403) throw new SocialError(platform, 'auth', `${detail} The account needs to be connected again with a new token.`, res.status);
  if (res.status === 429) {
    const retryAfter = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
    throw new SocialError(platform, 'rate_limited', detail, 429, Number.isFinite(retryAfter) ? retryAfter : null);
  }
  if (res.status >= 500 || res.status === 408) throw new SocialError(platform, 'unavailable', detail, res.status);
  throw new SocialError(platform, 'rejected', detail, res.status);
}

const json = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', ...extra });
const trimBase = (url: string) => url.replace(/\/+$/, '');

function missing(platform: SocialPlatform, what: string): never {
  throw new SocialError(platform, 'unavailable', `${LABEL[platform]} answered without ${what}.`);
}

export function linkedInAdapter(baseUrl: string): SocialAdapter {
  const base = trimBase(baseUrl);
  return {
    platform: 'linkedin',
    async verify(token) {
      const { body } = await request('linkedin', `${base}/v2/userinfo`, { headers: json(token) }, 'checking the token');
      const me = body as { sub?: string; name?: string; given_name?: string; family_name?: string } | null;
      if (!me?.sub) missing('linkedin', 'the member’s id');
      return { externalId: `urn:li:person:${me.sub}`, name: me.name ?? ([me.given_name, me.family_name].filter(Boolean).join(' ') || me.sub) };
    },
    async publish(token, externalId, post) {
      const answer = await request(
        'linkedin',
        `${base}/rest/posts`,
        {
          method: 'POST',
          headers: json(token, { 'LinkedIn-Version': LINKEDIN_VERSION, 'X-Restli-Protocol-Version': '2.0.0' }),
          body: JSON.stringify({
            author: externalId,
            commentary: post.text,
            visibility: 'PUBLIC',
            distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
            ...(post.link ? { content: { article: { source: post.link, title: post.link } } } : {}),
            lifecycleState: 'PUBLISHED',
            isReshareDisabledByAuthor: false,
          }),
        },
        'publishing the post',
      );
      // The Posts API answers 201 with the post's URN in x-restli-id and no body.
      const id = answer.headers.get('x-restli-id') ?? answer.headers.get('x-linkedin-id') ?? missing('linkedin', 'the post’s id');
      return { id, url: `https://www.linkedin.com/feed/update/${id}/` };
    },
  };
}

export function xAdapter(baseUrl: string): SocialAdapter {
  const base = trimBase(baseUrl);
  return {
    platform: 'x',
    async verify(token) {
      const { body } = await request('x', `${base}/2/users/me`, { headers: json(token) }, 'checking the token');
      const me = (body as { data?: { id?: string; name?: string; username?: string } } | null)?.data;
      if (!me?.id) missing('x', 'the user’s id');
      return { externalId: me.id, name: me.username ? `${me.name ?? me.username} (@${me.username})` : (me.name ?? me.id) };
    },
    async publish(token, _externalId, post) {
      const { body } = await request('x', `${base}/2/tweets`, { method: 'POST', headers: json(token), body: JSON.stringify({ text: post.link ? `${post.text} ${post.link}` : post.text }) }, 'publishing the post');
      const id = (body as { data?: { id?: string } } | null)?.data?.id ?? missing('x', 'the post’s id');
      return { id, url: `https://x.com/i/web/status/${id}` };
    },
  };
}

export function facebookAdapter(baseUrl: string): SocialAdapter {
  const base = `${trimBase(baseUrl)}/${FACEBOOK_GRAPH_VERSION}`;
  return {
    platform: 'facebook',
    async verify(token) {
      const { body } = await request('facebook', `${base}/me?fields=id,name`, { headers: json(token) }, 'checking the token');
      const me = body as { id?: string; name?: string } | null;
      if (!me?.id) missing('facebook', 'the page’s id');
      return { externalId: me.id, name: me.name ?? me.id };
    },
    async publish(token, externalId, post) {
      const { body } = await request(
        'facebook',
        `${base}/${encodeURIComponent(externalId)}/feed`,
        { method: 'POST', headers: json(token), body: JSON.stringify({ message: post.text, ...(post.link ? { link: post.link } : {}) }) },
        'publishing the post',
      );
      const id = (body as { id?: string } | null)?.id ?? missing('facebook', 'the post’s id');
      return { id, url: `https://www.facebook.com/${id}` };
    },
  };
}

export type SocialAdapters = Record<SocialPlatform, SocialAdapter>;

export function socialAdaptersFor(config: Pick<Config, 'SOCIAL_LINKEDIN_BASE_URL' | 'SOCIAL_X_BASE_URL' | 'SOCIAL_FACEBOOK_BASE_URL'>): SocialAdapters {
  return {
    linkedin: linkedInAdapter(config.SOCIAL_LINKEDIN_BASE_URL ?? 'https://api.linkedin.com'),
    x: xAdapter(config.SOCIAL_X_BASE_URL ?? 'https://api.x.com'),
    facebook: facebookAdapter(config.SOCIAL_FACEBOOK_BASE_URL ?? 'https://graph.facebook.com'),
  };
}
