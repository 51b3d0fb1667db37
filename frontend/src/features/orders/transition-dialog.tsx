// Moving an order to another state, confirmed: what the move does, a note for the history
// (required to cancel: the client sees why), and the API's refusal (409) in the dialog.
import { useEffect, useState } from 'react';
import { ORDER_STATE_LABELS, type Order, type OrderState } from '@shared/contracts/portal';
import { FormDialog } from '@/components/form/form-dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { describeError } from '@/lib/api';
import { transitionOrder } from './orders-api';

export const MOVE_LABELS: Record<OrderState, string> = {
  submitted: 'Back to submitted',
  in_review: 'Start review',
  approved: 'Approve',
  live: 'Go live',
  paused: 'Pause',
  completed: 'Complete',
  cancelled: 'Cancel order',
};

const MOVE_WORDS: Record<OrderState, string> = {
  submitted: 'returns the order to the client’s queue as submitted (they may change it again).',
  in_review: 'tells the client the order is being reviewed; they can no longer change it.',
  approved: 'accepts the order: its audience can be built and campaigns linked to it.',
  live: 'starts delivery: leads from its campaigns are published to the client.',
  paused: 'stops delivery for now; its campaigns’ leads wait until it is live again.',
  completed: 'closes the order: no more leads are published to it.',
  cancelled: 'ends the order for good. The client sees it cancelled, with your note.',
};

/** Cancelling needs a reason the client reads. */
export const noteRequired = (to: OrderState) => to === 'cancelled';

export function TransitionDialog({ order, to, onOpenChange, onDone }: { order: Order; to: OrderState | null; onOpenChange: (open: boolean) => void; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (to === null) return;
    setNote('');
    setNoteError(null);
    setError(null);
  }, [to]);
  if (to === null) return null;

  async function submit(event?: { preventDefault(): void }) {
    event?.preventDefault();
    if (to === null) return;
    if (noteRequired(to) && !note.trim()) {
      setNoteError('Say why: the client reads it.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await transitionOrder(order.id, to, note.trim() || undefined);
      toast.success(`${order.reference}: ${ORDER_STATE_LABELS[to]}.`);
      onOpenChange(false);
      onDone();
    } catch (refused) {
      setError(describeError(refused));
    } finally {
      setPending(false);
    }
  }

  return (
    <FormDialog
      open
      onOpenChange={onOpenChange}
      title={`${MOVE_LABELS[to]}: ${order.reference}?`}
      description={`${ORDER_STATE_LABELS[order.state]} → ${ORDER_STATE_LABELS[to]}. This ${MOVE_WORDS[to]}`}
      size="sm"
      onSubmit={(event) => submit(event)}
      pending={pending}
      formError={error}
      submitLabel={MOVE_LABELS[to]}
    >
      <Field label={noteRequired(to) ? 'Why (the client reads it)' : 'Note for the history (optional)'} required={noteRequired(to)} error={noteError}>
        <Textarea
          rows={3}
          value={note}
          maxLength={2000}
          onChange={(e) => {
            setNote(e.target.value);
            setNoteError(null);
          }}
        />
      </Field>
    </FormDialog>
  );
}
