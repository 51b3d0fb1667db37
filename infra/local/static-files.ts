// Serves the built SPA from dist/: hashed assets cached for a year (a missing one is a 404),
// everything else answered with index.html (client-side routes), with the security headers
// CloudFront adds on AWS. SECURITY_HEADERS is their one definition: the CDK construct and the
// local gateway's API answers read it too.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** HSTS max-age, a year: SpaHosting gives CloudFront the same. */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export const SECURITY_HEADERS: Record<string, string> = {
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/**
 * The content security policy with connect-src widened to the given origins (the browser uploads
 * imports straight to S3 through presigned URLs, another origin than the app's) and media-src to
 * others (call recordings play from presigned S3 URLs).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = [], mediaSources: readonly string[] = []): string {
  let csp = SECURITY_HEADERS['content-security-policy']!;
  if (connectSources.length) csp = csp.replace("connect-src 'self'", `connect-src 'self' ${connectSources.join(' ')}`);
  if (mediaSources.length) csp = csp.replace("font-src 'self' data:;", `font-src 'self' data:; media-src 'self' ${mediaSources.join(' ')};`);
  return csp;
}

export function securityHeaders(connectSources: readonly string[] = [], mediaSources: readonly string[] = []): Record<string, string> {
  if (!connectSources.length && !mediaSources.length) return SECURITY_HEADERS;
  return { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy(connectSources, mediaSources) };
}

export function createStaticHandler(root: string, options: { connectSources?: readonly string[]; mediaSources?: readonly string[] } = {}) {
  const resolvedRoot = path.resolve(root);
  const headers = securityHeaders(options.connectSources, options.mediaSources);
  return async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    let file = path.resolve(resolvedRoot, `.${pathname}`);
    // Inside the root means under root + separator: a bare prefix test would let `/..%2fdist-old/x`
    // reach the sibling folder dist-old/.
    if (!file.startsWith(resolvedRoot + path.sep)) file = path.join(resolvedRoot, 'index.html');
    let info = await stat(file).catch(() => null);
    // A missing hashed asset is a stale or mistyped URL: answering the shell would be cached for a year.
    if (!info?.isFile() && pathname.startsWith('/assets/')) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('Not found.');
      return;
    }
    if (!info?.isFile()) {
      file = path.join(resolvedRoot, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The web app is not built yet: run `npm run build`.');
      return;
    }
    const hashed = pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}
