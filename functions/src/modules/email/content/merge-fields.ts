// The merge fields an email may use and the context a message renders with. Contact and account
// fields come from the master data template the records API is built on (`contact.first_name`
// for the `firstName` column), so a new template column becomes a merge field by itself. Context
// objects are plain, hold only the catalog's keys, and never a key Liquid treats specially
// (`size`, `first`, `last`).
import {
  PREFERENCES_URL_VARIABLE,
  UNSUBSCRIBE_URL_VARIABLE,
  type MergeField,
  type MergeFieldGroup,
} from '@shared/contracts/email-content';
import {
  ACCOUNT_TEMPLATE_FIELDS,
  CONTACT_TEMPLATE_FIELDS,
  type AccountTemplateKey,
  type ContactTemplateKey,
  type TemplateField,
} from '@shared/template';
import { withoutControlCharacters } from './html-escape';

/** Data-quality and provenance columns: about the record, not the person, so not for a message. */
const INTERNAL_CONTACT_FIELDS: ReadonlySet<ContactTemplateKey> = new Set([
  'researchDate',
  'emailConfidence',
  'emailStatus',
  'directPhoneConfidence',
  'mobilePhoneConfidence',
  'consentStatus',
  'source',
]);
const INTERNAL_ACCOUNT_FIELDS: ReadonlySet<AccountTemplateKey> = new Set(['linkedinCompanyId']);

const CONTACT_SAMPLES: Partial<Record<ContactTemplateKey, string>> = {
  fullName: 'Alex Morgan',
  firstName: 'Alex',
  lastName: 'Morgan',
  jobTitle: 'Head of Marketing',
  jobFunction: 'Marketing',
  seniority: 'Director',
  email: 'alex.morgan@northwind.example',
  directPhone: '+15125550134',
  mobilePhone: '+15125550178',
  phoneExtension: '204',
  linkedinUrl: 'https://www.linkedin.com/in/alexmorgan',
  city: 'Austin',
  state: 'TX',
  country: 'US',
  postalCode: '78701',
  timezone: 'America/Chicago',
  monthsInRole: '18',
  monthsAtCompany: '42',
};

const ACCOUNT_SAMPLES: Partial<Record<AccountTemplateKey, string>> = {
  name: 'Northwind Analytics',
  domain: 'northwind.example',
  website: 'https://northwind.example',
  linkedinUrl: 'https://www.linkedin.com/company/northwind-analytics',
  industry: 'Software',
  subIndustry: 'Business Intelligence',
  sicCode: '7372',
  naicsCode: '511210',
  employeeCount: '240',
  employeeRange: '201-500',
  annualRevenue: '42000000',
  revenueRange: '10M-50M',
  street: '500 Congress Ave',
  city: 'Austin',
  state: 'TX',
  postalCode: '78701',
  country: 'US',
  phone: '+15125550100',
  technologies: 'Salesforce, HubSpot',
  description: 'Analytics for retail teams.',
};

const RESERVED_KEYS = new Set(['size', 'first', 'last']);

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface RecordField {
  /** The API's key (`firstName`). */
  source: string;
  /** The Liquid key under the record (`first_name`). */
  name: string;
  field: MergeField;
}

function recordFields(
  group: 'contact' | 'account',
  fields: readonly TemplateField[],
  internal: ReadonlySet<string>,
  samples: Partial<Record<string, string>>,
): RecordField[] {
  return fields
    .filter((f) => !internal.has(f.key) && !RESERVED_KEYS.has(snakeCase(f.key)))
    .map((f) => {
      const name = snakeCase(f.key);
      return { source: f.key, name, field: { key: `${group}.${name}`, label: f.header, group, sample: samples[f.key] ?? f.header } };
    });
}

const CONTACT_FIELDS = recordFields('contact', CONTACT_TEMPLATE_FIELDS, INTERNAL_CONTACT_FIELDS, CONTACT_SAMPLES);
const ACCOUNT_FIELDS = recordFields('account', ACCOUNT_TEMPLATE_FIELDS, INTERNAL_ACCOUNT_FIELDS, ACCOUNT_SAMPLES);

const field = (key: string, label: string, group: MergeFieldGroup, sample: string): MergeField => ({ key, label, group, sample });

const OTHER_FIELDS: MergeField[] = [
  field('campaign.name', 'Campaign name', 'campaign', 'Spring product update'),
  field('sender.from_name', 'Sender name', 'campaign', 'Pivotal Demo Co.'),
  field('sender.from_email', 'Sender address', 'campaign', 'news@pivotal.example'),
  field('sender.postal_address', 'Sender postal address', 'campaign', '100 Main Street, Springfield, IL 62701, USA'),
  field(UNSUBSCRIBE_URL_VARIABLE, 'Unsubscribe link', 'system', 'https://pivotal.example/u/sample'),
  field(PREFERENCES_URL_VARIABLE, 'Email preferences link', 'system', 'https://pivotal.example/p/sample'),
];

