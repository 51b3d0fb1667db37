// The editor's block document written as MJML. Text is escaped and rich text sanitized, while
// Liquid is left as written everywhere (headings, rich text, button labels, hrefs), so the
// compiled HTML still personalizes per recipient.
import {
  ASSET_PREFIX,
  EMAIL_FONTS,
  type Block,
  type Column,
  type EmailDocument,
  type EmailSettings,
  type Section,
} from '@shared/contracts/email-content';
import { escapeAttribute, escapeText } from './html-escape';
import { mapOutsideLiquid, singleQuoted, splitLiquid } from './liquid-text';
import { sanitizeRichText } from './sanitize';

export interface BlocksToMjmlOptions {
  /** The line inbox lists show after the subject; merge fields allowed. */
  preheader?: string;
  /** The public URL of an asset-store key, for `asset:<key>` images. */
  assetUrl: (key: string) => string;
}

const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;
const BLOCK_PADDING = '8px 24px';
const FOOTER_COLOR = '#6b7280';

/** Text content: escaped between Liquid tags, the tags as written. */
const text = (value: string) => mapOutsideLiquid(value, escapeText);

/**
 * A double-quoted attribute value. Liquid's own double quotes become single ones; a tag that
 * still holds one (a string with an apostrophe) gets it escaped and fails the save-time check.
 */
function attribute(value: string): string {
  return splitLiquid(value)
    .map((part, i) => (i % 2 === 0 ? escapeAttribute(part) : singleQuoted(part).replace(/"/g, '&quot;')))
    .join('');
}

function attributes(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${attribute(String(value))}"`)
    .join('');
}

function imageUrl(src: string, assetUrl: (key: string) => string): string {
  return src.startsWith(ASSET_PREFIX) ? assetUrl(src.slice(ASSET_PREFIX.length)) : src;
}

function blockMjml(block: Block, opts: BlocksToMjmlOptions): string {
  switch (block.type) {
    case 'heading': {
      const size = HEADING_SIZES[block.level];
      const style = `margin:0;font-size:${size}px;line-height:1.25;font-weight:700;`;
      return `<mj-text${attributes({ align: block.align, padding: BLOCK_PADDING })}><h${block.level} style="${style}">${text(block.text)}</h${block.level}></mj-text>`;
    }
    case 'text':
      return `<mj-text${attributes({ padding: BLOCK_PADDING })}>${sanitizeRichText(block.html)}</mj-text>`;
    case 'image':
      return `<mj-image${attributes({
        src: imageUrl(block.src, opts.assetUrl),
        alt: block.alt,
        href: block.href,
        width: block.width === undefined ? undefined : `${block.width}px`,
        padding: BLOCK_PADDING,
      })} />`;
    case 'button':
      return `<mj-button${attributes({
        href: block.href,
        'background-color': block.background,
        color: block.color,
        align: block.align,
        'font-size': '16px',
        'inner-padding': '12px 24px',
      })}>${text(block.label)}</mj-button>`;
    case 'divider':
      return `<mj-divider${attributes({ 'border-color': block.color, 'border-width': `${block.thickness}px`, padding: '12px 24px' })} />`;
    case 'spacer':
      return `<mj-spacer${attributes({ height: `${block.height}px` })} />`;
    case 'footer':
      return `<mj-text${attributes({ align: 'center', 'font-size': '12px', color: FOOTER_COLOR, padding: BLOCK_PADDING })}>${sanitizeRichText(block.html)}</mj-text>`;
  }
}

/** Columns without a width share what the others leave equally. */
function columnWidths(columns: Column[]): string[] {
  const given = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const open = columns.filter((c) => c.width === undefined).length;
  const share = open > 0 ? Math.max(0, 100 - given) / open : 0;
  return columns.map((c) => `${Number((c.width ?? share).toFixed(2))}%`);
}

function sectionMjml(section: Section, settings: EmailSettings, opts: BlocksToMjmlOptions): string {
  const widths = columnWidths(section.columns);
  const padding = section.padding === undefined ? undefined : `${section.padding}px 0`;
  const columns = section.columns.map((column, i) => {
    const blocks = column.blocks.map((b) => `        ${blockMjml(b, opts)}`);
    return [`      <mj-column${attributes({ width: widths[i] })}>`, ...blocks, '      </mj-column>'].join('\n');
  });
  const open = `    <mj-section${attributes({ 'background-color': section.background ?? settings.contentBackground, padding })}>`;
  return [open, ...columns, '    </mj-section>'].join('\n');
}

function headMjml(settings: EmailSettings, preheader: string | undefined): string {
  const font = EMAIL_FONTS[settings.fontFamily].stack;
  return [
    '  <mj-head>',
    ...(preheader ? [`    <mj-preview>${text(preheader)}</mj-preview>`] : []),
    '    <mj-attributes>',
    `      <mj-all${attributes({ 'font-family': font })} />`,
    `      <mj-text${attributes({ color: settings.textColor, 'font-size': '16px', 'line-height': '1.5' })} />`,
    '    </mj-attributes>',
    `    <mj-style inline="inline">a { color: ${settings.linkColor}; }</mj-style>`,
    '  </mj-head>',
  ].join('\n');
}

/** The document as an MJML source (settings in the head, one mj-section per section). */
export function blocksToMjml(doc: EmailDocument, opts: BlocksToMjmlOptions): string {
  const { settings } = doc;
  return [
    '<mjml>',
    headMjml(settings, opts.preheader),
    `  <mj-body${attributes({ width: `${settings.width}px`, 'background-color': settings.background })}>`,
    ...doc.sections.map((s) => sectionMjml(s, settings, opts)),
    '  </mj-body>',
    '</mjml>',
  ].join('\n');
}
