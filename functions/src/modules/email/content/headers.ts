// The unsubscribe headers of every campaign message (RFC 2369 and RFC 8058 one-click), as SES v2
// `Content.Simple.Headers` entries. Mailbox providers show their own unsubscribe button from
// them and POST `List-Unsubscribe=One-Click` to the https URL.
import type { MessageHeader } from '@aws-sdk/client-sesv2';
import { invalid } from '../../../core/app-error';

export interface UnsubscribeHeaderInput {
  /** The recipient's one-click URL: https (http only on 127.0.0.1 or localhost, for the local stack). */
  oneClickUrl: string;
  /** An address (or mailto: URL) that unsubscribes whoever writes to it. */
  mailto?: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** RFC 2369: a literal comma in a listed URL must be encoded, and the URL sits in angle brackets. */
const listed = (url: string) => `<${url.replace(/,/g, '%2C')}>`;

function oneClickUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('oneClickUrl', 'must be an absolute URL');
  }
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) throw invalid('oneClickUrl', 'must be https (http only on 127.0.0.1 or localhost)');
  if (url.username || url.password) throw invalid('oneClickUrl', 'must not carry credentials');
  return url.href;
}

const ADDRESS = /^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/;

function mailtoUrl(value: string): string {
  const trimmed = value.trim();
  const url = /^mailto:/i.test(trimmed) ? trimmed : `mailto:${trimmed}`;
  const notAddress = () => invalid('mailto', 'must be one email address or a mailto: URL');
  if (/[\s<>,]/.test(url)) throw notAddress();
  let address: string;
  try {
    address = decodeURIComponent(url.slice('mailto:'.length).split('?')[0]!);
  } catch {
    throw notAddress();
  }
  if (!ADDRESS.test(address)) throw notAddress();
  return url;
}

export function unsubscribeHeaders(input: UnsubscribeHeaderInput): MessageHeader[] {
  const urls = [oneClickUrl(input.oneClickUrl), ...(input.mailto ? [mailtoUrl(input.mailto)] : [])];
  return [
    { Name: 'List-Unsubscribe', Value: urls.map(listed).join(', ') },
    { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
  ];
}
