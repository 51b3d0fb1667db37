// Which account fields the detail page shows, in what order, and how each edits.
import type { Account } from '@shared/contracts/accounts';
import { ACCOUNT_FIELDS } from '@shared/contracts/accounts';
import { EMPLOYEE_RANGES, REVENUE_RANGES } from '@shared/template';
import type { EditableFieldSpec } from '@/features/records/editable-fields';
import { countryName, formatCount } from '@/features/records/format';

export const ACCOUNT_DETAIL_FIELDS: EditableFieldSpec<Account>[] = [
  { key: 'name', label: 'Company name' },
  { key: 'domain', label: 'Domain', mono: true },
  { key: 'website', label: 'Website', mono: true },
  { key: 'industry', label: 'Industry' },
  { key: 'subIndustry', label: 'Sub-industry' },
  { key: 'employeeCount', label: 'Employees', kind: 'number', mono: true, display: (a) => formatCount(a.employeeCount) },
  { key: 'employeeRange', label: 'Employee range', kind: 'enum', options: EMPLOYEE_RANGES },
  {
    key: 'annualRevenue',
    label: 'Annual revenue (USD)',
    kind: 'number',
    mono: true,
    display: (a) => (a.annualRevenue === null ? null : `$${formatCount(a.annualRevenue)}`),
  },
  { key: 'revenueRange', label: 'Revenue range', kind: 'enum', options: REVENUE_RANGES },
  { key: 'phone', label: 'Phone', mono: true, editValue: (a) => a.phoneRaw ?? a.phone },
  { key: 'street', label: 'Street' },
  { key: 'city', label: 'City' },
  { key: 'state', label: 'State / region' },
  { key: 'postalCode', label: 'Postal code', mono: true },
  { key: 'country', label: 'Country', display: (a) => countryName(a.country) },
  { key: 'linkedinUrl', label: 'LinkedIn', mono: true },
  { key: 'sicCode', label: 'SIC code', mono: true },
  { key: 'naicsCode', label: 'NAICS code', mono: true },
  { key: 'source', label: 'Source' },
  { key: 'description', label: 'Description', kind: 'textarea', wide: true },
];

/** Field labels for history entries (API key → label). */
export const ACCOUNT_FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f.key, f.label])),
  ...Object.fromEntries(ACCOUNT_DETAIL_FIELDS.map((f) => [f.key, f.label])),
  linkedinUrl: 'LinkedIn',
  linkedinCompanyId: 'LinkedIn company id',
  street: 'Street',
  postalCode: 'Postal code',
  customFields: 'Custom fields',
  deletedAt: 'Deleted',
};
