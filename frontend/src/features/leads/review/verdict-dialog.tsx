// A move that takes a reason: reject (a reject code) or record a client's return (a return code),
// with a note; the codes come from the catalogue. Optional-reason moves use it too when a note is
// wanted.
import { useEffect, useState, type FormEvent } from 'react';
import { LEAD_STATE_LABELS, LEAD_TRANSITIONS, type LeadState } from '@shared/contracts/leads';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/form/form-error';
import { OptionSelect } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { describeError, isApiError } from '@/lib/api';
import { transitionLead, useReasonCodes } from '../leads-api';

/** Whether the move from `from` to `to` needs a reason code. */
export function reasonRequired(from: LeadState, to: LeadState): boolean {
  return LEAD_TRANSITIONS.some((t) => t.from === from && t.to === to && t.reason === 'required');
}

export function VerdictDialog({
  leadId,
  from,
  to,
  onOpenChange,
  onDone,
}: {
  leadId: string;
  from: LeadState;
  /** The target state; null: closed. */
  to: LeadState | null;
  onOpenChange: (open: boolean) => void;
  onDone: (to: LeadState) => void;
}) {
  const codes = useReasonCodes();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (to) {
      setCode('');
      setNote('');
      setError(null);
      setCodeError(null);
    }
  }, [to]);
  if (!to) return null;
  const kind = to === 'returned' ? 'return' : 'reject';
  const required = reasonRequired(from, to);
  const options = (codes.data ?? []).filter((c) => c.kind === kind && c.active).map((c) => ({ value: c.code, label: c.label }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    if (required && !code) {
      setCodeError('Choose a reason');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await transitionLead(leadId, { to, reasonCode: code || null, note: note.trim() || null });
      onOpenChange(false);
      onDone(to);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.reasonCode) setCodeError(e.fieldErrors.reasonCode.join('; '));
      setError(describeError(e));
    } finally {
      setPending(false);
    }
  }

  const verb = to === 'rejected' ? 'Reject' : to === 'returned' ? 'Record the return of' : `Move to ${LEAD_STATE_LABELS[to]}:`;
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent size="md">
        <form onSubmit={(e) => void submit(e)} className="grid gap-4" aria-label={`${verb} the lead`}>
          <DialogHeader>
            <DialogTitle>{verb} this lead</DialogTitle>
            <DialogDescription>{to === 'returned' ? 'Why the client returned it, from the catalogue; the note is kept with the return.' : required ? 'Choose why from the catalogue; the note is for the team.' : 'Add a note if it helps the next reader.'}</DialogDescription>
          </DialogHeader>
          <FormError>{error}</FormError>
          {(required || options.length > 0) && (
            <Field label="Reason" required={required} error={codeError} hint={codes.isError ? `The reasons could not be loaded: ${describeError(codes.error)}` : undefined}>
              {(control) => (
                <OptionSelect
                  {...control}
                  value={code || undefined}
                  onValueChange={(v) => {
                    setCode(v);
                    setCodeError(null);
                  }}
                  options={options}
                  placeholder={codes.isPending ? 'Loading reasons…' : 'Choose a reason'}
                  disabled={codes.isPending}
                  className="h-9"
                />
              )}
            </Field>
          )}
          <Field label="Note">
            <Textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" variant={to === 'rejected' || to === 'returned' ? 'destructive' : 'default'} loading={pending}>
              {to === 'rejected' ? 'Reject' : to === 'returned' ? 'Record return' : `Move to ${LEAD_STATE_LABELS[to]}`}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
