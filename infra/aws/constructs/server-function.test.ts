import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../settings';
import { afterBundlingCommands, MIGRATIONS_DIR, MUPDF_WASM } from './server-function';

describe('what is copied beside a bundle', () => {
  const dirs: string[] = [];
  const bundle = (code: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pivotal-bundle-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'index.mjs'), code);
    return dir;
  };
  const run = (commands: string[]) => execFileSync('bash', ['-c', commands.join(' && ')], { stdio: 'pipe' });

  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('puts mupdf’s WebAssembly beside a bundle that loads it', () => {
    const out = bundle('var D=()=>new URL("mupdf-wasm.wasm",import.meta.url).href;export{D};');
    run(afterBundlingCommands(REPO_ROOT, out));
    expect(readdirSync(out).sort()).toEqual(['index.mjs', 'mupdf-wasm.wasm']);
    expect(statSync(path.join(out, 'mupdf-wasm.wasm')).size).toBe(statSync(path.join(REPO_ROOT, MUPDF_WASM)).size);
  });

  it('leaves it out of the bundles that do not, and copies the migrations only for the migrate function', () => {
    const plain = bundle('export const handler = async () => 1;');
    run(afterBundlingCommands(REPO_ROOT, plain));
    expect(readdirSync(plain)).toEqual(['index.mjs']);
    const migrate = bundle('export const handler = async () => 1;');
    run(afterBundlingCommands(REPO_ROOT, migrate, { withMigrations: true }));
    expect(readdirSync(migrate).sort()).toEqual(['index.mjs', 'migrations']);
    expect(readdirSync(path.join(migrate, 'migrations')).sort()).toEqual(readdirSync(path.join(REPO_ROOT, MIGRATIONS_DIR)).sort());
  });

  it('fails the build when a bundle needs the WebAssembly and it is not installed', () => {
    const out = bundle('new URL("mupdf-wasm.wasm",import.meta.url)');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'pivotal-root-'));
    dirs.push(elsewhere);
    expect(() => run(afterBundlingCommands(elsewhere, out))).toThrow();
    expect(existsSync(path.join(out, 'mupdf-wasm.wasm'))).toBe(false);
  });
});
