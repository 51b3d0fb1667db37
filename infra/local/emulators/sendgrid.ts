// A fake SendGrid v3 Mail Send API for tests and the local stack: `POST /v3/mail/send` with a
// bearer key, the fields SendGrid requires checked with its error shape (`{ errors: [{ message,
// field, help }] }`), 202 with X-Message-Id; accepted messages readable at `GET /store`.
import { randomBytes } from 'node:crypto';
import { looksLikeAddress, startFakeMailApi, type FakeMailApi, type SendAnswer } from './fake-mail-api';

export interface SendGridMessage {
  messageId: string;
  from: { email: string; name?: string };
  to: string[];
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  customArgs: Record<string, string>;
  trackingSettings: unknown;
  at: string;
}

interface MailSendBody {
  personalizations?: { to?: { email?: unknown }[] }[];
  from?: { email?: unknown; name?: string };
  reply_to?: { email?: unknown };
  subject?: unknown;
  content?: { type?: string; value?: string }[];
  headers?: Record<string, string>;
  custom_args?: Record<string, string>;
  tracking_settings?: unknown;
}

const refuse = (status: number, message: string, field: string | null = null): SendAnswer<SendGridMessage> => ({
  status,
  body: { errors: [{ message, field, help: null }] },
});

/** SendGrid's checks, in its order, on the fields the adapter sends. */
function problemIn(body: MailSendBody): SendAnswer<SendGridMessage> | null {
  const personalizations = body.personalizations ?? [];
  if (!personalizations.length) return refuse(400, 'The personalizations field is required and must have at least one personalization.', 'personalizations');
  for (const [i, p] of personalizations.entries()) {
    for (const [j, to] of (p.to ?? []).entries()) {
      if (!looksLikeAddress(to.email)) return refuse(400, 'Does not contain a valid address.', `personalizations.${i}.to.${j}.email`);
    }
  }
  if (!looksLikeAddress(body.from?.email)) return refuse(400, 'The from email does not contain a valid address.', 'from.email');
  if (typeof body.subject !== 'string' || !body.subject) return refuse(400, 'The subject is required.', 'subject');
  const content = body.content ?? [];
  if (!content.length || content.some((c) => !c.value)) return refuse(400, 'Unless a valid template_id is provided, the content parameter is required.', 'content');
  if (content.length > 1 && content[0]!.type !== 'text/plain') return refuse(400, 'The text/plain content type must be first.', 'content');
  return null;
}

export async function startFakeSendGrid(options: { apiKey: string }): Promise<FakeMailApi<SendGridMessage>> {
  return startFakeMailApi<SendGridMessage>({
    isSend: (method, path) => method === 'POST' && path === '/v3/mail/send',
    throttledBody: { errors: [{ field: null, message: 'too many requests' }] },
    send(req, _path, raw) {
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return refuse(401, 'The provided authorization grant is invalid, expired, or revoked');
      }
      let body: MailSendBody;
      try {
        body = JSON.parse(raw.toString('utf8')) as MailSendBody;
      } catch {
        return refuse(400, 'Bad Request');
      }
      const problem = problemIn(body);
      if (problem) return problem;
      const messageId = randomBytes(16).toString('base64url');
      const content = body.content ?? [];
      return {
        status: 202,
        headers: { 'x-message-id': messageId },
        stored: {
          messageId,
          from: { email: String(body.from?.email), ...(body.from?.name ? { name: body.from.name } : {}) },
          to: (body.personalizations ?? []).flatMap((p) => (p.to ?? []).map((t) => String(t.email))),
          ...(looksLikeAddress(body.reply_to?.email) ? { replyTo: body.reply_to.email } : {}),
          subject: String(body.subject),
          text: content.find((c) => c.type === 'text/plain')?.value,
          html: content.find((c) => c.type === 'text/html')?.value,
          headers: body.headers ?? {},
          customArgs: body.custom_args ?? {},
          trackingSettings: body.tracking_settings,
          at: new Date().toISOString(),
        },
      };
    },
  });
}
