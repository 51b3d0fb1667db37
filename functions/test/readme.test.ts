// The README is what a new user reads first (fresh clone, nothing else): its opening must say what
// the product does today, module by module, and the browser suite must say what it needs installed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const opening = readme.slice(0, readme.indexOf('## '));

describe('the README', () => {
  it('says in its opening what works today, naming every module in the app', () => {
    expect(opening).toMatch(/\*\*What works today:\*\*/);
    for (const today of ['accounts and contacts', 'CSV imports', 'segments', 'suppressions', 'email campaigns', 'telemarketing', 'lead QA', 'client portal', 'content and social']) expect(opening).toContain(today);
    // Every module is in the app: nothing is announced as still to come.
    expect(opening).not.toMatch(/\*\*Being built:\*\*/);
  });

  it('says the browser suite needs Debian’s chromium and that .ci/run installs it', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| `npm run test:e2e`'));
    expect(row).toContain('apt-get install -y chromium');
    expect(row).toContain('.ci/run');
  });
});
