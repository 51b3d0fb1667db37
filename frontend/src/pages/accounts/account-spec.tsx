// Accounts as the generic record screens see them: the API, the nouns, and every field with its
// label, kind, place in the form and on the page, and how it reads.
import { ACCOUNT_FIELDS, ACCOUNT_SORT_KEYS, accountCreateSchema, accountUpdateSchema, type Account } from '@shared/contracts/accounts';
import { EMPLOYEE_RANGES, REVENUE_RANGES } from '@shared/template';
import { countryName, formatCount } from '@/features/records/format';
import type { RecordSpec } from '@/features/records/record-spec';
import { ACCOUNTS_PATH, accountKeys } from './accounts-api';

/** The fields a bulk update may set (accountBulkSetSchema), as the filter bar describes them. */
const BULK_FIELDS = ACCOUNT_FIELDS.filter((f) => ['industry', 'subIndustry', 'employeeRange', 'revenueRange', 'city', 'state', 'country', 'source'].includes(f.key));

export const ACCOUNT_SPEC: RecordSpec<Account> = {
  nouns: { singular: 'account', plural: 'accounts' },
  title: 'Accounts',
  route: '/accounts',
  apiPath: ACCOUNTS_PATH,
  keys: accountKeys,
  nameOf: (account) => account.name,
  createSchema: accountCreateSchema,
  updateSchema: accountUpdateSchema,
  filterFields: ACCOUNT_FIELDS,
  sortKeys: ACCOUNT_SORT_KEYS,
  bulkFields: BULK_FIELDS,
  exportAs: 'accounts',
  fields: [
    { key: 'name', label: 'Company name', required: true, inForm: true },
    { key: 'domain', label: 'Domain', mono: true, inForm: true, placeholder: 'northwind.com', hint: 'A domain, website address or email; stored as the company domain.' },
    { key: 'website', label: 'Website', kind: 'url', inForm: true, placeholder: 'https://' },
    { key: 'industry', label: 'Industry', inForm: true },
    { key: 'subIndustry', label: 'Sub-industry' },
    { key: 'employeeCount', label: 'Employees', kind: 'number', display: (a) => formatCount(a.employeeCount) },
    { key: 'employeeRange', label: 'Employee range', kind: 'enum', options: EMPLOYEE_RANGES, inForm: true },
    { key: 'annualRevenue', label: 'Annual revenue (USD)', kind: 'number', display: (a) => (a.annualRevenue === null ? null : `$${formatCount(a.annualRevenue)}`) },
    { key: 'revenueRange', label: 'Revenue range', kind: 'enum', options: REVENUE_RANGES, inForm: true },
    { key: 'phone', label: 'Phone', kind: 'phone', inForm: true, editValue: (a) => a.phoneRaw ?? a.phone },
    { key: 'street', label: 'Street' },
    { key: 'city', label: 'City', inForm: true },
    { key: 'state', label: 'State / region' },
    { key: 'postalCode', label: 'Postal code', mono: true },
    { key: 'country', label: 'Country', kind: 'country', inForm: true, hint: 'Name or ISO code.', display: (a) => countryName(a.country) },
    { key: 'linkedinUrl', label: 'LinkedIn', kind: 'url' },
    { key: 'sicCode', label: 'SIC code', mono: true },
    { key: 'naicsCode', label: 'NAICS code', mono: true },
    { key: 'source', label: 'Source' },
    { key: 'description', label: 'Description', kind: 'textarea', wide: true, inForm: true },
  ],
  historyLabels: {
    ...Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f.key, f.label])),
    linkedinCompanyId: 'LinkedIn company id',
    customFields: 'Custom fields',
    deletedAt: 'Deleted',
  },
  formatHistoryValue: (field, value) => (field === 'country' && typeof value === 'string' ? (countryName(value) ?? undefined) : undefined),
  copy: {
    listDescription: 'The companies you market and sell to, with their firmographics and contacts.',
    searchPlaceholder: 'Search name, domain or phone',
    createDescription: 'A company you sell to. If an account with this domain exists, the details are merged into it.',
    emptyDescription: (
      <>
        Import a CSV of companies, or create one by hand. On a local install, <code className="font-mono text-xs">npm start -- --demo</code> starts with a demo data set.
      </>
    ),
    deleteDescription: 'The account leaves every list and view; its contacts stay. You can undo this from the notification or restore it later.',
    merged: 'already existed: the new details were merged into it',
  },
};
