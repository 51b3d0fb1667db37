// One browser-suite stack in its own process (so two stacks use two cores): started with a fresh
// data directory and the prebuilt SPA, its admin's first-run password changed through the API,
// then its addresses printed as one `E2E_STACK <json>` line. It stops, and removes its data, on
// SIGTERM or when the suite that started it goes away (stdin closes).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack } from '../../../infra/local/stack';
import { E2E_ADMIN_PASSWORD, E2E_STACK_ENV, changePasswordViaApi } from './api-session';
import type { E2eStack } from './stack';

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-e2e-'));
  const stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: { ...E2E_STACK_ENV, ...(process.env.E2E_LOG_LEVEL ? { LOG_LEVEL: process.env.E2E_LOG_LEVEL } : {}) }, spa: 'prebuilt', ephemeral: true, fastRetries: true });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await stack.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
      process.exit(0);
    })());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
  await changePasswordViaApi(stack.url, { login: stack.config.ADMIN_USERNAME, currentPassword: stack.config.ADMIN_PASSWORD, newPassword: E2E_ADMIN_PASSWORD });
  const info: E2eStack = {
    baseUrl: stack.url,
    mailViewerUrl: stack.mailViewerUrl,
    sesEndpoint: stack.sesEndpoint,
    adminUsername: stack.config.ADMIN_USERNAME,
    adminPassword: E2E_ADMIN_PASSWORD,
    telnyxStandinUrl: stack.telnyx?.url ?? '',
    assemblyaiStandinUrl: stack.assemblyai?.url ?? '',
    openaiStandinUrl: stack.openai?.baseUrl.replace(/\/v1$/, '') ?? '',
    fakeClientUrl: stack.fakeClient.url,
    socialStandinUrl: stack.social?.url ?? '',
    resourcesCentreStandinUrl: stack.resourcesCentre.url,
  };
  process.stdout.write(`E2E_STACK ${JSON.stringify(info)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
