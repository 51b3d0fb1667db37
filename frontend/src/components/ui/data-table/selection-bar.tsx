// The bulk bar over a table or a card grid: how many are selected, "select all N matching" once
// every loaded row is ticked, the actions, and clearing the selection.
import type { ReactNode } from 'react';
import { X } from 'lucide-react';
import { Button } from '../button';
import { EMPTY_SELECTION, selectAllMatching, type SelectionModel } from './selection';

const nf = (n: number) => n.toLocaleString('en-US');

export function SelectionBar({
  selection,
  count,
  matching,
  allLoadedSelected,
  loadedCount,
  onSelectionChange,
  actions,
}: {
  selection: SelectionModel;
  count: number;
  matching: number;
  allLoadedSelected: boolean;
  loadedCount: number;
  onSelectionChange: (selection: SelectionModel) => void;
  actions?: ReactNode;
}) {
  if (count === 0) return null;
  const showSelectAll = !selection.allMatching && allLoadedSelected && matching > loadedCount;
  return (
    <div
      className="flex min-h-11 flex-wrap items-center gap-3 border-b border-border bg-primary-subtle px-3 py-1.5 text-primary-subtle-foreground"
      role="region"
      aria-label="Selection"
      data-testid="bulk-bar"
    >
      <span className="text-sm font-semibold" aria-live="polite">
        {selection.allMatching && selection.except.length === 0 ? `All ${nf(count)} selected` : `${nf(count)} selected`}
      </span>
      {showSelectAll && (
        <Button variant="link" size="sm" className="h-auto px-0" onClick={() => onSelectionChange(selectAllMatching())}>
          Select all {nf(matching)} matching
        </Button>
      )}
      <div className="flex flex-1 flex-wrap items-center gap-2">{actions}</div>
      <Button variant="ghost" size="sm" onClick={() => onSelectionChange(EMPTY_SELECTION)}>
        <X aria-hidden="true" />
        Clear selection
      </Button>
    </div>
  );
}
