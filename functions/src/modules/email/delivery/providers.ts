// The provider a sender profile chose, built from configuration: SES by default, SendGrid or
// Mailgun over their HTTP APIs. Build one per batch (or per Lambda container), not per message.
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { createSesSendClient } from '../../../adapters/aws-clients';
import type { Config } from '../../../config/config';
import { createMailgunProvider } from './mailgun';
import { SendBlockedError, type EmailProvider, type ProviderName } from './provider';
import { createSendGridProvider } from './sendgrid';
import { createSesProvider } from './ses';

export type ProviderKind = ProviderName;

export interface ProviderSettings {
  config: Pick<
    Config,
    | 'AWS_REGION'
    | 'SES_ENDPOINT'
    | 'SENDGRID_BASE_URL'
    | 'SENDGRID_API_KEY'
    | 'MAILGUN_BASE_URL'
    | 'MAILGUN_API_KEY'
    | 'EMAIL_SEND_TIMEOUT_MS'
  >;
  /** SES: the client to send with; by default one built from config with one attempt per call. */
  sesClient?: SESv2Client;
  /** Mailgun: the sending domain registered there; by default each message's From domain. */
  mailgunDomain?: string;
  /** SendGrid and Mailgun: the fetch to call them with (defaults to the global one). */
  fetch?: typeof fetch;
}

/**
 * The provider for a sender profile. A provider chosen without its API key set throws
 * SendBlockedError, so the engine pauses the campaign with a reason a person can act on.
 */
export function createProvider(kind: ProviderKind, settings: ProviderSettings): EmailProvider {
  const { config } = settings;
  const http = { timeoutMs: config.EMAIL_SEND_TIMEOUT_MS, ...(settings.fetch ? { fetch: settings.fetch } : {}) };
  switch (kind) {
    case 'ses':
      return createSesProvider(settings.sesClient ?? createSesSendClient(config));
    case 'sendgrid':
      if (!config.SENDGRID_API_KEY) {
        throw new SendBlockedError('The sender profile sends through SendGrid but SENDGRID_API_KEY is not set.', { provider: 'sendgrid' });
      }
      return createSendGridProvider({ ...http, apiKey: config.SENDGRID_API_KEY, baseUrl: config.SENDGRID_BASE_URL });
    case 'mailgun':
      if (!config.MAILGUN_API_KEY) {
        throw new SendBlockedError('The sender profile sends through Mailgun but MAILGUN_API_KEY is not set.', { provider: 'mailgun' });
      }
      return createMailgunProvider({
        ...http,
        apiKey: config.MAILGUN_API_KEY,
        baseUrl: config.MAILGUN_BASE_URL,
        ...(settings.mailgunDomain ? { domain: settings.mailgunDomain } : {}),
      });
  }
}
