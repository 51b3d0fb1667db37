import { describe, expect, it } from 'vitest';
import { chartDays, checklistItems, formatTotal, showChecklist } from './dashboard-data';

describe('the first-run checklist', () => {
  it('ticks each step the workspace shows was done, linking to where it is done', () => {
    const items = checklistItems({ imported: true, segmentBuilt: false, colleagueInvited: false }, true);
    expect(items.map((i) => [i.id, i.done, i.href])).toEqual([
      ['import', true, '/imports/new'],
      ['segment', false, '/segments/new'],
      ['invite', false, '/settings/users'],
    ]);
  });

  it('does not link people who cannot invite to the users page', () => {
    const invite = checklistItems({ imported: false, segmentBuilt: false, colleagueInvited: false }, false).find((i) => i.id === 'invite')!;
    expect(invite.href).toBeNull();
    expect(invite.description).toMatch(/admin/);
  });

  it('stays until every step is done', () => {
    expect(showChecklist({ imported: false, segmentBuilt: false, colleagueInvited: false })).toBe(true);
    expect(showChecklist({ imported: true, segmentBuilt: true, colleagueInvited: false })).toBe(true);
    expect(showChecklist({ imported: true, segmentBuilt: true, colleagueInvited: true })).toBe(false);
  });
});

describe('figures', () => {
  it('labels the chart days by their UTC date', () => {
    expect(chartDays([{ day: '2026-12-01', contacts: 3, accounts: 1, exact: true }])).toEqual([{ day: '2026-12-01', label: 'Dec 1', contacts: 3, accounts: 1 }]);
  });

  it('marks an estimate', () => {
    expect(formatTotal({ count: 1234, exact: true })).toBe('1,234');
    expect(formatTotal({ count: 1_200_000, exact: false })).toBe('≈ 1,200,000');
  });
});
