// Outbound webhooks to addresses people configure (lead deliveries to clients, pushes to the
// Resources Centre): where one may go, and when a failed one is tried again.
//
// Where a delivery may go. A client's URL is resolved here and every address it resolves to is
// checked: private, loopback, link-local, unspecified, shared, multicast and reserved ranges
// (IPv4, IPv6, and IPv4 written inside IPv6) are refused, so a configuration cannot reach into
// our network. The request then connects to the address checked (the host name only names the
// TLS certificate and the Host header), so a second DNS answer cannot slip another address in.
// Loopback is admitted only with DELIVERY_ALLOW_PRIVATE_TARGETS (the local stack and tests).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const refusedV4: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const refusedV6: [string, number][] = [
  // :: and the deprecated IPv4-compatible ::a.b.c.d (IPv4-mapped ::ffff:a.b.c.d is checked as IPv4).
  ['::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];

const refused = new BlockList();
for (const [net, bits] of refusedV4) refused.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of refusedV6) refused.addSubnet(net, bits, 'ipv6');
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** The IPv4 address an IPv6 one carries (`::ffff:a.b.c.d`, also written `::ffff:7f00:1`), or null. */
function embeddedV4(address: string): string | null {
  const host = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!mapped) return null;
  const hi = parseInt(mapped[1]!, 16);
  const lo = parseInt(mapped[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export type AddressVerdict = 'public' | 'loopback' | 'refused';

/** What an IP address is to delivery: a public address, loopback (admitted only locally), or refused. */
export function classifyAddress(address: string): AddressVerdict {
  let ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let family = isIP(ip);
  if (family === 0) return 'refused';
  if (family === 6) {
    const v4 = embeddedV4(ip);
    if (v4) {
      ip = v4;
      family = 4;
    }
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(ip, type)) return 'loopback';
  return refused.check(ip, type) ? 'refused' : 'public';
}

export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

export interface ResolvedTarget {
  url: URL;
  /** The checked address the request connects to. */
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * The address to send to, or TargetRefused: not http(s), http to anything but an admitted
 * loopback, a name that does not resolve, or any of its addresses refused (one bad answer among
 * good ones refuses the lot: the connection could have gone to it).
 */
export async function resolveTarget(rawUrl: string, options: { allowLoopback: boolean; resolver?: Resolver }): Promise<ResolvedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new TargetRefused('The URL is not valid.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetRefused(`${url.protocol} URLs are not sent to.`);
  if (url.username || url.password) throw new TargetRefused('URLs with credentials are not sent to.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let answers: { address: string; family: number }[];
  if (isIP(host)) answers = [{ address: host, family: isIP(host) }];
  else {
    try {
      answers = await (options.resolver ?? systemResolver)(host);
    } catch (error) {
      throw new TargetRefused(`${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
  }
  if (!answers.length) throw new TargetRefused(`${host} does not resolve.`);
  for (const answer of answers) {
    const verdict = classifyAddress(answer.address);
    if (verdict === 'refused' || (verdict === 'loopback' && !options.allowLoopback)) {
      throw new TargetRefused(`${host} resolves to ${answer.address}, a private, loopback or link-local address.`);
    }
  }
  const chosen = answers[0]!;
  if (url.protocol === 'http:' && classifyAddress(chosen.address) !== 'loopback') throw new TargetRefused('Only https URLs are sent to.');
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

// ---------------------------------------------------------------- retries

/** The longest wait between attempts. */
const MAX_BACKOFF_SECONDS = 3600;

/** Seconds before attempt `attempt + 1` after `attempt` failed: base × 2^(attempt − 1), capped at an hour. */
export function backoffSeconds(base: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, base * 2 ** Math.max(0, attempt - 1));
}

export type AttemptVerdict = 'delivered' | 'retry' | 'dead';

/** What an answer means: 2xx delivered; 408, 429, 5xx and no answer retried; anything else dead at once. */
export function verdictOf(outcome: { httpStatus: number | null }): AttemptVerdict {
  const status = outcome.httpStatus;
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'dead';
}
