// Asks before deleting a named item, deletes it through the API and says how it went; a failure
// is a toast and keeps the dialog open.
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { toast } from '@/components/ui/toast';
import { api, describeError } from '@/lib/api';
import type { NamedItem } from './named-index-page';

export interface DeleteNamedDialogProps<T extends NamedItem> {
  /** The item to delete; null keeps the dialog closed. */
  item: T | null;
  onClose: () => void;
  /** "List": the confirm button says "Delete list", the toast "List “Q3” deleted." */
  noun: string;
  /** The item's API path. */
  pathOf: (item: T) => string;
  /** What deleting does and does not take with it. */
  description: string;
  onDeleted: () => void;
}

export function DeleteNamedDialog<T extends NamedItem>({ item, onClose, noun, pathOf, description, onDeleted }: DeleteNamedDialogProps<T>) {
  return (
    <ConfirmDialog
      open={item !== null}
      onOpenChange={(open) => !open && onClose()}
      destructive
      title={`Delete “${item?.name ?? ''}”?`}
      description={description}
      confirmLabel={`Delete ${noun.toLowerCase()}`}
      onConfirm={async () => {
        if (!item) return;
        try {
          await api.delete(pathOf(item));
          onDeleted();
          toast.success(`${noun} “${item.name}” deleted.`);
        } catch (error) {
          toast.error(describeError(error));
          throw error;
        }
      }}
    />
  );
}
