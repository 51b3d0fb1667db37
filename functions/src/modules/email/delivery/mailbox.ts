// Addresses as the providers want them: the domain of an address in ASCII (IDNA, as SES
// requires), and a From mailbox `"Name" <address>` whose name is quoted when it is ASCII and
// MIME encoded-words (RFC 2047) when it is not.
import { domainToASCII } from 'node:url';
import type { Mailbox } from './provider';

/** The address with its domain in ASCII (`jörg@bücher.de` → `jörg@xn--bcher-kva.de`); the local part is left as it is. */
export function asciiAddress(address: string): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at < 0) return trimmed;
  const domain = domainToASCII(trimmed.slice(at + 1));
  return domain ? `${trimmed.slice(0, at)}@${domain}` : trimmed;
}

// An encoded word may be 75 characters long: `=?UTF-8?B?` + base64 + `?=` leaves room for 60
// base64 characters, which carry 45 bytes.
const ENCODED_WORD_BYTES = 45;

/** The name as RFC 2047 encoded words, split between characters so that no word breaks a UTF-8 sequence. */
function encodedWords(name: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of name) {
    if (Buffer.byteLength(chunk + char) > ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join(' ');
}

/** The display name as a header phrase: quoted ASCII, or encoded words. */
function displayName(name: string): string {
  // Line breaks in a header value would start a new header.
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (/^[\x20-\x7e]*$/.test(clean)) return `"${clean.replace(/(["\\])/g, '\\$1')}"`;
  return encodedWords(clean);
}

/** `"Name" <address>` for a From header, or the bare address when there is no name. */
export function formatMailbox(mailbox: Mailbox): string {
  const address = asciiAddress(mailbox.address);
  const name = mailbox.name.trim();
  return name ? `${displayName(name)} <${address}>` : address;
}
