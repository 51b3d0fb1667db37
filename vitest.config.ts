import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: {
      '@shared': path.join(root, 'shared'),
      '@': path.join(root, 'frontend/src'),
    },
  },
  test: {
    include: ['functions/**/*.test.ts', 'shared/**/*.test.ts', 'infra/**/*.test.ts', 'frontend/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'bench/**'],
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
