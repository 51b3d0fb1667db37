// A campaign script's merge fields filled with the contact on the line. The script is the
// sanitized HTML the API stores (its sanitizer runs at save, like a note's); merge fields are
// Liquid outputs of the email catalog's keys (`{{ contact.first_name | default: "there" }}`),
// filled here with HTML-escaped values so a contact's data can never add markup.
import type { Contact } from '@shared/contracts/accounts';

const OUTPUT_TAG = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*default:\s*"((?:[^"\\]|\\.)*)"\s*)?\}\}/g;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export type ScriptContact = Pick<Contact, 'account'> & Partial<Omit<Contact, 'account'>>;

export interface ScriptContext {
  contact: ScriptContact | null;
  /** The agent's own first name, for `{{ agent.first_name }}`. */
  agentName?: string | null;
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

/** The script with every merge field replaced by the contact's value, else its fallback (else nothing). */
export function renderScript(html: string, context: ScriptContext): string {
  return html.replace(OUTPUT_TAG, (_, key: string, fallback: string | undefined) => {
    const value = valueOf(key, context) ?? (fallback ?? '').replace(/\\(.)/g, '$1');
    return escapeHtml(value);
  });
}
