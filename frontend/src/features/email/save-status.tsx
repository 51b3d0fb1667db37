// Where an autosaved edit stands, said quietly beside the editor ("Saved", "Saving…") and plainly
// when it is not saved, with a way to try again.
import { Check, CircleAlert, Loader2, RotateCw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import type { AutosaveState } from './use-autosave';

export function SaveStatus({ state }: { state: AutosaveState<unknown> }) {
  const { status, savedAt, message } = state;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs" role="status" aria-live="polite" data-testid="save-status">
      {status === 'saved' && (
        <span className="inline-flex items-center gap-1 text-muted-foreground">
          <Check className="size-3.5 text-success" aria-hidden="true" />
          {savedAt ? `Saved ${savedAt.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}` : 'Saved'}
        </span>
      )}
      {status === 'pending' && <span className="text-muted-foreground">Unsaved changes…</span>}
      {status === 'saving' && (
        <span className="inline-flex items-center gap-1 text-muted-foreground">
          <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> Saving…
        </span>
      )}
      {status === 'invalid' && (
        <span className="inline-flex items-center gap-1 font-medium text-warning-text">
          <CircleAlert className="size-3.5" aria-hidden="true" /> Not saved: fix the problems shown
        </span>
      )}
      {status === 'error' && (
        <span className="inline-flex items-center gap-1 font-medium text-danger-text">
          <CircleAlert className="size-3.5" aria-hidden="true" /> Not saved{message ? `: ${message}` : ''}
          <Button variant="ghost" size="sm" className="h-6 px-1.5" onClick={() => void state.flush()}>
            <RotateCw aria-hidden="true" /> Retry
          </Button>
        </span>
      )}
      {status === 'stale' && <span className="font-medium text-warning-text">Not saved: changed by someone else</span>}
    </span>
  );
}
