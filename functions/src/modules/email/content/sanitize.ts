// The two HTML allowlists: rich text inside a text or footer block, and an author's whole email in
// HTML mode (tables, inline styles from a short CSS list, images, links). Neither lets through
// scripts, frames, forms, event handlers, or links other than http(s), mailto: and tel:.
// Liquid is hidden from the sanitizer and put back as written, so `{% if a > b %}` keeps its `>`.
import sanitizeHtml from 'sanitize-html';
import { protectLiquid } from './liquid-text';

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
/** Tags whose content goes with them (the library's list and the document head). */
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'template', 'select'];

const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'u', 'a', 'ul', 'ol', 'li'],
  allowedAttributes: { a: ['href', 'data-notrack'] },
  allowedSchemes: LINK_SCHEMES,
  allowProtocolRelative: false,
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: { b: 'strong', i: 'em' },
};

/** Any value but one that fetches (url(), @import) or runs (expression(), javascript:, behavior). */
const SAFE_CSS_VALUE = /^(?![\s\S]*(?:url|expression|javascript|behavior|binding|import))[\w\s#%(),.'"+\-/!]+$/i;

const EMAIL_CSS_PROPERTIES = [
  'background-color', 'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color',
  'border-style', 'border-width', 'border-radius', 'border-collapse', 'border-spacing', 'color', 'direction', 'display',
  'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'height', 'letter-spacing', 'line-height',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'max-height', 'max-width', 'min-height',
  'min-width', 'mso-line-height-rule', 'mso-padding-alt', 'mso-table-lspace', 'mso-table-rspace', 'opacity',
  'overflow', 'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'table-layout',
  'text-align', 'text-decoration', 'text-indent', 'text-transform', 'vertical-align', 'white-space', 'width',
  'word-break', 'word-wrap',
];

const CELL_ATTRIBUTES = ['width', 'height', 'bgcolor', 'align', 'valign', 'colspan', 'rowspan'];

const EMAIL_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
    'div', 'span', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'font', 'blockquote', 'pre', 'code',
    'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'sub', 'sup', 'small',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img',
  ],
  allowedAttributes: {
    '*': ['style', 'align', 'dir', 'lang', 'title', 'role', 'class', 'aria-*'],
    table: ['width', 'height', 'border', 'cellpadding', 'cellspacing', 'bgcolor'],
    td: CELL_ATTRIBUTES,
    th: CELL_ATTRIBUTES,
    tr: ['bgcolor', 'valign'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    font: ['color', 'face', 'size'],
    a: ['href', 'name', 'target', 'rel', 'data-notrack'],
    img: ['src', 'alt', 'width', 'height', 'border'],
  },
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  allowedStyles: { '*': Object.fromEntries(EMAIL_CSS_PROPERTIES.map((p) => [p, [SAFE_CSS_VALUE]])) },
  nonTextTags: DROPPED_WITH_CONTENT,
};

function sanitizeAroundLiquid(html: string, options: sanitizeHtml.IOptions): string {
  const hidden = protectLiquid(html);
  return hidden.restore(sanitizeHtml(hidden.text, options));
}

/** A text or footer block's rich text: paragraphs, line breaks, bold, italic, underline, links and lists. */
export function sanitizeRichText(html: string): string {
  return sanitizeAroundLiquid(html, RICH_TEXT);
}

/** The body of an author's HTML email, made safe to send; what is outside `<body>` is dropped. */
export function sanitizeEmailBody(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  return sanitizeAroundLiquid(body ? body[1]! : html, EMAIL_HTML);
}
