import { describe, expect, it } from 'vitest';
import { bulkSelectionSchema } from '@shared/contracts/accounts';
import { EMPTY_FILTER, type FilterGroup } from '@shared/contracts/filters';
import { memberSelection } from './member-selection';

const LIST = '0193b9c4-5a1e-7c3d-9f00-1a2b3c4d5e6f';
const A = '0193b9c4-5a1e-7c3d-9f00-000000000001';
const B = '0193b9c4-5a1e-7c3d-9f00-000000000002';
const VPS: FilterGroup = { type: 'or', conditions: [{ field: 'seniority', op: 'eq', value: 'VP' }] };

describe('the selection of list members to remove', () => {
  it('sends the ticked ids as they are', () => {
    expect(memberSelection(LIST, { allMatching: false, ids: [A, B] }, { filter: VPS, q: 'x' })).toEqual({ ids: [A, B] });
  });

  it('sends nothing when nothing is ticked', () => {
    expect(memberSelection(LIST, { allMatching: false, ids: [] }, { filter: EMPTY_FILTER, q: '' })).toBeNull();
  });

  it('narrows "all matching" to this list, keeping the view filter as its own group, the search and the exceptions', () => {
    const selection = memberSelection(LIST, { allMatching: true, except: [B] }, { filter: VPS, q: '  acme ' });
    expect(selection).toEqual({
      filter: { type: 'and', conditions: [{ field: 'inList', op: 'eq', value: LIST }, VPS] },
      q: 'acme',
      except: [B],
    });
    expect(bulkSelectionSchema.safeParse(selection).success).toBe(true);
  });

  it('never sends "all matching" without the list condition, even with no filter', () => {
    const selection = memberSelection(LIST, { allMatching: true, except: [] }, { filter: EMPTY_FILTER, q: '' });
    expect(selection).toEqual({ filter: { type: 'and', conditions: [{ field: 'inList', op: 'eq', value: LIST }] } });
  });
});
