import { describe, expect, it } from 'vitest';
import { loadColumnState, moveColumn, reconcileColumnState, saveColumnState, storageKey, toggleHidden, type KeyValueStore } from './column-state';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

const COLUMNS = ['name', 'domain', 'industry', 'employees'];

describe('remembering a table layout', () => {
  it('starts from the declared columns when nothing is saved', () => {
    expect(loadColumnState(memoryStore(), 'accounts', COLUMNS)).toEqual({ order: COLUMNS, hidden: [], density: 'comfortable' });
  });

  it('saves per table id and reads it back', () => {
    const store = memoryStore();
    saveColumnState(store, 'accounts', { order: ['domain', 'name', 'industry', 'employees'], hidden: ['industry'], density: 'compact' });
    expect(Object.keys(store.data)).toEqual([storageKey('accounts')]);
    expect(loadColumnState(store, 'accounts', COLUMNS)).toEqual({ order: ['domain', 'name', 'industry', 'employees'], hidden: ['industry'], density: 'compact' });
    expect(loadColumnState(store, 'contacts', COLUMNS).order).toEqual(COLUMNS);
  });

  it('drops columns that no longer exist and places new ones after their declared neighbour', () => {
    const state = reconcileColumnState({ order: ['employees', 'legacy', 'name'], hidden: ['legacy', 'domain'] }, COLUMNS);
    expect(state.order).toEqual(['employees', 'name', 'domain', 'industry']);
    expect(state.hidden).toEqual(['domain']);
  });

  it('never hides a locked column', () => {
    expect(reconcileColumnState({ order: COLUMNS, hidden: ['name', 'industry'] }, COLUMNS, ['name']).hidden).toEqual(['industry']);
  });

  it('ignores corrupt or foreign saved data', () => {
    expect(loadColumnState(memoryStore({ [storageKey('accounts')]: '{not json' }), 'accounts', COLUMNS).order).toEqual(COLUMNS);
    const odd = reconcileColumnState({ order: 'name' as unknown as string[], hidden: [42 as unknown as string], density: 'huge' as never }, COLUMNS);
    expect(odd).toEqual({ order: COLUMNS, hidden: [], density: 'comfortable' });
  });

  it('keeps working when storage throws', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadColumnState(throwing, 'accounts', COLUMNS).order).toEqual(COLUMNS);
    expect(() => saveColumnState(throwing, 'accounts', { order: COLUMNS, hidden: [], density: 'compact' })).not.toThrow();
  });

  it('moves a column one place and stops at the edges', () => {
    expect(moveColumn(COLUMNS, 'industry', -1)).toEqual(['name', 'industry', 'domain', 'employees']);
    expect(moveColumn(COLUMNS, 'name', -1)).toEqual(COLUMNS);
    expect(moveColumn(COLUMNS, 'employees', 1)).toEqual(COLUMNS);
    expect(moveColumn(COLUMNS, 'unknown', 1)).toEqual(COLUMNS);
  });

  it('toggles a column between shown and hidden', () => {
    const base = { order: COLUMNS, hidden: [], density: 'comfortable' as const };
    const hidden = toggleHidden(base, 'domain');
    expect(hidden.hidden).toEqual(['domain']);
    expect(toggleHidden(hidden, 'domain').hidden).toEqual([]);
  });
});
