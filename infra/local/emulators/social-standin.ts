// LinkedIn, X and Facebook on the laptop: one HTTP server on 127.0.0.1 speaking the endpoints the
// social adapters call, each checking its bearer token the way its platform does:
//   LinkedIn  GET /v2/userinfo · POST /rest/posts (needs LinkedIn-Version and X-Restli-Protocol-Version:
//             2.0.0, the author of the token; answers 201 with x-restli-id)
//   X         GET /2/users/me · POST /2/tweets (≤ 280 characters; answers 201 {data: {id, text}})
//   Facebook  GET /{version}/me · POST /{version}/{page-id}/feed (the page of the token; answers {id})
// A demo token per platform is always accepted (DEMO_SOCIAL_TOKENS), so the demo shows connected
// accounts; tests add their own.
//
// Control API (no token, loopback only):
//   GET  /__standin/posts    the posts received, oldest first
//   POST /__standin/tokens   {platform, token, id?, name?}: accept this token as that account
//   POST /__standin/faults   {platform?, status, count?, retryAfter?}: the next `count` (1) publishes fail with `status`
//   POST /__standin/reset    forget posts, faults and added tokens
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { listenLocal, readBody, sendJson } from './local-http';

export type StandinPlatform = 'linkedin' | 'x' | 'facebook';

export interface StandinAccount {
  platform: StandinPlatform;
  /** LinkedIn: the member's `sub`; X: the user id; Facebook: the page id. */
  id: string;
  name: string;
}

export interface ReceivedPost {
  platform: StandinPlatform;
  id: string;
  /** The account it was posted as (LinkedIn: the author URN). */
  author: string;
  text: string;
  link: string | null;
  at: string;
}

export interface SocialFault {
  platform: StandinPlatform | null;
  status: number;
  remaining: number;
  retryAfter: number | null;
}

export interface SocialStandin {
  url: string;
  posts(): ReceivedPost[];
  addToken(token: string, account: StandinAccount): void;
  fail(fault: { platform?: StandinPlatform; status: number; count?: number; retryAfter?: number }): void;
  reset(): void;
  stop(): Promise<void>;
}

/** Tokens the stand-in always accepts: `npm start -- --demo` connects its accounts with them. */
export const DEMO_SOCIAL_TOKENS: Record<StandinPlatform, { token: string; account: StandinAccount }> = {
  linkedin: { token: 'demo-linkedin-access-token', account: { platform: 'linkedin', id: 'Dm8aPivotal', name: 'Pivotal Demand Team' } },
  x: { token: 'demo-x-access-token', account: { platform: 'x', id: '1700000000000000001', name: 'Pivotal CRM' } },
  facebook: { token: 'demo-facebook-access-token', account: { platform: 'facebook', id: '104200000000001', name: 'Pivotal CRM Page' } },
};

const X_LIMIT = 280;

