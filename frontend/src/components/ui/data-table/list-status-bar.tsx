// The strip under a paged list (table or cards): how many of the matching rows are loaded, the
// next page loading, a failed page with Retry, and the list's keyboard keys.
import { Loader2 } from 'lucide-react';
import { Button } from '../button';
import { Kbd } from '../kbd';

const nf = (n: number) => n.toLocaleString('en-US');

export interface ListStatusBarProps {
  loaded: number;
  matching: number;
  loadingMore?: boolean;
  /** A page failed after some loaded (the list shows a first-page failure itself). */
  error?: string | null;
  onRetry?: () => void;
  selectable: boolean;
  openable: boolean;
  /** The test id of the "N of M loaded" count. */
  statusId: string;
}

export function ListStatusBar({ loaded, matching, loadingMore, error, onRetry, selectable, openable, statusId }: ListStatusBarProps) {
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-border px-3 py-2 text-xs text-muted-foreground">
      <span data-testid={statusId}>
        <span className="font-mono tabular">{nf(loaded)}</span> of <span className="font-mono tabular">{nf(matching)}</span> loaded
      </span>
      {loadingMore && (
        <span className="inline-flex items-center gap-1.5" role="status">
          <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> Loading more…
        </span>
      )}
      {error && loaded > 0 && (
        <span className="inline-flex items-center gap-2 text-danger-text" role="alert">
          {error}
          {onRetry && (
            <Button variant="outline" size="sm" className="h-6 px-2 text-xs" onClick={onRetry}>
              Retry
            </Button>
          )}
        </span>
      )}
      <span className="ml-auto hidden items-center gap-1 md:inline-flex">
        <Kbd>J</Kbd>
        <Kbd>K</Kbd> move
        {selectable && (
          <>
            <Kbd className="ml-2">X</Kbd> select
          </>
        )}
        {openable && (
          <>
            <Kbd className="ml-2">↵</Kbd> open
          </>
        )}
      </span>
    </div>
  );
}
