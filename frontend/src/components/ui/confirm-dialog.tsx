// ConfirmDialog: asks before an action; the destructive variant is red, and `confirmText` makes
// the user type a word (e.g. the record's name) before the button unlocks. When the action is
// refused (its promise rejects) the dialog stays open, showing the caller's `error`.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { AlertDialog } from 'radix-ui';
import { AlertTriangle } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Button } from './button';
import { Input } from './input';
import { Label } from './label';
import { useReturnFocus } from './use-return-focus';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** The exact text the user must type to confirm. */
  confirmText?: string;
  /** May return a promise: the dialog shows progress and closes when it settles without error. */
  onConfirm: () => void | Promise<void>;
  /** Why the last attempt was refused (e.g. a 409's reason), shown above the buttons. */
  error?: ReactNode;
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel = 'Confirm',
  cancelLabel = 'Cancel',
  destructive,
  confirmText,
  onConfirm,
  error,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const returnFocus = useReturnFocus();
  useEffect(() => {
    if (open) setTyped('');
  }, [open]);
  const locked = confirmText !== undefined && typed.trim() !== confirmText;

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
      onOpenChange(false);
    } catch {
      // Refused: the dialog stays open and the caller says why (its `error`, or a toast).
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-slate-950/45 backdrop-blur-[2px] data-[state=open]:animate-fade-in" />
        <AlertDialog.Content
          {...returnFocus}
          className="fixed left-1/2 top-1/2 z-50 grid w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4 rounded-xl border border-border bg-popover p-6 text-popover-foreground shadow-lg data-[state=open]:animate-scale-in">
          <div className="flex gap-4">
            {destructive && (
              <span className="grid size-10 shrink-0 place-items-center rounded-full bg-danger-subtle text-danger-text" aria-hidden="true">
                <AlertTriangle className="size-5" />
              </span>
            )}
            <div className="grid gap-1.5">
              <AlertDialog.Title className="text-lg font-semibold leading-tight tracking-tight">{title}</AlertDialog.Title>
              {description && <AlertDialog.Description className="text-sm text-muted-foreground">{description}</AlertDialog.Description>}
            </div>
          </div>
          {error && (
            <p role="alert" className="rounded-lg border border-danger/30 bg-danger-subtle px-3 py-2.5 text-sm text-danger-text">
              {error}
            </p>
          )}
          {confirmText !== undefined && (
            <div className="grid gap-1.5">
              <Label htmlFor={inputId}>
                Type <span className="font-mono font-semibold">{confirmText}</span> to confirm
              </Label>
              <Input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
            </div>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="outline" disabled={busy}>
                {cancelLabel}
              </Button>
            </AlertDialog.Cancel>
            <Button
              variant={destructive ? 'destructive' : 'default'}
              disabled={locked}
              loading={busy}
              onClick={() => void confirm()}
              className={cn(locked && 'cursor-not-allowed')}
            >
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
