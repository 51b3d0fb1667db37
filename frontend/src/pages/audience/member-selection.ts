// Turns the member table's selection into the removal endpoint's `selection`. That endpoint takes
// a filter over all contacts, so "every member matching the view but these" is the view's filter
// and search narrowed to this list.
import type { BulkSelection } from '@shared/contracts/accounts';
import type { FilterGroup } from '@shared/contracts/filters';
import type { SelectionModel } from '@/components/ui/data-table/selection';

export function memberSelection(listId: string, selection: SelectionModel, view: { filter: FilterGroup; q: string }): BulkSelection | null {
  if (!selection.allMatching) return selection.ids.length > 0 ? { ids: selection.ids } : null;
  const q = view.q.trim();
  return {
    filter: { type: 'and', conditions: [{ field: 'inList', op: 'eq', value: listId }, ...(view.filter.conditions.length > 0 ? [view.filter] : [])] },
    ...(q ? { q } : {}),
    ...(selection.except.length > 0 ? { except: selection.except } : {}),
  };
}
