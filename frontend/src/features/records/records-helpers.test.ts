// The pure rules behind the record screens: what a bulk request selects, when a remembered
// selection still applies, how an inline edit is read, and how counts and names are shown.
import { describe, expect, it } from 'vitest';
import { bulkSelectionSchema } from '@shared/contracts/accounts';
import type { FilterGroup } from '@shared/contracts/filters';
import { EMPTY_SELECTION } from '@/components/ui/data-table/selection';
import { avatarGradient } from '@/features/records/account-avatar';
import { toBulkSelection, countOf } from './bulk-selection';
import { parseDraft } from './editable-fields';
import { countryName, formatHistoryValue, initialsOf } from './format';
import { memoryInScope } from './list-memory';
import { formatTotal, listQuery } from './use-record-list';

const SOFTWARE: FilterGroup = { type: 'and', conditions: [{ field: 'industry', op: 'eq', value: 'Software' }] };

describe('toBulkSelection', () => {
  it('sends the ticked ids as they are', () => {
    const selection = toBulkSelection({ allMatching: false, ids: ['0190f7a2-6c1e-7d55-8a1b-2f3c4d5e6f70'] }, { filter: SOFTWARE, q: '' });
    expect(selection).toEqual({ ids: ['0190f7a2-6c1e-7d55-8a1b-2f3c4d5e6f70'] });
    expect(bulkSelectionSchema.safeParse(selection).success).toBe(true);
  });

  it('sends the filter, the search and the unticked ids for "all matching"', () => {
    const except = ['0190f7a2-6c1e-7d55-8a1b-2f3c4d5e6f71'];
    const selection = toBulkSelection({ allMatching: true, except }, { filter: SOFTWARE, q: '  acme ' });
    expect(selection).toEqual({ filter: SOFTWARE, q: 'acme', except });
    expect(bulkSelectionSchema.safeParse(selection).success).toBe(true);
  });

  it('leaves out an empty search and an empty except list', () => {
    expect(toBulkSelection({ allMatching: true, except: [] }, { filter: SOFTWARE, q: ' ' })).toEqual({ filter: SOFTWARE });
  });

  it('selects nothing when no id is ticked (no request should be sent)', () => {
    expect(toBulkSelection(EMPTY_SELECTION, { filter: SOFTWARE, q: '' })).toBeNull();
  });
});

describe('memoryInScope', () => {
  const remembered = { scope: 'a', selection: { allMatching: true as const, except: [] }, firstVisible: 40 };

  it('keeps the selection and place while the filter and search are the same', () => {
    expect(memoryInScope(remembered, 'a')).toBe(remembered);
  });

  it('forgets them under another filter or search, so "all matching" never means other records', () => {
    expect(memoryInScope(remembered, 'b')).toEqual({ scope: 'b', selection: EMPTY_SELECTION, firstVisible: 0 });
  });
});

describe('parseDraft', () => {
  it('reads numbers with thousands separators and clears on empty', () => {
    expect(parseDraft('number', '1,250 000')).toEqual({ value: 1250000 });
    expect(parseDraft('number', '')).toEqual({ value: null });
  });

  it('refuses what is not a number', () => {
    expect(parseDraft('number', '12 apples')).toEqual({ error: 'must be a number' });
    expect(parseDraft('number', 'Infinity')).toEqual({ error: 'must be a number' });
  });

  it('turns an empty choice into null and leaves text for the schema to trim', () => {
    expect(parseDraft('enum', '')).toEqual({ value: null });
    expect(parseDraft('text', '  Boston ')).toEqual({ value: '  Boston ' });
  });
});

describe('formatting', () => {
  it('says "about" when the API only estimated the total', () => {
    expect(formatTotal({ count: 1204, exact: true }, 50)).toBe('1,204');
    expect(formatTotal({ count: 1_240_000, exact: false }, 50)).toBe('about 1.2M');
    expect(formatTotal(null, 37)).toBe('37');
  });

  it('makes initials from names with punctuation, one word or none', () => {
    expect(initialsOf('Northwind Traders, Inc.')).toBe('NT');
    expect(initialsOf('acme')).toBe('AC');
    expect(initialsOf('  ')).toBe('?');
    expect(initialsOf('Société Générale')).toBe('SG');
  });

  it('names countries from ISO codes and leaves other text alone', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('Atlantis')).toBe('Atlantis');
    expect(countryName(null)).toBeNull();
  });

  it('describes history values in a few words', () => {
    expect(formatHistoryValue(null)).toBe('empty');
    expect(formatHistoryValue([])).toBe('empty');
    expect(formatHistoryValue(['HubSpot', 'Salesforce'])).toBe('HubSpot, Salesforce');
    expect(formatHistoryValue(42)).toBe('42');
  });

  it('gives a domain the same avatar colours every time, whatever its case', () => {
    expect(avatarGradient('northwind.com')).toBe(avatarGradient('NorthWind.com'));
    expect(avatarGradient('northwind.com')).not.toBe(avatarGradient('contoso.com'));
    expect(countOf(1, 'account', 'accounts')).toBe('1 account');
    expect(countOf(1204, 'account', 'accounts')).toBe('1,204 accounts');
  });
});

describe('listQuery', () => {
  it('sends the filter in URL form only when it has conditions, and no blank search', () => {
    expect(listQuery({ q: ' ', filter: { type: 'and', conditions: [] } })).toEqual({ q: undefined, filter: undefined, sort: undefined, order: undefined });
    const query = listQuery({ q: 'acme', filter: SOFTWARE, sort: 'name', order: 'asc' });
    expect(query.q).toBe('acme');
    expect(query.filter).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
