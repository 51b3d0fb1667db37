// A fake Mailgun Messages API for tests and the local stack: `POST /v3/{domain}/messages`,
// form-encoded, basic auth `api:KEY`, known domains only, Mailgun's `{ message }` errors and
// `{ id, message }` answer; accepted messages (with their h: headers, v: variables and o: options)
// readable at `GET /store`.
import { randomBytes } from 'node:crypto';
import { looksLikeAddress, startFakeMailApi, type FakeMailApi, type SendAnswer } from './fake-mail-api';

export interface MailgunMessage {
  id: string;
  domain: string;
  from: string;
  to: string;
  subject: string;
  text?: string;
  html?: string;
  /** `h:Name` fields, by header name. */
  headers: Record<string, string[]>;
  /** `v:name` fields. */
  variables: Record<string, string>;
  /** `o:name` fields. */
  options: Record<string, string>;
  at: string;
}

const MESSAGES_PATH = /^\/v3\/([^/]+)\/messages$/;

const refuse = (status: number, message: string): SendAnswer<MailgunMessage> => ({ status, body: { message } });

/** The address inside `Name <address>`, or the value itself. */
const addressIn = (value: string) => /<([^>]+)>\s*$/.exec(value)?.[1] ?? value.trim();

function prefixed(form: URLSearchParams, prefix: string): [string, string][] {
  return [...form].filter(([name]) => name.startsWith(prefix)).map(([name, value]) => [name.slice(prefix.length), value]);
}

function accept(domain: string, form: URLSearchParams): SendAnswer<MailgunMessage> {
  for (const field of ['from', 'to', 'subject']) if (!form.get(field)) return refuse(400, `'${field}' parameter is missing`);
  if (!form.get('text') && !form.get('html')) return refuse(400, "Need at least one of 'text', 'html' or 'template' parameters specified");
  if (!looksLikeAddress(addressIn(form.get('from')!))) return refuse(400, "'from' parameter is not a valid address. please check documentation");
  if (!looksLikeAddress(addressIn(form.get('to')!))) return refuse(400, "to parameter is not a valid address. please check documentation");
  const id = `<${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}.${randomBytes(8).toString('hex')}@${domain}>`;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of prefixed(form, 'h:')) (headers[name] ??= []).push(value);
  return {
    status: 200,
    body: { id, message: 'Queued. Thank you.' },
    stored: {
      id,
      domain,
      from: form.get('from')!,
      to: form.get('to')!,
      subject: form.get('subject')!,
      ...(form.get('text') ? { text: form.get('text')! } : {}),
      ...(form.get('html') ? { html: form.get('html')! } : {}),
      headers,
      variables: Object.fromEntries(prefixed(form, 'v:')),
      options: Object.fromEntries(prefixed(form, 'o:')),
      at: new Date().toISOString(),
    },
  };
}

export async function startFakeMailgun(options: { apiKey: string; domains: string[] }): Promise<FakeMailApi<MailgunMessage>> {
  const expectedAuth = `Basic ${Buffer.from(`api:${options.apiKey}`).toString('base64')}`;
  return startFakeMailApi<MailgunMessage>({
    isSend: (method, path) => method === 'POST' && MESSAGES_PATH.test(path),
    throttledBody: { message: 'Too many requests' },
    send(req, path, body) {
      if (req.headers.authorization !== expectedAuth) return refuse(401, 'Forbidden');
      const domain = decodeURIComponent(MESSAGES_PATH.exec(path)![1]!);
      if (!options.domains.includes(domain)) return refuse(404, `Domain not found: ${domain}`);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        return refuse(400, 'The fake Mailgun reads form-encoded requests only.');
      }
      return accept(domain, new URLSearchParams(body.toString('utf8')));
    },
  });
}
