import { describe, expect, it } from 'vitest';
import { missingRequired } from './checklist';
import { changedFields } from './lead-fields-panel';
import { reasonRequired } from './verdict-dialog';

describe('what approval waits for', () => {
  const checklistItems = [
    { id: 'consent', label: 'Consent heard', required: true },
    { id: 'email', label: 'Email read back', required: true },
    { id: 'notes', label: 'Notes read', required: false },
  ];
  it('names every required item not ticked, and none of the optional ones', () => {
    expect(missingRequired({ checklistItems, checklist: {} })).toEqual(['Consent heard', 'Email read back']);
    expect(missingRequired({ checklistItems, checklist: { consent: { checked: true, by: 'Quinn', at: '2026-12-07T08:00:00Z' } } })).toEqual(['Email read back']);
  });
  it('counts an item ticked and then unticked as missing', () => {
    expect(missingRequired({ checklistItems, checklist: { consent: { checked: false, by: 'Quinn', at: '2026-12-07T08:00:00Z' }, email: { checked: true, by: null, at: '2026-12-07T08:00:00Z' } } })).toEqual(['Consent heard']);
  });
  it('waits for nothing when the campaign has no checklist', () => {
    expect(missingRequired({ checklistItems: [], checklist: {} })).toEqual([]);
  });
});

describe('the corrections an edit sends', () => {
  const before = { firstName: 'Hana', lastName: 'Human', email: 'hana@northwind.com', phone: null, title: 'IT Head', company: 'Northwind', domain: null, country: 'US' };
  const draft = { firstName: 'Hana', lastName: 'Human', email: 'hana@northwind.com', phone: '', title: 'IT Head', company: 'Northwind', domain: '', country: 'US' };
  it('sends nothing when nothing changed (empty text is the same as no value)', () => {
    expect(changedFields(before, draft)).toEqual({});
  });
  it('sends only the changed fields, trimmed, and a cleared one as null', () => {
    expect(changedFields(before, { ...draft, title: '  Head of IT ', company: '', domain: 'northwind.com' })).toEqual({ title: 'Head of IT', company: null, domain: 'northwind.com' });
  });
});

describe('which moves take a reason from the catalogue', () => {
  it('follows the transition table: rejecting and returning do, approving and reopening do not', () => {
    expect(reasonRequired('under_review', 'rejected')).toBe(true);
    expect(reasonRequired('published', 'returned')).toBe(true);
    expect(reasonRequired('under_review', 'approved')).toBe(false);
    expect(reasonRequired('rejected', 'under_review')).toBe(false);
  });
});
