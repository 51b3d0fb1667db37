// Builds one Lambda handler (APIGatewayProxyEventV2 → result) from a module's route table:
// middy + http-router for dispatch; per route: size limit, authentication, capability check, zod
// validation of path/query/body, then the handler; every error becomes problem+json.
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { getDeps } from '../deps';
import type { Deps } from '../core/deps';
import { AppError } from '../core/app-error';
import { problemResponse, toAppError, zodFieldErrors } from './problem';
import type { Principal } from '../core/principal';
import { takeRateSlot, takeRowBudget } from './rate-limit';
import { redactError } from './redact-error';
import { refuseUnstorableText } from './unstorable-text';
import { can, isCapability } from '@shared/access';
import { isReply, type ApiModule, type Route } from './route';

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface HttpHandlerOptions {
  /** Where dependencies come from; the container-wide ones by default. */
  deps?: () => Promise<Deps>;
}

export function validateRouteTable(modules: ApiModule[]): void {
  const seen = new Set<string>();
  for (const mod of modules) {
    for (const route of mod.routes) {
      const key = `${route.method} ${route.path}`;
      const access = route.access as unknown;
      if (access !== 'public' && access !== 'authenticated' && !isCapability(access)) {
        throw new Error(`Route ${key} in module ${mod.name} declares no capability: every route must say who may call it.`);
      }
      if (!['/api/', '/t/', '/r/', '/.well-known/'].some((prefix) => route.path.startsWith(prefix))) {
        throw new Error(`Route ${key} must live under /api/, /t/, /r/ or /.well-known/.`);
      }
      if (seen.has(key)) throw new Error(`Route ${key} is declared twice.`);
      seen.add(key);
    }
  }
}

