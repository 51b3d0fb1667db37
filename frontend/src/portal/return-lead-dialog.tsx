// Sending a delivered lead back: a reason from the active return reasons and an optional note.
// A return reopens one unit of the order and puts the lead back into review for a replacement.
import { useEffect, useState, type FormEvent } from 'react';
import type { PortalLead } from '@shared/contracts/portal-leads';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { FormError } from '@/components/form/form-error';
import { OptionSelect } from '@/components/ui/option-select';
import { Textarea } from '@/components/ui/textarea';
import { toast } from '@/components/ui/toast';
import { errorsByField } from '@/components/form/apply-api-errors';
import { formatTime } from './order-badges';
import { useReturnLead, useReturnReasons } from './portal-api';

export function portalLeadName(lead: Pick<PortalLead, 'fields'>): string {
  const name = [lead.fields.firstName, lead.fields.lastName].filter(Boolean).join(' ');
  return name || lead.fields.email || 'Unnamed lead';
}

/** Why the lead cannot be returned now, or null when it can. */
export function notReturnableBecause(lead: PortalLead, now = Date.now()): string | null {
  if (lead.state !== 'published') return lead.state === 'returned' ? 'Already returned' : 'Already returned and replaced';
  if (!lead.returnableUntil) return 'Outside the return window';
  if (new Date(lead.returnableUntil).getTime() < now) return `The return window closed ${formatTime(lead.returnableUntil)}`;
  return null;
}

export function ReturnLeadDialog({ lead, onOpenChange }: { lead: PortalLead | null; onOpenChange: (open: boolean) => void }) {
  const reasons = useReturnReasons();
  const returnLead = useReturnLead();
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (lead) {
      setReasonCode('');
      setNote('');
      setErrors({});
    }
  }, [lead]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!lead) return;
    if (!reasonCode) {
      setErrors({ reasonCode: 'Choose a reason' });
      return;
    }
    setErrors({});
    try {
      await returnLead.mutateAsync({ leadId: lead.id, reasonCode, note: note.trim() || undefined });
      toast.success(`${portalLeadName(lead)} returned`, { description: 'One unit of the order is open again; a replacement will follow.' });
      onOpenChange(false);
    } catch (error) {
      setErrors(errorsByField(error));
    }
  }

  const options = (reasons.data ?? []).map((r) => ({ value: r.code, label: r.label }));
  const leftover = Object.entries(errors)
    .filter(([field]) => field !== 'reasonCode' && field !== 'note')
    .map(([, message]) => message)
    .join(' ');
  return (
    <Dialog open={lead !== null} onOpenChange={(open) => !returnLead.isPending && onOpenChange(open)}>
      <DialogContent size="md">
        <DialogHeader>
          <DialogTitle>Return {lead ? portalLeadName(lead) : 'lead'}</DialogTitle>
          <DialogDescription>
            {lead?.returnableUntil ? `Returnable until ${formatTime(lead.returnableUntil)}. ` : ''}
            The order gets one unit back and we look for a replacement.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void submit(e)} noValidate className="grid gap-4" aria-label="Return the lead">
          <Field label="Reason" required error={errors.reasonCode}>
            {(control) => (
              <OptionSelect
                {...control}
                value={reasonCode || undefined}
                onValueChange={(code) => {
                  setReasonCode(code);
                  setErrors(({ reasonCode: _, ...rest }) => rest);
                }}
                options={options}
                placeholder={reasons.isLoading ? 'Loading reasons…' : 'Choose a reason'}
                disabled={reasons.isLoading}
              />
            )}
          </Field>
          <Field label="Note" hint="What was wrong, for the quality team (optional)." error={errors.note}>
            <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} />
          </Field>
          <FormError>{reasons.isError ? 'The return reasons could not be loaded.' : leftover || null}</FormError>
          <DialogFooter>
            <Button variant="outline" type="button" onClick={() => onOpenChange(false)} disabled={returnLead.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" loading={returnLead.isPending}>
              Return lead
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
