// Starts the product once for the whole browser suite: SPA built, local stack on a free port,
// fresh data directory, emulators in memory. Stopped when the suite ends. The default admin's
// first-run password is changed here, through the API, so every test file finds an ordinary
// signed-in-able admin (a file that tests the first run starts its own stack).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack, type LocalStack } from '../../../infra/local/stack';
import { E2E_ADMIN_PASSWORD, E2E_STACK_ENV, changePasswordViaApi } from './api-session';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    mailViewerUrl: string;
    /** The SES endpoint the stack sends through; `GET <it>/store` lists every message sent. */
    sesEndpoint: string;
    adminUsername: string;
    adminPassword: string;
    /** The stack's Telnyx stand-in, controlled over HTTP (`POST <it>/__standin/outcomes`, `GET <it>/__standin/calls`). */
    telnyxStandinUrl: string;
    /** The AssemblyAI stand-in (`GET <it>/__standin/transcripts`, `POST <it>/__standin/faults`). */
    assemblyaiStandinUrl: string;
    /** The OpenAI stand-in's base URL (`GET <it>/__standin/requests`, `POST <it>/__standin/faults`). */
    openaiStandinUrl: string;
    /** The stack's fake client endpoint for lead delivery (`<it>/hooks/leads` to deliver to, `GET <it>/__client/received`, `POST <it>/__client/faults`). */
    fakeClientUrl: string;
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
    env: { ...E2E_STACK_ENV },
    spa: process.env.E2E_SKIP_BUILD ? 'prebuilt' : 'build',
    ephemeral: true,
    fastRetries: true,
  });
  await changePasswordViaApi(stack.url, {
    login: stack.config.ADMIN_USERNAME,
    currentPassword: stack.config.ADMIN_PASSWORD,
    newPassword: E2E_ADMIN_PASSWORD,
  });
  project.provide('baseUrl', stack.url);
  project.provide('mailViewerUrl', stack.mailViewerUrl);
  project.provide('sesEndpoint', stack.sesEndpoint);
  project.provide('adminUsername', stack.config.ADMIN_USERNAME);
  project.provide('adminPassword', E2E_ADMIN_PASSWORD);
  project.provide('telnyxStandinUrl', stack.telnyx?.url ?? '');
  project.provide('assemblyaiStandinUrl', stack.assemblyai?.url ?? '');
  project.provide('openaiStandinUrl', stack.openai?.baseUrl.replace(/\/v1$/, '') ?? '');
  project.provide('fakeClientUrl', stack.fakeClient.url);
}

export async function teardown(): Promise<void> {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
