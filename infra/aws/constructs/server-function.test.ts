import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../settings';
import { bundleServer, handlerEntries, handlerOf, HANDLERS_DIR, MIGRATIONS_DIR, MUPDF_WASM } from './server-function';

describe('the server bundle', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pivotal-bundle-'));
    dirs.push(dir);
    return dir;
  };
  let out: string;

  beforeAll(() => {
    out = tempDir();
    // Two real handlers that share the database layer; the content one loads mupdf (its WebAssembly).
    bundleServer(out, { entries: [`${HANDLERS_DIR}/cognito-pre-token.ts`, `${HANDLERS_DIR}/content.ts`] });
  }, 120_000);

  afterAll(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('has one ES module per entry, named as its handler says, with the shared code in chunks and source maps', () => {
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['cognito-pre-token.mjs', 'content.mjs', 'cognito-pre-token.mjs.map', 'content.mjs.map']));
    expect(files.filter((f) => /^chunk-.+\.mjs$/.test(f)).length).toBeGreaterThan(0);
    expect(handlerOf(`${HANDLERS_DIR}/cognito-pre-token.ts`)).toBe('cognito-pre-token.handler');
    // The two entries share the database layer: it is in a chunk, not copied into each.
    expect(statSync(path.join(out, 'cognito-pre-token.mjs')).size).toBeLessThan(100_000);
  });

  it('loads under Node as Lambda loads it, with require available to CommonJS dependencies', async () => {
    const loaded = (await import(pathToFileURL(path.join(out, 'cognito-pre-token.mjs')).href)) as { handler?: unknown };
    expect(typeof loaded.handler).toBe('function');
  });

  it('puts mupdf’s WebAssembly beside the chunk that loads it, and the migrations where the migrate function reads them', () => {
    const wasm = path.basename(MUPDF_WASM);
    expect(statSync(path.join(out, wasm)).size).toBe(statSync(path.join(REPO_ROOT, MUPDF_WASM)).size);
    const loader = readdirSync(out).find((f) => f.endsWith('.mjs') && readFileSync(path.join(out, f), 'utf8').includes(wasm));
    expect(loader).toBeDefined();
    expect(readdirSync(path.join(out, 'migrations')).sort()).toEqual(readdirSync(path.join(REPO_ROOT, MIGRATIONS_DIR)).sort());
  });

  it('fails when an entry does not build', () => {
    expect(() => bundleServer(tempDir(), { entries: [`${HANDLERS_DIR}/no-such-handler.ts`] })).toThrow();
  });

  it('bundles every handler in the handlers folder and none of its tests', () => {
    const entries = handlerEntries();
    expect(entries).toContain(`${HANDLERS_DIR}/migrate.ts`);
    expect(entries).toContain(`${HANDLERS_DIR}/dialer-tick.ts`);
    expect(entries.some((e) => e.endsWith('.test.ts'))).toBe(false);
  });
});
