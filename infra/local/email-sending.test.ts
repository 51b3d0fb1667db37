// A campaign sent end to end through the local stack: a sending domain (the SES stand-in verifies
// it), a sender profile, a 200-contact segment of which some are suppressed and some over the
// contact policy (one email a week, and a recent send), content with a personalized greeting and
// a button, a green pre-flight, send now. The SES emulator's store then holds exactly the
// admitted recipients, each once, with the RFC 8058 headers and their own greeting.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign, SenderProfile, SendingDomain } from '@shared/contracts/email';
import { newEmailDocument, type PreflightItem } from '@shared/contracts/email-content';
import type { PolicyVersion } from '@shared/contracts/activity';
import type { Segment } from '@shared/contracts/audience';
import { recordTouches } from '../../functions/src/modules/activity';
import { insertContacts, insertSuppressions } from '../../functions/src/modules/compliance/testing';
import { issueAccessToken } from '../../functions/src/modules/identity';
import { makeUser } from '../../functions/test/support/identity-fixtures';
import { startLocalStack, type LocalStack } from './stack';
import { apiCaller } from './testing';

interface StoredMail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: Array<{ name: string; value: string }>;
}

const CONTACTS = 200;
const SUPPRESSED = [3, 17, 42, 99, 150];
const RECENTLY_SENT = [5, 60, 120, 180];

describe('an email campaign sent through the local stack', () => {
  let stack: LocalStack;
  let dataDir: string;
  let token = '';
  const call = <T>(method: string, route: string, body?: unknown) => apiCaller(stack.url, () => token).call<T>(method, route, body);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pivotal-email-'));
    stack = await startLocalStack({ port: 0, host: '127.0.0.1', dataDir, env: { LOG_LEVEL: 'SILENT' }, spa: 'none', ephemeral: true, fastRetries: true });
    const admin = await makeUser(stack.deps, { roles: ['admin'] });
    token = (await issueAccessToken(stack.deps, { id: admin.id, roles: ['admin'], orgId: null, tokenVersion: 0, sessionId: null })).accessToken;
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends each admitted recipient one personalized message with the unsubscribe headers, and nobody else', async () => {
    const domain = await call<SendingDomain>('POST', '/api/email/domains', { domain: 'news.acme-example.com' });
    await call('POST', `/api/email/domains/${domain.id}/refresh`);
    const sender = await call<SenderProfile>('POST', '/api/email/sender-profiles', {
      name: 'Acme news',
      fromName: 'Acme',
      fromAddress: 'hello@news.acme-example.com',
      postalAddress: '1 Main St, Springfield',
      ratePerSecond: 50,
    });

    // The segment: French contacts (and a few elsewhere, who are not in it).
    const email = (i: number) => `buyer${i}@company${i % 7}.example`;
    const ids = await insertContacts(stack.deps.db, [
      ...Array.from({ length: CONTACTS }, (_, i) => ({ email: email(i), fullName: `Camille${i} Martin`, country: 'FR' })),
      ...Array.from({ length: 10 }, (_, i) => ({ email: `elsewhere${i}@example.org`, country: 'DE' })),
    ]);
    await stack.deps.db.execute(sql`update contacts set first_name = split_part(full_name, ' ', 1) where full_name like 'Camille%'`);
    const segment = await call<Segment>('POST', '/api/segments', { name: 'France', filter: { type: 'and', conditions: [{ field: 'country', op: 'eq', value: 'FR' }] } });

    // Suppressed addresses, and a policy of one email a week with a recent send to a few.
    await insertSuppressions(
      stack.deps.db,
      SUPPRESSED.map((i) => ({ type: 'email' as const, value: email(i), reason: 'unsubscribe' as const, source: 'test', note: null })),
      { createdBy: null, at: new Date() },
    );
    const policy = await call<PolicyVersion>('GET', '/api/policy');
    await call('PUT', '/api/policy', { rules: { limits: [{ channel: 'email', max: 1, windowHours: 168 }], quietPeriods: [], accountCaps: [] }, basedOn: policy.version });
    await recordTouches(
      stack.deps.db,
      RECENTLY_SENT.map((i) => ({ sourceEventId: `earlier:${i}`, channel: 'email' as const, kind: 'sent' as const, contactId: ids[i]!, occurredAt: new Date(Date.now() - 86_400_000).toISOString() })),
    );

    let campaign = await call<Campaign>('POST', '/api/email/campaigns', { name: 'Spring launch', audience: { kind: 'segment', id: segment.id }, senderProfileId: sender.id });
    campaign = await call<Campaign>('PUT', `/api/email/campaigns/${campaign.id}/variants/${campaign.variants[0]!.id}`, {
      mode: 'blocks',
      document: newEmailDocument(),
      subject: 'Our spring launch, {{ contact.first_name | default: "friend" }}',
      preheader: 'Three new things',
    });
    const { items } = await call<{ items: PreflightItem[] }>('POST', `/api/email/campaigns/${campaign.id}/preflight`);
    expect(items.filter((i) => i.status === 'red')).toEqual([]);
    const admittedCount = CONTACTS - SUPPRESSED.length - RECENTLY_SENT.length;
    expect(items.find((i) => i.id === 'audience')?.reason).toBe(`${admittedCount} of ${CONTACTS} would be sent to; ${SUPPRESSED.length + RECENTLY_SENT.length} left out by the contact gate.`);
    expect(items.find((i) => i.id === 'dry_render')).toMatchObject({ status: 'green' });

    await call('POST', `/api/email/campaigns/${campaign.id}/schedule`, { schedule: { kind: 'now' }, version: campaign.version });
    const deadline = Date.now() + 120_000;
    while (campaign.status !== 'sent' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      campaign = await call<Campaign>('GET', `/api/email/campaigns/${campaign.id}`);
    }
    expect(campaign.status).toBe('sent');
    expect(campaign.counts).toMatchObject({ sent: admittedCount, failed: 0, uncertain: 0 });

    const { emails } = (await (await fetch(`${stack.sesEndpoint}/store`)).json()) as { emails: StoredMail[] };
    const perAddress = new Map<string, StoredMail[]>();
    for (const m of emails) for (const to of m.destination.to) perAddress.set(to, [...(perAddress.get(to) ?? []), m]);
    const expected = Array.from({ length: CONTACTS }, (_, i) => i).filter((i) => !SUPPRESSED.includes(i) && !RECENTLY_SENT.includes(i));
    expect([...perAddress.keys()].sort()).toEqual(expected.map(email).sort());
    for (const i of expected) {
      const [message, ...more] = perAddress.get(email(i))!;
      expect(more).toEqual([]);
      expect(message!.subject).toBe(`Our spring launch, Camille${i}`);
      expect(message!.body.html).toContain(`Hi Camille${i},`);
      const header = (name: string) => message!.headers?.find((h) => h.name === name)?.value;
      expect(header('List-Unsubscribe')).toMatch(new RegExp(`^<${stack.url}/t/u/[A-Za-z0-9_-]+>, <mailto:hello@news\\.acme-example\\.com>$`));
      expect(header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    }
  }, 240_000);
});
