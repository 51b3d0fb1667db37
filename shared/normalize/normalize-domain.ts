// Company domains: the account's natural key. From whatever a user or a file gives (a bare domain,
// a URL, an email address, mixed case, `www.`, an IDN in Unicode) to the registrable domain under
// the public suffix list, in lower-case ASCII (punycode). The list's private section is honoured:
// on shared hosting (github.io, herokuapp.com, myshopify.com) each tenant is its own company, so
// acme.github.io, not github.io, is the registrable domain.
import { parse } from 'tldts';

const PSL_OPTIONS = { allowPrivateDomains: true } as const;

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** IDN → punycode through the WHATWG URL parser (the same in Node and browsers). */
function toAsciiHostname(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

function hostOf(input: string): string | null {
  let value = input.trim().toLowerCase();
  if (!value) return null;
  value = value.replace(/^mailto:/, '');
  // An email address: the part after the last @ (display names and angle brackets dropped).
  const at = value.lastIndexOf('@');
  if (at >= 0) value = value.slice(at + 1).replace(/>.*$/, '');
  // A URL (with or without a scheme): keep the host.
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  value = value.split(/[/?#\s]/)[0] ?? '';
  value = value.replace(/:\d*$/, '').replace(/\.+$/, '');
  if (!value || value.includes('[')) return null;
  return toAsciiHostname(value);
}

/**
 * The registrable domain of a domain, URL or email address, or null when there is none (an IP
 * address, localhost, an unknown suffix, garbage). Idempotent: its output normalizes to itself.
 */
export function normalizeDomain(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const host = hostOf(String(input));
  if (!host) return null;
  const parsed = parse(host, PSL_OPTIONS);
  // A suffix on neither section of the list is unknown (foo.notatld): not a company's domain.
  if (parsed.isIp || (!parsed.isIcann && !parsed.isPrivate) || !parsed.domain) return null;
  const domain = parsed.domain;
  if (!HOSTNAME.test(domain)) return null;
  // Guard the fixed point: a result must be its own registrable domain.
  if (parse(domain, PSL_OPTIONS).domain !== domain) return null;
  return domain;
}
