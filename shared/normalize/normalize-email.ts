// Email addresses: the contact's natural key. Trimmed and lower-cased (the template stores them
// lower-case; real mailboxes are case-insensitive in practice), `mailto:` and a display name
// dropped, an IDN domain in punycode. A pragmatic RFC 5322 subset: what mail systems accept.
import { normalizeDomain } from './normalize-domain';

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_PART = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** The normalized address, or null when the input is not an email address. Idempotent. */
export function normalizeEmail(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  let value = String(input).trim().toLowerCase();
  // "Jane Doe <jane@example.com>"
  const angled = /<([^<>]+)>\s*$/.exec(value);
  if (angled) value = angled[1]!.trim();
  value = value.replace(/^mailto:/, '');
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  let domain = value.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  try {
    domain = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  if (!DOMAIN_PART.test(domain)) return null;
  const email = `${local}@${domain}`;
  return email.length <= 254 ? email : null;
}

/** The registrable domain of an email address (jane@eu.acme.co.uk → acme.co.uk), or null. */
export function emailDomain(email: string | null | undefined): string | null {
  const normalized = normalizeEmail(email);
  return normalized ? normalizeDomain(normalized.slice(normalized.lastIndexOf('@') + 1)) : null;
}

/**
 * A normalized address without its plus tag (jane+news@x.com → jane@x.com): the mailbox a tagged
 * alias delivers to, which a suppression covers. The suppressions table's email_base column is
 * the same rule in SQL.
 */
export function emailBase(email: string): string {
  return email.replace(/^([^@+]+)\+[^@]*@/, '$1@');
}
