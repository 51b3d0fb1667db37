// The local stack killed with SIGKILL in the middle of sending a campaign, then started again on
// the same DATA_DIR: the email sweep (run at start-up) finds the sending campaign whose execution
// is gone and starts a new one, which finishes it. No address gets two copies; the messages in
// flight at the kill (at most one per concurrent batch) are reported `uncertain`, everyone else
// is sent once.
//
// Copies are counted across both runs from SES_SENT_LOG: the SES stand-in appends each message it
// accepts to that file before it answers, so the record survives the kill (the emulator's own
// store lives in the killed process and is lost with it).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, SenderProfile, SendingDomain } from '@shared/contracts/email';
import { newEmailDocument } from '@shared/contracts/email-content';
import type { Segment } from '@shared/contracts/audience';
import { openDatabase } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { insertContacts } from '../../functions/src/modules/compliance/testing';
import { STRONG_PASSWORD } from '../../functions/test/support/identity-fixtures';
import { REPO_ROOT } from './stack';

const RECIPIENTS = 300;
const RATE_PER_SECOND = 10;
const CONCURRENCY = 2;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the local stack killed with SIGKILL mid-campaign', () => {
  let dataDir: string;
  let sentLog: string;
  let port: number;
  let child: ChildProcess | undefined;
  let token = '';

  async function startStack(): Promise<void> {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--no-build'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'SILENT',
        PASSWORD_HASH_COST: '4',
        NODE_ENV: 'production',
        SES_SENT_LOG: sentLog,
        EMAIL_BATCH_SIZE: '50',
        EMAIL_BATCH_CONCURRENCY: String(CONCURRENCY),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('is running')) resolve();
      });
      proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      proc.once('exit', (code) => reject(new Error(`the stack exited (${code}) before it served:\n${output}`)));
    });
  }

  async function killStack(signal: NodeJS.Signals): Promise<void> {
    const proc = child!;
    child = undefined;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  }

  const url = (route: string) => `http://127.0.0.1:${port}${route}`;
  async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(url(route), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  async function signIn(password: string): Promise<void> {
    const res = await fetch(url('/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password }) });
    token = ((await res.json()) as { accessToken: string }).accessToken;
  }
  async function waitForCampaign(id: string, until: (c: Campaign) => boolean, timeoutMs: number): Promise<Campaign> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const campaign = await call<Campaign>('GET', `/api/email/campaigns/${id}`);
      if (until(campaign) || Date.now() > deadline) return campaign;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-email-crash-'));
    sentLog = path.join(dataDir, 'ses-sent.jsonl');
    port = await freePort();
    // The audience goes straight into the database the stack will open.
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') });
    try {
      await migrateDatabase(db);
      await insertContacts(db.db, Array.from({ length: RECIPIENTS }, (_, i) => ({ email: `reader${i}@firm${i % 9}.example`, country: 'PT' })));
    } finally {
      await db.close();
    }
    await startStack();
    await signIn('Admin123!');
    token = (await call<{ accessToken: string }>('POST', '/api/auth/password', { currentPassword: 'Admin123!', newPassword: STRONG_PASSWORD })).accessToken;
  }, 180_000);

  afterAll(async () => {
    if (child) await killStack('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the campaign after the restart with nobody sent twice', async () => {
    const domain = await call<SendingDomain>('POST', '/api/email/domains', { domain: 'mail.firm-example.com' });
    await call('POST', `/api/email/domains/${domain.id}/refresh`);
    const sender = await call<SenderProfile>('POST', '/api/email/sender-profiles', {
      name: 'Slow sender',
      fromName: 'Firm',
      fromAddress: 'news@mail.firm-example.com',
      postalAddress: '2 Rua Augusta, Lisboa',
      ratePerSecond: RATE_PER_SECOND,
    });
    const segment = await call<Segment>('POST', '/api/segments', { name: 'Portugal', filter: { type: 'and', conditions: [{ field: 'country', op: 'eq', value: 'PT' }] } });
    let campaign = await call<Campaign>('POST', '/api/email/campaigns', { name: 'Kill me', audience: { kind: 'segment', id: segment.id }, senderProfileId: sender.id });
    campaign = await call<Campaign>('PUT', `/api/email/campaigns/${campaign.id}/variants/${campaign.variants[0]!.id}`, {
      mode: 'blocks',
      document: newEmailDocument(),
      subject: 'Quarterly notes for you',
      preheader: '',
    });
    await call('POST', `/api/email/campaigns/${campaign.id}/schedule`, { schedule: { kind: 'now' }, version: campaign.version });

    // Killed mid-way: some sent, most not.
    const before = await waitForCampaign(campaign.id, (c) => c.counts.sent >= 60, 60_000);
    expect(before.status).toBe('sending');
    await killStack('SIGKILL');

    await startStack();
    await signIn(STRONG_PASSWORD);
    const after = await waitForCampaign(campaign.id, (c) => c.status !== 'sending', 120_000);
    expect(after.status).toBe('sent');
    expect(after.counts.sent).toBeGreaterThan(before.counts.sent);
    expect(after.counts.uncertain).toBeLessThanOrEqual(CONCURRENCY);
    expect(after.counts.sent + after.counts.uncertain).toBe(RECIPIENTS);
    expect(after.counts.failed).toBe(0);

    const lines = (await readFile(sentLog, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { destination: string[]; tags: Record<string, string> });
    const copies = new Map<string, number>();
    for (const l of lines.filter((l) => l.tags.campaign === campaign.id)) for (const to of l.destination) copies.set(to, (copies.get(to) ?? 0) + 1);
    expect(Math.max(...copies.values())).toBe(1);
    // Everyone sent has their one copy; an uncertain one has at most one.
    expect(copies.size).toBeGreaterThanOrEqual(after.counts.sent);
    expect(copies.size).toBeLessThanOrEqual(RECIPIENTS);
  }, 300_000);
});
