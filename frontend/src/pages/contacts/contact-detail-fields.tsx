// Which contact fields the detail page shows, in what order, and how each edits.
import { CONTACT_FIELDS, type Contact } from '@shared/contracts/accounts';
import { CONSENT_STATUS_VALUES, EMAIL_STATUS_VALUES, JOB_FUNCTION_SUGGESTIONS, SENIORITY_VALUES } from '@shared/template';
import type { EditableFieldSpec } from '@/features/records/editable-fields';
import { countryName } from '@/features/records/format';

export const CONTACT_DETAIL_FIELDS: EditableFieldSpec<Contact>[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'fullName', label: 'Full name' },
  { key: 'jobTitle', label: 'Job title' },
  { key: 'jobFunction', label: 'Job function', kind: 'enum', options: JOB_FUNCTION_SUGGESTIONS },
  { key: 'seniority', label: 'Seniority', kind: 'enum', options: SENIORITY_VALUES },
  { key: 'email', label: 'Email', mono: true },
  { key: 'emailStatus', label: 'Email status', kind: 'enum', options: EMAIL_STATUS_VALUES },
  { key: 'emailConfidence', label: 'Email confidence', kind: 'number', mono: true },
  { key: 'directPhone', label: 'Direct phone', mono: true, editValue: (c) => c.directPhoneRaw ?? c.directPhone },
  { key: 'phoneExtension', label: 'Extension', mono: true },
  { key: 'mobilePhone', label: 'Mobile phone', mono: true, editValue: (c) => c.mobilePhoneRaw ?? c.mobilePhone },
  { key: 'linkedinUrl', label: 'LinkedIn', mono: true },
  { key: 'city', label: 'City' },
  { key: 'state', label: 'State / region' },
  { key: 'country', label: 'Country', display: (c) => countryName(c.country) },
  { key: 'postalCode', label: 'Postal code', mono: true },
  { key: 'timezone', label: 'Time zone', mono: true },
  { key: 'monthsInRole', label: 'Months in role', kind: 'number', mono: true },
  { key: 'monthsAtCompany', label: 'Months at company', kind: 'number', mono: true },
  { key: 'consentStatus', label: 'Consent', kind: 'enum', options: CONSENT_STATUS_VALUES },
  { key: 'researchDate', label: 'Research date', mono: true },
  { key: 'source', label: 'Source' },
];

export const CONTACT_FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f.key, f.label])),
  ...Object.fromEntries(CONTACT_DETAIL_FIELDS.map((f) => [f.key, f.label])),
  accountId: 'Account',
  directPhoneConfidence: 'Direct phone confidence',
  mobilePhoneConfidence: 'Mobile phone confidence',
  phoneExtension: 'Extension',
  customFields: 'Custom fields',
  deletedAt: 'Deleted',
};
