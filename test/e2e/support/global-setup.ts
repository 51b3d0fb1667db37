// Starts the product once for the whole browser suite: SPA built, local stack on a free port,
// fresh data directory, emulators in memory. Stopped when the suite ends.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack, type LocalStack } from '../../../infra/local/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    mailViewerUrl: string;
    adminPassword: string;
  }
}

let stack: LocalStack | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-e2e-'));
  stack = await startLocalStack({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    env: { LOG_LEVEL: 'WARN', PASSWORD_HASH_COST: '10' },
    spa: process.env.E2E_SKIP_BUILD ? 'prebuilt' : 'build',
    ephemeral: true,
    fastRetries: true,
  });
  project.provide('baseUrl', stack.url);
  project.provide('mailViewerUrl', stack.mailViewerUrl);
  project.provide('adminPassword', stack.config.ADMIN_PASSWORD);
}

export async function teardown(): Promise<void> {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
