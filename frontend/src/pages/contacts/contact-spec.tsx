// Contacts as the generic record screens see them: the API, the nouns, and every field with its
// label, kind, place in the form and on the page, and how it reads. The account is picked in the
// form and shown in its own card, not among the fields.
import { CONTACT_FIELDS, CONTACT_SORT_KEYS, contactCreateSchema, contactUpdateSchema, type Contact } from '@shared/contracts/accounts';
import { CONSENT_STATUS_VALUES, EMAIL_STATUS_VALUES, JOB_FUNCTION_SUGGESTIONS, SENIORITY_VALUES } from '@shared/template';
import { countryName } from '@/features/records/format';
import type { RecordSpec } from '@/features/records/record-spec';
import { accountKeys } from '../accounts/accounts-api';
import { AccountPicker } from './account-picker';
import { CONTACTS_PATH, contactKeys, contactName } from './contacts-api';

/** The fields a bulk update may set (contactBulkSetSchema), as the filter bar describes them. */
const BULK_FIELDS = CONTACT_FIELDS.filter((f) =>
  ['jobFunction', 'seniority', 'emailStatus', 'city', 'state', 'country', 'timezone', 'consentStatus', 'source'].includes(f.key),
);

export const CONTACT_SPEC: RecordSpec<Contact> = {
  nouns: { singular: 'contact', plural: 'contacts' },
  title: 'Contacts',
  route: '/contacts',
  apiPath: CONTACTS_PATH,
  keys: contactKeys,
  // A contact's account counts and lists its contacts.
  alsoInvalidates: [accountKeys.all],
  nameOf: contactName,
  createSchema: contactCreateSchema,
  updateSchema: contactUpdateSchema,
  filterFields: CONTACT_FIELDS,
  sortKeys: CONTACT_SORT_KEYS,
  bulkFields: BULK_FIELDS,
  exportAs: 'contacts',
  fields: [
    { key: 'firstName', label: 'First name', inForm: true },
    { key: 'lastName', label: 'Last name', inForm: true },
    { key: 'fullName', label: 'Full name' },
    { key: 'email', label: 'Email', kind: 'email', inForm: true },
    { key: 'emailStatus', label: 'Email status', kind: 'enum', options: EMAIL_STATUS_VALUES },
    { key: 'emailConfidence', label: 'Email confidence', kind: 'number' },
    { key: 'jobTitle', label: 'Job title', inForm: true },
    { key: 'jobFunction', label: 'Job function', kind: 'enum', options: JOB_FUNCTION_SUGGESTIONS },
    { key: 'seniority', label: 'Seniority', kind: 'enum', options: SENIORITY_VALUES, inForm: true },
    {
      key: 'accountId',
      label: 'Account',
      section: false,
      inForm: true,
      formControl: ({ value, onChange, record, ...control }) => (
        <AccountPicker
          id={control.id}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control['aria-invalid']}
          value={(value as string | null) ?? null}
          onChange={onChange}
          currentLabel={record?.account ? { value: record.account.id, label: record.account.name, detail: record.account.domain ?? undefined } : undefined}
        />
      ),
    },
    { key: 'directPhone', label: 'Direct phone', kind: 'phone', inForm: true, editValue: (c) => c.directPhoneRaw ?? c.directPhone },
    { key: 'phoneExtension', label: 'Extension', mono: true },
    { key: 'mobilePhone', label: 'Mobile phone', kind: 'phone', inForm: true, editValue: (c) => c.mobilePhoneRaw ?? c.mobilePhone },
    { key: 'linkedinUrl', label: 'LinkedIn', kind: 'url' },
    { key: 'city', label: 'City' },
    { key: 'state', label: 'State / region' },
    { key: 'country', label: 'Country', kind: 'country', inForm: true, hint: 'Name or ISO code.', display: (c) => countryName(c.country) },
    { key: 'postalCode', label: 'Postal code', mono: true },
    { key: 'timezone', label: 'Time zone', mono: true },
    { key: 'monthsInRole', label: 'Months in role', kind: 'number' },
    { key: 'monthsAtCompany', label: 'Months at company', kind: 'number' },
    { key: 'consentStatus', label: 'Consent', kind: 'enum', options: CONSENT_STATUS_VALUES },
    { key: 'researchDate', label: 'Research date', mono: true },
    { key: 'source', label: 'Source' },
  ],
  historyLabels: {
    ...Object.fromEntries(CONTACT_FIELDS.map((f) => [f.key, f.label])),
    directPhoneConfidence: 'Direct phone confidence',
    mobilePhoneConfidence: 'Mobile phone confidence',
    customFields: 'Custom fields',
    deletedAt: 'Deleted',
  },
  formatHistoryValue: (field, value, contact) => {
    if (field === 'country' && typeof value === 'string') return countryName(value) ?? undefined;
    // History keeps the account's id; name it when it is the current account.
    if (field === 'accountId' && typeof value === 'string') return value === contact.account?.id ? contact.account.name : 'another account';
    return undefined;
  },
  copy: {
    listDescription: 'The people at your accounts, with how sure we are of their email and phone, and their consent.',
    searchPlaceholder: 'Search name, email or phone',
    createDescription: 'A person at an account. A contact needs an email or a name; an existing email merges into that contact.',
    emptyDescription: (
      <>
        Import a CSV of contacts, or create one by hand. On a local install, <code className="font-mono text-xs">npm start -- --demo</code> starts with a demo data set.
      </>
    ),
    deleteDescription: 'The contact leaves every list and view. You can undo this from the notification or restore it later.',
    merged: 'already existed: the new details were merged in',
  },
};
