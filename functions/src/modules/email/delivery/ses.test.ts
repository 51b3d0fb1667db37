// Sending through SES: against the real SES emulator behind the local stand-in (what lands in its
// store, throttling the stand-in answers like SES), and SES's error answers stubbed at the SDK
// boundary (aws-sdk-client-mock) for the ones no emulator produces.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AccountSuspendedException,
  BadRequestException,
  InternalServiceErrorException,
  LimitExceededException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  NotFoundException,
  SendEmailCommand,
  SendingPausedException,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { createSesSendClient } from '../../../adapters/aws-clients';
import { startSesWithStandin, type SesStandin } from '../../../../../infra/local/emulators/ses-standin';
import { createSesProvider, sesEmailTags } from './ses';
import {
  SendBlockedError,
  SendRejectedError,
  SendThrottledError,
  SendTransientError,
  SendUncertainError,
} from './provider';
import { aMessage, unusedPort } from './test-fixtures';

const sendClientFor = (endpoint: string, timeoutMs = 10_000) =>
  createSesSendClient({ AWS_REGION: 'us-east-1', SES_ENDPOINT: endpoint, EMAIL_SEND_TIMEOUT_MS: timeoutMs });

interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
}

async function storedEmails(endpoint: string): Promise<StoredEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  return ((await response.json()) as { emails: StoredEmail[] }).emails;
}

