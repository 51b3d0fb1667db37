// The local API Gateway: turns node:http requests into APIGatewayProxyEventV2, routes them to the
// module's Lambda handler by the same route table API Gateway uses, and writes the result back.
// Anything outside /api (and the other API prefixes) goes to the SPA.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiModule } from '../../functions/src/http/route';
import type { HttpHandler } from '../../functions/src/http/create-http-handler';
import { SECURITY_HEADERS } from './static-files';

/** API Gateway's own payload limit; the handlers apply the smaller MAX_BODY_BYTES themselves. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
const API_PREFIXES = ['/api/', '/t/', '/r/', '/.well-known/'];

interface CompiledRoute {
  method: string;
  path: string;
  pattern: RegExp;
  handler: HttpHandler;
}

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (/^\{\w+\+\}$/.test(segment)) return '.+';
      if (/^\{\w+\}$/.test(segment)) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export interface Gateway {
  isApiPath(path: string): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
}

export function createGateway(modules: { module: ApiModule; handler: HttpHandler }[]): Gateway {
  const routes: CompiledRoute[] = modules.flatMap(({ module, handler }) =>
    module.routes.map((route) => ({ method: route.method, path: route.path, pattern: compile(route.path), handler })),
  );
  // Like the $default route on AWS: unknown API paths reach the first module, which answers 404.
  const fallback = modules[0]!.handler;

  const isApiPath = (path: string) => path === '/api' || API_PREFIXES.some((p) => path.startsWith(p));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const requestId = randomUUID();

    const body = await readBody(req, GATEWAY_MAX_BODY_BYTES);
    if (body === 'too-large') {
      writeResult(res, {
        statusCode: 413,
        headers: { 'content-type': 'application/problem+json' },
        body: JSON.stringify({
          type: 'https://pivotal-crm.dev/problems/payload_too_large',
          title: 'Request body too large',
          status: 413,
          requestId,
        }),
      });
      return;
    }

    const match = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    const event = toEvent(req, url, body, requestId, match ? `${match.method} ${match.path}` : '$default');
    const context = { awsRequestId: requestId, functionName: 'local', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;
    const result = await (match?.handler ?? fallback)(event, context);
    writeResult(res, result);
  }

  return { isApiPath, handle };
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large' | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return 'too-large';
  }
  // No body announced (a GET, most often): nothing to wait for.
  if (declared === 0 && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

const TEXT_TYPES = /^(application\/(json|problem\+json|x-www-form-urlencoded|xml|csv)|text\/)/i;

export function toEvent(
  req: http.IncomingMessage,
  url: URL,
  body: Buffer | undefined,
  requestId: string,
  routeKey: string,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookies = req.headers.cookie ? req.headers.cookie.split(/;\s*/).filter(Boolean) : undefined;
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  const isText = !body || contentType === '' || TEXT_TYPES.test(contentType);
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: Boolean(body && !isText),
  };
}

function writeResult(res: http.ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  // CloudFront's response headers policy covers the API behaviour too: the same set, locally.
  const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS };
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  const status = result.statusCode ?? 200;
  // As API Gateway does: a Content-Length, not a chunked body (chunked framing cost both ends time);
  // none on a 204 or 304, which have no body.
  if (status !== 204 && status !== 304) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  res.writeHead(status, headers);
  res.end(body);
}
