// Starts the product for the browser suite: the SPA built once, then one local stack per worker
// (E2E_WORKERS, default 1), each in its own process on a free port with a fresh data directory
// and emulators in memory, so files running at once never share data or a CPU. The default
// admin's first-run password is changed through the API, so every test file finds an ordinary
// signed-in-able admin (a file that tests the first run starts its own stack). Stopped when the
// suite ends.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { TestProject } from 'vitest/node';
import type { E2eStack } from './stack';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const children: ChildProcess[] = [];

/** How many files run at once, each on its own stack. */
export function e2eWorkers(): number {
  const n = Number(process.env.E2E_WORKERS ?? '1');
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

async function buildSpa(): Promise<void> {
  const { build } = await import('vite');
  // The production bundle: a test runner sets NODE_ENV=test, and Vite would build React's development one.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

function startStack(): Promise<E2eStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/e2e/support/stack-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('E2E_STACK ')) resolve(JSON.parse(line.slice('E2E_STACK '.length)) as E2eStack);
      else process.stdout.write(`${line}\n`);
    });
    child.once('exit', (code) => reject(new Error(`a browser-suite stack exited with ${code} before it was ready`)));
    child.once('error', reject);
  });
}

export async function setup(project: TestProject): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!process.env.E2E_SKIP_BUILD) await buildSpa();
  const stacks = await Promise.all(Array.from({ length: e2eWorkers() }, () => startStack()));
  project.provide('stacks', stacks);
}

export async function teardown(): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
        }),
    ),
  );
}
