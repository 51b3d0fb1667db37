import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startLocalStack, type LocalStack } from '../../../../infra/local/stack';
import { queryRows } from '../../db/rows';
import { makeUser, STRONG_PASSWORD } from '../../../test/support/identity-fixtures';
import { person, templateCsv } from './fixtures/template-header';

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/import.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('npm run import (the command line, through the running stack)', () => {
  let stack: LocalStack;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-cli-'));
    stack = await startLocalStack({
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      env: { LOG_LEVEL: 'SILENT', PASSWORD_HASH_COST: '4' },
      spa: 'none',
      ephemeral: true,
      fastRetries: true,
    });
    const user = await makeUser(stack.deps, { roles: ['campaign_manager'] });
    env = { CRM_USERNAME: user.username, CRM_PASSWORD: STRONG_PASSWORD };
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads, follows the job and prints the summary as one JSON line', async () => {
    const file = path.join(dir, 'leads.csv');
    await writeFile(file, templateCsv([person(1), person(2), person(3, { Email: 'oops' })]));
    const dry = await runCli([file, '--api', stack.url, '--poll-ms', '100', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout.trim())).toMatchObject({ dryRun: true, rows: 3, inserted: 2, skipped: 0, failed: 1 });
    expect(await queryRows(stack.deps.db, sql`SELECT 1 FROM contacts`)).toEqual([]);

    const run = await runCli([file, '--api', stack.url, '--poll-ms', '100'], env);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['jobId', 'dryRun', 'rows', 'inserted', 'updated', 'unchanged', 'skipped', 'failed', 'suppressed', 'unmapped']);
    // A failed row is not also skipped: the figures add up to the rows.
    expect(summary).toMatchObject({ dryRun: false, rows: 3, inserted: 2, updated: 0, unchanged: 0, skipped: 0, failed: 1, suppressed: 0, unmapped: [] });
    expect(await queryRows(stack.deps.db, sql`SELECT email FROM contacts ORDER BY email`)).toEqual([
      { email: 'person1@acme1.com' },
      { email: 'person2@acme2.com' },
    ]);
  });

  it('exits non-zero when the file is refused', async () => {
    const file = path.join(dir, 'empty-rows.csv');
    await writeFile(file, 'Email,Full Name\r\n');
    const res = await runCli([file, '--api', stack.url, '--poll-ms', '100'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/refused: The file has a header row but no data rows/);
    expect(JSON.parse(res.stdout.trim())).toEqual({ refused: expect.stringMatching(/header row but no data rows/) });
  });

  it('maps columns named on the command line, reads national numbers in the default country, and lists unmapped columns', async () => {
    const file = path.join(dir, 'hand-made.csv');
    await writeFile(file, 'Correo de trabajo,Nombre completo,Tel,Favourite Colour\r\nana@iberia.example,Ana Ruiz,020 7946 0958,Blue\r\n');
    const res = await runCli(
      [file, '--api', stack.url, '--poll-ms', '100', '--map', 'Correo de trabajo=Email', '--map', 'Tel=contact.directPhone', '--map', 'nombre completo=Full Name', '--default-country', 'gb'],
      env,
    );
    expect(res.code).toBe(0);
    const summary = JSON.parse(res.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(summary).toMatchObject({ rows: 1, inserted: 1, failed: 0, unmapped: ['Favourite Colour'] });
    expect(res.stderr).toMatch(/unmapped column "Favourite Colour": kept as the new custom field contact\.custom\.favourite_colour/);
    expect(await queryRows(stack.deps.db, sql`SELECT email, full_name, direct_phone FROM contacts WHERE email = 'ana@iberia.example'`)).toEqual([
      { email: 'ana@iberia.example', full_name: 'Ana Ruiz', direct_phone: '+442079460958' },
    ]);

    const merged = path.join(dir, 'merged.csv');
    await writeFile(merged, 'Email,Company Name,Company Domain\r\nzed@acme1.com,Globex Corporation,acme1.com\r\n');
    const mergedRun = await runCli([merged, '--api', stack.url, '--poll-ms', '100'], env);
    expect(mergedRun.code).toBe(0);
    expect(mergedRun.stderr).toMatch(/row 2: Company name differs from the account's: "Globex Corporation" in the file, "Acme 1" on the account of acme1\.com/);

    const wrong = await runCli([file, '--api', stack.url, '--map', 'Tel=Shoe Size'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/"Shoe Size" is not a template field/);
  });

  it('exits non-zero without credentials', async () => {
    const res = await runCli([path.join(dir, 'leads.csv'), '--api', stack.url], { CRM_USERNAME: '', CRM_PASSWORD: '' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/CRM_USERNAME/);
  });
});
