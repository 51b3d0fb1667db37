// Calls a Lambda HTTP handler the way API Gateway (and the local gateway) does, with an
// APIGatewayProxyEventV2 built from a method, path, headers and body.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { HttpHandler } from '../../src/http/create-http-handler';

export interface InvokeRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  cookies?: string[];
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  token?: string;
}

export interface InvokeResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  text: string;
  json: T;
}

export function buildEvent(request: InvokeRequest): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers ?? {})) headers[k.toLowerCase()] = v;
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  const query = request.query ?? {};
  const rawQueryString = new URLSearchParams(query).toString();
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: request.path,
    rawQueryString,
    ...(request.cookies?.length ? { cookies: request.cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: request.method, path: request.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}

export async function invoke<T = unknown>(handler: HttpHandler, request: InvokeRequest): Promise<InvokeResponse<T>> {
  const result = await handler(buildEvent(request), { awsRequestId: randomUUID() } as unknown as Context);
  const text = result.body ?? '';
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { status: result.statusCode ?? 200, headers, cookies: result.cookies ?? [], text, json: json as T };
}
