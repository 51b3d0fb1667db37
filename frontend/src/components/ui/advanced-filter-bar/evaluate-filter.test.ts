import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FilterGroup } from '@shared/contracts/filters';
import { compileFilter } from './evaluate-filter';

const FIELDS: FieldDefinition[] = [
  { key: 'name', label: 'Account', type: 'text' },
  { key: 'industry', label: 'Industry', type: 'enum' },
  { key: 'employees', label: 'Employees', type: 'number' },
  { key: 'lastActivity', label: 'Last activity', type: 'date' },
  { key: 'owner.name', label: 'Owner', type: 'text' },
];

const ACCOUNTS = [
  { name: 'Cedar Health Group', industry: 'Healthcare', employees: 1200, lastActivity: '2026-11-02', owner: { name: 'Priya Raman' } },
  { name: 'Northwind Analytics', industry: 'Software', employees: 85, lastActivity: '2026-06-15T10:00:00Z', owner: { name: 'Maya Chen' } },
  { name: 'Summit Payments', industry: 'Financial services', employees: 430, lastActivity: null, owner: null },
];

const names = (filter: FilterGroup) => ACCOUNTS.filter(compileFilter(filter, FIELDS)).map((a) => a.name);

describe('evaluating a filter in memory', () => {
  it('keeps every row for an empty filter', () => {
    expect(names({ type: 'and', conditions: [] })).toHaveLength(3);
  });

  it('matches text case-insensitively', () => {
    expect(names({ type: 'and', conditions: [{ field: 'name', op: 'contains', value: 'HEALTH' }] })).toEqual(['Cedar Health Group']);
    expect(names({ type: 'and', conditions: [{ field: 'name', op: 'starts_with', value: 'north' }] })).toEqual(['Northwind Analytics']);
  });

  it('compares numbers, with inclusive ranges', () => {
    expect(names({ type: 'and', conditions: [{ field: 'employees', op: 'between', value: [85, 430] }] })).toEqual(['Northwind Analytics', 'Summit Payments']);
    expect(names({ type: 'and', conditions: [{ field: 'employees', op: 'gt', value: 1000 }] })).toEqual(['Cedar Health Group']);
  });

  it('compares dates by day and treats a missing date as empty', () => {
    expect(names({ type: 'and', conditions: [{ field: 'lastActivity', op: 'after', value: '2026-06-15' }] })).toEqual(['Cedar Health Group']);
    expect(names({ type: 'and', conditions: [{ field: 'lastActivity', op: 'eq', value: '2026-06-15' }] })).toEqual(['Northwind Analytics']);
    expect(names({ type: 'and', conditions: [{ field: 'lastActivity', op: 'is_empty' }] })).toEqual(['Summit Payments']);
  });

  it('reads nested fields and counts a missing one as not equal', () => {
    expect(names({ type: 'and', conditions: [{ field: 'owner.name', op: 'eq', value: 'maya chen' }] })).toEqual(['Northwind Analytics']);
    expect(names({ type: 'and', conditions: [{ field: 'owner.name', op: 'neq', value: 'Maya Chen' }] })).toEqual(['Cedar Health Group', 'Summit Payments']);
  });

  it('combines AND with a nested OR group', () => {
    const filter: FilterGroup = {
      type: 'and',
      conditions: [
        { field: 'employees', op: 'gt', value: 50 },
        { type: 'or', conditions: [
          { field: 'industry', op: 'in', value: ['Software', 'Healthcare'] },
          { field: 'name', op: 'contains', value: 'payments' },
        ] },
        { field: 'industry', op: 'not_in', value: ['Healthcare'] },
      ],
    };
    expect(names(filter)).toEqual(['Northwind Analytics', 'Summit Payments']);
  });
});
