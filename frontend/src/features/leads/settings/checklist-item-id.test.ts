import { describe, expect, it } from 'vitest';
import { checklistItemSchema } from '@shared/contracts/leads';
import { checklistItemId } from './checklist-item-id';

describe('a checklist item id derived from its label', () => {
  it('is the label in lower case with underscores, accents dropped', () => {
    expect(checklistItemId('Budget confirmed?', new Set())).toBe('budget_confirmed');
    expect(checklistItemId('Décision-maker named', new Set())).toBe('decision_maker_named');
  });

  it('is unique within the checklist', () => {
    expect(checklistItemId('Budget confirmed', new Set(['budget_confirmed']))).toBe('budget_confirmed_2');
    expect(checklistItemId('Budget confirmed', new Set(['budget_confirmed', 'budget_confirmed_2']))).toBe('budget_confirmed_3');
  });

  it('is "item" for an empty label', () => {
    expect(checklistItemId('   ', new Set())).toBe('item');
  });

  it('always satisfies the contract, even for a long label', () => {
    const id = checklistItemId('The prospect confirmed the budget holder and the timeline for this quarter', new Set());
    expect(id.length).toBeLessThanOrEqual(40);
    expect(checklistItemSchema.safeParse({ id, label: 'x', required: true }).success).toBe(true);
  });
});
