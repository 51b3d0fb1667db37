// A route is data: method, path, who may call it (a capability of the access policy, or public,
// or any signed-in user), zod schemas for its inputs and a handler. The router enforces the
// access and validates before the handler runs; the route tables are also read by the CDK app
// (API routes) and the permission tests, all through `routeRoles`.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { z } from 'zod';
import { isCapability, rolesFor, type Capability } from '@shared/access';
import type { Role } from '@shared/roles';
import type { Deps } from '../core/deps';
import type { Actor } from '../core/actor';
import type { Principal } from '../core/principal';
import type { RateLimitClass } from './rate-limit';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * 'public': no token (each such route verifies its caller another way, or is harmless, like health);
 * 'authenticated': any signed-in user; otherwise the roles of which the caller needs at least one.
 */
export type RouteRoles = 'public' | 'authenticated' | readonly Role[];

/** Who may call a route: a capability of the access policy, 'public' or 'authenticated'. */
export type RouteAccess = Capability | 'public' | 'authenticated';

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
  /**
   * How many records the reply reveals, counted against the caller's per-minute row budget. Needed
   * only for raw bodies: a JSON body's records are counted from its top-level arrays of objects.
   */
  rows?: number;
}

export function reply(status: number, body?: unknown, extra: Omit<Reply, 'kind' | 'status' | 'body'> = {}): Reply {
  return { kind: 'reply', status, body, ...extra };
}

/** A handler's answer once its work is done and there is nothing to send back: 204. */
export async function noContent(work: Promise<unknown>): Promise<Reply> {
  await work;
  return reply(204);
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && (value as Reply).kind === 'reply';
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
type AuthOf<Open> = Open extends true ? Principal | null : Principal;

/** A route declares exactly one of `capability`, `public: true` or `authenticated: true`. */
export interface RouteSpec<
  Open extends boolean = false,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
> {
  method: HttpMethod;
  /** API Gateway style: /api/users/{userId} */
  path: string;
  /** The capability of the access policy (shared/access.ts) a caller needs. */
  capability?: Capability;
  /** No token: the route verifies its caller another way, or is harmless, like health. */
  public?: Open;
  /** Any signed-in user. */
  authenticated?: true;
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
  handler: (ctx: RouteContext<Infer<PS>, Infer<QS>, Infer<BS>, AuthOf<Open>>) => Promise<unknown>;
}

export interface Route {
  method: HttpMethod;
  path: string;
  access: RouteAccess;
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
  const Open extends boolean = false,
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<Open, PS, QS, BS>): Route {
  const { capability, public: open, authenticated, ...rest } = spec;
  const declared = [capability !== undefined, open === true, authenticated === true].filter(Boolean).length;
  // The types cannot say "exactly one": a route declaring none, several or an unknown capability fails as its table loads.
  if (declared !== 1 || (capability !== undefined && !isCapability(capability))) {
    throw new Error(`Route ${spec.method} ${spec.path} must declare exactly one of capability, public or authenticated.`);
  }
  const access: RouteAccess = open ? 'public' : authenticated ? 'authenticated' : capability!;
  return { ...rest, access } as unknown as Route;
}

/** The roles that may call a route, read through the access policy. */
export function routeRoles(route: Pick<Route, 'access'>): RouteRoles {
  return route.access === 'public' || route.access === 'authenticated' ? route.access : rolesFor(route.access);
}

/** A deployable unit: one Lambda on AWS, one entry of the local gateway. */
export interface ApiModule {
  name: string;
  routes: Route[];
}
