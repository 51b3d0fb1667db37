// The browser suite: each worker on its own local stack (a process on a free port with a fresh
// data dir, started in the global setup), Debian's Chromium driven by playwright-core, axe-core on
// every page. E2E_WORKERS sets how many files run at once: one by default, because on two cores
// the suite is bound by the processor (two at a time took 25 min against 27 one at a time, and
// the dialer's 2-second rule does not hold on a saturated machine).
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { E2eSequencer } from './test/e2e/support/sequencer';

/** Files whose subject is real time (the dialer's 2-second rule, WebRTC, a lead from a dialled call): run alone, after the others. */
const REAL_TIME_FILES = ['test/e2e/telephony-dialer.e2e.test.ts', 'test/e2e/telnyx-webrtc.e2e.test.ts', 'test/e2e/leads-qa.e2e.test.ts'];

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: { alias: { '@shared': path.join(root, 'shared') } },
  test: {
    // scripts/e2e.mjs runs two passes: the real-time files alone, after the others.
    include: process.env.E2E_PASS === 'real-time' ? REAL_TIME_FILES : ['test/e2e/**/*.e2e.test.ts'],
    exclude: process.env.E2E_PASS === 'parallel' ? REAL_TIME_FILES : [],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: Number(process.env.E2E_WORKERS ?? '1') || 1,
    sequence: { sequencer: E2eSequencer },
    testTimeout: 90_000,
    hookTimeout: 180_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
