// Turns a bearer token into a Principal. The signature, issuer, audience (or Cognito client),
// expiry and token use are checked by aws-jwt-verify; then the user's CURRENT state is loaded
// (status, roles, organisation, forced password change): the token's own `roles` claim is never
// used for authorization. That state is cached per user for at most USER_STATE_TTL_MS, so a
// deactivation or a removed role takes effect within a minute on every warm container. A token's
// signature check is likewise remembered for a minute at most, and never past its expiry.
// Our own tokens name their session (`sid`, the refresh-token family): a token whose session was
// ended (sign-out, password change, reuse detection) is refused, at once on the container that
// ended it (`forget`) and within SESSION_STATE_TTL_MS elsewhere. Cognito access tokens carry no
// session of ours: there, sign-out is Cognito's and a token stays valid until it expires (its
// holder's status and roles are still re-read every minute). On a laptop, with COGNITO_ENDPOINT
// on this machine (cognito-local), the pools' issuer is the emulator's own
// (`http://127.0.0.1:<port>/<poolId>`) and its keys are read from it; never otherwise.
import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import { FetchError } from 'aws-jwt-verify/error';
import type { Config } from '../../config/config';
import type { Deps } from '../../core/deps';
import type { Authenticator, Principal } from '../../core/principal';
import { SIGNING_ALG } from './keys';
import { loadAccessState, sessionIsLive, type UserAccessState } from './repo';
import { logSecurityEvent } from '../../core/security-log';

/** How long a user's status and roles may be served from memory. */
export const USER_STATE_TTL_MS = 60_000;
const MAX_CACHED_USERS = 10_000;
/**
 * How long a verified token's signature check is remembered (never past the token's expiry). A
 * client sends the same token with every request, and checking its signature each time is the
 * larger part of authenticating it (docs/decisions/0006). The
 * token's holder is still checked against the user's current state on every request.
 */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
const MAX_CACHED_TOKENS = 5_000;
/** How long a session found live may be trusted without asking the database again. */
export const SESSION_STATE_TTL_MS = 60_000;
const MAX_CACHED_SESSIONS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface VerifiedSubject {
  /** How to find the user: our id (local issuer) or the Cognito `sub`. */
  lookup: { userId: string } | { cognitoSub: string };
  cacheKey: string;
  /** The token's `ver` claim (local tokens); older than the user's token version → refused. */
  version: number | null;
  /** The token's expiry (epoch ms): a verified token may be remembered until then (never without it). */
  expiresAt?: number;
  /** The session the token belongs to (`sid`); null when the issuer gives none (Cognito). */
  sessionId?: string | null;
}

export type TokenVerifier = (token: string) => Promise<VerifiedSubject>;

class TokenClaimError extends Error {
  override name = 'TokenClaimError';
}

/** Our verification keys could not be loaded: a server fault, not a bad token. */
class VerificationKeysUnavailable extends Error {
  override name = 'VerificationKeysUnavailable';
}