describe('the SES provider against the SES emulator (through the stand-in)', () => {
  let ses: SesStandin;

  beforeAll(async () => {
    ses = await startSesWithStandin();
  });
  afterAll(() => ses.stop());

  it('sends one message that lands in the store with its List-Unsubscribe headers, reply-to and both bodies', async () => {
    const provider = createSesProvider(sendClientFor(ses.endpoint));
    const { messageId } = await provider.send(aMessage());

    const stored = (await storedEmails(ses.endpoint)).find((e) => e.messageId === messageId);
    expect(stored).toMatchObject({
      from: '"Acme Growth Team" <news@acme-mail.example>',
      replyTo: ['replies@acme-mail.example'],
      destination: { to: ['dana.reyes@northwind.example'] },
      subject: 'Your Q3 pipeline review',
      body: { html: '<p>Hello Dana</p>', text: 'Hello Dana' },
    });
    expect(stored?.headers).toEqual([
      { name: 'List-Unsubscribe', value: '<https://crm.example/u/tok123>, <mailto:unsubscribe@acme-mail.example?subject=tok123>' },
      { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('encodes a non-ASCII sender name as MIME encoded words and an IDN domain in ASCII', async () => {
    const provider = createSesProvider(sendClientFor(ses.endpoint));
    const { messageId } = await provider.send(aMessage({ from: { name: 'Jörg Müller', address: 'jorg@bücher.example' } }));

    const stored = (await storedEmails(ses.endpoint)).find((e) => e.messageId === messageId);
    expect(stored?.from).toBe(`=?UTF-8?B?${Buffer.from('Jörg Müller').toString('base64')}?= <jorg@xn--bcher-kva.example>`);
  });

  it('raises SendThrottledError for the calls the stand-in throttles (throttleFraction 0.2), and sends the rest', async () => {
    const provider = createSesProvider(sendClientFor(ses.endpoint));
    ses.configure({ throttleFraction: 0.2, seed: 7 });
    ses.resetStats();
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => provider.send(aMessage({ to: `contact${i}@northwind.example` }))));
      const throttled = outcomes.filter((o) => o.status === 'rejected');

      expect(throttled.length).toBeGreaterThan(2);
      expect(throttled.length).toBeLessThan(20);
      for (const o of throttled) {
        const reason = (o as PromiseRejectedResult).reason as SendThrottledError;
        expect(reason).toBeInstanceOf(SendThrottledError);
        expect(reason.message).toBe('Maximum sending rate exceeded.');
        expect(reason.code).toBe('TooManyRequestsException');
      }
      expect(ses.stats()).toMatchObject({ accepted: 50 - throttled.length, throttled: throttled.length });
    } finally {
      ses.configure({ throttleFraction: 0 });
    }
  });
});

describe('SES answers read into send errors', () => {
  const client = new SESv2Client({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const sesMock = mockClient(client);
  const provider = createSesProvider(client);
  const meta = { $metadata: {} };

  const cases = [
    ['TooManyRequestsException', new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', ...meta }), SendThrottledError],
    ['LimitExceededException (rate)', new LimitExceededException({ message: 'Maximum sending rate exceeded.', ...meta }), SendThrottledError],
    ['LimitExceededException (daily quota)', new LimitExceededException({ message: 'Daily message quota exceeded.', ...meta }), SendBlockedError],
    ['SendingPausedException', new SendingPausedException({ message: 'Sending is paused for this account.', ...meta }), SendBlockedError],
    ['AccountSuspendedException', new AccountSuspendedException({ message: 'Account suspended.', ...meta }), SendBlockedError],
    ['MailFromDomainNotVerifiedException', new MailFromDomainNotVerifiedException({ message: 'MAIL FROM domain not verified.', ...meta }), SendBlockedError],
    ['NotFoundException (configuration set)', new NotFoundException({ message: 'Configuration set <marketing> does not exist.', ...meta }), SendBlockedError],
    ['MessageRejected (content)', new MessageRejected({ message: 'Message rejected: content contains a virus.', ...meta }), SendRejectedError],
    ['BadRequestException (address)', new BadRequestException({ message: 'Illegal address', ...meta }), SendRejectedError],
    ['InternalServiceErrorException', new InternalServiceErrorException({ message: 'Internal failure.', ...meta }), SendTransientError],
  ] as const;

  it.each(cases)('%s → %o', async (_label, error, expected) => {
    sesMock.reset();
    sesMock.on(SendEmailCommand).rejects(error);
    const failure = await provider.send(aMessage()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(expected);
    expect((failure as SendBlockedError).message).toBe(error.message);
    expect((failure as SendBlockedError).provider).toBe('ses');
  });

  it('blocks the campaign when SES refuses the From identity as not verified, but fails only the recipient when it is theirs', async () => {
    sesMock.reset();
    const aboutSender = 'Email address is not verified. The following identities failed the check in region US-EAST-1: news@acme-mail.example';
    sesMock.on(SendEmailCommand).rejects(new MessageRejected({ message: aboutSender, ...meta }));
    await expect(provider.send(aMessage())).rejects.toBeInstanceOf(SendBlockedError);

    sesMock.reset();
    const aboutRecipient = 'Email address is not verified. The following identities failed the check in region US-EAST-1: dana.reyes@northwind.example';
    sesMock.on(SendEmailCommand).rejects(new MessageRejected({ message: aboutRecipient, ...meta }));
    await expect(provider.send(aMessage())).rejects.toBeInstanceOf(SendRejectedError);
  });

  it('sends tags SES accepts: other characters become _, empty values are left out', () => {
    expect(sesEmailTags({ campaign: '0190f3c2-7a1b', 'list.name': 'Q3 launch/EMEA', empty: '' })).toEqual([
      { Name: 'campaign', Value: '0190f3c2-7a1b' },
      { Name: 'list_name', Value: 'Q3_launch_EMEA' },
    ]);
  });
});

describe('network failures', () => {
  it('is transient when the connection is refused: nothing was sent', async () => {
    const provider = createSesProvider(sendClientFor(`http://127.0.0.1:${await unusedPort()}`));
    await expect(provider.send(aMessage())).rejects.toBeInstanceOf(SendTransientError);
  });

  it('is uncertain when SES took the request but did not answer in time, and the call is not repeated', async () => {
    let requests = 0;
    const silent = http.createServer(() => {
      requests += 1; // reads the request, never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const provider = createSesProvider(sendClientFor(`http://127.0.0.1:${port}`, 1000));
      await expect(provider.send(aMessage())).rejects.toBeInstanceOf(SendUncertainError);
      expect(requests).toBe(1);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
