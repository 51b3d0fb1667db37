// The browser suite in two passes, on one build of the SPA: first every file that tolerates a busy
// machine (E2E_WORKERS at a time, each worker on its own stack); then the files whose subject is
// real time (the dialer's 2-second rule, WebRTC: REAL_TIME_FILES in vitest.e2e.config.ts), one at
// a time. File arguments filter both passes.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (command, env) => spawnSync(process.execPath, command, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (!process.env.E2E_SKIP_BUILD) {
  // The production bundle (a test runner's NODE_ENV=test would make Vite build React's development one).
  const built = run(['node_modules/vite/bin/vite.js', 'build'], { NODE_ENV: 'production' });
  if (built !== 0) process.exit(built);
}
const vitest = (env) => run(['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts', '--passWithNoTests', ...args], { E2E_SKIP_BUILD: '1', ...env });
const parallel = vitest({ E2E_PASS: 'parallel' });
const realTime = vitest({ E2E_PASS: 'real-time', E2E_WORKERS: '1' });
process.exit(parallel || realTime);