export function jwksUriOf(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json`;
}

/**
 * Our own issuer's tokens. The verifier is preloaded with the local JWKS (no HTTP round trip to
 * ourselves) and verifies synchronously: an unknown `kid` fails instead of triggering a fetch.
 */
export function createLocalTokenVerifier(deps: Pick<Deps, 'config' | 'signingKeys'>): TokenVerifier {
  const { config } = deps;
  const verifier = JwtVerifier.create({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    jwksUri: jwksUriOf(config.AUTH_ISSUER),
    customJwtCheck: ({ header, payload }) => {
      if (header.alg !== SIGNING_ALG) throw new TokenClaimError('unexpected alg');
      if (payload.token_use !== 'access') throw new TokenClaimError('not an access token');
      if (typeof payload.exp !== 'number') throw new TokenClaimError('no expiry');
      if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) throw new TokenClaimError('bad subject');
      if (!Number.isInteger(payload.ver)) throw new TokenClaimError('no version');
      if (payload.sid !== undefined && (typeof payload.sid !== 'string' || !UUID.test(payload.sid))) throw new TokenClaimError('bad session');
    },
  });
  let preloaded: Promise<void> | undefined;
  return async (token) => {
    preloaded ??= deps.signingKeys
      .jwks()
      .then((jwks) => verifier.cacheJwks(jwks))
      .catch((error: unknown) => {
        preloaded = undefined;
        throw new VerificationKeysUnavailable('The access-token verification keys could not be loaded.', { cause: error });
      });
    await preloaded;
    const payload = verifier.verifySync(token);
    const sub = payload.sub as string;
    return {
      lookup: { userId: sub },
      cacheKey: sub,
      version: payload.ver as number,
      expiresAt: (payload.exp as number) * 1000,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
    };
  };
}

/** Cognito access tokens from the staff pool or the client-portal pool, each with its app client. */
export function createCognitoTokenVerifier(config: Config) {
  const verifier = CognitoJwtVerifier.create([
    { userPoolId: config.COGNITO_STAFF_POOL_ID!, clientId: config.COGNITO_STAFF_CLIENT_ID!, tokenUse: 'access' },
    { userPoolId: config.COGNITO_PORTAL_POOL_ID!, clientId: config.COGNITO_PORTAL_CLIENT_ID!, tokenUse: 'access' },
  ]);
  const verify: TokenVerifier = async (token) => {
    const payload = await verifier.verify(token);
    return { lookup: { cognitoSub: payload.sub }, cacheKey: `cognito:${payload.sub}`, version: null, expiresAt: payload.exp * 1000 };
  };
  return { verifier, verify };
}

/** A Cognito emulator on this machine (cognito-local): its issuer is trusted only then. */
export function isLoopbackEndpoint(endpoint: string | undefined): endpoint is string {
  if (!endpoint) return false;
  const { hostname, protocol } = new URL(endpoint);
  return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]');
}

type JwksDocument = Parameters<ReturnType<typeof JwtVerifier.create>['cacheJwks']>[0];

async function fetchJwks(uri: string): Promise<JwksDocument> {
  const response = await fetch(uri, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new VerificationKeysUnavailable(`${uri} answered ${response.status}`);
  return (await response.json()) as JwksDocument;
}

/**
 * cognito-local's access tokens: the emulator's issuer per pool, its JWKS (fetched once per
 * pool; aws-jwt-verify fetches over https only), the app client and the token use.
 */
export function createEmulatedCognitoTokenVerifier(
  config: Pick<Config, 'COGNITO_ENDPOINT' | 'COGNITO_STAFF_POOL_ID' | 'COGNITO_STAFF_CLIENT_ID' | 'COGNITO_PORTAL_POOL_ID' | 'COGNITO_PORTAL_CLIENT_ID'>,
  loadJwks: (uri: string) => Promise<JwksDocument> = fetchJwks,
): TokenVerifier {
  const endpoint = config.COGNITO_ENDPOINT!.replace(/\/+$/, '');
  const pools = [
    { issuer: `${endpoint}/${config.COGNITO_STAFF_POOL_ID!}`, clientId: config.COGNITO_STAFF_CLIENT_ID! },
    { issuer: `${endpoint}/${config.COGNITO_PORTAL_POOL_ID!}`, clientId: config.COGNITO_PORTAL_CLIENT_ID! },
  ];
  const checkFor =
    (clientId: string) =>
    ({ payload }: { payload: Record<string, unknown> }) => {
      if (payload.token_use !== 'access') throw new TokenClaimError('not an access token');
      if (payload.client_id !== clientId) throw new TokenClaimError('another app client');
      if (typeof payload.exp !== 'number') throw new TokenClaimError('no expiry');
      if (typeof payload.sub !== 'string' || !payload.sub) throw new TokenClaimError('no subject');
    };
  const [staff, portal] = pools as [(typeof pools)[number], (typeof pools)[number]];
  const verifier = JwtVerifier.create([
    { issuer: staff.issuer, audience: null, jwksUri: `${staff.issuer}/.well-known/jwks.json`, customJwtCheck: checkFor(staff.clientId) },
    { issuer: portal.issuer, audience: null, jwksUri: `${portal.issuer}/.well-known/jwks.json`, customJwtCheck: checkFor(portal.clientId) },
  ]);
  let preloaded: Promise<void> | undefined;
  return async (token) => {
    preloaded ??= Promise.all(
      pools.map(async ({ issuer }) => verifier.cacheJwks(await loadJwks(`${issuer}/.well-known/jwks.json`), issuer)),
    )
      .then(() => undefined)
      .catch((error: unknown) => {
        preloaded = undefined;
        throw error instanceof VerificationKeysUnavailable ? error : new VerificationKeysUnavailable('The Cognito emulator keys could not be loaded.', { cause: error });
      });
    await preloaded;
    const payload = verifier.verifySync(token);
    const sub = payload.sub as string;
    return { lookup: { cognitoSub: sub }, cacheKey: `cognito:${sub}`, version: null, expiresAt: (payload.exp as number) * 1000 };
  };
}

function tokenVerifierFor(deps: Omit<Deps, 'auth'>): TokenVerifier {
  const { config } = deps;
  if (config.AUTH_MODE !== 'cognito') return createLocalTokenVerifier(deps);
  return isLoopbackEndpoint(config.COGNITO_ENDPOINT) ? createEmulatedCognitoTokenVerifier(config) : createCognitoTokenVerifier(config).verify;
}

export function createAuthenticator(deps: Omit<Deps, 'auth'>, options: { verify?: TokenVerifier } = {}): Authenticator {
  const verify = options.verify ?? tokenVerifierFor(deps);
  const cache = new Map<string, { state: UserAccessState; loadedAt: number }>();
  const verified = new Map<string, { subject: VerifiedSubject; until: number }>();
  const liveSessions = new Map<string, { userId: string; checkedAt: number }>();

  /** The signature, issuer, audience and expiry checks, once per token and minute. */
  async function verifyOnce(token: string): Promise<VerifiedSubject> {
    // Real time, as the verifier's own expiry check uses.
    const now = Date.now();
    const known = verified.get(token);
    if (known && now < known.until) return known.subject;
    verified.delete(token);
    const subject = await verify(token);
    const until = Math.min(subject.expiresAt ?? now, now + VERIFIED_TOKEN_TTL_MS);
    if (until > now) {
      if (verified.size >= MAX_CACHED_TOKENS) verified.delete(verified.keys().next().value!);
      verified.set(token, { subject, until });
    }
    return subject;
  }

  async function currentState(subject: VerifiedSubject): Promise<UserAccessState | undefined> {
    const now = deps.now().getTime();
    const cached = cache.get(subject.cacheKey);
    const fresh =
      cached &&
      now - cached.loadedAt < USER_STATE_TTL_MS &&
      now >= cached.loadedAt &&
      // A newer token than the state we hold means the user changed (password change): reload.
      (subject.version === null || subject.version <= cached.state.tokenVersion);
    if (fresh) return cached.state;
    const state = await loadAccessState(deps.db, subject.lookup);
    cache.delete(subject.cacheKey);
    if (!state) return undefined;
    if (cache.size >= MAX_CACHED_USERS) cache.delete(cache.keys().next().value!);
    cache.set(subject.cacheKey, { state, loadedAt: now });
    return state;
  }

  /** Whether the token's session is still going; a live answer is trusted for a minute at most. */
  async function sessionLive(sessionId: string, userId: string): Promise<boolean> {
    const now = deps.now().getTime();
    const known = liveSessions.get(sessionId);
    if (known && now >= known.checkedAt && now - known.checkedAt < SESSION_STATE_TTL_MS) return true;
    liveSessions.delete(sessionId);
    if (!(await sessionIsLive(deps.db, sessionId, new Date(now)))) return false;
    if (liveSessions.size >= MAX_CACHED_SESSIONS) liveSessions.delete(liveSessions.keys().next().value!);
    liveSessions.set(sessionId, { userId, checkedAt: now });
    return true;
  }

  return {
    forget({ sessionId, userId }) {
      if (sessionId) liveSessions.delete(sessionId);
      if (userId) {
        for (const [key, entry] of cache) if (entry.state.userId === userId) cache.delete(key);
        for (const [key, entry] of liveSessions) if (entry.userId === userId) liveSessions.delete(key);
      }
    },
    async authenticate(token): Promise<Principal | null> {
      if (!token) return null;
      let subject: VerifiedSubject;
      try {
        subject = await verifyOnce(token);
      } catch (error) {
        // A JWKS we cannot fetch or keys we cannot read are our failure, not the caller's.
        if (error instanceof FetchError || error instanceof VerificationKeysUnavailable) throw error;
        // The reason is the error's class (expired, bad signature, …); never the token.
        logSecurityEvent(deps.logger, 'auth.token_rejected', { reason: (error as Error)?.name ?? 'invalid' });
        return null;
      }
      const state = await currentState(subject);
      if (!state || state.status !== 'active') return null;
      if (subject.version !== null && subject.version < state.tokenVersion) return null;
      if (subject.sessionId && !(await sessionLive(subject.sessionId, state.userId))) return null;
      return {
        userId: state.userId,
        username: state.username,
        roles: state.roles,
        orgId: state.orgId,
        mustChangePassword: state.mustChangePassword,
      };
    },
  };
}
