import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELDS, ACCOUNT_SORT_KEYS, CONTACT_FIELDS, CONTACT_SORT_KEYS } from '@shared/contracts/accounts';
import { ACCOUNT_TEMPLATE_FIELDS, CONTACT_TEMPLATE_FIELDS, findTemplateField } from '@shared/template';
import { ACCOUNT_RESOURCE, CONTACT_RESOURCE, FILTER_COLUMN_KEYS } from './fields';

describe('the filter bar fields and the server whitelist', () => {
  it('agree field for field, with the same type', () => {
    expect([...FILTER_COLUMN_KEYS.account].sort()).toEqual(ACCOUNT_FIELDS.map((f) => f.key).sort());
    expect([...FILTER_COLUMN_KEYS.contact].sort()).toEqual(CONTACT_FIELDS.map((f) => f.key).sort());
    for (const f of ACCOUNT_FIELDS) expect(ACCOUNT_RESOURCE.filter(f.key)?.type, f.key).toBe(f.type);
    for (const f of CONTACT_FIELDS) expect(CONTACT_RESOURCE.filter(f.key)?.type, f.key).toBe(f.type);
  });

  it('sort only on fields with an indexed sort expression', () => {
    expect(Object.keys(ACCOUNT_RESOURCE.sorts).sort()).toEqual([...ACCOUNT_SORT_KEYS].sort());
    expect(Object.keys(CONTACT_RESOURCE.sorts).sort()).toEqual([...CONTACT_SORT_KEYS].sort());
  });

  it('resolve custom fields by name and nothing else', () => {
    expect(CONTACT_RESOURCE.filter('custom.region')?.type).toBe('text');
    expect(CONTACT_RESOURCE.filter('custom.')).toBeUndefined();
    expect(CONTACT_RESOURCE.filter('custom.a-b')).toBeUndefined();
    expect(CONTACT_RESOURCE.filter('toString')).toBeUndefined();
    expect(ACCOUNT_RESOURCE.filter('__proto__')).toBeUndefined();
  });
});

describe('the template', () => {
  it('has 25 contact and 21 account columns, numbered in order, with unique keys', () => {
    expect(CONTACT_TEMPLATE_FIELDS).toHaveLength(25);
    expect(ACCOUNT_TEMPLATE_FIELDS).toHaveLength(21);
    for (const list of [CONTACT_TEMPLATE_FIELDS, ACCOUNT_TEMPLATE_FIELDS]) {
      expect(list.map((f) => f.position)).toEqual(list.map((_, i) => i + 1));
      expect(new Set(list.map((f) => f.key)).size).toBe(list.length);
    }
  });

  it('finds headers case- and space-insensitively', () => {
    expect(findTemplateField('  company   DOMAIN')?.field.key).toBe('domain');
    expect(findTemplateField('contact linkedin url')).toMatchObject({ entity: 'contact', field: { key: 'linkedinUrl' } });
    expect(findTemplateField('Favourite colour')).toBeUndefined();
  });
});
