// Turns the table's selection model into the bulk endpoints' `selection`: explicit ids, or the
// list's filter and search with the records unticked since "select all matching".
import type { BulkSelection } from '@shared/contracts/accounts';
import type { FilterGroup } from '@shared/contracts/filters';
import type { SelectionModel } from '@/components/ui/data-table/selection';

export function toBulkSelection(selection: SelectionModel, scope: { filter: FilterGroup; q: string }): BulkSelection | null {
  if (!selection.allMatching) return selection.ids.length > 0 ? { ids: selection.ids } : null;
  const q = scope.q.trim();
  return {
    filter: scope.filter,
    ...(q ? { q } : {}),
    ...(selection.except.length > 0 ? { except: selection.except } : {}),
  };
}

/** "1 account" / "12 accounts". */
export function countOf(count: number, singular: string, plural: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