const CATALOG: readonly MergeField[] = [...CONTACT_FIELDS.map((f) => f.field), ...ACCOUNT_FIELDS.map((f) => f.field), ...OTHER_FIELDS].map((f) => Object.freeze(f));

/** Every merge field, contact fields first, in the template's column order. */
export function mergeFieldCatalog(): MergeField[] {
  return [...CATALOG];
}

export interface MergeSender {
  fromName: string;
  fromEmail?: string | null;
  postalAddress: string;
}

export interface MergeInput {
  /** A contact with the API's keys (the Contact contract or a contacts row); null when there is none. */
  contact: Readonly<Record<string, unknown>> | null;
  account: Readonly<Record<string, unknown>> | null;
  campaign: { name: string };
  sender: MergeSender;
  links: { unsubscribeUrl: string; preferencesUrl: string };
  /** The recipient's tracking URLs of the content attached to the campaign, by merge name (`content.<name>`). */
  content?: Readonly<Record<string, string>>;
}

/** A name under `content`: the content module's merge key (lower-case words joined by `_`). */
const CONTENT_KEY = /^[a-z][a-z0-9_]{0,80}$/;

function contentContext(content: Readonly<Record<string, string>> | undefined): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, url] of Object.entries(content ?? {})) if (CONTENT_KEY.test(key) && !RESERVED_KEYS.has(key)) out[key] = plainValue(url);
  return out;
}

function plainValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return withoutControlCharacters(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue).filter((v) => v !== null && v !== '').join(', ');
  return null;
}

function recordContext(fields: RecordField[], record: Readonly<Record<string, unknown>> | null): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const f of fields) out[f.name] = record && Object.hasOwn(record, f.source) ? plainValue(record[f.source]) : null;
  return out;
}

const text = (value: string | null | undefined) => plainValue(value ?? null);

/** The context one message renders with: `contact`, `account`, `campaign`, `sender`, and the two links. */
export function mergeContext(input: MergeInput): Record<string, unknown> {
  return {
    contact: recordContext(CONTACT_FIELDS, input.contact),
    account: recordContext(ACCOUNT_FIELDS, input.account),
    campaign: { name: text(input.campaign.name) },
    sender: {
      from_name: text(input.sender.fromName),
      from_email: text(input.sender.fromEmail),
      postal_address: text(input.sender.postalAddress),
    },
    [UNSUBSCRIBE_URL_VARIABLE]: text(input.links.unsubscribeUrl),
    [PREFERENCES_URL_VARIABLE]: text(input.links.preferencesUrl),
    content: contentContext(input.content),
  };
}

const sampleOf = (key: string) => CATALOG.find((f) => f.key === key)?.sample ?? '';
const samplesOf = (fields: RecordField[]) => Object.fromEntries(fields.map((f) => [f.source, f.field.sample]));

/** The catalog's samples as a context: the save-time check and previews without a contact render with it. */
export function sampleMergeContext(): Record<string, unknown> {
  return mergeContext({
    contact: samplesOf(CONTACT_FIELDS),
    account: samplesOf(ACCOUNT_FIELDS),
    campaign: { name: sampleOf('campaign.name') },
    sender: {
      fromName: sampleOf('sender.from_name'),
      fromEmail: sampleOf('sender.from_email'),
      postalAddress: sampleOf('sender.postal_address'),
    },
    links: { unsubscribeUrl: sampleOf(UNSUBSCRIBE_URL_VARIABLE), preferencesUrl: sampleOf(PREFERENCES_URL_VARIABLE) },
  });
}

/** `contact.first_name` → [`contact`]. */
function parentPaths(key: string): string[] {
  const parts = key.split('.');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

const GROUP_PATHS: ReadonlySet<string> = new Set(CATALOG.flatMap((f) => parentPaths(f.key)));
const FIELD_PATHS: ReadonlySet<string> = new Set(CATALOG.map((f) => f.key));

/** What a Liquid path names: a merge field (`contact.first_name`), a group of them (`contact`), or nothing known. */
export function mergePathKind(path: string): 'field' | 'group' | undefined {
  if (FIELD_PATHS.has(path)) return 'field';
  // Content attached to the campaign: its names are known only per campaign, at sending.
  if (path === 'content') return 'group';
  if (path.startsWith('content.') && CONTENT_KEY.test(path.slice('content.'.length))) return 'field';
  return GROUP_PATHS.has(path) ? 'group' : undefined;
}

const SUBSCRIPTION_PAGE_OUTPUT = new RegExp(`\\{\\{-?\\s*(?:${UNSUBSCRIBE_URL_VARIABLE}|${PREFERENCES_URL_VARIABLE})\\b`);

/** Whether an href is written by `{{ unsubscribe_url }}` or `{{ preferences_url }}`. */
export function isSubscriptionPageLink(href: string): boolean {
  return SUBSCRIPTION_PAGE_OUTPUT.test(href);
}
