// Saved content compiled once, at save time, into what every send reuses: the HTML (blocks → MJML
// → HTML, or the author's HTML sanitized), the plain-text part, and the issues an author must
// see (MJML validation, Liquid syntax, unknown merge fields). Liquid is still in the output: each
// recipient's copy is rendered from it at send time.
import type { ContentIssue, SaveEmailContent } from '@shared/contracts/email-content';
import { invalid } from '../../../core/app-error';
import { blocksToMjml } from './blocks-to-mjml';
import { escapeText } from './html-escape';
import { checkLiquid } from './liquid-check';
import { mapOutsideLiquid } from './liquid-text';
import { compileMjml } from './mjml-compiler';
import { htmlToPlainText } from './plain-text';
import { sanitizeEmailBody } from './sanitize';

export interface CompileOptions {
  /** The public URL of an asset-store key, for `asset:<key>` images. */
  assetUrl: (key: string) => string;
}

export interface CompiledContent {
  /** The MJML the blocks were written as; null in HTML mode. */
  mjml: string | null;
  /** The HTML template (Liquid intact). */
  html: string;
  /** The plain-text template (Liquid intact). */
  text: string;
  subject: string;
  preheader: string;
  /** Empty when the content can be sent as it is. */
  issues: ContentIssue[];
}

// The hidden preheader as MJML writes it, so the plain-text converter skips both alike.
const PREHEADER_STYLE = 'display:none;font-size:1px;line-height:1px;max-height:0px;max-width:0px;opacity:0;overflow:hidden;mso-hide:all;';

/** An author's sanitized body in a minimal document, with the preheader hidden at its top. */
function htmlDocument(body: string, preheader: string): string {
  const hidden = preheader ? `<div style="${PREHEADER_STYLE}">${mapOutsideLiquid(preheader, escapeText)}</div>\n` : '';
  return [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '</head>',
    '<body>',
    `${hidden}${body}`,
    '</body>',
    '</html>',
  ].join('\n');
}

async function compileHtml(input: SaveEmailContent, preheader: string, opts: CompileOptions) {
  if (input.mode === 'html') {
    return { mjml: null, html: htmlDocument(sanitizeEmailBody(input.html ?? ''), preheader), issues: [] };
  }
  if (!input.document) throw invalid('document', 'blocks mode needs a document');
  const mjml = blocksToMjml(input.document, { preheader, assetUrl: opts.assetUrl });
  const compiled = await compileMjml(mjml);
  return { mjml, html: compiled.html, issues: compiled.issues };
}

export async function compileContent(input: SaveEmailContent, opts: CompileOptions): Promise<CompiledContent> {
  const subject = input.subject.trim();
  const preheader = input.preheader.trim();
  const { mjml, html, issues } = await compileHtml(input, preheader, opts);
  const text = htmlToPlainText(html);
  return { mjml, html, text, subject, preheader, issues: [...issues, ...checkLiquid({ subject, preheader, html, text })] };
}
