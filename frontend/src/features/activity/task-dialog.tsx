// Creates a task on a record: what, which kind, due when (a local date and time in the
// assignee's zone), for whom (me by default, or a colleague found by name).
import { useState, type FormEvent } from 'react';
import { TASK_TYPE_LABELS, TASK_TYPES, type TaskType } from '@shared/contracts/activity';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { OptionSelect, labelledOptions } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { ApiError, describeError } from '@/lib/api';
import { useAuth } from '@/lib/auth';
import { browserTimeZone, mentionCandidates, useCreateTask } from './activity-api';

const TASK_TYPE_OPTIONS = labelledOptions(TASK_TYPES, TASK_TYPE_LABELS);

/** Tomorrow at 09:00, local, as the datetime input writes it. */
function tomorrowMorning(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

export interface TaskDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  recordName: string;
  contactId: string | null;
  accountId: string | null;
}

export function TaskDialog({ open, onOpenChange, recordName, contactId, accountId }: TaskDialogProps) {
  const { user } = useAuth();
  const create = useCreateTask();
  const [title, setTitle] = useState(`Call back ${recordName}`);
  const [type, setType] = useState<TaskType>('call_back');
  const [dueLocal, setDueLocal] = useState(tomorrowMorning());
  const [zone, setZone] = useState(browserTimeZone());
  const [assignee, setAssignee] = useState<{ id: string; name: string } | null>(user ? { id: user.id, name: 'Me' } : null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Array<{ id: string; name: string }>>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [note, setNote] = useState('');

  async function find(q: string) {
    setSearch(q);
    if (!q.trim()) return setFound([]);
    try {
      setFound((await mentionCandidates(q)).items.map((u) => ({ id: u.id, name: u.name || u.username })));
    } catch {
      setFound([]);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!assignee) return setErrors({ assigneeId: 'Choose who does it.' });
    try {
      await create.mutateAsync({ title, type, dueLocal, dueTimeZone: zone, assigneeId: assignee.id, contactId, accountId: contactId ? null : accountId, note: note.trim() || null });
      toast.success('Task created.');
      onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length) {
        setErrors(Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v[0]!])));
        setFormError(null);
      } else {
        setFormError(describeError(error));
      }
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>New task</DialogTitle>
            <DialogDescription>For {recordName}. It shows in the assignee's My tasks.</DialogDescription>
          </DialogHeader>
          {formError && (
            <p role="alert" className="rounded-md bg-danger-subtle px-3 py-2 text-sm text-danger-text">
              {formError}
            </p>
          )}
          <Field label="Title" required error={errors.title}>
            <Input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Type">
              <OptionSelect value={type} onValueChange={setType} options={TASK_TYPE_OPTIONS} />
            </Field>
            <Field label="Due" required error={errors.dueLocal}>
              <Input type="datetime-local" value={dueLocal} onChange={(e) => setDueLocal(e.target.value)} />
            </Field>
          </div>
          <Field label="Time zone" hint="The assignee's; the due time is in it." error={errors.dueTimeZone}>
            <Input value={zone} onChange={(e) => setZone(e.target.value)} />
          </Field>
          <Field label="Assignee" error={errors.assigneeId} hint={assignee ? `Assigned to ${assignee.name}.` : undefined}>
            <Input placeholder="Search a colleague by name" value={search} onChange={(e) => void find(e.target.value)} />
          </Field>
          {found.length > 0 && (
            <ul className="-mt-2 grid gap-1" aria-label="Colleagues found">
              {found.map((u) => (
                <li key={u.id}>
                  <Button
                    type="button"
                    size="sm"
                    variant={assignee?.id === u.id ? 'default' : 'outline'}
                    onClick={() => {
                      setAssignee(u);
                      setFound([]);
                      setSearch('');
                    }}
                  >
                    {u.name}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <Field label="Note" error={errors.note}>
            <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create task'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
