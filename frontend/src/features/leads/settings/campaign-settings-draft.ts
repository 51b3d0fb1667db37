// A campaign's QA settings as the form edits them (rows with keys, bounds as typed text) and back
// to the contract's shape, which the contract's own schema then checks before anything is sent.
import type { LeadCampaignSettings } from '@shared/contracts/leads';
import { newRowKey, type ChecklistRow } from './checklist-editor';
import type { CriteriaDraft } from './criteria-editor';

export interface SettingsDraft {
  clientOrgId: string | null;
  autoDeliver: boolean;
  checklist: ChecklistRow[];
  criteria: CriteriaDraft;
}

const text = (n: number | null) => (n === null ? '' : String(n));
/** '' is no bound; anything else is sent as typed as a number (the schema refuses what is not one). */
const bound = (s: string): number | null => (s.trim() === '' ? null : Number(s));

export function draftOf(settings: LeadCampaignSettings): SettingsDraft {
  const c = settings.criteria;
  return {
    clientOrgId: settings.clientOrgId,
    autoDeliver: settings.autoDeliver,
    checklist: settings.checklist.map((item) => ({ key: newRowKey(), id: item.id, idFixed: true, label: item.label, required: item.required })),
    criteria: {
      industries: [...c.industries],
      countries: [...c.countries],
      technologies: [...c.technologies],
      employeeMin: text(c.employeeMin),
      employeeMax: text(c.employeeMax),
      revenueMin: text(c.revenueMin),
      revenueMax: text(c.revenueMax),
    },
  };
}

export function settingsOf(draft: SettingsDraft, campaignKind: 'call' | 'email'): LeadCampaignSettings {
  const c = draft.criteria;
  return {
    campaignKind,
    clientOrgId: draft.clientOrgId,
    autoDeliver: draft.autoDeliver,
    checklist: draft.checklist.map((r) => ({ id: r.id, label: r.label.trim(), required: r.required })),
    criteria: {
      industries: c.industries,
      countries: c.countries,
      technologies: c.technologies,
      employeeMin: bound(c.employeeMin),
      employeeMax: bound(c.employeeMax),
      revenueMin: bound(c.revenueMin),
      revenueMax: bound(c.revenueMax),
    },
  };
}
