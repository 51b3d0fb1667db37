// A call script as it is stored: HTML cut down to what an agent reads (paragraphs, section
// headings, emphasis, lists, links), with Liquid merge fields that must name a contact or account
// field of the catalog, or `content.<key>` of an asset linked to the campaign (each contact's
// tracking URL in the console). Checked at save with strict variables against the catalog's
// samples, so the console never meets a script that fails to render.
import { Liquid, type Template } from 'liquidjs';
import sanitizeHtml from 'sanitize-html';
import type { MergeField } from '@shared/contracts/email-content';
import type { FieldError } from '../../../core/app-error';
import { mergeFieldCatalog, protectLiquid } from '../../email';
import type { ScriptContentField } from '../hooks';

const SCRIPT_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h3', 'h4', 'strong', 'em', 'u', 'a', 'ul', 'ol', 'li', 'blockquote'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'template', 'select'],
  transformTags: { b: 'strong', i: 'em', h1: 'h3', h2: 'h3' },
};

/** The script made safe to show in the console; Liquid is hidden from the sanitizer and put back as written. */
export function sanitizeScript(html: string): string {
  const hidden = protectLiquid(html);
  return hidden.restore(sanitizeHtml(hidden.text, SCRIPT_HTML)).trim();
}

/** Contact and account fields only: a call has no sender, campaign footer or unsubscribe link. */
const SCRIPT_FIELDS = mergeFieldCatalog().filter((f) => f.group === 'contact' || f.group === 'account');
const FIELD_KEYS: ReadonlySet<string> = new Set(SCRIPT_FIELDS.map((f) => f.key));

/** What a content link renders as at save and in the picker: a tracking URL's shape, never a real one. */
const sampleContentUrl = (key: string) => `https://pivotal.example/r/sample-${key}`;

/** `{ contact: { first_name: 'Alex', … }, account: { … }, content: { guide: 'https://…' } }` from the catalog's samples. */
function sampleContext(contentKeys: readonly string[]): Record<string, Record<string, string>> {
  const context: Record<string, Record<string, string>> = { contact: {}, account: {}, content: {} };
  for (const f of SCRIPT_FIELDS) {
    const [group, name] = f.key.split('.') as [string, string];
    context[group]![name] = f.sample;
  }
  for (const key of contentKeys) context.content![key] = sampleContentUrl(key);
  return context;
}

const engine = new Liquid({ ownPropertyOnly: true, strictVariables: true, templates: {}, parseLimit: 200_000, renderLimit: 250, memoryLimit: 10_000_000 });

const withoutPosition = (message: string) => message.replace(/, line:\d+, col:\d+$/, '');

/** Why a variable is not a merge field of this script. */
function unknownReason(path: string): string {
  if (path === 'content' || path.startsWith('content.')) return `unknown merge field "${path}": no content of that name is linked to this campaign`;
  return `unknown merge field "${path}": scripts use contact and account fields, and the content linked to the campaign`;
}

/**
 * The script's Liquid problems as field errors on `body.script` (none when it is fine).
 * `content` is what is linked to the campaign: each key may be used as `{{ content.<key> }}`.
 */
export function checkScriptLiquid(script: string, content: readonly Pick<ScriptContentField, 'key'>[] = []): FieldError[] {
  let templates: Template[];
  try {
    templates = engine.parse(script);
  } catch (error) {
    return [{ field: 'body.script', message: `Liquid syntax: ${withoutPosition(String((error as Error).message))}` }];
  }
  const contentKeys = content.map((c) => c.key);
  const known = new Set([...FIELD_KEYS, ...contentKeys.map((key) => `content.${key}`)]);
  const unknown = new Set<string>();
  const analysis = engine.analyzeSync(templates, { partials: false });
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const path = variable.segments.filter((s): s is string => typeof s === 'string').join('.');
      if (!known.has(path)) unknown.add(path);
    }
  }
  if (unknown.size) return [...unknown].map((path) => ({ field: 'body.script', message: unknownReason(path) }));
  try {
    engine.renderSync(templates, sampleContext(contentKeys));
    return [];
  } catch (error) {
    return [{ field: 'body.script', message: withoutPosition(String((error as Error).message)) }];
  }
}

/** The merge fields a script may use, for the editor's picker: the catalog's, then the campaign's content links. */
export function scriptMergeFields(content: readonly ScriptContentField[] = []): MergeField[] {
  return [
    ...SCRIPT_FIELDS.map((f) => ({ ...f })),
    ...content.map((c): MergeField => ({ key: `content.${c.key}`, label: c.title, group: 'content', sample: sampleContentUrl(c.key) })),
  ];
}
