// Reading the links and images of compiled HTML without a DOM: the tags this module and MJML
// write (attributes quoted or bare, `>` allowed inside quotes).

export const ANCHOR_TAG = /<a\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const IMAGE_TAG = /<img\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** An attribute's match: [whole, `name=` with its spacing, double-quoted, single-quoted, bare]. */
export function attributePattern(name: string): RegExp {
  return new RegExp(`(\\s${name}\\s*=\\s*)(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
}

const HREF = attributePattern('href');
const SRC = attributePattern('src');
const ALT = attributePattern('alt');

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** An attribute value as the browser reads it (the few entities HTML writers use). */
export function decodeAttribute(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|apos|lt|gt));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES[name!.toLowerCase()] ?? whole;
  });
}

/** The raw (still encoded) value of a matched attribute. */
export const rawValue = (match: RegExpExecArray) => match[2] ?? match[3] ?? match[4] ?? '';

function attribute(tag: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(tag);
  return match ? decodeAttribute(rawValue(match)) : undefined;
}

/** Every `<a>`'s href (decoded), in document order; anchors without one are skipped. */
export function anchorHrefs(html: string): string[] {
  return [...html.matchAll(ANCHOR_TAG)].flatMap((m) => attribute(m[0], HREF) ?? []);
}

export interface ImageTag {
  src: string;
  /** Undefined when the tag has no alt attribute at all. */
  alt: string | undefined;
}

export function imageTags(html: string): ImageTag[] {
  return [...html.matchAll(IMAGE_TAG)].map((m) => ({ src: attribute(m[0], SRC) ?? '', alt: attribute(m[0], ALT) }));
}
