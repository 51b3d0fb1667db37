// The rich text a text or footer block holds, kept to what the server keeps (p, br, strong, em,
// u, a[href], ul/ol/li): cleaned in the browser before it is stored or shown on the canvas, so
// pasted markup or a browser's own contentEditable tags never reach the document.
import { MERGE_CHIP_CLASS, fieldLabel, splitMergeTags } from '../merge-tag';

const ALLOWED = new Set(['P', 'BR', 'STRONG', 'EM', 'U', 'A', 'UL', 'OL', 'LI']);
const RENAMED: Record<string, string> = { B: 'strong', I: 'em', DIV: 'p' };

function cleanNode(node: Node, out: Document, extra: ReadonlySet<string>): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [out.createTextNode(node.textContent ?? '')];
  if (!(node instanceof Element)) return [];
  const children = [...node.childNodes].flatMap((child) => cleanNode(child, out, extra));
  const tag = RENAMED[node.tagName] ?? (ALLOWED.has(node.tagName) || extra.has(node.tagName) ? node.tagName.toLowerCase() : null);
  if (!tag) return children;
  const element = out.createElement(tag);
  if (tag === 'a') {
    const href = node.getAttribute('href');
    if (href) element.setAttribute('href', href);
  }
  element.append(...children);
  return [element];
}

const NO_EXTRA: ReadonlySet<string> = new Set();

/** Only the allowed tags (and an anchor's href), plus `extra` (upper-case names such as 'H3'); everything else is unwrapped to its text. */
export function cleanRichText(html: string, extra: ReadonlySet<string> = NO_EXTRA): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const container = out.createElement('div');
  container.append(...[...parsed.body.childNodes].flatMap((n) => cleanNode(n, out, extra)));
  return container.innerHTML;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The canvas shows links as styled text (a link inside the canvas would be a second, confusing
 * target) and merge fields as chips naming them, as headings do. Anchors go first, so every tag
 * left is in the text.
 */
export function canvasHtml(html: string): string {
  const unlinked = cleanRichText(html)
    .replace(/<a\b[^>]*>/g, '<span class="underline text-[var(--email-link)]">')
    .replace(/<\/a>/g, '</span>');
  return splitMergeTags(unlinked)
    .map((part) => (part.kind === 'text' ? part.text : `<span class="${MERGE_CHIP_CLASS}" title="${escapeAttribute(part.source)}">${escapeAttribute(fieldLabel(part.key))}</span>`))
    .join('');
}
