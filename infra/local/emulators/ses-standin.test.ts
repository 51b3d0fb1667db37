// The SES stand-in in front of the real SES emulator: what it passes through untouched, the
// sending-rate limit it enforces like SES, its counters, identity verification after a delay, and
// the SES events of the real EventBridge shape it publishes for the messages it passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetEmailIdentityCommand, ListDedicatedIpPoolsCommand, PutEmailIdentityDkimAttributesCommand, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { startSes, type SesEmulator } from './ses';
import { startSesStandin, type SesStandin } from './ses-standin';
import type { SesEventBridgeEvent } from './ses-events';

const clientFor = (endpoint: string) =>
  new SESv2Client({ region: 'us-east-1', endpoint, maxAttempts: 1, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const aSendEmail = (to: string, tags: { Name: string; Value: string }[] = []) =>
  new SendEmailCommand({
    FromEmailAddress: '"Acme Growth Team" <news@acme-mail.example>',
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: 'Your Q3 pipeline review' },
        Body: { Text: { Data: 'Hello' } },
        Headers: [{ Name: 'List-Unsubscribe', Value: '<https://crm.example/u/tok123>' }],
      },
    },
    ConfigurationSetName: 'campaigns',
    EmailTags: tags,
  });

describe('the SES stand-in', () => {
  let emulator: SesEmulator;
  let standin: SesStandin;
  let ses: SESv2Client;
  const published: SesEventBridgeEvent[] = [];

  beforeAll(async () => {
    emulator = await startSes();
    standin = await startSesStandin({ upstream: emulator.endpoint, autoVerify: { afterMs: 300 }, onEvent: (event) => published.push(event) });
    ses = clientFor(standin.endpoint);
  });
  afterAll(async () => {
    await standin.stop();
    await emulator.stop();
  });

  it('passes the emulator’s own endpoints through byte-for-byte', async () => {
    await ses.send(aSendEmail('dana.reyes@northwind.example'));
    const [direct, through] = await Promise.all([fetch(`${emulator.endpoint}/store`), fetch(`${standin.endpoint}/store`)]);
    expect(through.status).toBe(200);
    expect(Buffer.from(await through.arrayBuffer())).toEqual(Buffer.from(await direct.arrayBuffer()));

    expect((await fetch(`${standin.endpoint}/clear-store`, { method: 'POST' })).status).toBe(200);
    expect(((await (await fetch(`${emulator.endpoint}/store`)).json()) as { emails: unknown[] }).emails).toEqual([]);
  });

  it('throttles SendEmail beyond maxPerSecond as SES does, and counts what it accepted and refused', async () => {
    standin.configure({ maxPerSecond: 5 });
    standin.resetStats();
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => ses.send(aSendEmail(`contact${i}@northwind.example`))));
      const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');

      expect(refused.length).toBeGreaterThan(0);
      for (const o of refused) expect(o.reason).toMatchObject({ name: 'TooManyRequestsException', message: 'Maximum sending rate exceeded.' });
      const stats = standin.stats();
      expect(stats).toMatchObject({ accepted: 30 - refused.length, throttled: refused.length });
      expect(stats.busiestSecond).toBeLessThanOrEqual(5);
      expect(await (await fetch(`${standin.endpoint}/local/stats`)).json()).toEqual(stats);
    } finally {
      standin.configure({ maxPerSecond: null });
    }
  });

  it('verifies a new identity after the configured delay', async () => {
    await fetch(`${standin.endpoint}/v2/email/identities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ EmailIdentity: 'slow-dns.example' }),
    });
    expect((await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'slow-dns.example' }))).VerifiedForSendingStatus).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'slow-dns.example' }))).DkimAttributes?.Status).toBe('SUCCESS');
  });

  it('answers SES-shaped errors (not the emulator’s 404) for parts of the API it does not implement', async () => {
    await expect(ses.send(new ListDedicatedIpPoolsCommand({}))).resolves.toMatchObject({ DedicatedIpPools: [] });
    await expect(ses.send(new PutEmailIdentityDkimAttributesCommand({ EmailIdentity: 'slow-dns.example', SigningEnabled: false }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: expect.stringContaining('does not implement PUT /v2/email/identities/slow-dns.example/dkim'),
    });
  });

  describe('SES events', () => {
    it('publishes an injected bounce of the real EventBridge shape for a message it passed', async () => {
      const { MessageId } = await ses.send(aSendEmail('gone@northwind.example', [{ Name: 'campaign', Value: 'c-0190f3c2' }]));

      const response = await fetch(`${standin.endpoint}/local/events`, {
        method: 'POST',
        body: JSON.stringify({ type: 'Bounce', messageId: MessageId, bounceType: 'Permanent', bounceSubType: 'NoEmail', status: '5.1.1' }),
      });
      const { event } = (await response.json()) as { event: SesEventBridgeEvent };

      expect(event).toMatchObject({
        version: '0',
        source: 'aws.ses',
        'detail-type': 'Email Bounced',
        region: 'us-east-1',
        resources: ['arn:aws:ses:us-east-1:000000000000:configuration-set/campaigns'],
        detail: {
          eventType: 'Bounce',
          bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail', bouncedRecipients: [{ emailAddress: 'gone@northwind.example', status: '5.1.1' }] },
          mail: {
            messageId: MessageId,
            source: '"Acme Growth Team" <news@acme-mail.example>',
            destination: ['gone@northwind.example'],
            commonHeaders: { subject: 'Your Q3 pipeline review' },
            tags: { campaign: ['c-0190f3c2'], 'ses:configuration-set': ['campaigns'], 'ses:from-domain': ['acme-mail.example'] },
          },
        },
      });
      expect(event.detail.mail.headers).toContainEqual({ name: 'List-Unsubscribe', value: '<https://crm.example/u/tok123>' });
      expect(published.at(-1)).toEqual(event);
    });

    it('answers NotFoundException for a message it never passed', async () => {
      const response = await fetch(`${standin.endpoint}/local/events`, { method: 'POST', body: JSON.stringify({ type: 'Complaint', messageId: 'nope' }) });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    });

    it('publishes what SES would for each message when asked: Send and Delivery, and the mailbox simulator’s bounce', async () => {
      standin.configure({ deliveryEvents: true });
      try {
        const delivered = await ses.send(aSendEmail('dana.reyes@northwind.example'));
        const bounced = await ses.send(aSendEmail('bounce@simulator.amazonses.com'));
        await new Promise((resolve) => setTimeout(resolve, 50));

        const typesFor = (messageId: string | undefined) =>
          standin
            .events()
            .filter((e) => e.detail.mail.messageId === messageId)
            .map((e) => e['detail-type']);
        expect(typesFor(delivered.MessageId)).toEqual(['Email Sent', 'Email Delivered']);
        expect(typesFor(bounced.MessageId)).toEqual(['Email Sent', 'Email Bounced']);
      } finally {
        standin.configure({ deliveryEvents: false });
      }
    });
  });
});
