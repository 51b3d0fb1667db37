// "Add to list" in a bulk bar: pick a static list, or name a new one, and add the selection to it
// in one bulk call (a filter selection is resolved on the server, so "all N matching" works).
// Accounts add their contacts.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { ListPlus } from 'lucide-react';
import type { BulkResult, BulkSelection } from '@shared/contracts/accounts';
import type { StaticList } from '@shared/contracts/audience';
import { FormDialogFooter } from '@/components/form/form-dialog-footer';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect } from '@/components/ui/option-select';
import { toast } from '@/components/ui/toast';
import { api, describeError } from '@/lib/api';
import { LISTS_PATH, audienceKeys, useLists } from '@/features/audience/audience-api';
import { countOf } from './bulk-selection';

/** The Select's value for "a new list" (list ids are uuids, so it cannot collide). */
const NEW_LIST = '__new__';

export function AddToListAction({ basePath, selection, what }: { basePath: string; selection: BulkSelection; what: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" className="h-7 bg-card" onClick={() => setOpen(true)}>
        <ListPlus aria-hidden="true" />
        Add to list
      </Button>
      {open && <AddToListDialog basePath={basePath} selection={selection} what={what} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddToListDialog({ basePath, selection, what, onClose }: { basePath: string; selection: BulkSelection; what: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const lists = useLists();
  const items = lists.data?.items ?? [];
  const [choice, setChoice] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until the user picks, the first list is proposed (or a new one when there is none).
  const listId = choice ?? (lists.isSuccess ? (items[0]?.id ?? NEW_LIST) : null);
  const creating = listId === NEW_LIST;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!listId) return;
    if (creating && !name.trim()) {
      setError('Name the new list.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const list = creating ? await api.post<StaticList>(LISTS_PATH, { name: name.trim() }) : items.find((l) => l.id === listId)!;
      const result = await api.post<BulkResult>(`${basePath}/bulk`, { action: 'addToList', selection, listId: list.id });
      void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });
      toast.success(`${countOf(result.affected, 'contact', 'contacts')} added to “${list.name}”.`, {
        action: { label: 'Open', onClick: () => navigate(`/lists/${list.id}`) },
      });
      onClose();
    } catch (failure) {
      setError(describeError(failure));
      // A list created before a failed add is real: show it in the picker rather than create it twice.
      void queryClient.invalidateQueries({ queryKey: audienceKeys.lists });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(next) => !next && !busy && onClose()}>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>Add {what} to a list</DialogTitle>
          <DialogDescription>Contacts already on the list stay once; the list does not change when contacts do later.</DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={submit} aria-label="Add to list">
          <Field label="List" error={!creating ? (error ?? undefined) : undefined} hint={lists.isError ? describeError(lists.error) : undefined}>
            <OptionSelect
              value={listId ?? undefined}
              onValueChange={(next) => {
                setChoice(next);
                setError(null);
              }}
              disabled={!lists.isSuccess}
              placeholder={lists.isLoading ? 'Loading lists…' : 'Choose…'}
              options={[{ value: NEW_LIST, label: 'A new list…' }, ...items.map((l) => ({ value: l.id, label: l.name }))]}
            />
          </Field>
          {creating && (
            <Field label="New list name" error={error ?? undefined} required>
              <Input
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setError(null);
                }}
                autoComplete="off"
                autoFocus
              />
            </Field>
          )}
          <FormDialogFooter submitLabel="Add to list" pending={busy} submitDisabled={!listId} onCancel={onClose} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
