// A route is data: method, path, the roles that may call it, zod schemas for its inputs and a
// handler. The router enforces the roles and validates before the handler runs; the route
// tables are also read by the CDK app (API routes) and the permission tests.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import type { Role } from '@shared/roles';
import type { Deps } from '../core/deps';
import type { Actor } from '../core/actor';
import type { Principal } from '../core/principal';
import type { RateLimitClass } from './rate-limit';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * 'public': no token (each such route verifies its caller another way, or is harmless, like health);
 * 'authenticated': any signed-in user; otherwise the roles of which the caller needs at least one.
 */
export type RouteRoles = 'public' | 'authenticated' | readonly Role[];

export interface RouteContext<P, Q, B, Auth extends Principal | null> {
  params: P;
  query: Q;
  body: B;
  principal: Auth;
  deps: Deps;
  event: APIGatewayProxyEventV2;
  requestId: string;
  /** The caller and the request, for history and audit rows (userId null on a public route without a token). */
  actor: Actor;
  logger: Logger;
}

export interface Reply {
  readonly kind: 'reply';
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  cookies?: string[];
  /** Body is already serialised text (CSV, HTML) or base64 for binary. */
  raw?: { text: string; base64?: boolean };
}

export function reply(status: number, body?: unknown, extra: Omit<Reply, 'kind' | 'status' | 'body'> = {}): Reply {
  return { kind: 'reply', status, body, ...extra };
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as Reply).kind === 'reply';
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type AuthOf<R> = R extends 'public' ? Principal | null : Principal;

export interface RouteSpec<
  R extends RouteRoles = RouteRoles,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
> {
  method: HttpMethod;
  /** API Gateway style: /api/users/{userId} */
  path: string;
  roles: R;
  summary: string;
  params?: PS;
  query?: QS;
  body?: BS;
  /** Callable while the user must still change the default password (the auth routes, /api/me). */
  allowDuringPasswordChange?: boolean;
  /** Keep the body as raw text (signature verification); no JSON parsing. */
  rawBody?: boolean;
  /** Counted against the caller's per-minute limit of this class (429 past it); see rate-limit.ts. */
  rateLimit?: RateLimitClass;
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>, AuthOf<R>>) => Promise<unknown>;
}

export interface Route {
  method: HttpMethod;
  path: string;
  roles: RouteRoles;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  allowDuringPasswordChange?: boolean;
  rawBody?: boolean;
  rateLimit?: RateLimitClass;
  handler: (ctx: RouteContext<unknown, unknown, unknown, Principal | null>) => Promise<unknown>;
}

export function defineRoute<
  const R extends RouteRoles,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<R, PS, QS, BS>): Route {
  return spec as unknown as Route;
}

/** A deployable unit: one Lambda on AWS, one entry of the local gateway. */
export interface ApiModule {
  name: string;
  routes: Route[];
}
