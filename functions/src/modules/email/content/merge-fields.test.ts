// The merge-field catalog follows the record model, and a context holds only plain own values.
import { describe, expect, it } from 'vitest';
import { CONTACT_TEMPLATE_FIELDS } from '@shared/template';
import { checkLiquid } from './liquid-check';
import { mergeContext, mergeFieldCatalog, mergePathKind, sampleMergeContext } from './merge-fields';

const input = {
  contact: { firstName: 'Dana', lastName: 'Scully', email: 'dana@fbi.example', monthsInRole: 30, consentStatus: 'opted-in', password: 'x' },
  account: { name: 'FBI', technologies: ['Salesforce', 'HubSpot'], employeeCount: 35000 },
  campaign: { name: 'Q3' },
  sender: { fromName: 'Pivotal', postalAddress: '1 Main St' },
  links: { unsubscribeUrl: 'https://t.example/u/1', preferencesUrl: 'https://t.example/p/1' },
};

describe('mergeFieldCatalog', () => {
  const keys = mergeFieldCatalog().map((f) => f.key);

  it('offers the contact and account fields of the record model under snake_case keys', () => {
    expect(keys).toEqual(expect.arrayContaining(['contact.first_name', 'contact.last_name', 'contact.job_title', 'contact.email', 'contact.linkedin_url', 'account.name', 'account.domain', 'account.industry', 'account.employee_count']));
  });

  it('offers the campaign, sender and subscription links', () => {
    expect(keys).toEqual(expect.arrayContaining(['campaign.name', 'sender.from_name', 'sender.postal_address', 'unsubscribe_url', 'preferences_url']));
  });

  it('leaves out data-quality columns and every key Liquid treats specially', () => {
    expect(keys).not.toContain('contact.email_confidence');
    expect(keys).not.toContain('contact.consent_status');
    expect(keys.filter((k) => /(^|\.)(size|first|last)$/.test(k))).toEqual([]);
  });

  it('turns a new template column into a merge field', () => {
    const templateKeys = CONTACT_TEMPLATE_FIELDS.map((f) => `contact.${f.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);
    expect(templateKeys.filter((k) => keys.includes(k)).length).toBe(18);
  });

  it('gives each field a label and a sample', () => {
    for (const field of mergeFieldCatalog()) {
      expect(field.label).not.toBe('');
      expect(field.sample).not.toBe('');
    }
  });
});

describe('mergeContext', () => {
  const context = mergeContext(input) as Record<string, Record<string, unknown>>;

  it('maps record fields to their merge keys and fills the missing ones with null', () => {
    expect(context.contact).toMatchObject({ first_name: 'Dana', last_name: 'Scully', email: 'dana@fbi.example', months_in_role: 30, job_title: null });
    expect(context.account).toMatchObject({ name: 'FBI', technologies: 'Salesforce, HubSpot', employee_count: 35000, domain: null });
    expect(context.sender).toEqual({ from_name: 'Pivotal', from_email: null, postal_address: '1 Main St' });
    expect(context.unsubscribe_url).toBe('https://t.example/u/1');
  });

  it('holds only catalog keys as own properties of plain objects', () => {
    expect(Object.keys(context.contact!)).not.toContain('password');
    expect(Object.keys(context.contact!)).not.toContain('consent_status');
    for (const value of Object.values(context.contact!)) expect(['string', 'number', 'object']).toContain(typeof value);
    expect(Object.getPrototypeOf(context.contact)).toBe(Object.prototype);
  });

  it('ignores inherited properties of the record it is given', () => {
    const inherited = Object.create({ firstName: 'Inherited' }) as Record<string, unknown>;
    expect((mergeContext({ ...input, contact: inherited }) as Record<string, Record<string, unknown>>).contact!.first_name).toBeNull();
  });

  it('drops control characters from values', () => {
    const dirty = mergeContext({ ...input, contact: { firstName: 'Da\u0002na\u0000\u0003' } }) as Record<string, Record<string, unknown>>;
    expect(dirty.contact!.first_name).toBe('Dana');
  });

  it('renders every catalog field from the sample context', () => {
    const sample = sampleMergeContext() as Record<string, unknown>;
    for (const field of mergeFieldCatalog()) {
      const value = field.key.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], sample);
      expect(String(value)).toBe(field.sample);
    }
  });
});

describe('content links', () => {
  it("puts the recipient's tracking URLs of the campaign's content under `content`, names checked", () => {
    const context = mergeContext({ ...input, content: { intent_playbook: 'https://crm.example/r/abc.def', size: 'x', 'Bad-Key': 'y' } }) as Record<string, Record<string, unknown>>;
    expect(context.content).toEqual({ intent_playbook: 'https://crm.example/r/abc.def' });
    expect((mergeContext(input) as Record<string, unknown>).content).toEqual({});
  });

  it('accepts `content.<name>` at save time (names are known per campaign, at sending) and refuses other unknown fields', () => {
    expect(mergePathKind('content')).toBe('group');
    expect(mergePathKind('content.intent_playbook')).toBe('field');
    expect(mergePathKind('content.Intent')).toBeUndefined();
    const parts = { subject: 'Hi', preheader: '', html: '<a href="{{ content.intent_playbook }}">Read</a>', text: '{{ content.intent_playbook }}' };
    expect(checkLiquid(parts)).toEqual([]);
    expect(checkLiquid({ ...parts, text: '{{ contents.intent_playbook }}' })).toEqual([expect.objectContaining({ field: 'text', reason: 'unknown merge field "contents"' })]);
  });
});
