// Where Liquid sits in a piece of content, so the HTML tools (sanitizer, MJML, plain-text
// converter) can work around it: they would otherwise escape `>` in `{% if a > b %}`, re-quote
// `default: "there"` inside an attribute, or upper-case a heading's `{{ contact.first_name }}`.
import { randomBytes } from 'node:crypto';

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/** Text and Liquid alternating: even indexes are text (maybe empty), odd ones Liquid tags or outputs. */
export function splitLiquid(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const match of source.matchAll(LIQUID)) {
    parts.push(source.slice(from, match.index), match[0]);
    from = match.index + match[0].length;
  }
  parts.push(source.slice(from));
  return parts;
}

/** Applies `escape` to the text between Liquid tags and leaves the tags as written. */
export function mapOutsideLiquid(source: string, escape: (text: string) => string): string {
  return splitLiquid(source)
    .map((part, i) => (i % 2 === 0 ? escape(part) : part))
    .join('');
}

/**
 * A tag's double-quoted strings as single-quoted ones (same meaning in Liquid), so the tag can
 * stand inside a double-quoted HTML attribute. A string holding a single quote is left alone.
 */
export function singleQuoted(tag: string): string {
  return tag.replace(/"([^"']*)"/g, "'$1'");
}

export interface ProtectedLiquid {
  /** The source with each Liquid tag replaced by a plain-word placeholder. */
  text: string;
  /** Puts the tags back wherever their placeholders ended up. */
  restore(transformed: string): string;
}

/** Hides Liquid behind placeholders that HTML tools leave alone (letters and digits only). */
export function protectLiquid(source: string): ProtectedLiquid {
  const prefix = uniquePrefix(source);
  const tags: string[] = [];
  const text = source.replace(LIQUID, (tag) => `${prefix}${tags.push(singleQuoted(tag)) - 1}x`);
  const placeholder = new RegExp(`${prefix}(\\d+)x`, 'g');
  return { text, restore: (transformed) => transformed.replace(placeholder, (_, i: string) => tags[Number(i)] ?? '') };
}

function uniquePrefix(source: string): string {
  for (;;) {
    const prefix = `lq${randomBytes(5).toString('hex')}n`;
    if (!source.includes(prefix)) return prefix;
  }
}
