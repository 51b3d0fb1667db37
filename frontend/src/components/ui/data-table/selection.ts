// The selection of a server-paged list: either explicit ids, or "every row matching the filter"
// minus the ones unticked since. Bulk endpoints take the same shape (with the filter), so a
// selection of 100,000 rows never has to be loaded to be acted on.

export type SelectionModel = { allMatching: false; ids: string[] } | { allMatching: true; except: string[] };

export const EMPTY_SELECTION: SelectionModel = { allMatching: false, ids: [] };

export function isRowSelected(selection: SelectionModel, id: string): boolean {
  return selection.allMatching ? !selection.except.includes(id) : selection.ids.includes(id);
}

/** A membership test built once per selection, for checking many rows (e.g. each render). */
export function selectionLookup(selection: SelectionModel): (id: string) => boolean {
  const listed = new Set(selection.allMatching ? selection.except : selection.ids);
  return selection.allMatching ? (id) => !listed.has(id) : (id) => listed.has(id);
}

export function toggleRow(selection: SelectionModel, id: string): SelectionModel {
  if (selection.allMatching) {
    const except = selection.except.includes(id) ? selection.except.filter((x) => x !== id) : [...selection.except, id];
    return { allMatching: true, except };
  }
  const ids = selection.ids.includes(id) ? selection.ids.filter((x) => x !== id) : [...selection.ids, id];
  return { allMatching: false, ids };
}

/** Selects (or, with `selected: false`, unselects) several rows at once, e.g. a shift-range. */
export function setRows(selection: SelectionModel, rowIds: readonly string[], selected: boolean): SelectionModel {
  const set = new Set(rowIds);
  if (selection.allMatching) {
    const except = selected ? selection.except.filter((x) => !set.has(x)) : [...new Set([...selection.except, ...rowIds])];
    return { allMatching: true, except };
  }
  const ids = selected ? [...new Set([...selection.ids, ...rowIds])] : selection.ids.filter((x) => !set.has(x));
  return { allMatching: false, ids };
}

/** How many rows are selected, given how many match the filter (`total`, if known). */
export function selectedCount(selection: SelectionModel, total: number | undefined): number {
  if (!selection.allMatching) return selection.ids.length;
  return Math.max(0, (total ?? 0) - selection.except.length);
}

/** The state of a "select these rows" checkbox over the given (loaded) rows. */
export function headerCheckState(selection: SelectionModel, rowIds: readonly string[]): boolean | 'indeterminate' {
  if (rowIds.length === 0) return false;
  // A set, not includes(): both lists can hold 100,000 ids once every page is loaded.
  const isSelected = selectionLookup(selection);
  let selected = 0;
  for (const id of rowIds) if (isSelected(id)) selected += 1;
  if (selected === 0) return false;
  return selected === rowIds.length ? true : 'indeterminate';
}

export function selectAllMatching(): SelectionModel {
  return { allMatching: true, except: [] };
}
