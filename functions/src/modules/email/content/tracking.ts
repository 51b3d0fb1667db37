// Open and click tracking: HMAC-signed tokens for the `/t/...` URLs, and the tracked copy of a
// message (each trackable link pointed at its click URL, an open pixel before `</body>`).
//
// Tracking is prepared on the compiled template, before personalization, and applied after it:
// `prepareTracking` finds the trackable links once per campaign and wraps each href in two
// control-character markers (which merge values can never contain: mergeContext strips them);
// each recipient's copy is personalized from `prepared.html` and `prepared.render` then swaps the
// markers for that recipient's URLs in one indexOf walk. So a link's index is its place in the
// template, the same in every copy (links inside `{% if %}` simply do not appear in some), and
// an href written with Liquid is rendered per recipient like the rest of the message. The click
// token carries the index only: the redirect reads the target from `links[index].url`, rendering
// it with the recipient's context when it holds Liquid.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { escapeAttribute, withoutControlCharacters } from './html-escape';
import { ANCHOR_TAG, attributePattern, decodeAttribute, rawValue } from './html-scan';
import { splitLiquid } from './liquid-text';
import { isSubscriptionPageLink } from './merge-fields';

// ── tokens ────────────────────────────────────────────────────────────────────────────────────

export type TrackingKind = 'o' | 'c' | 'u';

export interface TrackingPayload {
  /** o: open, c: click, u: unsubscribe. */
  k: TrackingKind;
  /** Campaign id (a uuid; verified tokens give it in lower case). */
  c: string;
  /** Recipient id. */
  r: string;
  /** Link index (clicks). */
  l?: number;
}

const VERSION = 1;
const KINDS: readonly TrackingKind[] = ['o', 'c', 'u'];
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_LINK_INDEX = 0xffff;
const MAX_RECIPIENT_BYTES = 255;
/** Head, campaign, a one-byte recipient with its length, and the MAC. */
const MIN_TOKEN_BYTES = 1 + 16 + 2 + 16;

const FLAG_UUID_RECIPIENT = 0b10;
const FLAG_LINK = 0b01;

/** Writes a uuid's 16 bytes at `offset` (the sending engine signs several tokens a message: no intermediate buffers). */
const writeUuid = (out: Buffer, offset: number, uuid: string) => out.write(uuid.replace(/-/g, ''), offset, 16, 'hex');
function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const mac = (secret: string | Uint8Array, body: Buffer) => createHmac('sha256', secret).update(body).digest();

function checkPayload(secret: string | Uint8Array, payload: TrackingPayload): void {
  if (secret.length === 0) throw new Error('A tracking secret is required.');
  if (!KINDS.includes(payload.k)) throw new Error(`Unknown tracking kind "${payload.k}".`);
  if (!UUID.test(payload.c)) throw new Error('A tracking token needs the campaign id as a uuid.');
  if (payload.l !== undefined && !(Number.isInteger(payload.l) && payload.l >= 0 && payload.l <= MAX_LINK_INDEX)) {
    throw new Error(`A link index must be a whole number from 0 to ${MAX_LINK_INDEX}.`);
  }
}

/**
 * Layout: one byte (version << 4 | kind << 2 | flags), the campaign uuid (16 bytes), the
 * recipient (16 bytes when a uuid, else a length byte and UTF-8), the link index (2 bytes, when
 * there is one), then the first 16 bytes of HMAC-SHA256 over all of that. base64url, no padding.
 */
export function signTrackingToken(secret: string | Uint8Array, payload: TrackingPayload): string {
  checkPayload(secret, payload);
  const recipientIsUuid = UUID.test(payload.r);
  const recipientBytes = recipientIsUuid ? 16 : Buffer.byteLength(payload.r, 'utf8');
  if (!recipientIsUuid && (recipientBytes === 0 || recipientBytes > MAX_RECIPIENT_BYTES)) {
    throw new Error(`A recipient id must be 1–${MAX_RECIPIENT_BYTES} bytes.`);
  }
  const hasLink = payload.l !== undefined;
  const bodyLength = 17 + (recipientIsUuid ? 16 : 1 + recipientBytes) + (hasLink ? 2 : 0);
  const out = Buffer.allocUnsafe(bodyLength + MAC_BYTES);
  out[0] = (VERSION << 4) | (KINDS.indexOf(payload.k) << 2) | (recipientIsUuid ? FLAG_UUID_RECIPIENT : 0) | (hasLink ? FLAG_LINK : 0);
  writeUuid(out, 1, payload.c);
  if (recipientIsUuid) {
    writeUuid(out, 17, payload.r);
  } else {
    out[17] = recipientBytes;
    out.write(payload.r, 18, 'utf8');
  }
  if (hasLink) out.writeUInt16BE(payload.l!, bodyLength - 2);
  mac(secret, out.subarray(0, bodyLength)).copy(out, bodyLength, 0, MAC_BYTES);
  return out.toString('base64url');
}

