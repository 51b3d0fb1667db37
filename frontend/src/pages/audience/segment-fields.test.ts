import { describe, expect, it } from 'vitest';
import { ACCOUNT_SEGMENT_FIELD_KEYS } from '@shared/contracts/audience';
import { defaultOperator, describeConditionText, draftToCondition, emptyDraft, groupFields } from '@/components/ui/advanced-filter-bar/filter-model';
import { segmentFields } from './segment-fields';

const fields = segmentFields([], []);
const field = (key: string) => fields.find((f) => f.key === key)!;

describe('the segment builder’s fields', () => {
  it('offers the account firmographics under an Account heading', () => {
    const groups = groupFields(fields);
    expect(groups.map((g) => g.heading)).toEqual(['Contact', 'Account', 'Audience']);
    const account = groups.find((g) => g.heading === 'Account')!.fields.map((f) => f.label);
    expect(account).toEqual(
      expect.arrayContaining(['Industry', 'Sub-industry', 'Employees', 'Employee range', 'Annual revenue (USD)', 'Revenue range', 'Account country', 'Account state', 'Account city', 'Technologies', 'Company name']),
    );
    for (const key of ACCOUNT_SEGMENT_FIELD_KEYS) expect(field(`account.${key}`).group).toBe('Account');
  });

  it('starts a country condition at "is" with a picker of names whose values are ISO codes', () => {
    for (const key of ['country', 'account.country']) {
      const country = field(key);
      expect(defaultOperator(country)).toBe('eq');
      expect(country.options).toContainEqual({ value: 'US', label: 'United States' });
      const draft = { ...emptyDraft(country), value: 'US' };
      const result = draftToCondition(draft, country);
      expect(result).toEqual({ condition: { field: key, op: 'eq', value: 'US' } });
      if ('condition' in result) expect(describeConditionText(result.condition, fields)).toMatch(/country is United States$/i);
    }
  });

  it('picks several countries for "is any of", and asks for one when none is picked', () => {
    const country = field('country');
    expect(draftToCondition({ ...emptyDraft(country), op: 'in', values: ['DE', 'FR'] }, country)).toEqual({ condition: { field: 'country', op: 'in', value: ['DE', 'FR'] } });
    expect(draftToCondition({ ...emptyDraft(country), op: 'in', values: [] }, country)).toEqual({ error: 'Choose at least one country.' });
    expect(draftToCondition(emptyDraft(country), country)).toEqual({ error: 'Choose a country.' });
  });
});
