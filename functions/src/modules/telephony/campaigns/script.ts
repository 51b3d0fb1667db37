// A call script as it is stored: HTML cut down to what an agent reads (paragraphs, section
// headings, emphasis, lists, links), with Liquid merge fields that must name a contact or account
// field of the catalog. Checked at save with strict variables against the catalog's samples, so
// the console never meets a script that fails to render.
import { Liquid, type Template } from 'liquidjs';
import sanitizeHtml from 'sanitize-html';
import type { FieldError } from '../../../core/app-error';
import { mergeFieldCatalog, protectLiquid } from '../../email';

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

/** `{ contact: { first_name: 'Alex', … }, account: { … } }` from the catalog's samples. */
function sampleContext(): Record<string, Record<string, string>> {
  const context: Record<string, Record<string, string>> = { contact: {}, account: {} };
  for (const f of SCRIPT_FIELDS) {
    const [group, name] = f.key.split('.') as [string, string];
    context[group]![name] = f.sample;
  }
  return context;
}

const engine = new Liquid({ ownPropertyOnly: true, strictVariables: true, templates: {}, parseLimit: 200_000, renderLimit: 250, memoryLimit: 10_000_000 });

const withoutPosition = (message: string) => message.replace(/, line:\d+, col:\d+$/, '');

/** The script's Liquid problems as field errors on `body.script` (none when it is fine). */
export function checkScriptLiquid(script: string): FieldError[] {
  let templates: Template[];
  try {
    templates = engine.parse(script);
  } catch (error) {
    return [{ field: 'body.script', message: `Liquid syntax: ${withoutPosition(String((error as Error).message))}` }];
  }
  const unknown = new Set<string>();
  const analysis = engine.analyzeSync(templates, { partials: false });
  for (const variables of Object.values(analysis.globals)) {
    for (const variable of variables) {
      const path = variable.segments.filter((s): s is string => typeof s === 'string').join('.');
      if (!FIELD_KEYS.has(path)) unknown.add(path);
    }
  }
  if (unknown.size) return [...unknown].map((path) => ({ field: 'body.script', message: `unknown merge field "${path}": scripts use contact and account fields` }));
  try {
    engine.renderSync(templates, sampleContext());
    return [];
  } catch (error) {
    return [{ field: 'body.script', message: withoutPosition(String((error as Error).message)) }];
  }
}

/** The merge fields a script may use, for the editor's picker. */
export const scriptMergeFields = () => SCRIPT_FIELDS.map((f) => ({ ...f }));
