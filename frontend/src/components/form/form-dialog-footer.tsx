// A form dialog's footer: Cancel (disabled while the request runs) and the submit button with
// its pending state.
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { DialogFooter } from '@/components/ui/dialog';

export interface FormDialogFooterProps {
  submitLabel: ReactNode;
  pending: boolean;
  onCancel: () => void;
  cancelLabel?: ReactNode;
  /** The submit button is off until the form can be sent (e.g. nothing chosen yet). */
  submitDisabled?: boolean;
  /** Extra actions, placed before Cancel. */
  children?: ReactNode;
}

export function FormDialogFooter({ submitLabel, pending, onCancel, cancelLabel = 'Cancel', submitDisabled, children }: FormDialogFooterProps) {
  return (
    <DialogFooter>
      {children}
      <Button variant="outline" onClick={onCancel} disabled={pending}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={pending} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}
