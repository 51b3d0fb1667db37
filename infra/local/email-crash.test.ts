// The local stack killed with SIGKILL in the middle of sending a campaign, then started again on
// the same DATA_DIR: the email sweep (run at start-up) finds the sending campaign whose execution
// is gone and starts a new one, which finishes it. No address gets two copies; the messages in
// flight at the kill (at most one per concurrent batch) are reported `uncertain`, everyone else
// is sent once.
//
// Copies are counted across both runs from SES_SENT_LOG: the SES stand-in appends each message it
// accepts to that file before it answers, so the record survives the kill (the emulator's own
// store lives in the killed process and is lost with it).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, SenderProfile, SendingDomain } from '@shared/contracts/email';
import { newEmailDocument } from '@shared/contracts/email-content';
import type { Segment } from '@shared/contracts/audience';
import { openDatabase } from '../../functions/src/db/connection';
import { migrateDatabase } from '../../functions/src/db/migrate';
import { insertContacts } from '../../functions/src/modules/compliance/testing';
import { STRONG_PASSWORD } from '../../functions/test/support/identity-fixtures';
import { freePort, StackProcess } from './testing';

const RECIPIENTS = 300;
const RATE_PER_SECOND = 10;
const CONCURRENCY = 2;

describe('the local stack killed with SIGKILL mid-campaign', () => {
  let dataDir: string;
  let sentLog: string;
  let stack: StackProcess;
  const call = <T>(method: string, route: string, body?: unknown) => stack.api.call<T>(method, route, body);

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
    // The audience goes straight into the database the stack will open.
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') });
    try {
      await migrateDatabase(db);
      await insertContacts(db.db, Array.from({ length: RECIPIENTS }, (_, i) => ({ email: `reader${i}@firm${i % 9}.example`, country: 'PT' })));
    } finally {
      await db.close();
    }
    stack = new StackProcess(await freePort(), {
      DATA_DIR: dataDir,
      SES_SENT_LOG: sentLog,
      EMAIL_BATCH_SIZE: '50',
      EMAIL_BATCH_CONCURRENCY: String(CONCURRENCY),
    });
    await stack.start();
    await stack.firstSignIn(STRONG_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await stack.kill('SIGKILL');
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
    await stack.kill('SIGKILL');

    await stack.start();
    await stack.signIn(STRONG_PASSWORD);
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
