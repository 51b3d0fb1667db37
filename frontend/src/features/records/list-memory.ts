// What a list remembers while the user switches between its layouts (cards ↔ table) or opens a
// record and comes back: the selection and how far down they were. It lives in memory for the
// session, per list, and a selection is dropped when the filter or search it was made under
// changes (a "select all matching" would otherwise silently mean other records).
import { useCallback, useSyncExternalStore } from 'react';
import { EMPTY_SELECTION, type SelectionModel } from '@/components/ui/data-table/selection';

export interface ListMemory {
  /** The filter + search the selection was made under. */
  scope: string;
  selection: SelectionModel;
  /** Index of the first record in view. */
  firstVisible: number;
}

const memories = new Map<string, ListMemory>();
const listeners = new Set<() => void>();
const EMPTY_MEMORY: ListMemory = { scope: '', selection: EMPTY_SELECTION, firstVisible: 0 };

function read(listId: string): ListMemory {
  return memories.get(listId) ?? EMPTY_MEMORY;
}

/** `notify: false` for the scroll position: it is read when a layout mounts, not rendered. */
function write(listId: string, next: ListMemory, notify = true): void {
  memories.set(listId, next);
  if (notify) listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A memory as it applies under `scope`: the selection and position are forgotten when the scope changed. */
export function memoryInScope(memory: ListMemory, scope: string): ListMemory {
  return memory.scope === scope ? memory : { scope, selection: EMPTY_SELECTION, firstVisible: 0 };
}

export function useListMemory(listId: string, scope: string) {
  const stored = useSyncExternalStore(
    subscribe,
    () => read(listId),
    () => read(listId),
  );
  const memory = memoryInScope(stored, scope);
  const setSelection = useCallback(
    (selection: SelectionModel) => write(listId, { ...memoryInScope(read(listId), scope), selection }),
    [listId, scope],
  );
  const setFirstVisible = useCallback(
    (firstVisible: number) => {
      const current = memoryInScope(read(listId), scope);
      if (current.firstVisible !== firstVisible || read(listId).scope !== scope) write(listId, { ...current, firstVisible }, false);
    },
    [listId, scope],
  );
  /** Read at mount time by a layout restoring its position (not a render input). */
  const getFirstVisible = useCallback(() => memoryInScope(read(listId), scope).firstVisible, [listId, scope]);
  return { selection: memory.selection, setSelection, getFirstVisible, setFirstVisible };
}
