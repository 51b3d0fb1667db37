import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './static-files';

let base: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'static-files-'));
  await mkdir(path.join(base, 'dist', 'assets'), { recursive: true });
  await mkdir(path.join(base, 'dist-old'), { recursive: true });
  await writeFile(path.join(base, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(base, 'dist', 'assets', 'app-1234.js'), 'console.log(1)');
  // A sibling whose name starts with the root's: outside dist/, it must never be served.
  await writeFile(path.join(base, 'dist-old', 'secret.txt'), 'not for the web');
  await writeFile(path.join(base, 'secret.txt'), 'not for the web either');
  const serve = createStaticHandler(path.join(base, 'dist'));
  server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(base, { recursive: true, force: true });
});

/** Sends the path exactly as written (no client-side normalisation of `..` or `%2f`). */
function get(rawPath: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local static file server', () => {
  it('serves hashed assets for a year and the app shell for client routes', async () => {
    const asset = await get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expect(asset.headers['cache-control']).toContain('immutable');
    const route = await get('/accounts/123');
    expect(route.body).toContain('<title>app</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.headers['x-frame-options']).toBe('DENY');
  });

  it('answers a missing hashed asset 404, never the app shell cached for a year', async () => {
    const missing = await get('/assets/app-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.body).not.toContain('<title>app</title>');
    expect(missing.headers['cache-control']).not.toContain('immutable');
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the security headers CloudFront sends, HSTS included', async () => {
    for (const res of [await get('/'), await get('/assets/app-1234.js')]) {
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('never serves a file outside its root, however the path is encoded', async () => {
    for (const attempt of ['/..%2fdist-old/secret.txt', '/..%2f..%2fdist-old%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const res = await get(attempt);
      expect(res.body, attempt).not.toContain('not for the web');
      expect(res.body, attempt).toContain('<title>app</title>');
    }
  });
});
