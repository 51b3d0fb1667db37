import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../functions/src/db/rows';
import { issueAccessToken } from '../../functions/src/modules/identity';
import { makeUser } from '../../functions/test/support/identity-fixtures';
import { REPO_ROOT, startLocalStack, type LocalStack } from './stack';

const baseEnv = { LOG_LEVEL: 'SILENT' };

/** An admin's access token on this stack, for the health report (the public answer is the status only). */
async function adminToken(stack: LocalStack): Promise<string> {
  const admin = await makeUser(stack.deps, { roles: ['admin'] });
  return (await issueAccessToken(stack.deps, { id: admin.id, roles: ['admin'], orgId: null, tokenVersion: 0, sessionId: null })).accessToken;
}

describe('the local stack', () => {
  let stack: LocalStack;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-stack-'));
    stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: baseEnv, spa: 'none', ephemeral: true });
  });
  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports every dependency healthy through a real round trip', async () => {
    const open = await fetch(`${stack.url}/api/health`);
    expect(open.status).toBe(200);
    expect(await open.json()).toEqual({ status: 'ok' });
    const res = await fetch(`${stack.url}/api/health/details`, { headers: { authorization: `Bearer ${await adminToken(stack)}` } });
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(res.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(['db', 'dynamo', 'email', 's3', 'workflows']);
    for (const check of Object.values(body.checks)) expect(check.status).toBe('ok');
  });

  it('answers 503 when a dependency is down', async () => {
    const other = await startLocalStack({
      port: 0,
      host: '127.0.0.1',
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'pivotal-stack-down-')),
      env: baseEnv,
      spa: 'none',
      ephemeral: true,
    });
    try {
      other.deps.aws.s3.config.endpoint = async () => ({ hostname: '127.0.0.1', port: 9, protocol: 'http:', path: '/' });
      const open = await fetch(`${other.url}/api/health`);
      expect(open.status).toBe(503);
      expect(await open.json()).toEqual({ status: 'degraded' });
      const res = await fetch(`${other.url}/api/health/details`, { headers: { authorization: `Bearer ${await adminToken(other)}` } });
      const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
      expect(res.status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.checks.s3!.status).toBe('fail');
      expect(body.checks.db!.status).toBe('ok');
    } finally {
      await other.stop();
    }
  });

  it('answers unknown API paths with 404 problem+json through the gateway', async () => {
    const res = await fetch(`${stack.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    // The security headers CloudFront adds to API answers on AWS.
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const body = (await res.json()) as { status: number; type: string };
    expect(body.status).toBe(404);
  });

  it('sends API bodies with a Content-Length, as API Gateway does, and none on a 204', async () => {
    const raw = (method: string, pathname: string) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = http.request(`${stack.url}${pathname}`, { method }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end();
      });
    const problem = await raw('GET', '/api/nope');
    expect(problem.status).toBe(404);
    expect(problem.headers['transfer-encoding']).toBeUndefined();
    expect(problem.headers['content-length']).toBe(String(problem.body.length));
    const health = await raw('GET', '/api/health');
    expect(health.headers['content-length']).toBe(String(health.body.length));

    const loggedOut = await raw('POST', '/api/auth/logout');
    expect(loggedOut.status).toBe(204);
    expect(loggedOut.headers['content-length']).toBeUndefined();
    expect(loggedOut.body.length).toBe(0);
  });

  it('refuses a body larger than the gateway accepts with 413', async () => {
    const res = await fetch(`${stack.url}/api/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(11 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });
});

describe('local data', () => {
  it('survives a stop and a start (database, DynamoDB, S3)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-persist-'));
    try {
      const first = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: baseEnv, spa: 'none' });
      await first.deps.db.execute(sql`insert into bootstrap_tasks (name) values ('persistence-check')`);
      await first.deps.aws.dynamo.send(
        new PutItemCommand({ TableName: first.config.TABLE_NAME, Item: { pk: { S: 'check' }, sk: { S: 'one' }, v: { S: 'kept' } } }),
      );
      await first.deps.aws.s3.send(
        new PutObjectCommand({ Bucket: first.config.BUCKET_NAME, Key: 'checks/one.txt', Body: 'kept', ContentType: 'text/plain' }),
      );
      await first.stop();

      const second = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: baseEnv, spa: 'none' });
      try {
        const row = await queryOne<{ name: string }>(second.deps.db, sql`select name from bootstrap_tasks where name = 'persistence-check'`);
        expect(row?.name).toBe('persistence-check');
        const item = await second.deps.aws.dynamo.send(
          new GetItemCommand({ TableName: second.config.TABLE_NAME, Key: { pk: { S: 'check' }, sk: { S: 'one' } } }),
        );
        expect(item.Item?.v?.S).toBe('kept');
        const object = await second.deps.aws.s3.send(new GetObjectCommand({ Bucket: second.config.BUCKET_NAME, Key: 'checks/one.txt' }));
        expect(await object.Body!.transformToString()).toBe('kept');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** Runs `npm start`'s entry point with the given environment and collects what it says. */
function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'infra/local/start.ts'), '--no-build'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('start-up with a bad setting', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'pivotal-bad-'));
  });
  afterAll(async () => rm(scratch, { recursive: true, force: true }));

  it('stops with one line naming a malformed DATABASE_URL', async () => {
    const result = await runStart({ DATABASE_URL: 'postgress:/oops', DATA_DIR: path.join(scratch, 'a'), PORT: '0' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^✖ DATABASE_URL must look like postgres:\/\//);
  });

  it('stops with one line when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runStart({ PORT: String(port), DATA_DIR: path.join(scratch, 'b') });
      expect(result.code).toBe(1);
      expectOneClearLine(result.stderr, new RegExp(`^✖ Port ${port} is already in use: .*set PORT`));
    } finally {
      blocker.close();
    }
  });

  it('stops with one line when DATA_DIR cannot be written', async () => {
    const file = path.join(scratch, 'a-file');
    await writeFile(file, 'not a folder');
    const result = await runStart({ DATA_DIR: path.join(file, 'data'), PORT: '0' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^✖ DATA_DIR ".*" is not writable \(ENOTDIR\): set DATA_DIR/);
  });

  it('stops with one line when the database server cannot be reached', async () => {
    const result = await runStart({ DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none', DATA_DIR: path.join(scratch, 'c'), PORT: '0' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^✖ Cannot reach the database in DATABASE_URL \(127\.0\.0\.1:9\/none, ECONNREFUSED\)/);
  });
});
