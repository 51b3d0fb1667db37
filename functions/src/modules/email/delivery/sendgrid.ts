// Sending through SendGrid's v3 Mail Send API: `POST {base}/v3/mail/send` with a JSON body, a
// bearer API key, 202 with the message id in X-Message-Id. SendGrid's own click, open and
// subscription tracking stay off: links, the pixel and List-Unsubscribe are ours.
import { postToProvider, type HttpDeliverySettings } from './http-delivery';
import { asciiAddress } from './mailbox';
import type { EmailProvider, OutgoingMessage } from './provider';

export interface SendGridSettings extends HttpDeliverySettings {
  apiKey: string;
  /** https://api.sendgrid.com, or a local fake's URL. */
  baseUrl: string;
}

/** The Mail Send body for one message (text part first, as SendGrid requires). */
export function sendGridMailBody(message: OutgoingMessage): Record<string, unknown> {
  const content = [
    ...(message.text ? [{ type: 'text/plain', value: message.text }] : []),
    ...(message.html ? [{ type: 'text/html', value: message.html }] : []),
  ];
  const tags = Object.entries(message.tags);
  return {
    personalizations: [{ to: [{ email: asciiAddress(message.to) }] }],
    from: { email: asciiAddress(message.from.address), ...(message.from.name.trim() ? { name: message.from.name.trim() } : {}) },
    ...(message.replyTo ? { reply_to: { email: asciiAddress(message.replyTo) } } : {}),
    subject: message.subject,
    content,
    ...(message.headers.length ? { headers: Object.fromEntries(message.headers.map((h) => [h.name, h.value])) } : {}),
    ...(tags.length ? { custom_args: Object.fromEntries(tags) } : {}),
    tracking_settings: {
      click_tracking: { enable: false, enable_text: false },
      open_tracking: { enable: false },
      subscription_tracking: { enable: false },
    },
  };
}

export function createSendGridProvider(settings: SendGridSettings): EmailProvider {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/v3/mail/send`;
  return {
    name: 'sendgrid',
    async send(message) {
      const response = await postToProvider(
        'sendgrid',
        url,
        {
          headers: { authorization: `Bearer ${settings.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(sendGridMailBody(message)),
        },
        settings,
      );
      // 202 has no body worth reading; the id is in the header.
      await response.body?.cancel();
      return { messageId: response.headers.get('x-message-id') ?? '' };
    },
  };
}
