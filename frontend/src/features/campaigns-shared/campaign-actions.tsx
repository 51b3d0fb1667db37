// What the email and call campaigns' pages and lists share as actions: cloning with its toasts, the
// campaign page's header with its Clone and Delete buttons, the delete confirmation with its toasts,
// and the banner that says why the server refused a move (schedule, activate) until it is dismissed.
import type { ReactNode } from 'react';
import { Copy, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { HeaderActionBar } from '@/components/ui/header-action-bar';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';

/**
 * Clones a campaign and says so; from a list the toast offers to open the copy, from a campaign's
 * own page (`openNow`) the copy opens at once. A failure is a toast too.
 */
export async function cloneCampaignWithToast(
  clone: () => Promise<{ id: string; name: string }>,
  open: (id: string) => void,
  { openNow = false }: { openNow?: boolean } = {},
): Promise<void> {
  try {
    const copy = await clone();
    if (openNow) {
      toast.success(`Cloned as “${copy.name}”.`);
      open(copy.id);
    } else {
      toast.success(`Cloned as “${copy.name}”.`, { action: { label: 'Open', onClick: () => open(copy.id) } });
    }
  } catch (error) {
    toast.error('The campaign could not be cloned', { description: describeError(error) });
  }
}

/** A campaign page's header: back link, name, status badge, a line of facts and the actions. */
export function CampaignHeader({ back, name, status, facts, actions }: { back: ReactNode; name: string; status: ReactNode; facts: ReactNode; actions: ReactNode }) {
  return (
    <HeaderActionBar
      className="pb-0"
      eyebrow={back}
      title={name}
      meta={status}
      description={<span className="flex flex-wrap gap-x-4 gap-y-1">{facts}</span>}
      actions={actions}
    />
  );
}

export function CloneCampaignButton({ pending, onClick }: { pending: boolean; onClick: () => void }) {
  return (
    <Button variant="outline" size="sm" onClick={onClick} loading={pending}>
      {!pending && <Copy aria-hidden="true" />} Clone
    </Button>
  );
}

export function DeleteCampaignButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="outline" size="sm" className="text-danger-text" onClick={onClick}>
      <Trash2 aria-hidden="true" /> {label}
    </Button>
  );
}

export interface DeleteCampaignDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  description: string;
  confirmLabel: string;
  /** The success toast. */
  deletedMessage: string;
  /** Deletes it; null while there is nothing to delete. */
  remove: (() => Promise<unknown>) | null;
  /** After the delete, e.g. back to the list. */
  onDeleted?: () => void;
}

/** Asks before deleting; a refusal is a toast and keeps the dialog open. */
export function DeleteCampaignDialog({ open, onOpenChange, name, description, confirmLabel, deletedMessage, remove, onDeleted }: DeleteCampaignDialogProps) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      destructive
      title={`Delete “${name}”?`}
      description={description}
      confirmLabel={confirmLabel}
      onConfirm={async () => {
        if (!remove) return;
        try {
          await remove();
          toast.success(deletedMessage);
          onDeleted?.();
        } catch (error) {
          toast.error(describeError(error));
          throw error;
        }
      }}
    />
  );
}

/** Why the server said no, above the page's tabs or builder, with a Dismiss. */
export function RefusalBanner({ testId, onDismiss, children }: { testId: string; onDismiss: () => void; children: ReactNode }) {
  return (
    <div role="alert" className="grid gap-2 rounded-lg border border-danger/40 bg-danger-subtle px-4 py-3 text-sm text-danger-text" data-testid={testId}>
      {children}
      <div className="flex gap-2">
        <Button variant="outline" size="sm" className="bg-card" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
