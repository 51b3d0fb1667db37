import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

const ALL = ['functions/**/*.test.ts', 'shared/**/*.test.ts', 'infra/**/*.test.ts', 'frontend/src/**/*.test.{ts,tsx}'];
const EXCLUDED = ['**/node_modules/**', 'test/e2e/**', 'bench/**'];
/** Test files that need a module graph of their own (see `projects` below). */
const ISOLATED = [
  'infra/**/*.test.ts',
  'functions/src/modules/imports/api.test.ts',
  'functions/src/modules/imports/drop-folder.test.ts',
  'functions/src/modules/imports/import-cli.test.ts',
  'functions/src/modules/leads/pipeline/pipeline.test.ts',
  'functions/src/modules/email/sending/kit.test.ts',
  'functions/src/modules/telephony/calls/consent-announcement.test.ts',
  'functions/src/handlers/*.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@shared': path.join(root, 'shared'),
      '@': path.join(root, 'frontend/src'),
    },
  },
  test: {
    // Most files share their worker's module cache (a third of the suite's time was each file
    // importing the same modules again); files that run the local stack or its emulators, which
    // keep process-wide state, each get a fresh module graph.
    projects: [
      { extends: true, test: { name: 'shared', include: ALL, exclude: [...EXCLUDED, ...ISOLATED], isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, exclude: EXCLUDED, isolate: true } },
    ],
    // One migrated template database for every test file (functions/test/support/test-db.ts).
    globalSetup: ['functions/test/support/database-template.ts'],
    pool: 'forks',
    // At least two files at a time: the default (cores − 1) runs one at a time on a two-core
    // machine and leaves the other core mostly idle (6 min against 5 for the unit suite there).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOG_LEVEL: 'SILENT',
    },
  },
});
