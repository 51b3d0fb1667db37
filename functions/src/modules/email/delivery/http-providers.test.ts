// SendGrid and Mailgun adapters against local fakes of their HTTP APIs (auth, field checks, the
// answers and error shapes the real APIs give), and the provider chosen per sender profile.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSendGrid, type SendGridMessage } from '../../../../../infra/local/emulators/sendgrid';
import { startFakeMailgun, type MailgunMessage } from '../../../../../infra/local/emulators/mailgun';
import type { FakeMailApi } from '../../../../../infra/local/emulators/fake-mail-api';
import { parseConfig } from '../../../config/config';
import { createSendGridProvider } from './sendgrid';
import { createMailgunProvider } from './mailgun';
import { createProvider } from './providers';
import {
  SendBlockedError,
  SendRejectedError,
  SendThrottledError,
  SendTransientError,
  type EmailProvider,
} from './provider';
import { aMessage, unusedPort } from './test-fixtures';

const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('the SendGrid provider against a fake SendGrid', () => {
  let sendgrid: FakeMailApi<SendGridMessage>;
  let provider: EmailProvider;

  beforeAll(async () => {
    sendgrid = await startFakeSendGrid({ apiKey: 'SG.test-key' });
    provider = createSendGridProvider({ apiKey: 'SG.test-key', baseUrl: sendgrid.endpoint, timeoutMs: 2000 });
  });
  beforeEach(() => sendgrid.clear());
  afterAll(() => sendgrid.stop());

  it('sends with our headers and tags as custom args, SendGrid tracking off, and answers X-Message-Id', async () => {
    const { messageId } = await provider.send(aMessage());

    const [stored] = sendgrid.messages();
    expect(messageId).toBe(stored?.messageId);
    expect(stored).toMatchObject({
      from: { email: 'news@acme-mail.example', name: 'Acme Growth Team' },
      to: ['dana.reyes@northwind.example'],
      replyTo: 'replies@acme-mail.example',
      subject: 'Your Q3 pipeline review',
      text: 'Hello Dana',
      html: '<p>Hello Dana</p>',
      headers: {
        'List-Unsubscribe': '<https://crm.example/u/tok123>, <mailto:unsubscribe@acme-mail.example?subject=tok123>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      customArgs: { campaign: '0190f3c2-7a1b-7c3d-9e4f-5a6b7c8d9e0f', recipient: '42' },
      trackingSettings: { click_tracking: { enable: false, enable_text: false }, open_tracking: { enable: false }, subscription_tracking: { enable: false } },
    });
  });

  it('is throttled on 429 and honours Retry-After; the next call goes through', async () => {
    sendgrid.throttleNext(1, 3);
    const failure = await failureOf(provider.send(aMessage()));
    expect(failure).toBeInstanceOf(SendThrottledError);
    expect((failure as SendThrottledError).retryAfterMs).toBe(3000);
    expect((failure as SendThrottledError).message).toBe('too many requests');

    await expect(provider.send(aMessage())).resolves.toHaveProperty('messageId');
    expect(sendgrid.messages()).toHaveLength(1);
  });

  it('fails the recipient with SendGrid’s reason when the address is refused (400)', async () => {
    const failure = await failureOf(provider.send(aMessage({ to: 'dana.reyes@@northwind' })));
    expect(failure).toBeInstanceOf(SendRejectedError);
    expect((failure as Error).message).toBe('Does not contain a valid address.');
    expect(sendgrid.messages()).toHaveLength(0);
  });

  it('blocks the campaign when the API key is refused (401): every recipient would fail alike', async () => {
    const wrongKey = createSendGridProvider({ apiKey: 'SG.revoked', baseUrl: sendgrid.endpoint, timeoutMs: 2000 });
    const failure = await failureOf(wrongKey.send(aMessage()));
    expect(failure).toBeInstanceOf(SendBlockedError);
    expect((failure as SendBlockedError).code).toBe('401');
  });

  it('is transient on a 5xx answer and when the connection is refused', async () => {
    const failing = createSendGridProvider({
      apiKey: 'SG.test-key',
      baseUrl: 'https://api.sendgrid.invalid',
      timeoutMs: 2000,
      fetch: async () => new Response('{"errors":[{"message":"Service Unavailable"}]}', { status: 503 }),
    });
    await expect(failing.send(aMessage())).rejects.toBeInstanceOf(SendTransientError);

    const unreachable = createSendGridProvider({ apiKey: 'SG.test-key', baseUrl: `http://127.0.0.1:${await unusedPort()}`, timeoutMs: 2000 });
    await expect(unreachable.send(aMessage())).rejects.toBeInstanceOf(SendTransientError);
  });
});

describe('the Mailgun provider against a fake Mailgun', () => {
  let mailgun: FakeMailApi<MailgunMessage>;
  let provider: EmailProvider;

  beforeAll(async () => {
    mailgun = await startFakeMailgun({ apiKey: 'key-test', domains: ['acme-mail.example'] });
    provider = createMailgunProvider({ apiKey: 'key-test', baseUrl: mailgun.endpoint, timeoutMs: 2000 });
  });
  beforeEach(() => mailgun.clear());
  afterAll(() => mailgun.stop());

  it('sends form-encoded to the From domain with h: headers and v: variables, and answers the id without brackets', async () => {
    const { messageId } = await provider.send(aMessage());

    const [stored] = mailgun.messages();
    expect(`<${messageId}>`).toBe(stored?.id);
    expect(stored).toMatchObject({
      domain: 'acme-mail.example',
      from: '"Acme Growth Team" <news@acme-mail.example>',
      to: 'dana.reyes@northwind.example',
      subject: 'Your Q3 pipeline review',
      text: 'Hello Dana',
      html: '<p>Hello Dana</p>',
      headers: {
        'Reply-To': ['replies@acme-mail.example'],
        'List-Unsubscribe': ['<https://crm.example/u/tok123>, <mailto:unsubscribe@acme-mail.example?subject=tok123>'],
        'List-Unsubscribe-Post': ['List-Unsubscribe=One-Click'],
      },
      variables: { campaign: '0190f3c2-7a1b-7c3d-9e4f-5a6b7c8d9e0f', recipient: '42' },
      options: { tracking: 'no', 'tracking-clicks': 'no', 'tracking-opens': 'no' },
    });
  });

  it('is throttled on 429 with Retry-After', async () => {
    mailgun.throttleNext(2, 5);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failure = await failureOf(provider.send(aMessage()));
      expect(failure).toBeInstanceOf(SendThrottledError);
      expect((failure as SendThrottledError).retryAfterMs).toBe(5000);
    }
    await expect(provider.send(aMessage())).resolves.toHaveProperty('messageId');
  });

  it('fails the recipient when Mailgun refuses the address (400)', async () => {
    const failure = await failureOf(provider.send(aMessage({ to: 'not-an-address' })));
    expect(failure).toBeInstanceOf(SendRejectedError);
    expect((failure as Error).message).toBe('to parameter is not a valid address. please check documentation');
  });

  it('blocks the campaign for a wrong key (401) or a domain Mailgun does not know (404)', async () => {
    const wrongKey = createMailgunProvider({ apiKey: 'key-revoked', baseUrl: mailgun.endpoint, timeoutMs: 2000 });
    await expect(wrongKey.send(aMessage())).rejects.toBeInstanceOf(SendBlockedError);

    const unknownDomain = createMailgunProvider({ apiKey: 'key-test', baseUrl: mailgun.endpoint, timeoutMs: 2000, domain: 'other.example' });
    const failure = await failureOf(unknownDomain.send(aMessage()));
    expect(failure).toBeInstanceOf(SendBlockedError);
    expect((failure as Error).message).toBe('Domain not found: other.example');
  });
});

