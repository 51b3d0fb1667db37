// Per-table column preferences (order, hidden columns, density), remembered in localStorage
// under the table's id. Saved state is reconciled with the current columns so a column added or
// removed in a release never breaks a saved layout.

export type Density = 'compact' | 'comfortable';

export interface ColumnState {
  order: string[];
  hidden: string[];
  density: Density;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function storageKey(tableId: string): string {
  return `pivotal-table:${tableId}`;
}

export function defaultColumnState(columnIds: readonly string[], density: Density = 'comfortable'): ColumnState {
  return { order: [...columnIds], hidden: [], density };
}

/**
 * Saved order first (for columns that still exist), then new columns in their declared place;
 * hidden only for columns that still exist; columns marked `locked` are always shown.
 */
export function reconcileColumnState(saved: Partial<ColumnState> | null, columnIds: readonly string[], locked: readonly string[] = []): ColumnState {
  const base = defaultColumnState(columnIds);
  if (!saved) return base;
  const known = new Set(columnIds);
  const order = (Array.isArray(saved.order) ? saved.order : []).filter((id): id is string => typeof id === 'string' && known.has(id));
  const seen = new Set(order);
  columnIds.forEach((id, declaredIndex) => {
    if (seen.has(id)) return;
    // Insert a new column after the nearest declared predecessor that is already placed.
    let at = 0;
    for (let i = declaredIndex - 1; i >= 0; i -= 1) {
      const idx = order.indexOf(columnIds[i] as string);
      if (idx >= 0) {
        at = idx + 1;
        break;
      }
    }
    order.splice(at, 0, id);
    seen.add(id);
  });
  const lockedSet = new Set(locked);
  const hidden = (Array.isArray(saved.hidden) ? saved.hidden : []).filter((id) => typeof id === 'string' && known.has(id) && !lockedSet.has(id));
  const density: Density = saved.density === 'compact' || saved.density === 'comfortable' ? saved.density : base.density;
  return { order, hidden: [...new Set(hidden)], density };
}

export function loadColumnState(store: KeyValueStore | null, tableId: string, columnIds: readonly string[], locked: readonly string[] = []): ColumnState {
  if (!store) return defaultColumnState(columnIds);
  try {
    const raw = store.getItem(storageKey(tableId));
    return reconcileColumnState(raw ? (JSON.parse(raw) as Partial<ColumnState>) : null, columnIds, locked);
  } catch {
    // Corrupt or blocked storage: start from the declared layout.
    return defaultColumnState(columnIds);
  }
}

export function saveColumnState(store: KeyValueStore | null, tableId: string, state: ColumnState): void {
  try {
    store?.setItem(storageKey(tableId), JSON.stringify(state));
  } catch {
    // Storage full or blocked: the layout applies for this visit only.
  }
}

/** Moves a column one place left (-1) or right (+1) in the order. */
export function moveColumn(order: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = order.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

export function toggleHidden(state: ColumnState, id: string): ColumnState {
  const hidden = state.hidden.includes(id) ? state.hidden.filter((x) => x !== id) : [...state.hidden, id];
  return { ...state, hidden };
}