export async function startSocialStandin(): Promise<SocialStandin> {
  const demo = () => new Map(Object.values(DEMO_SOCIAL_TOKENS).map((d) => [d.token, d.account]));
  let tokens = demo();
  let posts: ReceivedPost[] = [];
  let faults: SocialFault[] = [];

  const accountOf = (req: http.IncomingMessage, platform: StandinPlatform) => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const account = match ? tokens.get(match[1]!) : undefined;
    return account?.platform === platform ? account : null;
  };

  /** The fault due for this publish, if any (used up as it plays). */
  const takeFault = (platform: StandinPlatform) => {
    const fault = faults.find((f) => f.remaining > 0 && (f.platform === null || f.platform === platform));
    if (!fault) return null;
    fault.remaining -= 1;
    faults = faults.filter((f) => f.remaining > 0);
    return fault;
  };

  const json = async (req: http.IncomingMessage) => JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;

  const unauthorized: Record<StandinPlatform, (res: http.ServerResponse) => void> = {
    linkedin: (res) => sendJson(res, 401, { status: 401, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' }),
    x: (res) => sendJson(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }),
    facebook: (res) => sendJson(res, 401, { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190 } }),
  };

  function playFault(res: http.ServerResponse, platform: StandinPlatform): boolean {
    const fault = takeFault(platform);
    if (!fault) return false;
    const message = fault.status === 429 ? 'Too Many Requests' : fault.status === 401 ? 'Invalid access token' : 'Internal Server Error';
    sendJson(res, fault.status, platform === 'facebook' ? { error: { message, code: fault.status } } : { status: fault.status, message }, fault.retryAfter !== null ? { 'retry-after': String(fault.retryAfter) } : {});
    return true;
  }

  const record = (post: Omit<ReceivedPost, 'at'>) => {
    posts.push({ ...post, at: new Date().toISOString() });
    if (posts.length > 2000) posts.shift();
  };

  async function linkedin(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const account = accountOf(req, 'linkedin');
    if (!account) return unauthorized.linkedin(res);
    if (req.method === 'GET' && path === '/v2/userinfo') {
      const [given, ...family] = account.name.split(' ');
      return sendJson(res, 200, { sub: account.id, name: account.name, given_name: given, family_name: family.join(' '), email_verified: true, locale: { country: 'US', language: 'en' } });
    }
    if (req.method === 'POST' && path === '/rest/posts') {
      if (!/^\d{6}$/.test(String(req.headers['linkedin-version'] ?? ''))) return sendJson(res, 426, { status: 426, code: 'VERSION_MISSING', message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.' });
      if (req.headers['x-restli-protocol-version'] !== '2.0.0') return sendJson(res, 400, { status: 400, message: 'X-Restli-Protocol-Version 2.0.0 is required.' });
      const body = await json(req);
      if (body.author !== `urn:li:person:${account.id}`) return sendJson(res, 403, { status: 403, message: `Not enough permissions to post as ${String(body.author)}` });
      if (typeof body.commentary !== 'string' || [...body.commentary].length > 3000) return sendJson(res, 422, { status: 422, message: 'commentary must be a string of at most 3000 characters' });
      if (playFault(res, 'linkedin')) return;
      const id = `urn:li:share:${Date.now()}${Math.floor(Math.random() * 1000)}`;
      const article = (body.content as { article?: { source?: string } } | undefined)?.article;
      record({ platform: 'linkedin', id, author: String(body.author), text: body.commentary, link: article?.source ?? null });
      res.writeHead(201, { 'x-restli-id': id, 'content-length': '0' });
      res.end();
      return;
    }
    return sendJson(res, 404, { status: 404, message: `No resource ${req.method} ${path}` });
  }

  async function x(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const account = accountOf(req, 'x');
    if (!account) return unauthorized.x(res);
    if (req.method === 'GET' && path === '/2/users/me') {
      return sendJson(res, 200, { data: { id: account.id, name: account.name, username: account.name.replace(/\W+/g, '').toLowerCase() } });
    }
    if (req.method === 'POST' && path === '/2/tweets') {
      const body = await json(req);
      if (typeof body.text !== 'string' || [...body.text].length > X_LIMIT + 40) {
        return sendJson(res, 400, { errors: [{ message: 'The text is too long.' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', status: 400 });
      }
      if (playFault(res, 'x')) return;
      const id = String(1800000000000000000n + BigInt(posts.length + 1));
      const link = /(https?:\/\/\S+)$/.exec(body.text)?.[1] ?? null;
      record({ platform: 'x', id, author: account.id, text: link ? body.text.slice(0, -link.length).trimEnd() : body.text, link });
      return sendJson(res, 201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } });
    }
    return sendJson(res, 404, { title: 'Not Found Error', detail: `Could not find ${path}`, status: 404 });
  }

  async function facebook(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const account = accountOf(req, 'facebook');
    if (!account) return unauthorized.facebook(res);
    const rest = path.replace(/^\/v\d+\.\d+/, '');
    if (req.method === 'GET' && rest === '/me') return sendJson(res, 200, { id: account.id, name: account.name });
    const feed = /^\/([^/]+)\/feed$/.exec(rest);
    if (req.method === 'POST' && feed) {
      if (decodeURIComponent(feed[1]!) !== account.id) return sendJson(res, 403, { error: { message: '(#200) The token does not speak for this page', type: 'OAuthException', code: 200 } });
      const body = await json(req);
      if (typeof body.message !== 'string' || !body.message) return sendJson(res, 400, { error: { message: '(#100) message or link is required', type: 'OAuthException', code: 100 } });
      if (playFault(res, 'facebook')) return;
      const id = `${account.id}_${Date.now()}${posts.length}`;
      record({ platform: 'facebook', id, author: account.id, text: body.message, link: typeof body.link === 'string' ? body.link : null });
      return sendJson(res, 200, { id });
    }
    return sendJson(res, 400, { error: { message: `Unknown path components: ${rest}`, type: 'OAuthException', code: 2500 } });
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, what: string): Promise<void> {
    if (what === 'posts' && req.method === 'GET') return sendJson(res, 200, { posts });
    if (what === 'reset' && req.method === 'POST') {
      api.reset();
      return sendJson(res, 200, { ok: true });
    }
    if (what === 'tokens' && req.method === 'POST') {
      const body = await json(req);
      if (!['linkedin', 'x', 'facebook'].includes(String(body.platform)) || typeof body.token !== 'string') return sendJson(res, 400, { message: 'Send {platform, token, id?, name?}.' });
      const account: StandinAccount = { platform: body.platform as StandinPlatform, id: typeof body.id === 'string' ? body.id : randomUUID().slice(0, 10), name: typeof body.name === 'string' ? body.name : 'Test Account' };
      api.addToken(body.token, account);
      return sendJson(res, 201, account);
    }
    if (what === 'faults' && req.method === 'POST') {
      const body = await json(req);
      if (typeof body.status !== 'number' || body.status < 400 || body.status > 599) return sendJson(res, 400, { message: 'Send {platform?, status (400–599), count?, retryAfter?}.' });
      api.fail({
        status: body.status,
        ...(typeof body.platform === 'string' ? { platform: body.platform as StandinPlatform } : {}),
        ...(typeof body.count === 'number' ? { count: body.count } : {}),
        ...(typeof body.retryAfter === 'number' ? { retryAfter: body.retryAfter } : {}),
      });
      return sendJson(res, 200, { faults });
    }
    return sendJson(res, 404, { message: `No control endpoint ${req.method} /__standin/${what}` });
  }

  const server = await listenLocal(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/__standin/')) return control(req, res, path.slice('/__standin/'.length));
    if (path === '/v2/userinfo' || path.startsWith('/rest/')) return linkedin(req, res, path);
    if (path.startsWith('/2/')) return x(req, res, path);
    if (/^\/v\d+\.\d+\//.test(path)) return facebook(req, res, path);
    return sendJson(res, 404, { message: `Unknown path ${path}` });
  });

  const api: SocialStandin = {
    url: server.endpoint,
    posts: () => [...posts],
    addToken: (token, account) => void tokens.set(token, account),
    fail: (fault) => void faults.push({ platform: fault.platform ?? null, status: fault.status, remaining: fault.count ?? 1, retryAfter: fault.retryAfter ?? null }),
    reset: () => {
      tokens = demo();
      posts = [];
      faults = [];
    },
    stop: server.stop,
  };
  return api;
}
