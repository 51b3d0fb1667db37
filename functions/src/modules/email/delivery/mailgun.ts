// Sending through Mailgun's Messages API: `POST {base}/v3/{domain}/messages`, form-encoded, basic
// auth `api:KEY`, answering `{ id, message }`. Our headers go as `h:Name`, our tags as `v:name`
// variables (returned with Mailgun's events); Mailgun's own tracking stays off.
import { postToProvider, type HttpDeliverySettings } from './http-delivery';
import { asciiAddress, formatMailbox } from './mailbox';
import { SendUncertainError, type EmailProvider, type OutgoingMessage } from './provider';

export interface MailgunSettings extends HttpDeliverySettings {
  apiKey: string;
  /** https://api.mailgun.net (https://api.eu.mailgun.net for EU accounts), or a local fake's URL. */
  baseUrl: string;
  /** The sending domain as registered with Mailgun; defaults to the From address's domain. */
  domain?: string;
}

/** The form fields for one message. */
export function mailgunMessageForm(message: OutgoingMessage): URLSearchParams {
  const form = new URLSearchParams();
  form.set('from', formatMailbox(message.from));
  form.set('to', asciiAddress(message.to));
  form.set('subject', message.subject);
  if (message.text) form.set('text', message.text);
  if (message.html) form.set('html', message.html);
  if (message.replyTo) form.set('h:Reply-To', asciiAddress(message.replyTo));
  for (const header of message.headers) form.append(`h:${header.name}`, header.value);
  for (const [name, value] of Object.entries(message.tags)) form.set(`v:${name}`, value);
  form.set('o:tracking', 'no');
  form.set('o:tracking-clicks', 'no');
  form.set('o:tracking-opens', 'no');
  return form;
}

function domainOf(address: string): string {
  const ascii = asciiAddress(address);
  return ascii.slice(ascii.lastIndexOf('@') + 1).toLowerCase();
}

export function createMailgunProvider(settings: MailgunSettings): EmailProvider {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`api:${settings.apiKey}`).toString('base64')}`;
  return {
    name: 'mailgun',
    async send(message) {
      const domain = settings.domain ?? domainOf(message.from.address);
      const response = await postToProvider(
        'mailgun',
        `${base}/v3/${encodeURIComponent(domain)}/messages`,
        { headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: mailgunMessageForm(message).toString() },
        settings,
      );
      let id: unknown;
      try {
        ({ id } = (await response.json()) as { id?: unknown });
      } catch (error) {
        // Mailgun took the message (2xx) but its answer was cut off: sent, without a known id.
        throw new SendUncertainError('Mailgun accepted the message but its answer could not be read.', { provider: 'mailgun', cause: error });
      }
      return { messageId: typeof id === 'string' ? id.replace(/^<|>$/g, '') : '' };
    },
  };
}
