import { describe, expect, it } from 'vitest';
import { decodeFilter, encodeFilter, type FieldDefinition, type FilterGroup } from '@shared/contracts/filters';
import {
  addNode,
  countConditions,
  describeCondition,
  describeConditionText,
  draftFromCondition,
  draftToCondition,
  emptyDraft,
  nodeAt,
  removeNode,
  replaceNode,
  toggleGroupType,
} from './filter-model';

const FIELDS: FieldDefinition[] = [
  { key: 'name', label: 'Account', type: 'text' },
  { key: 'industry', label: 'Industry', type: 'enum', options: [
    { value: 'software', label: 'Software' },
    { value: 'fintech', label: 'Financial services' },
    { value: 'health', label: 'Healthcare' },
    { value: 'retail', label: 'Retail' },
  ] },
  { key: 'employees', label: 'Employees', type: 'number' },
  { key: 'lastActivity', label: 'Last activity', type: 'date' },
  { key: 'openOpportunity', label: 'Open opportunity', type: 'boolean' },
];
const field = (key: string) => FIELDS.find((f) => f.key === key)!;

const nested: FilterGroup = {
  type: 'and',
  conditions: [
    { field: 'industry', op: 'in', value: ['software', 'fintech'] },
    { type: 'or', conditions: [
      { field: 'employees', op: 'gt', value: 500 },
      { field: 'name', op: 'contains', value: 'cedar' },
    ] },
  ],
};

describe('editing a filter tree', () => {
  it('finds nodes by path, including inside a nested group', () => {
    expect(nodeAt(nested, [])).toBe(nested);
    expect(nodeAt(nested, [1, 1])).toEqual({ field: 'name', op: 'contains', value: 'cedar' });
    expect(nodeAt(nested, [5])).toBeUndefined();
    expect(nodeAt(nested, [0, 0])).toBeUndefined();
  });

  it('adds to the root and to a nested group without touching the original', () => {
    const added = addNode(nested, [1], { field: 'openOpportunity', op: 'eq', value: true });
    expect(countConditions(added)).toBe(4);
    expect(countConditions(nested)).toBe(3);
    expect(nodeAt(added, [1, 2])).toEqual({ field: 'openOpportunity', op: 'eq', value: true });
  });

  it('replaces a condition in place', () => {
    const next = replaceNode(nested, [1, 0], { field: 'employees', op: 'lt', value: 50 });
    expect(nodeAt(next, [1, 0])).toEqual({ field: 'employees', op: 'lt', value: 50 });
    expect(nodeAt(next, [0])).toBe(nested.conditions[0]);
  });

  it('removes a condition, and a nested group once it is empty', () => {
    const once = removeNode(nested, [1, 0]);
    expect(countConditions(once)).toBe(2);
    const twice = removeNode(once, [1, 0]);
    expect(twice.conditions).toHaveLength(1);
    expect(countConditions(twice)).toBe(1);
  });

  it('switches a group between AND and OR', () => {
    expect(toggleGroupType(nested, []).type).toBe('or');
    const inner = nodeAt(toggleGroupType(nested, [1]), [1]) as FilterGroup;
    expect(inner.type).toBe('and');
  });

  it('survives the URL round trip', () => {
    expect(decodeFilter(encodeFilter(nested))).toEqual(nested);
  });
});

describe('turning an editor draft into a condition', () => {
  it('parses numbers, ignoring thousands separators', () => {
    const result = draftToCondition({ ...emptyDraft(field('employees')), op: 'gt', value: '1,000' }, field('employees'));
    expect(result).toEqual({ condition: { field: 'employees', op: 'gt', value: 1000 } });
  });

  it('orders the ends of a between range', () => {
    const result = draftToCondition({ ...emptyDraft(field('employees')), op: 'between', value: '500', valueTo: '50' }, field('employees'));
    expect(result).toEqual({ condition: { field: 'employees', op: 'between', value: [50, 500] } });
  });

  it('splits a text list on commas and drops blanks and duplicates', () => {
    const result = draftToCondition({ ...emptyDraft(field('name')), op: 'in', value: 'Cedar, Summit, , Cedar' }, field('name'));
    expect(result).toEqual({ condition: { field: 'name', op: 'in', value: ['Cedar', 'Summit'] } });
  });

  it('needs no value for "is empty"', () => {
    expect(draftToCondition({ ...emptyDraft(field('name')), op: 'is_empty' }, field('name'))).toEqual({ condition: { field: 'name', op: 'is_empty' } });
  });

  it('reads booleans from the select', () => {
    expect(draftToCondition({ ...emptyDraft(field('openOpportunity')), value: 'false' }, field('openOpportunity'))).toEqual({
      condition: { field: 'openOpportunity', op: 'eq', value: false },
    });
  });

  it('refuses a missing value, a bad number, a bad date, an empty enum list and a foreign operator', () => {
    expect(draftToCondition({ ...emptyDraft(field('name')), value: '  ' }, field('name'))).toEqual({ error: 'Enter a value.' });
    expect(draftToCondition({ ...emptyDraft(field('employees')), op: 'eq', value: 'many' }, field('employees'))).toEqual({ error: 'Enter a number.' });
    expect(draftToCondition({ ...emptyDraft(field('lastActivity')), value: '2026-13-45' }, field('lastActivity'))).toEqual({ error: 'Enter a date.' });
    expect(draftToCondition({ ...emptyDraft(field('industry')), op: 'in', values: [] }, field('industry'))).toHaveProperty('error');
    expect(draftToCondition({ ...emptyDraft(field('employees')), op: 'contains', value: '5' }, field('employees'))).toHaveProperty('error');
    expect(draftToCondition({ ...emptyDraft(field('employees')), op: 'between', value: '5', valueTo: '' }, field('employees'))).toHaveProperty('error');
    expect(draftToCondition({ ...emptyDraft(field('employees')), op: 'in', value: '5, lots' }, field('employees'))).toHaveProperty('error');
  });

  it('edits an existing condition from the same draft shape', () => {
    const condition = { field: 'employees', op: 'between' as const, value: [10, 200] };
    expect(draftToCondition(draftFromCondition(condition), field('employees'))).toEqual({ condition });
    const list = { field: 'industry', op: 'in' as const, value: ['software', 'health'] };
    expect(draftToCondition(draftFromCondition(list), field('industry'))).toEqual({ condition: list });
  });
});

describe('describing a condition as a chip', () => {
  it('uses field and option labels', () => {
    expect(describeCondition({ field: 'industry', op: 'in', value: ['software', 'fintech'] }, FIELDS)).toEqual({
      field: 'Industry',
      operator: 'is any of',
      value: 'Software, Financial services',
    });
  });

  it('shortens long lists and formats ranges, numbers and booleans', () => {
    expect(describeCondition({ field: 'industry', op: 'not_in', value: ['software', 'fintech', 'health', 'retail'] }, FIELDS).value).toBe(
      'Software, Financial services, Healthcare +1',
    );
    expect(describeConditionText({ field: 'employees', op: 'between', value: [1000, 5000] }, FIELDS)).toBe('Employees between 1,000 and 5,000');
    expect(describeConditionText({ field: 'openOpportunity', op: 'eq', value: true }, FIELDS)).toBe('Open opportunity is Yes');
    expect(describeConditionText({ field: 'name', op: 'is_empty' }, FIELDS)).toBe('Account is empty');
  });

  it('falls back to the raw key for a field it does not know', () => {
    expect(describeConditionText({ field: 'legacyScore', op: 'gt', value: 3 }, FIELDS)).toBe('legacyScore greater than 3');
  });
});
