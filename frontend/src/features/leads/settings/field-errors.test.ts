import { describe, expect, it } from 'vitest';
import { leadCampaignSettingsSchema } from '@shared/contracts/leads';
import { ApiError } from '@/lib/api';
import { apiFieldErrors, issuesByPath, leftoverErrors } from './field-errors';

describe('form problems by field path', () => {
  it('puts the contract schema’s refusals under the dotted path of the field', () => {
    const parsed = leadCampaignSettingsSchema.safeParse({
      campaignKind: 'call',
      clientOrgId: null,
      checklist: [{ id: 'Bad Id', label: '', required: true }],
      criteria: { countries: ['USA'] },
      autoDeliver: false,
    });
    expect(parsed.success).toBe(false);
    const errors = issuesByPath(parsed.error!);
    expect(errors['checklist.0.id']).toMatch(/lower-case/);
    expect(errors['checklist.0.label']).toBe('must not be empty');
    expect(Object.keys(errors)).toContain('criteria.countries.0');
  });

  it('reads an API problem the same way, without the body. prefix', () => {
    const error = new ApiError({
      type: 'https://pivotal-crm.dev/problems/invalid',
      title: 'Invalid request',
      status: 400,
      errors: [{ field: 'body.checklist.1.label', message: 'must not be empty' }],
    });
    expect(apiFieldErrors(error)).toEqual({ 'checklist.1.label': 'must not be empty' });
  });

  it('leaves for the banner only what no shown field takes', () => {
    const errors = { 'checklist.0.label': 'must not be empty', clientOrgId: 'is not a client', form: 'Conflict' };
    expect(leftoverErrors(errors, (path) => path.startsWith('checklist.'))).toBe('clientOrgId: is not a client Conflict');
    expect(leftoverErrors({ 'checklist.0.label': 'x' }, () => true)).toBeNull();
  });
});