function readBody(body: Buffer): TrackingPayload | null {
  const head = body[0]!;
  const kind = KINDS[(head >> 2) & 0b11];
  if (head >> 4 !== VERSION || kind === undefined) return null;
  let at = 17;
  let recipient: string;
  if (head & FLAG_UUID_RECIPIENT) {
    recipient = uuidText(body.subarray(at, at + 16));
    at += 16;
  } else {
    const length = body[at] ?? 0;
    if (length === 0) return null;
    recipient = body.subarray(at + 1, at + 1 + length).toString('utf8');
    at += 1 + length;
  }
  const link = head & FLAG_LINK ? body.readUInt16BE(at) : undefined;
  if (link !== undefined) at += 2;
  if (at !== body.length) return null;
  return { k: kind, c: uuidText(body.subarray(1, 17)), r: recipient, ...(link === undefined ? {} : { l: link }) };
}

/** The payload of a token this secret signed; null for anything else. Never throws. */
export function verifyTrackingToken(secret: string | Uint8Array, token: string): TrackingPayload | null {
  try {
    if (secret.length === 0 || typeof token !== 'string' || !BASE64URL.test(token)) return null;
    const bytes = Buffer.from(token, 'base64url');
    // base64url has several spellings of the same bytes (the last character's spare bits): only
    // the one this module writes is accepted, so no changed character ever verifies.
    if (bytes.length < MIN_TOKEN_BYTES || bytes.toString('base64url') !== token) return null;
    const body = bytes.subarray(0, bytes.length - MAC_BYTES);
    if (!timingSafeEqual(bytes.subarray(bytes.length - MAC_BYTES), mac(secret, body).subarray(0, MAC_BYTES))) return null;
    return readBody(body);
  } catch {
    return null;
  }
}

// ── tracked HTML ──────────────────────────────────────────────────────────────────────────────

export interface TrackedLink {
  /** The link's place among the template's tracked links, from 0. */
  index: number;
  /** The href as written in the template (entities decoded; may hold Liquid). */
  url: string;
}

export interface TrackingUrls {
  /** This recipient's tracked URL for a link; `target` is its href as rendered for them. */
  click(link: { index: number; target: string }): string;
  /** This recipient's open pixel URL. */
  open: string;
}

export interface PreparedTracking {
  links: TrackedLink[];
  /** The template with its tracked hrefs and the pixel's place marked: personalize this one. */
  html: string;
  /** A personalized copy of `html` with each recipient's URLs and the open pixel in place. */
  render(personalizedHtml: string, urls: TrackingUrls): string;
}

const START = '\u0002';
const SEPARATOR = '\u0001';
const END = '\u0003';
const PIXEL_MARK = `${START}o${END}`;

const HREF = attributePattern('href');
const NO_TRACK = /\sdata-notrack(?:[\s=>]|$)/i;

const isWebUrl = (url: string) => /^https?:\/\//i.test(url.trim());

/** Web links are tracked, and links written by Liquid, except the unsubscribe and preferences pages. */
function isTrackable(href: string): boolean {
  if (isSubscriptionPageLink(href)) return false;
  const parts = splitLiquid(href);
  const literal = parts[0]!.trim();
  return literal === '' ? parts.length > 1 : isWebUrl(literal);
}

/** Finds the trackable links of a compiled template and marks them (see the header). */
export function prepareTracking(templateHtml: string): PreparedTracking {
  const source = withoutControlCharacters(templateHtml);
  const links: TrackedLink[] = [];
  const marked = source.replace(ANCHOR_TAG, (tag) => {
    const href = HREF.exec(tag);
    if (!href || NO_TRACK.test(tag)) return tag;
    const [whole, prefix] = href;
    const raw = rawValue(href);
    const url = decodeAttribute(raw);
    if (!isTrackable(url)) return tag;
    const quote = href[3] !== undefined ? "'" : '"';
    const index = links.push({ index: links.length, url }) - 1;
    return tag.replace(whole, () => `${prefix}${quote}${START}${index}${SEPARATOR}${raw}${END}${quote}`);
  });
  const bodyEnd = marked.search(/<\/body\s*>(?![\s\S]*<\/body\s*>)/i);
  const html = bodyEnd < 0 ? marked + PIXEL_MARK : marked.slice(0, bodyEnd) + PIXEL_MARK + marked.slice(bodyEnd);
  return { links, html, render: renderTracked };
}

function pixel(url: string): string {
  return `<img src="${escapeAttribute(url)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;" />`;
}

function trackedHref(marker: string, urls: TrackingUrls): string {
  const separator = marker.indexOf(SEPARATOR);
  const index = Number(marker.slice(0, separator));
  const rendered = marker.slice(separator + 1);
  if (separator < 0 || !Number.isInteger(index)) throw new Error('A tracked link marker was damaged in rendering.');
  const target = decodeAttribute(rendered).trim();
  // Liquid may have written something other than a web link (mailto:, or nothing): left as is.
  return isWebUrl(target) ? escapeAttribute(urls.click({ index, target })) : rendered;
}

function renderTracked(html: string, urls: TrackingUrls): string {
  const out: string[] = [];
  let from = 0;
  for (let start = html.indexOf(START); start >= 0; start = html.indexOf(START, from)) {
    const end = html.indexOf(END, start);
    if (end < 0) throw new Error('A tracking marker was left open in rendering.');
    const marker = html.slice(start + 1, end);
    out.push(html.slice(from, start), marker === 'o' ? pixel(urls.open) : trackedHref(marker, urls));
    from = end + 1;
  }
  out.push(html.slice(from));
  return out.join('');
}
