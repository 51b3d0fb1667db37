// Telling a person's open or click from a machine's, so reports count them apart.
//
// Opens, first rule that applies:
//  1. No user agent: machine (every mail client sends one).
//  2. Within 2 s of sending: machine — a security scanner fetching the message as it arrives.
//  3. Google Image Proxy (Gmail) and Yahoo's mail proxy: human — they fetch images when the
//     person opens the message, so their opens are real even though the request is theirs.
//  4. A security scanner or bot user agent (Barracuda, Mimecast, Proofpoint, Microsoft Defender /
//     Office 365 ATP Safe Links, and the like; HTTP libraries; crawlers): machine.
//  5. Apple Mail Privacy Protection: the proxy's user agent is `Mozilla/5.0` with no product
//     token after it, or the request comes from Apple's 17.0.0.0/8: machine — Apple prefetches
//     every message whether or not it is read.
//  6. Otherwise human.
// Clicks: no user agent, within 2 s of sending, or a scanner or bot user agent: machine (a link
// scanner following every link); otherwise human. Apple's proxy fetches images, not links.

export type Verdict = 'human' | 'machine';

export interface Classification {
  verdict: Verdict;
  reason: string;
}

export interface TrackingRequest {
  userAgent: string | null | undefined;
  ip: string | null | undefined;
  /** Seconds between sending the message and this request; null when unknown. */
  secondsSinceSend: number | null | undefined;
}

const SCANNER_WINDOW_SECONDS = 2;

const IMAGE_PROXIES: ReadonlyArray<[RegExp, string]> = [
  [/GoogleImageProxy|ggpht\.com/i, 'Google Image Proxy (fetches on open)'],
  [/YahooMailProxy/i, "Yahoo's mail proxy (fetches on open)"],
];

const SCANNERS: ReadonlyArray<[RegExp, string]> = [
  [/barracuda/i, 'Barracuda'],
  [/mimecast/i, 'Mimecast'],
  [/proofpoint|ppops/i, 'Proofpoint'],
  [/safelinks?|defender|office ?365 ?atp|\bATP\b|Microsoft Office Existence Discovery/i, 'Microsoft Defender / Safe Links'],
  [/symantec|messagelabs|broadcom/i, 'Symantec'],
  [/trend ?micro/i, 'Trend Micro'],
  [/forcepoint|websense/i, 'Forcepoint'],
  [/sophos/i, 'Sophos'],
  [/fireeye|trellix/i, 'Trellix'],
  [/ironport|cisco/i, 'Cisco'],
  [/zscaler/i, 'Zscaler'],
  [/bitdefender/i, 'Bitdefender'],
  [/spamtitan|mailguard|hornetsecurity|libraesva|vadesecure|cloudmark/i, 'a mail security gateway'],
  [/curl\/|wget|python-requests|python-urllib|aiohttp|go-http-client|java\/|okhttp|libwww-perl|httpclient|axios|node-fetch|undici/i, 'an HTTP library'],
  [/headlesschrome|phantomjs|(?:bot|crawler|spider|scanner)\b/i, 'a bot'],
];

/** The Apple privacy proxy's whole user agent. */
const APPLE_PROXY_USER_AGENT = /^Mozilla\/5\.0$/;

function isAppleAddress(ip: string | null | undefined): boolean {
  const v4 = ip?.trim().replace(/^::ffff:/i, '');
  return v4 !== undefined && /^17\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

const human = (reason: string): Classification => ({ verdict: 'human', reason });
const machine = (reason: string): Classification => ({ verdict: 'machine', reason });

function firstMatch(list: ReadonlyArray<[RegExp, string]>, userAgent: string): string | undefined {
  return list.find(([pattern]) => pattern.test(userAgent))?.[1];
}

/** The rules both opens and clicks share: no user agent, too soon, a scanner. */
function scannerVerdict(userAgent: string, secondsSinceSend: number | null | undefined): Classification | null {
  if (userAgent === '') return machine('no user agent');
  if (secondsSinceSend !== null && secondsSinceSend !== undefined && secondsSinceSend < SCANNER_WINDOW_SECONDS) {
    return machine(`within ${SCANNER_WINDOW_SECONDS} s of sending (a security scanner)`);
  }
  return null;
}

export function classifyOpen({ userAgent, ip, secondsSinceSend }: TrackingRequest): Classification {
  const ua = userAgent?.trim() ?? '';
  const early = scannerVerdict(ua, secondsSinceSend);
  if (early) return early;
  const proxy = firstMatch(IMAGE_PROXIES, ua);
  if (proxy) return human(proxy);
  const scanner = firstMatch(SCANNERS, ua);
  if (scanner) return machine(`${scanner} (user agent)`);
  if (APPLE_PROXY_USER_AGENT.test(ua)) return machine('Apple Mail Privacy Protection (proxy user agent)');
  if (isAppleAddress(ip)) return machine('Apple Mail Privacy Protection (Apple address)');
  return human('a mail client');
}

export function classifyClick({ userAgent, secondsSinceSend }: TrackingRequest): Classification {
  const ua = userAgent?.trim() ?? '';
  const early = scannerVerdict(ua, secondsSinceSend);
  if (early) return early;
  const scanner = firstMatch(SCANNERS, ua);
  if (scanner) return machine(`${scanner} (user agent)`);
  return human('a browser');
}