describe('the provider a sender profile chooses', () => {
  let sendgrid: FakeMailApi<SendGridMessage>;
  let mailgun: FakeMailApi<MailgunMessage>;

  beforeAll(async () => {
    [sendgrid, mailgun] = await Promise.all([startFakeSendGrid({ apiKey: 'SG.k' }), startFakeMailgun({ apiKey: 'mg-k', domains: ['mg.acme-mail.example'] })]);
  });
  afterAll(async () => {
    await Promise.all([sendgrid.stop(), mailgun.stop()]);
  });

  it('builds each provider from configuration and sends through it', async () => {
    const config = parseConfig({ SENDGRID_BASE_URL: sendgrid.endpoint, SENDGRID_API_KEY: 'SG.k', MAILGUN_BASE_URL: mailgun.endpoint, MAILGUN_API_KEY: 'mg-k' });

    expect(createProvider('ses', { config }).name).toBe('ses');
    await createProvider('sendgrid', { config }).send(aMessage());
    await createProvider('mailgun', { config, mailgunDomain: 'mg.acme-mail.example' }).send(aMessage());

    expect(sendgrid.messages()).toHaveLength(1);
    expect(mailgun.messages()).toHaveLength(1);
  });

  it('refuses a provider whose API key is not set, with a reason that names the setting', () => {
    const config = parseConfig({});
    expect(config.SENDGRID_BASE_URL).toBe('https://api.sendgrid.com');
    expect(config.MAILGUN_BASE_URL).toBe('https://api.mailgun.net');
    expect(() => createProvider('sendgrid', { config })).toThrow(SendBlockedError);
    expect(() => createProvider('mailgun', { config })).toThrow(/MAILGUN_API_KEY is not set/);
  });
});
