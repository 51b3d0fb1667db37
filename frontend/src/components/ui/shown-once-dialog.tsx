// A secret shown once — a signing secret right after it is made or rotated, a temporary password
// right after an invitation — with a copy button and the warning that it cannot be shown again.
import type { ReactNode } from 'react';
import { AlertTriangle } from 'lucide-react';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from './dialog';

export interface ShownOnceDialogProps {
  /** The secret; the dialog is open while it is not null. */
  value: string | null;
  title: ReactNode;
  description: ReactNode;
  /** What to do with it now (an alert above the value). */
  warning?: string;
  /** The value's test id (the browser tests read it). */
  testId: string;
  /** The copy button's accessible name, when "Copy" alone would not say what it copies. */
  copyLabel?: string;
  done?: string;
  onClose: () => void;
}

export function ShownOnceDialog({ value, title, description, warning, testId, copyLabel, done = 'I have stored it', onClose }: ShownOnceDialogProps) {
  return (
    <Dialog open={value !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {warning && (
          <p role="alert" className="flex gap-2 rounded-lg border border-warning/40 bg-warning-subtle px-3 py-2.5 text-sm text-warning-text">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            {warning}
          </p>
        )}
        {value && (
          <div className="flex items-center gap-2">
            <code data-testid={testId} className="min-w-0 flex-1 break-all rounded-md border border-border bg-muted px-3 py-2 font-mono text-[13px]">
              {value}
            </code>
            <CopyButton value={value} {...(copyLabel ? { label: copyLabel } : {})} text="Copy" />
          </div>
        )}
        <DialogFooter>
          <Button onClick={onClose}>{done}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
