// Token material: signed access tokens (JWT, RS256) and opaque refresh tokens with their cookie.
// Only a refresh token's SHA-256 is ever stored; the cookie is http-only, SameSite=Strict and
// scoped to /api/auth so the browser sends it nowhere else.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '@shared/roles';
import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '@shared/contracts/identity';
import type { Config } from '../../config/config';
import type { Deps } from '../../core/deps';
import { SIGNING_ALG } from './keys';

export interface AccessTokenSubject {
  id: string;
  roles: Role[];
  orgId: string | null;
  tokenVersion: number;
  /**
   * The session (refresh-token family) the token belongs to: ending the session ends the token.
   * Null only for tokens minted outside a sign-in (tests, benches), which no sign-out can end.
   */
  sessionId: string | null;
}

/** Claims of our access tokens; `roles` and `org` are informative, authorization re-reads the user. */
export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  org?: string;
  ver: number;
  /** Session id: the refresh-token family, checked against revocations on every request. */
  sid?: string;
  token_use: 'access';
}

export async function issueAccessToken(
  deps: Pick<Deps, 'config' | 'signingKeys' | 'now'>,
  subject: AccessTokenSubject,
): Promise<{ accessToken: string; expiresIn: number }> {
  const { config } = deps;
  const key = await deps.signingKeys.current();
  const iat = Math.floor(deps.now().getTime() / 1000);
  const expiresIn = config.ACCESS_TOKEN_TTL_SECONDS;
  const claims: AccessTokenClaims = {
    sub: subject.id,
    roles: subject.roles,
    ...(subject.orgId ? { org: subject.orgId } : {}),
    ver: subject.tokenVersion,
    ...(subject.sessionId ? { sid: subject.sessionId } : {}),
    token_use: 'access',
  };
  const accessToken = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(config.AUTH_ISSUER)
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + expiresIn)
    .setJti(randomUUID())
    .sign(key.privateKey);
  return { accessToken, expiresIn };
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

function cookieAttributes(config: Pick<Config, 'SECURE_COOKIES'>, maxAgeSeconds: number): string {
  return `HttpOnly; SameSite=Strict; Path=${REFRESH_COOKIE_PATH}; Max-Age=${maxAgeSeconds}${config.SECURE_COOKIES ? '; Secure' : ''}`;
}

export function refreshCookie(config: Pick<Config, 'SECURE_COOKIES'>, token: string, maxAgeSeconds: number): string {
  return `${REFRESH_COOKIE_NAME}=${token}; ${cookieAttributes(config, Math.max(0, Math.floor(maxAgeSeconds)))}`;
}

export function clearedRefreshCookie(config: Pick<Config, 'SECURE_COOKIES'>): string {
  return `${REFRESH_COOKIE_NAME}=; ${cookieAttributes(config, 0)}`;
}

/** The refresh token from the request's cookies (API Gateway v2 gives them as `name=value`). */
export function refreshTokenFromCookies(cookies: readonly string[] | undefined): string | null {
  for (const cookie of cookies ?? []) {
    for (const part of cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() === REFRESH_COOKIE_NAME) {
        const value = part.slice(eq + 1).trim();
        if (/^[A-Za-z0-9_-]{20,200}$/.test(value)) return value;
      }
    }
  }
  return null;
}
