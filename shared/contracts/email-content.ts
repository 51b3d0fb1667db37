// Email content as the editor saves it and the API checks it: the block document (sections,
// columns, blocks), the save-content request, merge fields, content issues and pre-flight items.
import { z } from 'zod';

// ── limits ────────────────────────────────────────────────────────────────────────────────────
export const MAX_EMAIL_HTML_BYTES = 512 * 1024;
export const MAX_SUBJECT_CHARS = 255;
export const MAX_PREHEADER_CHARS = 255;
export const MAX_SECTIONS = 40;
export const MAX_COLUMNS = 4;
export const MAX_BLOCKS_PER_COLUMN = 40;
export const MAX_BLOCKS = 200;
/** A text or footer block's rich text. */
export const MAX_RICH_TEXT_CHARS = 32 * 1024;
export const MAX_URL_CHARS = 2048;

// ── the Liquid variables the defaults and the unsubscribe check rely on ───────────────────────
export const UNSUBSCRIBE_URL_VARIABLE = 'unsubscribe_url';
export const PREFERENCES_URL_VARIABLE = 'preferences_url';

// ── building pieces ───────────────────────────────────────────────────────────────────────────
/** Fonts every mail client has: the document stores the key, the renderer writes the stack. */
export const EMAIL_FONTS = {
  arial: { label: 'Arial', stack: 'Arial, Helvetica, sans-serif' },
  helvetica: { label: 'Helvetica', stack: 'Helvetica, Arial, sans-serif' },
  verdana: { label: 'Verdana', stack: 'Verdana, Geneva, sans-serif' },
  tahoma: { label: 'Tahoma', stack: 'Tahoma, Verdana, sans-serif' },
  trebuchet: { label: 'Trebuchet MS', stack: "'Trebuchet MS', Helvetica, sans-serif" },
  georgia: { label: 'Georgia', stack: "Georgia, 'Times New Roman', serif" },
  times: { label: 'Times New Roman', stack: "'Times New Roman', Times, serif" },
  courier: { label: 'Courier New', stack: "'Courier New', Courier, monospace" },
} as const;
export type EmailFont = keyof typeof EMAIL_FONTS;
export const EMAIL_FONT_KEYS = Object.keys(EMAIL_FONTS) as [EmailFont, ...EmailFont[]];

export const ALIGNMENTS = ['left', 'center', 'right'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

const blockId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -');
const color = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a hex colour such as #1f2937');
const align = z.enum(ALIGNMENTS);

const LIQUID_START = /^\s*\{[{%]/;
const SAFE_LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** An absolute http(s), mailto: or tel: link, or one a merge field writes (`{{ unsubscribe_url }}`). */
export function isAllowedLinkHref(href: string): boolean {
  if (LIQUID_START.test(href)) return true;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(href.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && SAFE_LINK_SCHEMES.has(scheme);
}

// http links are accepted here so a draft can be saved; pre-flight marks them red.
const linkHref = z
  .string()
  .trim()
  .min(1)
  .max(MAX_URL_CHARS)
  .refine(isAllowedLinkHref, 'must be an absolute https link, mailto:, tel: or a merge field');

/** An image is an https URL or a key in the asset store, written `asset:<key>`. */
export const ASSET_PREFIX = 'asset:';
const ASSET_KEY = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,511}$/;
export function isAllowedImageSrc(src: string): boolean {
  if (src.startsWith(ASSET_PREFIX)) {
    const key = src.slice(ASSET_PREFIX.length);
    return ASSET_KEY.test(key) && !key.split('/').includes('..');
  }
  try {
    return new URL(src).protocol === 'https:';
  } catch {
    return false;
  }
}
const imageSrc = z.string().trim().min(1).max(MAX_URL_CHARS).refine(isAllowedImageSrc, 'must be an https URL or asset:<key>');

// ── blocks ────────────────────────────────────────────────────────────────────────────────────
export const headingBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('heading'),
  /** Plain text; merge fields allowed. */
  text: z.string().max(500),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(1),
  align: align.default('left'),
});

export const textBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('text'),
  /** Rich text: p, br, strong, em, u, a[href], ul/ol/li. Anything else is removed on the server. */
  html: z.string().max(MAX_RICH_TEXT_CHARS),
});

