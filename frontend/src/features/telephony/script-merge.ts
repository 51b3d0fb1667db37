// A campaign script's merge fields filled with the contact on the line. The script is the
// sanitized HTML the API stores (its sanitizer runs at save, like a note's); merge fields are
// Liquid outputs of the email catalog's keys (`{{ contact.first_name | default: "there" }}`; the
// API stores the fallback single-quoted), filled here with HTML-escaped values so a contact's data
// can never add markup. `{{ content.<key> }}` is the contact's tracking URL of a linked asset: in
// the text it becomes a slot the console fills with the URL and a copy button (never a live link:
// the agent opening it would count as the contact's click); in an attribute, the URL itself, and a
// link the author wrote to it is marked `data-tracked-link` for the console to keep shut.
import type { Contact } from '@shared/contracts/accounts';

/** One output tag, whole: `{{ key }}` or `{{ key | default: "…" }}` (either quote). */
const OUTPUT = /^\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*default:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*)?\}\}$/;
/** Liquid outputs in the text, and HTML tags whole (with any Liquid in their attributes). */
const PARTS = /\{\{[\s\S]*?\}\}|<(?:[^>{]|\{(?!\{)|\{\{[\s\S]*?\}\})*>/g;
const LIQUID_OUTPUT = /\{\{[\s\S]*?\}\}/g;
/** A content link's key, as the content module makes them (lower-case words joined by `_`). */
const CONTENT_KEY = /^content\.([a-z][a-z0-9_]*)$/;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export type ScriptContact = Pick<Contact, 'account'> & Partial<Omit<Contact, 'account'>>;

export interface ScriptContext {
  contact: ScriptContact | null;
  /** The agent's own first name, for `{{ agent.first_name }}`. */
  agentName?: string | null;
  /** The contact's tracking URL of each content link, by key (`content.<key>`); 'loading' while they are read. */
  contentLinks?: Readonly<Record<string, string>> | 'loading';
}

function valueOf(key: string, context: ScriptContext): string | null {
  const [scope, field] = key.split('.', 2);
  if (!field) return null;
  const name = camelCase(field);
  const pick = (record: object | null | undefined) => {
    const value = record ? (record as Record<string, unknown>)[name] : undefined;
    return value === null || value === undefined || value === '' || typeof value === 'object' ? null : String(value);
  };
  if (scope === 'contact') return pick(context.contact);
  if (scope === 'account') return pick(context.contact?.account);
  if (scope === 'agent' && name === 'firstName') return context.agentName ?? null;
  return null;
}

type Place = 'text' | 'attribute' | 'link text';

function fillOutput(tag: string, context: ScriptContext, place: Place): string {
  const output = OUTPUT.exec(tag);
  if (!output) return tag;
  const [, key, doubleQuoted, singleQuoted] = output as unknown as [string, string, string | undefined, string | undefined];
  const fallback = (doubleQuoted ?? singleQuoted ?? '').replace(/\\(.)/g, '$1');
  const content = CONTENT_KEY.exec(key);
  if (!content) return escapeHtml(valueOf(key, context) ?? fallback);
  const name = content[1]!;
  const links = context.contentLinks;
  const url = links && links !== 'loading' ? (links[name] ?? null) : null;
  if (place !== 'text') return escapeHtml(url ?? fallback);
  if (url) return `<span class="script-link" data-content-link="${name}"><span class="script-link-url">${escapeHtml(url)}</span><span data-copy-slot="${name}"></span></span>`;
  if (fallback) return escapeHtml(fallback);
  return links === 'loading' ? '<span class="script-link-missing">loading link…</span>' : '<span class="script-link-missing">link not available</span>';
}

const isContentOutput = (tag: string) => CONTENT_KEY.test(OUTPUT.exec(tag)?.[1] ?? '');

/** The script with every merge field replaced by the contact's value, else its fallback (else nothing). */
export function renderScript(html: string, context: ScriptContext): string {
  let anchors = 0;
  return html.replace(PARTS, (part) => {
    if (part.startsWith('{{')) return fillOutput(part, context, anchors > 0 ? 'link text' : 'text');
    const filled = part.replace(LIQUID_OUTPUT, (tag) => fillOutput(tag, context, 'attribute'));
    if (/^<a[\s>]/i.test(part)) {
      anchors += 1;
      if ((part.match(LIQUID_OUTPUT) ?? []).some(isContentOutput)) return filled.replace(/^<a/i, '<a data-tracked-link=""');
    } else if (/^<\/a\s*>/i.test(part)) anchors = Math.max(0, anchors - 1);
    return filled;
  });
}
