// How a record spec becomes screens: which fields the form shows and in what order, which
// section of the detail page each lands in, the history labels, and — for a module that declares
// no filter whitelist of its own — the filter fields and table columns its fields describe.
import { describe, expect, it } from 'vitest';
import { accountUpdateSchema, contactCreateSchema, type Contact } from '@shared/contracts/accounts';
import { ACCOUNT_SPEC } from '@/pages/accounts/account-spec';
import { CONTACT_SPEC } from '@/pages/contacts/contact-spec';
import { columnsFromFields, filterFieldsOf, formFieldsOf, historyLabelsOf, sectionsOf, type RecordSpec } from '@/features/records/record-spec';

interface Lead {
  id: string;
  version: number;
  deletedAt: string | null;
  updatedAt: string;
  company: string;
  stage: string | null;
  score: number | null;
  notes: string | null;
}

const LEAD_SPEC: RecordSpec<Lead> = {
  nouns: { singular: 'lead', plural: 'leads' },
  title: 'Leads',
  route: '/leads',
  apiPath: '/api/leads',
  keys: { all: ['leads'], lists: ['leads', 'list'], detail: (id) => ['leads', id], history: (id) => ['leads', id, 'history'] },
  nameOf: (lead) => lead.company,
  createSchema: contactCreateSchema,
  updateSchema: accountUpdateSchema,
  sortKeys: ['company'],
  sections: ['Lead', 'Notes'],
  fields: [
    { key: 'company', label: 'Company', required: true, inForm: true, filterable: true, sortable: true, column: { size: 240 } },
    { key: 'stage', label: 'Stage', kind: 'enum', options: ['new', 'qualified'], inForm: true, filterable: true, column: {} },
    { key: 'score', label: 'Score', kind: 'number', readOnly: true, column: {}, display: (lead) => (lead.score === null ? null : `${lead.score}/100`) },
    { key: 'notes', label: 'Notes', kind: 'textarea', section: 'Notes', wide: true, column: false },
  ],
  copy: { listDescription: '', searchPlaceholder: '', createDescription: '', emptyDescription: '', deleteDescription: '', merged: '' },
};

describe('a record spec', () => {
  it('puts the form fields in spec order: the contact form reads names, email, job, account, phones, country', () => {
    expect(formFieldsOf(CONTACT_SPEC.fields).map((f) => f.key)).toEqual(['firstName', 'lastName', 'email', 'jobTitle', 'seniority', 'accountId', 'directPhone', 'mobilePhone', 'country']);
    expect(formFieldsOf(ACCOUNT_SPEC.fields).map((f) => f.key)).toEqual(['name', 'domain', 'website', 'industry', 'employeeRange', 'revenueRange', 'phone', 'city', 'country', 'description']);
  });

  it('keeps a field marked off the page out of every section', () => {
    const keys = sectionsOf(CONTACT_SPEC).flatMap((s) => s.fields.map((f) => f.key));
    expect(keys).not.toContain('accountId');
    expect(keys).toContain('email');
  });

  it('groups fields by section, unsectioned ones in the first, and leaves out empty sections', () => {
    expect(sectionsOf(LEAD_SPEC).map((s) => [s.title, s.fields.map((f) => f.key)])).toEqual([
      ['Lead', ['company', 'stage', 'score']],
      ['Notes', ['notes']],
    ]);
    expect(sectionsOf({ ...LEAD_SPEC, sections: ['Lead', 'Empty', 'Notes'] }).map((s) => s.title)).toEqual(['Lead', 'Notes']);
    expect(sectionsOf(ACCOUNT_SPEC).map((s) => s.title)).toEqual(['Details']);
  });

  it('labels history entries with the field labels over the spec’s extras', () => {
    const labels = historyLabelsOf(ACCOUNT_SPEC);
    expect(labels.state).toBe('State / region');
    expect(labels.deletedAt).toBe('Deleted');
    expect(labels.enrichmentStatus).toBe('Enrichment');
  });

  it('reads a history value the way the page does', () => {
    const contact = { account: { id: 'a1', name: 'Harbor Labs', domain: 'harborlabs.com' } } as Contact;
    expect(CONTACT_SPEC.formatHistoryValue?.('accountId', 'a1', contact)).toBe('Harbor Labs');
    expect(CONTACT_SPEC.formatHistoryValue?.('accountId', 'a2', contact)).toBe('another account');
    expect(CONTACT_SPEC.formatHistoryValue?.('jobTitle', 'CMO', contact)).toBeUndefined();
  });

  it('uses the API’s filter whitelist when it has one, else the filterable fields', () => {
    expect(filterFieldsOf(ACCOUNT_SPEC)).toBe(ACCOUNT_SPEC.filterFields);
    expect(filterFieldsOf(LEAD_SPEC)).toEqual([
      { key: 'company', label: 'Company', type: 'text', sortable: true, mono: false, options: undefined },
      { key: 'stage', label: 'Stage', type: 'enum', sortable: undefined, mono: false, options: [{ value: 'new', label: 'new' }, { value: 'qualified', label: 'qualified' }] },
    ]);
  });

  it('builds table columns from the fields that declare one, with their display and overrides', () => {
    const columns = columnsFromFields(LEAD_SPEC.fields);
    expect(columns.map((c) => [c.id, c.header, c.size, c.enableSorting, c.meta?.mono])).toEqual([
      ['company', 'Company', 240, true, false],
      ['stage', 'Stage', 160, false, false],
      ['score', 'Score', 160, false, true],
    ]);
    const lead: Lead = { id: 'l1', version: 1, deletedAt: null, updatedAt: '2026-12-01T00:00:00Z', company: 'Acme', stage: null, score: 72, notes: null };
    const cellOf = (index: number) => (columns[index]!.cell as (context: { row: { original: Lead } }) => unknown)({ row: { original: lead } });
    expect(cellOf(2)).toBe('72/100');
    expect(cellOf(1)).toBe('—');
  });
});
