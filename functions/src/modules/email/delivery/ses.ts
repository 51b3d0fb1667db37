// Sending through SES v2: one SendEmail per message with Simple content (subject, HTML and text
// bodies, our headers), tags for the event stream, and SES's errors read into the send error classes.
import { SendEmailCommand, type MessageTag, type SendEmailCommandInput, type SESv2Client } from '@aws-sdk/client-sesv2';
import { asciiAddress, formatMailbox } from './mailbox';
import {
  classifySendError,
  SendBlockedError,
  SendRejectedError,
  SendThrottledError,
  SendTransientError,
  type EmailProvider,
  type OutgoingMessage,
  type SendError,
} from './provider';

const SES_TAG_MAX_LENGTH = 256;

/** A tag name or value in the characters SES accepts: ASCII letters, digits, `_` and `-`, at most 256. */
export function sesTagText(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, SES_TAG_MAX_LENGTH);
}

/** The message's tags as SES EmailTags; empty values are left out and the first of two names that sanitize alike wins. */
export function sesEmailTags(tags: Record<string, string>): MessageTag[] | undefined {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(tags)) {
    const cleanName = sesTagText(name);
    const cleanValue = sesTagText(value);
    if (cleanName && cleanValue && !byName.has(cleanName)) byName.set(cleanName, cleanValue);
  }
  return byName.size ? [...byName].map(([Name, Value]) => ({ Name, Value })) : undefined;
}

/** The SendEmail request for one message. Headers go in Content.Simple.Headers (the only place SES, and its emulator, take them). */
export function sesSendEmailInput(message: OutgoingMessage): SendEmailCommandInput {
  const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
  return {
    FromEmailAddress: formatMailbox(message.from),
    Destination: { ToAddresses: [asciiAddress(message.to)] },
    ...(message.replyTo ? { ReplyToAddresses: [asciiAddress(message.replyTo)] } : {}),
    Content: {
      Simple: {
        Subject: utf8(message.subject),
        Body: {
          ...(message.html ? { Html: utf8(message.html) } : {}),
          ...(message.text ? { Text: utf8(message.text) } : {}),
        },
        ...(message.headers.length ? { Headers: message.headers.map((h) => ({ Name: h.name, Value: h.value })) } : {}),
      },
    },
    ...(message.configurationSet ? { ConfigurationSetName: message.configurationSet } : {}),
    EmailTags: sesEmailTags(message.tags),
  };
}

/** Did SES refuse the sender itself (an unverified From identity) rather than this recipient? */
function senderNotVerified(errorMessage: string, message: OutgoingMessage | undefined): boolean {
  if (!message || !/not verified/i.test(errorMessage)) return false;
  const from = asciiAddress(message.from.address).toLowerCase();
  const text = errorMessage.toLowerCase();
  return text.includes(from) || text.includes(`identity/${from.slice(from.lastIndexOf('@') + 1)}`);
}

/**
 * SES's errors as send errors. Account- and sender-level refusals (sending paused, account
 * suspended, MAIL FROM domain not verified, configuration set missing, daily quota used up, the
 * From identity not verified) block the campaign: every recipient would fail alike.
 */
export function classifySesError(error: unknown, message?: OutgoingMessage): SendError {
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const text = error instanceof Error && error.message ? error.message : name || 'SES refused the message.';
  const options = { provider: 'ses' as const, code: name, cause: error };
  switch (name) {
    case 'TooManyRequestsException':
    case 'ThrottlingException':
    case 'Throttling':
      return new SendThrottledError(text, options);
    case 'LimitExceededException':
      // SES answers the 24-hour quota with this exception too; waiting seconds will not help then.
      return /daily/i.test(text) ? new SendBlockedError(text, options) : new SendThrottledError(text, options);
    case 'SendingPausedException':
    case 'AccountSuspendedException':
    case 'MailFromDomainNotVerifiedException':
    case 'NotFoundException':
      return new SendBlockedError(text, options);
    case 'MessageRejected':
      return senderNotVerified(text, message) ? new SendBlockedError(text, options) : new SendRejectedError(text, options);
    case 'BadRequestException':
      return new SendRejectedError(text, options);
    case 'InternalServiceErrorException':
      return new SendTransientError(text, options);
    default:
      return classifySendError(error, 'ses');
  }
}

/**
 * The SES provider. Give it a client with one attempt per call (`createSesSendClient` in
 * adapters/aws-clients.ts): the SDK's default retries could send a timed-out message twice.
 */
export function createSesProvider(client: SESv2Client): EmailProvider {
  return {
    name: 'ses',
    async send(message) {
      let messageId: string | undefined;
      try {
        ({ MessageId: messageId } = await client.send(new SendEmailCommand(sesSendEmailInput(message))));
      } catch (error) {
        throw classifySesError(error, message);
      }
      return { messageId: messageId ?? '' };
    },
  };
}
