import { describe, expect, it } from 'vitest';
import { leadCampaignSettingsSchema, type LeadCampaignSettings } from '@shared/contracts/leads';
import { draftOf, settingsOf } from './campaign-settings-draft';

const saved: LeadCampaignSettings = {
  campaignKind: 'call',
  clientOrgId: '6f1c2a4e-8d0b-4c1e-9a57-2b3c4d5e6f70',
  checklist: [
    { id: 'budget_confirmed', label: 'Budget confirmed', required: true },
    { id: 'timeline', label: 'Timeline within 6 months', required: false },
  ],
  criteria: { industries: ['Software'], employeeMin: 200, employeeMax: null, revenueMin: null, revenueMax: 5_000_000, countries: ['US', 'GB'], technologies: [] },
  autoDeliver: true,
};

describe('the QA settings form’s draft', () => {
  it('round-trips saved settings unchanged', () => {
    expect(settingsOf(draftOf(saved), 'call')).toEqual(saved);
  });

  it('keeps saved checklist ids even when the label changes', () => {
    const draft = draftOf(saved);
    draft.checklist[0]!.label = '  Budget holder confirmed ';
    expect(settingsOf(draft, 'call').checklist[0]).toEqual({ id: 'budget_confirmed', label: 'Budget holder confirmed', required: true });
  });

  it('sends empty bounds as none and typed ones as numbers, which the contract then checks', () => {
    const draft = draftOf(saved);
    draft.criteria.employeeMin = '';
    draft.criteria.revenueMin = '-5';
    const settings = settingsOf(draft, 'email');
    expect(settings.criteria.employeeMin).toBeNull();
    expect(settings.campaignKind).toBe('email');
    const parsed = leadCampaignSettingsSchema.safeParse(settings);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['criteria', 'revenueMin']);
  });
});