export const imageBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('image'),
  src: imageSrc,
  /** Empty is accepted for a draft; pre-flight asks for it. */
  alt: z.string().max(300).default(''),
  href: linkHref.optional(),
  /** Pixels; the column's width when omitted. */
  width: z.number().int().min(16).max(800).optional(),
});

export const buttonBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('button'),
  label: z.string().trim().min(1).max(200),
  href: linkHref,
  background: color.default('#2563eb'),
  color: color.default('#ffffff'),
  align: align.default('center'),
});

export const dividerBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('divider'),
  color: color.default('#e5e7eb'),
  thickness: z.number().int().min(1).max(10).default(1),
});

export const spacerBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('spacer'),
  height: z.number().int().min(4).max(120),
});

export const footerBlockSchema = z.strictObject({
  id: blockId,
  type: z.literal('footer'),
  /** Rich text like a text block; the default holds the unsubscribe and preferences links and the postal address. */
  html: z.string().max(MAX_RICH_TEXT_CHARS),
});

export const blockSchema = z.discriminatedUnion('type', [
  headingBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  buttonBlockSchema,
  dividerBlockSchema,
  spacerBlockSchema,
  footerBlockSchema,
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export type HeadingBlock = z.infer<typeof headingBlockSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type ImageBlock = z.infer<typeof imageBlockSchema>;
export type ButtonBlock = z.infer<typeof buttonBlockSchema>;
export type DividerBlock = z.infer<typeof dividerBlockSchema>;
export type SpacerBlock = z.infer<typeof spacerBlockSchema>;
export type FooterBlock = z.infer<typeof footerBlockSchema>;

// ── layout ────────────────────────────────────────────────────────────────────────────────────
export const columnSchema = z.strictObject({
  id: blockId,
  /** Percent of the section; columns without one share what is left equally. */
  width: z.number().min(10).max(100).optional(),
  blocks: z.array(blockSchema).max(MAX_BLOCKS_PER_COLUMN),
});
export type Column = z.infer<typeof columnSchema>;

export const sectionSchema = z
  .strictObject({
    id: blockId,
    background: color.optional(),
    /** Pixels above and below the section's content. */
    padding: z.number().int().min(0).max(120).optional(),
    columns: z.array(columnSchema).min(1).max(MAX_COLUMNS),
  })
  .refine((s) => s.columns.reduce((sum, c) => sum + (c.width ?? 0), 0) <= 100, {
    message: 'column widths add up to more than 100%',
    path: ['columns'],
  });
export type Section = z.infer<typeof sectionSchema>;

export const emailSettingsSchema = z.strictObject({
  /** Pixels. */
  width: z.number().int().min(480).max(800).default(600),
  background: color.default('#f3f4f6'),
  contentBackground: color.default('#ffffff'),
  fontFamily: z.enum(EMAIL_FONT_KEYS).default('arial'),
  textColor: color.default('#1f2937'),
  linkColor: color.default('#2563eb'),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

const countBlocks = (sections: Section[]) => sections.reduce((n, s) => n + s.columns.reduce((m, c) => m + c.blocks.length, 0), 0);

export const emailDocumentSchema = z
  .strictObject({
    version: z.literal(1),
    settings: emailSettingsSchema.prefault({}),
    sections: z.array(sectionSchema).max(MAX_SECTIONS),
  })
  .refine((d) => countBlocks(d.sections) <= MAX_BLOCKS, { message: `at most ${MAX_BLOCKS} blocks in an email`, path: ['sections'] })
  .refine((d) => uniqueIds(d.sections), { message: 'section, column and block ids must be unique', path: ['sections'] });
export type EmailDocument = z.infer<typeof emailDocumentSchema>;
/** What the editor may send: the defaults are filled in on parse. */
export type EmailDocumentInput = z.input<typeof emailDocumentSchema>;

function uniqueIds(sections: Section[]): boolean {
  const ids = sections.flatMap((s) => [s.id, ...s.columns.flatMap((c) => [c.id, ...c.blocks.map((b) => b.id)])]);
  return new Set(ids).size === ids.length;
}

// ── saving content ────────────────────────────────────────────────────────────────────────────
export const CONTENT_MODES = ['blocks', 'html'] as const;
export type ContentMode = (typeof CONTENT_MODES)[number];

/** UTF-8 bytes, counted the same way in the browser and on the server. */
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** PUT of a campaign's or template's content: a block document, or the author's own HTML. */
export const saveEmailContentSchema = z
  .strictObject({
    mode: z.enum(CONTENT_MODES),
    document: emailDocumentSchema.optional(),
    html: z
      .string()
      .refine((h) => utf8Bytes(h) <= MAX_EMAIL_HTML_BYTES, `must be at most ${MAX_EMAIL_HTML_BYTES / 1024} KB`)
      .optional(),
    /** Empty is accepted for a draft; pre-flight asks for one. */
    subject: z.string().trim().max(MAX_SUBJECT_CHARS),
    preheader: z.string().trim().max(MAX_PREHEADER_CHARS).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.mode === 'blocks' && !c.document) ctx.addIssue({ code: 'custom', path: ['document'], message: 'blocks mode needs a document' });
    if (c.mode === 'html' && c.html === undefined) ctx.addIssue({ code: 'custom', path: ['html'], message: 'html mode needs html' });
  });
export type SaveEmailContent = z.infer<typeof saveEmailContentSchema>;
export type SaveEmailContentInput = z.input<typeof saveEmailContentSchema>;

// ── merge fields, issues, pre-flight ──────────────────────────────────────────────────────────
/** `content`: the tracking links of the assets linked to a campaign (a call script's picker lists them). */
export const MERGE_FIELD_GROUPS = ['contact', 'account', 'campaign', 'content', 'system'] as const;
export type MergeFieldGroup = (typeof MERGE_FIELD_GROUPS)[number];

export const mergeFieldSchema = z.object({
  /** The Liquid path, e.g. `contact.first_name`. */
  key: z.string(),
  label: z.string(),
  group: z.enum(MERGE_FIELD_GROUPS),
  /** What the preview and the save-time check render it as. */
  sample: z.string(),
});
export type MergeField = z.infer<typeof mergeFieldSchema>;

/** Something wrong with saved content: which field (`subject`, `preheader`, `html`, `text`, `mjml`) and why. */
export const contentIssueSchema = z.object({
  field: z.string(),
  reason: z.string(),
  /** 1-based, in the part as compiled (the MJML source for `mjml`, the compiled HTML for `html`). */
  line: z.number().int().optional(),
});
export type ContentIssue = z.infer<typeof contentIssueSchema>;

export const PREFLIGHT_STATUSES = ['green', 'amber', 'red'] as const;
export type PreflightStatus = (typeof PREFLIGHT_STATUSES)[number];

export const preflightItemSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(PREFLIGHT_STATUSES),
  reason: z.string(),
  /** The offending links, images, words or recipients, one a line. */
  details: z.array(z.string()).optional(),
});
export type PreflightItem = z.infer<typeof preflightItemSchema>;

// ── a new email ───────────────────────────────────────────────────────────────────────────────
const DEFAULT_FOOTER_HTML =
  `<p>{{ sender.from_name }} · {{ sender.postal_address }}</p>` +
  `<p><a href="{{ ${UNSUBSCRIBE_URL_VARIABLE} }}">Unsubscribe</a> · <a href="{{ ${PREFERENCES_URL_VARIABLE} }}">Manage preferences</a></p>`;

/** The document a new campaign or template starts from: a greeting, a paragraph, a button and the footer. */
export function newEmailDocument(): EmailDocument {
  return emailDocumentSchema.parse({
    version: 1,
    sections: [
      {
        id: 'section-body',
        padding: 24,
        columns: [
          {
            id: 'column-body',
            blocks: [
              { id: 'greeting', type: 'heading', text: 'Hi {{ contact.first_name | default: "there" }},', level: 1 },
              { id: 'message', type: 'text', html: '<p>Write your message here.</p>' },
              { id: 'call-to-action', type: 'button', label: 'Learn more', href: 'https://example.com' },
            ],
          },
        ],
      },
      {
        id: 'section-footer',
        padding: 16,
        columns: [{ id: 'column-footer', blocks: [{ id: 'footer', type: 'footer', html: DEFAULT_FOOTER_HTML }] }],
      },
    ],
  });
}
