// Where a CSV column goes: a template field of the contact or its account ("contact.email",
// "account.domain"), a custom field of the contact ("contact.custom.lead_score"), or nowhere (null).
import { ACCOUNT_TEMPLATE_FIELDS, CONTACT_TEMPLATE_FIELDS, type AccountTemplateKey, type ContactTemplateKey } from '../template';

export type TemplateTarget = `contact.${ContactTemplateKey}` | `account.${AccountTemplateKey}`;
export type CustomTarget = `contact.custom.${string}` | `account.custom.${string}`;
export type MappingTarget = TemplateTarget;
export type ColumnTarget = TemplateTarget | CustomTarget | null;

export const TEMPLATE_TARGETS: readonly TemplateTarget[] = [
  ...CONTACT_TEMPLATE_FIELDS.map((f) => `contact.${f.key}` as TemplateTarget),
  ...ACCOUNT_TEMPLATE_FIELDS.map((f) => `account.${f.key}` as TemplateTarget),
];

const TEMPLATE_TARGET_SET: ReadonlySet<string> = new Set(TEMPLATE_TARGETS);

export function isTemplateTarget(value: string): value is TemplateTarget {
  return TEMPLATE_TARGET_SET.has(value);
}

/** Custom field names are the API's: a letter, then letters, digits and underscores. */
export function isCustomTarget(value: string): value is CustomTarget {
  return /^(contact|account)\.custom\.[a-zA-Z][a-zA-Z0-9_]{0,62}$/.test(value);
}

/** A custom field name for a header: "Lead Score (2024)" → "lead_score_2024"; null when nothing is left. */
export function customFieldName(header: string): string | null {
  let name = header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name) return null;
  if (!/^[a-z]/.test(name)) name = `f_${name}`;
  return name.slice(0, 63);
}

/** The template header a target stands for, e.g. "account.domain" → "Company Domain". */
export function headerOfTarget(target: TemplateTarget): string {
  const [entity, key] = target.split('.') as ['contact' | 'account', string];
  const fields = entity === 'contact' ? CONTACT_TEMPLATE_FIELDS : ACCOUNT_TEMPLATE_FIELDS;
  return fields.find((f) => f.key === key)!.header;
}

/** Every template header in template order, contacts first: the default export columns. */
export const TEMPLATE_HEADERS: readonly string[] = TEMPLATE_TARGETS.map(headerOfTarget);