export function createHttpHandler(mod: ApiModule, options: HttpHandlerOptions = {}): HttpHandler {
  validateRouteTable([mod]);
  const depsOf = options.deps ?? getDeps;

  const router = httpRouterHandler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>({
    routes: mod.routes.map((route) => ({
      method: route.method,
      path: route.path,
      handler: (event: APIGatewayProxyEventV2, context: Context) => runRoute(route, event, context, depsOf),
    })),
    notFoundResponse: ({ method, path }) => {
      throw new AppError('not_found', { detail: `No route for ${method} ${path}.` });
    },
  });

  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use({
      onError: async (request) => {
        const requestId = requestIdOf(request.event, request.context);
        const appError = toAppError(request.error);
        if (appError) {
          request.response = problemResponse(appError, requestId, request.event?.rawPath);
          return;
        }
        // Unexpected: log what went wrong without the request's data, answer nothing internal.
        const deps = await depsOf().catch(() => null);
        const log = deps?.logger;
        const error = redactError(request.error);
        if (log) {
          log.error('unhandled error', { requestId, path: request.event?.rawPath, error });
        } else {
          console.error(JSON.stringify({ level: 'ERROR', message: 'unhandled error', requestId, error }));
        }
        request.response = problemResponse(
          new AppError('internal', { detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.` }),
          requestId,
          request.event?.rawPath,
        );
      },
    })
    .handler(router as unknown as (e: APIGatewayProxyEventV2, c: Context) => Promise<APIGatewayProxyStructuredResultV2>);

  return handler as unknown as HttpHandler;
}

/**
 * The request's logger, built on first use. Most requests log nothing, and building a child
 * logger (it re-reads its settings from the environment) took a fifth of a millisecond a request.
 */
function lazyChild(parent: Logger, persistentKeys: Record<string, string>): Logger {
  let child: Logger | undefined;
  return new Proxy(parent, {
    get(_target, property) {
      child ??= parent.createChild({ persistentKeys });
      const value: unknown = Reflect.get(child, property, child);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(child) : value;
    },
  });
}

function requestIdOf(event: APIGatewayProxyEventV2 | undefined, context: Context | undefined): string {
  return event?.requestContext?.requestId || context?.awsRequestId || randomUUID();
}

function bearerToken(event: APIGatewayProxyEventV2): string | null {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}

function rawBodyOf(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parsePart<S extends z.ZodType | undefined>(schema: S, value: unknown, field: string): unknown {
  if (!schema) return value;
  const result = schema.safeParse(value);
  if (!result.success) {
    const errors = zodFieldErrors(result.error, field);
    throw new AppError('invalid', { errors, detail: errors.map((e) => `${e.field}: ${e.message}`).join('; ') });
  }
  return result.data;
}

/** The records a reply reveals: its declared count, else the objects in its body's top-level arrays. */
function recordsRevealed(result: unknown): number {
  if (isReply(result) && result.rows !== undefined) return result.rows;
  const body = isReply(result) ? result.body : result;
  if (!body || typeof body !== 'object') return 0;
  let rows = 0;
  for (const value of Array.isArray(body) ? [body] : Object.values(body)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') rows += 1;
  }
  return rows;
}

async function runRoute(
  route: Route,
  event: APIGatewayProxyEventV2,
  context: Context,
  depsOf: () => Promise<Deps>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const deps = await depsOf();
  const requestId = requestIdOf(event, context);
  const logger = lazyChild(deps.logger, { requestId, route: `${route.method} ${route.path}` });

  const raw = rawBodyOf(event);
  if (raw !== undefined && Buffer.byteLength(raw, 'utf8') > deps.config.MAX_BODY_BYTES) {
    throw new AppError('payload_too_large', { detail: `Request bodies are limited to ${deps.config.MAX_BODY_BYTES} bytes.` });
  }

  let principal: Principal | null = null;
  if (route.access !== 'public') {
    principal = await deps.auth.authenticate(bearerToken(event));
    if (!principal) {
      throw new AppError('unauthenticated', {
        detail: 'Sign in again: the access token is missing, invalid or expired.',
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    if (principal.mustChangePassword && !route.allowDuringPasswordChange) {
      throw new AppError('password_change_required', { detail: 'Change the default password before using the API.' });
    }
    if (route.access !== 'authenticated' && !can(principal.roles, route.access)) {
      logger.warn('access denied', { userId: principal.userId, roles: principal.roles, capability: route.access });
      throw new AppError('forbidden');
    }
    if (route.rateLimit) await takeRateSlot({ ...deps, logger }, route.rateLimit, principal.userId);
  }

  let body: unknown = undefined;
  if (route.rawBody) {
    body = raw;
  } else if (route.body) {
    const contentType = (event.headers?.['content-type'] ?? '').toLowerCase();
    if (raw !== undefined && raw !== '' && contentType && !contentType.includes('json')) {
      throw new AppError('unsupported_media_type', { detail: 'Send the body as application/json.' });
    }
    let parsed: unknown = undefined;
    if (raw !== undefined && raw !== '') {
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new AppError('bad_request', { detail: 'The request body is not valid JSON.' });
      }
    }
    // Before the schema: its transforms and refinements may call what throws on such text.
    refuseUnstorableText(parsed, 'body');
    body = parsePart(route.body, parsed, 'body');
  }

  refuseUnstorableText(event.pathParameters, 'params');
  refuseUnstorableText(event.queryStringParameters, 'query');
  const params = parsePart(route.params, event.pathParameters ?? {}, 'params');
  const query = parsePart(route.query, event.queryStringParameters ?? {}, 'query');

  const result = await route.handler({ params, query, body, principal, deps, event, requestId, actor: { userId: principal?.userId ?? null, requestId }, logger });
  if (principal && route.method === 'GET') await takeRowBudget({ ...deps, logger }, principal.userId, recordsRevealed(result));

  if (isReply(result)) {
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...(result.headers ?? {}) };
    if (result.raw) {
      return {
        statusCode: result.status,
        headers,
        ...(result.cookies ? { cookies: result.cookies } : {}),
        body: result.raw.text,
        isBase64Encoded: result.raw.base64 ?? false,
      };
    }
    if (result.body !== undefined) headers['content-type'] ??= 'application/json';
    return {
      statusCode: result.status,
      headers,
      ...(result.cookies ? { cookies: result.cookies } : {}),
      body: result.body === undefined ? '' : JSON.stringify(result.body),
    };
  }
  return {
    statusCode: result === undefined ? 204 : 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: result === undefined ? '' : JSON.stringify(result),
  };
}
