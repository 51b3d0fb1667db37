// An inline form's save row: the submit button (off until something changed), Discard while there
// are changes, and a polite "Unsaved changes" for screen readers and the eye.
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export interface FormSaveBarProps {
  saveLabel: ReactNode;
  pending: boolean;
  dirty: boolean;
  onDiscard: () => void;
}

export function FormSaveBar({ saveLabel, pending, dirty, onDiscard }: FormSaveBarProps) {
  return (
    <div className="flex items-center gap-2">
      <Button type="submit" loading={pending} disabled={!dirty}>
        {saveLabel}
      </Button>
      {dirty && (
        <Button variant="ghost" onClick={onDiscard} disabled={pending}>
          Discard changes
        </Button>
      )}
      <span className="text-xs text-muted-foreground" aria-live="polite">
        {dirty ? 'Unsaved changes' : ''}
      </span>
    </div>
  );
}
