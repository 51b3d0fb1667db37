// The Pivotal B2B Standard Master Data Template: the 25 contact and 21 account columns that CSV
// import recognises and export writes, with the API key and value type of each. The API, the
// importer and the UI all read this one list, so a header or a key is spelled in one place.

export type TemplateValueType =
  | 'text'
  | 'date'
  | 'email'
  | 'phone'
  | 'url'
  | 'domain'
  | 'country'
  | 'integer'
  | 'number'
  | 'score'
  | 'enum'
  | 'list';

export interface TemplateField<K extends string = string> {
  /** Position in the template (1-based). */
  position: number;
  /** The CSV header, exactly as the template writes it. */
  header: string;
  /** The JSON field name the API uses. */
  key: K;
  type: TemplateValueType;
  /** Allowed values of an enum field, in the template's order. */
  values?: readonly string[];
}

export const SENIORITY_VALUES = ['C-Level', 'VP', 'Director', 'Manager', 'Senior', 'Entry'] as const;
export const EMAIL_STATUS_VALUES = ['valid', 'invalid', 'catch-all', 'unknown'] as const;
export const CONSENT_STATUS_VALUES = ['opted-in', 'opted-out', 'unknown'] as const;
/** Suggested job functions; the column is enum-ish, so other values are kept as written. */
export const JOB_FUNCTION_SUGGESTIONS = [
  'Marketing',
  'Sales',
  'IT',
  'Engineering',
  'Finance',
  'HR',
  'Operations',
  'Executive',
  'Legal',
  'Customer Success',
  'Product',
  'Procurement',
] as const;
export const EMPLOYEE_RANGES = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10000+'] as const;
export const REVENUE_RANGES = ['<1M', '1M-10M', '10M-50M', '50M-100M', '100M-500M', '500M-1B', '1B+'] as const;

export type Seniority = (typeof SENIORITY_VALUES)[number];
export type EmailStatus = (typeof EMAIL_STATUS_VALUES)[number];
export type ConsentStatus = (typeof CONSENT_STATUS_VALUES)[number];
export type EmployeeRange = (typeof EMPLOYEE_RANGES)[number];
export type RevenueRange = (typeof REVENUE_RANGES)[number];

export const CONTACT_TEMPLATE_FIELDS = [
  { position: 1, header: 'Research Date', key: 'researchDate', type: 'date' },
  { position: 2, header: 'Full Name', key: 'fullName', type: 'text' },
  { position: 3, header: 'First Name', key: 'firstName', type: 'text' },
  { position: 4, header: 'Last Name', key: 'lastName', type: 'text' },
  { position: 5, header: 'Job Title', key: 'jobTitle', type: 'text' },
  { position: 6, header: 'Job Function', key: 'jobFunction', type: 'text' },
  { position: 7, header: 'Seniority', key: 'seniority', type: 'enum', values: SENIORITY_VALUES },
  { position: 8, header: 'Email', key: 'email', type: 'email' },
  { position: 9, header: 'Email Confidence', key: 'emailConfidence', type: 'score' },
  { position: 10, header: 'Email Status', key: 'emailStatus', type: 'enum', values: EMAIL_STATUS_VALUES },
  { position: 11, header: 'Direct Phone', key: 'directPhone', type: 'phone' },
  { position: 12, header: 'Direct Phone Confidence', key: 'directPhoneConfidence', type: 'score' },
  { position: 13, header: 'Mobile Phone', key: 'mobilePhone', type: 'phone' },
  { position: 14, header: 'Mobile Phone Confidence', key: 'mobilePhoneConfidence', type: 'score' },
  { position: 15, header: 'Phone Extension', key: 'phoneExtension', type: 'text' },
  { position: 16, header: 'Contact LinkedIn URL', key: 'linkedinUrl', type: 'url' },
  { position: 17, header: 'Contact City', key: 'city', type: 'text' },
  { position: 18, header: 'Contact State', key: 'state', type: 'text' },
  { position: 19, header: 'Contact Country', key: 'country', type: 'country' },
  { position: 20, header: 'Contact Postal Code', key: 'postalCode', type: 'text' },
  { position: 21, header: 'Contact Timezone', key: 'timezone', type: 'text' },
  { position: 22, header: 'Months in Current Role', key: 'monthsInRole', type: 'integer' },
  { position: 23, header: 'Months at Company', key: 'monthsAtCompany', type: 'integer' },
  { position: 24, header: 'Consent Status', key: 'consentStatus', type: 'enum', values: CONSENT_STATUS_VALUES },
  { position: 25, header: 'Source', key: 'source', type: 'text' },
] as const satisfies readonly TemplateField[];

export const ACCOUNT_TEMPLATE_FIELDS = [
  { position: 1, header: 'Company Name', key: 'name', type: 'text' },
  { position: 2, header: 'Company Domain', key: 'domain', type: 'domain' },
  { position: 3, header: 'Website', key: 'website', type: 'url' },
  { position: 4, header: 'Company LinkedIn URL', key: 'linkedinUrl', type: 'url' },
  { position: 5, header: 'LinkedIn Company ID', key: 'linkedinCompanyId', type: 'text' },
  { position: 6, header: 'Industry', key: 'industry', type: 'text' },
  { position: 7, header: 'Sub-Industry', key: 'subIndustry', type: 'text' },
  { position: 8, header: 'SIC Code', key: 'sicCode', type: 'text' },
  { position: 9, header: 'NAICS Code', key: 'naicsCode', type: 'text' },
  { position: 10, header: 'Employee Count', key: 'employeeCount', type: 'integer' },
  { position: 11, header: 'Employee Range', key: 'employeeRange', type: 'enum', values: EMPLOYEE_RANGES },
  { position: 12, header: 'Annual Revenue', key: 'annualRevenue', type: 'number' },
  { position: 13, header: 'Revenue Range', key: 'revenueRange', type: 'enum', values: REVENUE_RANGES },
  { position: 14, header: 'Company Street', key: 'street', type: 'text' },
  { position: 15, header: 'Company City', key: 'city', type: 'text' },
  { position: 16, header: 'Company State', key: 'state', type: 'text' },
  { position: 17, header: 'Company Postal Code', key: 'postalCode', type: 'text' },
  { position: 18, header: 'Company Country', key: 'country', type: 'country' },
  { position: 19, header: 'Company Phone', key: 'phone', type: 'phone' },
  { position: 20, header: 'Technologies', key: 'technologies', type: 'list' },
  { position: 21, header: 'Company Description', key: 'description', type: 'text' },
] as const satisfies readonly TemplateField[];

export type ContactTemplateKey = (typeof CONTACT_TEMPLATE_FIELDS)[number]['key'];
export type AccountTemplateKey = (typeof ACCOUNT_TEMPLATE_FIELDS)[number]['key'];

/** Header matching is case- and space-insensitive ("company  domain" finds "Company Domain"). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The template field a CSV header names, or undefined when the header is not in the template. */
export function findTemplateField(header: string): { entity: 'contact' | 'account'; field: TemplateField } | undefined {
  const key = headerKey(header);
  const contact = CONTACT_TEMPLATE_FIELDS.find((f) => headerKey(f.header) === key);
  if (contact) return { entity: 'contact', field: contact };
  const account = ACCOUNT_TEMPLATE_FIELDS.find((f) => headerKey(f.header) === key);
  if (account) return { entity: 'account', field: account };
  return undefined;
}

/** Technologies travel as a `;`-separated list in CSV. */
export const LIST_SEPARATOR = ';';
